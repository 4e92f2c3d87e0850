/**
 * City vital signs (城市生命体征) of the zone, each with a trend line, from the vitals slice (the
 * live host computes them from the feed; definitions in docs/kpis.md). Nothing here is a
 * constant: before the feed has data every value reads "—". A KPI whose sensors are still
 * waiting for their first report is "warming up": neutral, never red, and it says so.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SEVERITIES } from '../../scene/schema';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { TREND_KPIS, type TrendKpi, type Vitals, type WarmingKind } from '../../analysis/live/vitals';
import { VEHICLE_CLASSES } from '../../sim/types';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore } from '../../state/hooks';
import type { Language } from '../../state/viewSlice';
import { formatClock, formatNumber, formatPercent } from './format';
import { KpiCard, type KpiTone } from './KpiCard';
import './live.css';

/** Bands of the travel time index used to colour its card (the common 1.5 / 2.0 reading of 拥堵延时指数). */
export const TTI_BANDS = { slow: 1.5, congested: 2 } as const;

type Tone = Exclude<KpiTone, 'pending'>;

/** Which pending sensors make a KPI warm up. */
const WARMING_BY_KPI: Partial<Record<TrendKpi, WarmingKind>> = { rsuHealth: 'rsu', aqi: 'aqi', noiseDb: 'noise', parkingAvailability: 'parking' };

/** Sensors of this KPI still waiting for their first report (0: the KPI is settled). */
export function pendingFor(k: TrendKpi, v: Vitals): number {
  const kind = WARMING_BY_KPI[k];
  return kind ? v.pending[kind] : 0;
}

/** A KPI's colour band; shared with the big screen's KPI columns. */
export function toneOf(k: TrendKpi, v: Vitals): Tone {
  switch (k) {
    case 'congestionIndex':
      return v.congestionIndex === null ? 'ok' : v.congestionIndex >= TTI_BANDS.congested ? 'bad' : v.congestionIndex >= TTI_BANDS.slow ? 'warn' : 'ok';
    case 'signalHealth':
    case 'rsuHealth': {
      const h = v[k];
      return h === null ? 'ok' : h < 0.8 ? 'bad' : h < 0.95 ? 'warn' : 'ok';
    }
    case 'aqi':
      return v.aqi === null ? 'ok' : v.aqi > 150 ? 'bad' : v.aqi > 100 ? 'warn' : 'ok';
    case 'noiseDb':
      return v.noiseDb === null ? 'ok' : v.noiseDb >= 70 ? 'warn' : 'ok';
    case 'parkingAvailability':
      return v.parkingAvailability === null ? 'ok' : v.parkingAvailability < 0.05 ? 'bad' : v.parkingAvailability < 0.15 ? 'warn' : 'ok';
    case 'alertsOpenTotal':
      return v.alertsOpen.critical > 0 ? 'bad' : v.alertsOpenTotal > 0 ? 'warn' : 'ok';
    default:
      return 'ok';
  }
}

/** A KPI's value as shown, in the UI language; shared with the big screen's KPI columns. */
export function display(k: TrendKpi, v: Vitals, lang: Language): string {
  switch (k) {
    case 'avgSpeedKmh':
    case 'noiseDb':
      return formatNumber(v[k], lang, 1);
    case 'congestionIndex':
      return formatNumber(v.congestionIndex, lang, 2);
    case 'aqi':
      return formatNumber(v.aqi, lang, 0);
    case 'vehiclesOnline':
    case 'alertsOpenTotal':
      return formatNumber(v[k], lang, 0);
    default:
      return formatPercent(v[k], lang, 0);
  }
}

export function VitalsPanel() {
  const { t } = useTranslation();
  const titleId = useId();
  const lang = useAppStore((s) => s.language);
  const vitals = useAppStore((s) => s.vitals);
  const trend = useAppStore((s) => s.vitalsTrend);
  const feedStatus = useAppStore((s) => s.feed.status);
  // "Last known values" is only true if something ever arrived.
  const feedNeverDelivered = useAppStore((s) => s.feed.lastMessageAtMs === null);
  const minutes = useAppStore((s) => liveConfigOf(s.zones.find((z) => z.id === s.currentZoneId)?.scene).kpi.trendMinutes);

  const unit: Partial<Record<TrendKpi, string>> = { avgSpeedKmh: 'km/h', noiseDb: 'dB(A)' };
  const withPending = (k: TrendKpi, v: Vitals, text: string | null) => {
    const n = pendingFor(k, v);
    if (n === 0) return text;
    const note = t('live.vitals.pendingCount', { n });
    return text ? `${text} · ${note}` : note;
  };
  const detail = (k: TrendKpi, v: Vitals) => {
    switch (k) {
      case 'avgSpeedKmh':
        return t('live.vitals.congestedShare', { pct: formatPercent(v.congestedShare, lang) });
      case 'vehiclesOnline':
        return v.vehiclesOnline === null ? null : (
          <span className="st-kpi__classes">
            {VEHICLE_CLASSES.map((c) => (
              <span key={c} data-testid={`kpi-class-${c}`}>
                {t(`live.vehicleClassShort.${c}`)} {v.vehiclesByClass[c]}
              </span>
            ))}
          </span>
        );
      case 'signalHealth':
        return t('live.vitals.ofTotal', { n: v.signalsOnline, total: v.signalsTotal });
      case 'rsuHealth':
        return withPending(k, v, t('live.vitals.ofTotal', { n: v.rsuNormal, total: v.rsuTotal }));
      case 'aqi':
        return withPending(k, v, v.aqiMax === null ? null : t('live.vitals.max', { n: formatNumber(v.aqiMax, lang, 0) }));
      case 'noiseDb':
        return withPending(k, v, null);
      case 'parkingAvailability':
        return withPending(k, v, v.parkingCapacity === null ? null : t('live.vitals.parkingFree', { free: v.parkingFree ?? '—', total: v.parkingCapacity }));
      case 'alertsOpenTotal':
        return (
          <span className="st-kpi__classes">
            {ALERT_SEVERITIES.map((s) => (
              <span key={s} data-testid={`kpi-alerts-${s}`} style={{ color: SEVERITY_COLORS[s] }}>
                {t(`live.severity.${s}`)} {v.alertsOpen[s]}
              </span>
            ))}
          </span>
        );
      default:
        return null;
    }
  };

  return (
    <section className="st-panel st-vitals" aria-labelledby={titleId} data-testid="vitals-panel">
      <div className="st-live-head">
        <h2 id={titleId} className="st-section__title">
          {t('live.vitals.title')}
        </h2>
        {vitals && <span className="st-muted st-live-head__meta">{t('live.vitals.updated', { time: formatClock(vitals.atMs) })}</span>}
      </div>
      {vitals && feedStatus !== 'connected' && (
        <p className="st-badge st-badge--warn st-vitals__stale" role="status" data-testid="vitals-stale">
          {t(feedNeverDelivered ? 'live.vitals.feedNoData' : 'live.vitals.feedInterrupted')}
        </p>
      )}
      {!vitals ? (
        <p className="st-muted">{t('live.vitals.waiting')}</p>
      ) : (
        <ul className="st-kpis">
          {TREND_KPIS.map((k, i) => {
            const name = t(`live.vitals.kpi.${k}`);
            const warming = pendingFor(k, vitals) > 0;
            const value = display(k, vitals, lang);
            return (
              <KpiCard
                key={k}
                kpi={k}
                name={name}
                value={warming && vitals[k] === null ? t('live.vitals.warmingUp') : value}
                raw={vitals[k]}
                unit={vitals[k] === null ? undefined : unit[k]}
                detail={detail(k, vitals)}
                tone={warming ? 'pending' : toneOf(k, vitals)}
                // With no value yet the value itself says "warming up"; with a partial value a badge does.
                warming={warming ? { label: vitals[k] === null ? '' : t('live.vitals.warmingUp'), title: t('live.vitals.warmingTitle') } : null}
                trend={trend ? { t: trend.t, v: trend.values[i] ?? [] } : null}
                trendLabel={t('live.vitals.trend', { name, n: minutes })}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
