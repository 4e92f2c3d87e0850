/** One bus stop: its line and the next arrivals predicted by the connected buses. */
import { useTranslation } from 'react-i18next';
import { etaMinutes } from '../../layers/live/labelText';
import { wallClock } from '../../layers/live/liveClock';
import { stopArrivals } from '../../layers/stops/model';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { localName } from './format';
import { useUiTick } from './useUiTick';

export function StopPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  useUiTick(1000);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const s = store.getState();
  const b = s.feedBuffers;
  const stop = b?.stops.get(id);
  if (!b || !stop) return <p className="st-muted">{t('live.detail.gone')}</p>;
  const arrivals = stopArrivals(b.vehicles, b.clock.serverNow(wallClock()), s.feed.timeScale || 1).get(id) ?? [];
  return (
    <div className="st-live-detail__body" data-testid="stop-panel">
      <p className="st-live-detail__kind">{t('live.stop.title')}</p>
      <h3 className="st-live-detail__title">{localName(stop.name, lang, stop.id)}</h3>
      <p>{localName(b.lines.get(stop.lineId)?.name, lang, stop.lineId)}</p>
      <h4 className="st-live-detail__sub">{t('live.stop.arrivals')}</h4>
      {arrivals.length === 0 ? (
        <p className="st-muted">{t('live.stop.noArrivals')}</p>
      ) : (
        <ol className="st-live-list">
          {arrivals.map((a) => (
            <li key={a.vehicleId}>
              <span className="st-mono">{a.vehicleId}</span> · {t('live.stop.minutes', { n: etaMinutes(a.etaS) })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
