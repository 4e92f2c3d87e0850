/**
 * One sensor: its live value and threshold state, a sparkline of the last minutes (sampled at UI
 * rate by the live host), its thresholds, and when silent, "last seen at …" with the last value
 * marked as old. A sensor that never reported shows no value at all, never 0: "awaiting first
 * report" while its first report is not yet due, "no reading yet" (offline) after that.
 */
import { useTranslation } from 'react-i18next';
import { liveConfigOf } from '../../analysis/live/liveConfig';
import { readSensor } from '../../analysis/live/readSensors';
import { SENSOR_LEVEL_COLORS } from '../../layers/sensors/style';
import type { Scene } from '../../scene/schema';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { displayUnit } from '../../layers/live/labelText';
import { formatClock, formatNumber, localName } from './format';
import { Sparkline } from './Sparkline';
import { useRecordedHour } from './useRecordedHour';
import { useUiTick } from './useUiTick';

export const SENSOR_SPARK = { width: 300, height: 64 } as const;

export function SensorPanel({ id, scene }: { id: string; scene: Scene }) {
  const { t } = useTranslation();
  useUiTick(1000);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const sampled = useAppStore((s) => (s.liveSensorHistory?.id === id ? s.liveSensorHistory : null));
  const recorded = useRecordedHour(id);
  const history = recorded ?? sampled;
  const buf = store.getState().feedBuffers?.sensors;
  const slot = buf?.slot(id);
  if (!buf || slot === undefined) return <p className="st-muted">{t('live.detail.gone')}</p>;
  const live = liveConfigOf(scene);
  const s = readSensor(buf, slot, live.sensorThresholds);
  const th = s.thresholds;
  const op = th?.direction === 'below' ? '≤' : '≥';
  const color = SENSOR_LEVEL_COLORS[s.level];

  return (
    <div className="st-live-detail__body" data-testid="sensor-panel" data-sensor-id={id} data-level={s.level} data-history={recorded ? "recorded" : "sampled"}>
      <p className="st-live-detail__kind">{t(`live.sensorType.${s.type}`, { defaultValue: s.type })}</p>
      <h3 className="st-live-detail__title">{localName(s.name, lang, s.id)}</h3>
      <div className="st-sensor-value">
        {s.value === null ? (
          <span className="st-muted" data-testid="sensor-value">{t(s.pending ? 'live.sensor.pending' : 'live.sensor.neverReported')}</span>
        ) : (
          <span data-testid="sensor-value" className={s.stale ? 'st-sensor-value--old' : ''}>
            <strong>{formatNumber(s.value, lang, 1)}</strong> {displayUnit(s.unit, t)}
          </span>
        )}
        <span className="st-badge" style={{ borderColor: color, color }} data-testid="sensor-level">
          {t(`live.level.${s.level}`)}
        </span>
      </div>
      {s.stale && s.lastSeenMs !== null && (
        <p className="st-note st-note--warn" data-testid="sensor-last-seen">
          {t('live.sensor.lastSeenAt', { time: formatClock(s.lastSeenMs) })}
        </p>
      )}
      {history && history.t.length > 1 ? (
        <Sparkline
          t={history.t}
          v={history.v}
          width={SENSOR_SPARK.width}
          height={SENSOR_SPARK.height}
          color={color}
          label={recorded ? t('live.sensor.historyRecorded') : t('live.sensor.history', { n: live.kpi.trendMinutes })}
          refs={th ? [{ value: th.warn, color: SENSOR_LEVEL_COLORS.warning }, { value: th.alarm, color: SENSOR_LEVEL_COLORS.alarm }] : []}
        />
      ) : (
        <p className="st-muted">{t('live.sensor.noHistory')}</p>
      )}
      <dl className="st-attr__list">
        <dt>{t('live.sensor.thresholds')}</dt>
        <dd data-testid="sensor-thresholds">
          {th
            ? `${t('live.level.warning')} ${op} ${formatNumber(th.warn, lang)} · ${t('live.level.alarm')} ${op} ${formatNumber(th.alarm, lang)} ${displayUnit(s.unit, t)}`
            : t('live.sensor.noThresholds')}
        </dd>
        {s.capacity !== undefined && (
          <>
            <dt>{t('live.sensor.capacity')}</dt>
            <dd>{s.capacity}</dd>
          </>
        )}
        <dt>{t('live.sensor.quality')}</dt>
        <dd>{s.quality ? t(`live.sensor.qualities.${s.quality}`) : '—'}</dd>
        <dt>{t('live.sensor.lastSeen')}</dt>
        <dd>{formatClock(s.lastSeenMs)}</dd>
        <dt>{t('live.detail.id')}</dt>
        <dd className="st-mono">{s.id}</dd>
      </dl>
    </div>
  );
}
