/**
 * Drills and demos: trigger the simulator's scenarios (rainstorm, crash, silent sensor, RSU
 * failure) and change its speed, through the feed's control channel. Only the built-in simulator
 * accepts controls; with an external feed the panel says so and offers nothing to press.
 *
 * A pressed drill stays pressed while it runs, and its confirmation with the elapsed time and
 * the expected effects sits right under the buttons, scrolled into view on press: an operator
 * who pressed 暴雨 must see at once that it took, and how long the water needs at this speed.
 */
import { useContext, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedControlContext } from '../../state/feedControl';
import { SCENARIOS, type ScenarioName } from '../../sim/types';
import { wallClock, type Clock } from '../../layers/live/liveClock';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { drillElapsedSimS, DrillStatus, isDrillRunning } from './DrillStatus';
import { useUiTick } from './useUiTick';

export const SIM_SPEEDS = [1, 5, 10, 30, 60] as const;

export function ScenarioPanel({ now = wallClock }: { now?: Clock }) {
  const { t } = useTranslation();
  const titleId = useId();
  useUiTick(1000);
  const store = useAppStoreApi();
  const control = useContext(FeedControlContext);
  const kind = useAppStore((s) => s.feed.kind);
  const timeScale = useAppStore((s) => s.feed.timeScale);
  const simTimeMs = useAppStore((s) => s.feed.simTimeMs);
  const drills = useAppStore((s) => s.drills);
  const statusRef = useRef<HTMLDivElement>(null);
  const usable = control.canControl && kind === 'sim';

  const running = (name: ScenarioName) => {
    const run = drills.find((d) => d.name === name);
    return run !== undefined && isDrillRunning(run, drillElapsedSimS(run, simTimeMs, now(), timeScale));
  };

  const trigger = (name: ScenarioName) => {
    control.control({ scenario: name });
    const feed = store.getState().feed;
    store.getState().startDrill({ name, startedAtMs: now(), startedSimMs: feed.simTimeMs });
    // jsdom has no scrollIntoView; browsers do.
    requestAnimationFrame(() => statusRef.current?.scrollIntoView?.({ block: 'nearest' }));
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
              <button
                key={name}
                type="button"
                className="st-btn st-btn--small st-scenarios__btn"
                data-scenario={name}
                aria-pressed={running(name)}
                onClick={() => trigger(name)}
              >
                {t(`live.scenario.names.${name}`)}
              </button>
            ))}
          </div>
          <DrillStatus ref={statusRef} now={now} />
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
        </>
      )}
    </section>
  );
}
