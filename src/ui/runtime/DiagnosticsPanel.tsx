/**
 * The runtime diagnostics panel (Ctrl+Shift+D or `diag=1`): the watchdog's sampled counters as
 * small charts over its bounded history, the recoveries counted in this tab (kept across soft
 * reloads), and what the watchdog is doing now. For the engineer at a wall, not for the public:
 * plain, dense, in the interface language.
 */
import { useTranslation } from 'react-i18next';
import { watchdogHandle } from '../../runtime/useWatchdog';
import type { HealthSample, WatchdogCounters } from '../../runtime/watchdogTypes';
import { useAppStore } from '../../state/hooks';
import { formatClock } from '../live/format';
import { Sparkline } from '../live/Sparkline';
import { seriesOf, type DiagSeriesId } from './diagSeries';
import './runtime.css';

const SERIES: { id: DiagSeriesId; color: string }[] = [
  { id: 'heap', color: '#5ab0ff' },
  { id: 'gpu', color: '#ffb347' },
  { id: 'cache', color: '#7bd88f' },
  { id: 'dom', color: '#c792ea' },
  { id: 'ours', color: '#f78c6c' },
  { id: 'frame', color: '#ffd54f' },
  { id: 'feed', color: '#80cbc4' },
];

const COUNTER_ORDER: (keyof WatchdogCounters)[] = ['frameStalls', 'feedOutages', 'resubscribe', 'rebuild-view', 'soft-reload', 'thresholdReloads', 'dailyReloads'];

export function DiagnosticsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  // Re-renders with each sample: the view in the store changes every WATCHDOG_SAMPLE_MS.
  const view = useAppStore((s) => s.watchdog);
  const history: readonly HealthSample[] = watchdogHandle()?.history() ?? [];
  return (
    <section className="st-diag st-panel" role="dialog" aria-label={t('runtime.diagTitle')} data-testid="diagnostics-panel">
      <header className="st-diag__head">
        <h2 className="st-diag__title">{t('runtime.diagTitle')}</h2>
        <button type="button" className="st-btn" onClick={onClose}>
          {t('runtime.close')}
        </button>
      </header>
      <p className="st-muted st-diag__hint">{t('runtime.diagHint')}</p>
      {view.incident && (
        <p className="st-diag__state st-diag__state--bad" role="status">
          {t('runtime.incident', { cause: t(`runtime.causes.${view.incident.cause}`), step: t(`runtime.counters.${view.incident.step}`), time: formatClock(view.incident.sinceMs) })}
        </p>
      )}
      {view.pendingReload && <p className="st-diag__state">{t('runtime.pending', { detail: view.pendingReload.detail })}</p>}
      {view.lastRecovery && (
        <p className="st-diag__state st-muted">
          {t('runtime.lastRecovery', { step: t(`runtime.counters.${view.lastRecovery.step}`), time: formatClock(view.lastRecovery.atMs) })}
        </p>
      )}
      {history.length === 0 ? (
        <p className="st-muted">{t('runtime.noSample')}</p>
      ) : (
        <ul className="st-diag__series">
          {SERIES.map(({ id, color }) => {
            const s = seriesOf(history, id);
            return (
              <li key={id} className="st-diag__row" data-series={id}>
                <span className="st-diag__label">{t(`runtime.series.${id}`)}</span>
                <strong className="st-diag__value" data-testid={`diag-${id}`}>
                  {s.latest ?? t('runtime.unavailable')}
                </strong>
                <Sparkline t={s.t} v={s.v} width={220} height={28} color={color} label={t(`runtime.series.${id}`)} />
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="st-diag__subtitle">{t('runtime.countersTitle')}</h3>
      <dl className="st-diag__counters">
        {COUNTER_ORDER.map((k) => (
          <div key={k} className="st-diag__counter" data-counter={k}>
            <dt>{t(`runtime.counters.${k}`)}</dt>
            <dd>{view.counters[k]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
