/**
 * One vehicle: class, speed, SAE automation level, bus line and next stops or route, and whether
 * the camera follows it. Read from the feed's buffers once a second.
 */
import { useTranslation } from 'react-i18next';
import { CLASS_BY_CODE } from '../../analysis/live/gather';
import { etaMinutes } from '../../layers/live/labelText';
import { wallClock } from '../../layers/live/liveClock';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { formatClock, formatNumber, localName } from './format';
import { useUiTick } from './useUiTick';

export function VehiclePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  useUiTick(1000);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const follow = useAppStore((s) => s.followVehicle);
  const setFollow = useAppStore((s) => s.setFollowVehicle);
  // Following is the 3D view's camera tracking a drawn vehicle; the globe draws no vehicles.
  const onGlobe = useAppStore((s) => s.engine === 'globe');
  const b = store.getState().feedBuffers;
  const v = b?.vehicles;
  const slot = v?.slot(id);
  if (!b || !v || slot === undefined) return <p className="st-muted" data-testid="vehicle-gone">{t('live.detail.vehicleGone')}</p>;
  const cls = CLASS_BY_CODE[v.classCode[slot]!] ?? 'car';
  const line = v.lines[slot];
  const lineInfo = line ? b.lines.get(line.id) : undefined;
  const elapsedS = line ? ((b.clock.serverNow(wallClock()) - line.ts) / 1000) * (store.getState().feed.timeScale || 1) : 0;

  return (
    <div className="st-live-detail__body" data-testid="vehicle-panel" data-vehicle-id={id}>
      <p className="st-live-detail__kind">{t(`live.vehicleClass.${cls}`)}</p>
      <h3 className="st-live-detail__title st-mono">{id}</h3>
      {v.stale[slot] === 1 && <p className="st-note st-note--warn">{t('live.vehicle.stale', { time: formatClock(v.updatedAt[slot]!) })}</p>}
      <dl className="st-attr__list">
        <dt>{t('live.vehicle.speed')}</dt>
        <dd data-testid="vehicle-speed">{formatNumber(v.speed[slot]! * 3.6, lang, 0)} km/h</dd>
        <dt>{t('live.vehicle.automation')}</dt>
        <dd>{t('live.vehicle.level', { n: v.automation[slot]! })}</dd>
        {line ? (
          <>
            <dt>{t('live.vehicle.line')}</dt>
            <dd>{localName(lineInfo?.name, lang, line.id)}</dd>
            <dt>{t('live.vehicle.nextStops')}</dt>
            <dd>
              <ol className="st-live-list">
                {line.nextStops.map((ns) => (
                  <li key={ns.stopId}>
                    {localName(b.stops.get(ns.stopId)?.name, lang, ns.stopId)} · {t('live.stop.minutes', { n: etaMinutes(ns.etaS - Math.max(0, elapsedS)) })}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : (
          v.routes[slot] && (
            <>
              <dt>{t('live.vehicle.route')}</dt>
              <dd className="st-mono">{v.routes[slot]}</dd>
            </>
          )
        )}
        <dt>{t('live.vehicle.updated')}</dt>
        <dd>{formatClock(v.updatedAt[slot]!)}</dd>
      </dl>
      {!onGlobe && (
        <label className="st-toggle">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          <span>{t('live.vehicle.follow')}</span>
        </label>
      )}
    </div>
  );
}
