/**
 * Drills and demos: trigger the simulator's scenarios (rainstorm, crash, silent sensor, RSU
 * failure) and change its speed, through the feed's control channel. Only the built-in simulator
 * accepts controls; with an external feed the panel says so and offers nothing to press.
 */
import { useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedControlContext } from '../../state/feedControl';
import { SCENARIOS, type ScenarioName } from '../../sim/types';
import { wallClock, type Clock } from '../../layers/live/liveClock';
import { useAppStore } from '../../state/hooks';
import { formatClock } from './format';

export const SIM_SPEEDS = [1, 5, 10, 30, 60] as const;

export function ScenarioPanel({ now = wallClock }: { now?: Clock }) {
  const { t } = useTranslation();
  const titleId = useId();
  const control = useContext(FeedControlContext);
  const kind = useAppStore((s) => s.feed.kind);
  const timeScale = useAppStore((s) => s.feed.timeScale);
  const [log, setLog] = useState<{ name: ScenarioName; atMs: number }[]>([]);
  const usable = control.canControl && kind === 'sim';

  const trigger = (name: ScenarioName) => {
    control.control({ scenario: name });
    setLog((l) => [{ name, atMs: now() }, ...l].slice(0, 5));
  };

  return (
    <section className="st-section st-scenarios" aria-labelledby={titleId} data-testid="scenario-panel">
      <h2 id={titleId} className="st-section__title">
        {t('live.scenario.title')}
      </h2>
      {!usable ? (
        <p className="st-muted" data-testid="scenario-unavailable">
          {t('live.scenario.unavailable')}
        </p>
      ) : (
        <>
          <div className="st-row">
            {SCENARIOS.map((name) => (
              <button key={name} type="button" className="st-btn st-btn--small" data-scenario={name} onClick={() => trigger(name)}>
                {t(`live.scenario.names.${name}`)}
              </button>
            ))}
          </div>
          <label className="st-row st-scenarios__speed">
            <span>{t('live.scenario.speed')}</span>
            <select className="st-select" value={String(timeScale)} onChange={(e) => control.control({ timeScale: Number(e.target.value) })}>
              {(SIM_SPEEDS.includes(timeScale as never) ? SIM_SPEEDS : [...SIM_SPEEDS, timeScale].sort((a, b) => a - b)).map((x) => (
                <option key={x} value={String(x)}>
                  {x}×
                </option>
              ))}
            </select>
          </label>
          {log.length > 0 && (
            <ul className="st-live-list st-muted">
              {log.map((e, i) => (
                <li key={`${e.atMs}-${i}`}>{t('live.scenario.triggered', { name: t(`live.scenario.names.${e.name}`), time: formatClock(e.atMs) })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
