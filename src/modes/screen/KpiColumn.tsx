/**
 * One column of city vital signs on the big screen: the planner's KPI cards (same values, bands
 * and warming-up rule as the vitals panel) with big numerals and a wide trend line. Before the
 * feed has data every card reads "—", so the layout never jumps when numbers arrive.
 */
import { useTranslation } from 'react-i18next';
import { ALERT_SEVERITIES } from '../../scene/schema';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { TREND_KPIS, type TrendKpi, type Vitals } from '../../analysis/live/vitals';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore } from '../../state/hooks';
import { formatPercent } from '../../ui/live/format';
import { KpiCard } from '../../ui/live/KpiCard';
import { display, pendingFor, toneOf } from '../../ui/live/VitalsPanel';

/** Trend line size in design px: the card's width less its padding. */
export const SCREEN_TREND_SIZE = { width: 340, height: 40 } as const;

const UNIT: Partial<Record<TrendKpi, string>> = { avgSpeedKmh: 'km/h', noiseDb: 'dB(A)' };

interface Props {
  side: 'left' | 'right';
  kpis: readonly TrendKpi[];
}

export function KpiColumn({ side, kpis }: Props) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const vitals = useAppStore((s) => s.vitals);
  const trend = useAppStore((s) => s.vitalsTrend);
  const minutes = useAppStore((s) => liveConfigOf(s.zones.find((z) => z.id === s.currentZoneId)?.scene).kpi.trendMinutes);

  const detail = (k: TrendKpi, v: Vitals) => {
    switch (k) {
      case 'avgSpeedKmh':
        return t('live.vitals.congestedShare', { pct: formatPercent(v.congestedShare, lang) });
      case 'signalHealth':
        return t('live.vitals.ofTotal', { n: v.signalsOnline, total: v.signalsTotal });
      case 'rsuHealth':
        return t('live.vitals.ofTotal', { n: v.rsuNormal, total: v.rsuTotal });
      case 'parkingAvailability':
        return v.parkingCapacity === null ? null : t('live.vitals.parkingFree', { free: v.parkingFree ?? '—', total: v.parkingCapacity });
      case 'alertsOpenTotal':
        return (
          <span className="st-kpi__classes">
            {ALERT_SEVERITIES.map((s) => (
              <span key={s} style={{ color: SEVERITY_COLORS[s] }}>
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
    <section className={`st-screen__column st-screen__column--${side}`} data-screen-part={`kpis-${side}`} aria-label={t(`modes.screenShell.columns.${side}`)}>
      <h2 className="st-screen__column-title">{t(`modes.screenShell.columns.${side}`)}</h2>
      <ul className="st-screen__kpis">
        {kpis.map((k) => {
          const name = t(`live.vitals.kpi.${k}`);
          if (!vitals) {
            return <KpiCard key={k} kpi={k} name={name} value="—" raw={null} trend={null} trendLabel={name} tone="pending" />;
          }
          const warming = pendingFor(k, vitals) > 0;
          const i = TREND_KPIS.indexOf(k);
          return (
            <KpiCard
              key={k}
              kpi={k}
              name={name}
              value={warming && vitals[k] === null ? t('live.vitals.warmingUp') : display(k, vitals, lang)}
              raw={vitals[k]}
              unit={vitals[k] === null ? undefined : UNIT[k]}
              detail={detail(k, vitals)}
              tone={warming ? 'pending' : toneOf(k, vitals)}
              warming={warming ? { label: vitals[k] === null ? '' : t('live.vitals.warmingUp'), title: t('live.vitals.warmingTitle') } : null}
              trend={trend ? { t: trend.t, v: trend.values[i] ?? [] } : null}
              trendLabel={t('live.vitals.trend', { name, n: minutes })}
              trendSize={SCREEN_TREND_SIZE}
            />
          );
        })}
      </ul>
    </section>
  );
}
