/**
 * Drills started in this zone, newest first: each says it is running and for how long (in
 * simulated time, and in wall time when the simulator runs faster), when its effects are due at
 * the current speed, and, for the rainstorm, how high the water already stands. Nothing here is
 * a promise the simulator does not keep: the spans come from DRILL_TIMINGS, which a test measures.
 */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DRILL_TIMINGS, milestoneWallS } from '../../sim/scenarios/drillTimings';
import type { DrillRun } from '../../state/drillsSlice';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { Clock } from '../../layers/live/liveClock';
import { formatClock, formatNumber } from './format';
import { formatElapsed, formatSpan } from './drillFormat';

/** Simulated seconds a drill has run: from the feed's sim clock when known, else wall time × speed. */
export function drillElapsedSimS(run: DrillRun, simTimeMs: number | null, nowMs: number, timeScale: number): number {
  if (run.startedSimMs !== null && simTimeMs !== null) return Math.max(0, (simTimeMs - run.startedSimMs) / 1000);
  return Math.max(0, ((nowMs - run.startedAtMs) / 1000) * (timeScale > 0 ? timeScale : 1));
}

export function isDrillRunning(run: DrillRun, elapsedSimS: number): boolean {
  return elapsedSimS < DRILL_TIMINGS[run.name].durationS;
}

/** Highest fresh underpass water level in the feed, cm; null when none reports. */
function topWaterCm(buf: { count: number; types: string[]; hasValue: Uint8Array; stale: Uint8Array; values: Float64Array } | undefined): number | null {
  if (!buf) return null;
  let top: number | null = null;
  for (let i = 0; i < buf.count; i++) {
    if (buf.types[i] !== 'water_level' || !buf.hasValue[i] || buf.stale[i]) continue;
    const v = buf.values[i]!;
    if (Number.isFinite(v) && (top === null || v > top)) top = v;
  }
  return top;
}

export const DrillStatus = forwardRef<HTMLDivElement, { now: Clock }>(function DrillStatus({ now }, ref) {
  const { t } = useTranslation();
  // Re-rendered once a second by ScenarioPanel's tick, which also keeps the buttons' pressed state current.
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.language);
  const drills = useAppStore((s) => s.drills);
  const simTimeMs = useAppStore((s) => s.feed.simTimeMs);
  const timeScale = useAppStore((s) => s.feed.timeScale);
  const nowMs = now();

  return (
    <div ref={ref} className="st-drills" role="status" aria-live="polite" data-testid="drill-status">
      {drills.map((run) => {
        const simS = drillElapsedSimS(run, simTimeMs, nowMs, timeScale);
        const running = isDrillRunning(run, simS);
        const name = t(`live.scenario.names.${run.name}`);
        const water = run.name === 'rainstorm' && running ? topWaterCm(store.getState().feedBuffers?.sensors) : null;
        return (
          <div key={run.name} className="st-drill" data-drill={run.name} data-running={running ? '1' : '0'} data-elapsed-sim-s={Math.floor(simS)}>
            <p className="st-drill__head">
              <strong>{t('live.scenario.triggered', { name, time: formatClock(run.startedAtMs) })}</strong>{' '}
              <span className={running ? 'st-badge st-badge--small st-drill__running' : 'st-badge st-badge--small'}>
                {t(running ? 'live.scenario.running' : 'live.scenario.ended')}
              </span>
            </p>
            <p className="st-drill__elapsed" data-testid={`drill-elapsed-${run.name}`}>
              {t('live.scenario.elapsed', { sim: formatElapsed(simS) })}
              {timeScale !== 1 && ` ${t('live.scenario.elapsedWall', { wall: formatElapsed((nowMs - run.startedAtMs) / 1000), x: timeScale })}`}
            </p>
            {running && (
              <ul className="st-drill__milestones">
                {DRILL_TIMINGS[run.name].milestones.map((m) => {
                  const [lo, hi] = milestoneWallS(m, timeScale);
                  const due = simS >= m.simS[1];
                  return (
                    <li key={m.key} data-due={due ? '1' : '0'}>
                      {t('live.scenario.expect', {
                        what: t(`live.scenario.milestone.${m.key}`), span: formatSpan(lo, hi, lang), x: timeScale,
                      })}
                    </li>
                  );
                })}
                {water !== null && <li data-testid="drill-water">{t('live.scenario.waterNow', { v: formatNumber(water, lang, 1) })}</li>}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
});
