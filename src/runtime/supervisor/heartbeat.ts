/**
 * Page health as a pure state machine: probe answers, missed probes and crash reports in,
 * recovery actions out. The caller owns the clock and the I/O.
 *
 * - A page whose main thread is blocked cannot answer `Runtime.evaluate`. After `misses` probes in
 *   a row go unanswered it is hung, and the recovery climbs a ladder, one rung per hang that comes
 *   back before the page was healthy again for `stableMs`: reload the tab, then replace the tab,
 *   then restart the whole browser.
 * - A crashed renderer is reloaded; the same crash reported twice before its reload is done (the
 *   page session and the browser both say so) is handled once. Crashes that come back quickly are reloaded after a
 *   growing delay, so a page that dies while loading does not spin the machine.
 * - A tab that answers from Chromium's own error page (the viewer's server was down when it
 *   loaded) is sent back to the configured URL, with the same growing delay.
 */
import { delayForAttempt } from './backoff';

export type HangRung = 'reload' | 'recreate' | 'restart-browser';

export type PageAction =
  | { kind: 'none' }
  | { kind: HangRung; reason: 'hang' | 'crash'; delayMs: number }
  | { kind: 'navigate'; reason: 'error-page'; delayMs: number };

export interface HeartbeatConfig {
  /** Unanswered probes in a row that make a page hung. */
  misses: number;
  /** Answers for this long reset the ladder and the delays. */
  stableMs: number;
  /** Delays between quick repeat recoveries: 0 the first time, then base × 2^n up to max. */
  repeatBaseMs: number;
  repeatMaxMs: number;
}

export interface HeartbeatState {
  missesInRow: number;
  errorPagesInRow: number;
  /** A crash is being recovered; another report before the reload is done is the same crash. */
  crashed: boolean;
  /** No answer since the last crash: if the misses run out now, the crash's reload did not help. */
  unansweredSinceCrash: boolean;
  /** Recoveries since the page was last healthy for stableMs. */
  recoveries: number;
  /** Index into HANG_LADDER of the next hang recovery. */
  rung: number;
  /** Since when the page has answered without a miss; null after a miss or a recovery. */
  healthySinceMs: number | null;
}

export interface ProbeAnswer {
  /** The tab shows Chromium's error page (chrome-error://) instead of the viewer. */
  errorPage: boolean;
}

export interface Step {
  state: HeartbeatState;
  action: PageAction;
}

export const HANG_LADDER: readonly HangRung[] = ['reload', 'recreate', 'restart-browser'];

export const DEFAULT_HEARTBEAT: Omit<HeartbeatConfig, 'misses'> = { stableMs: 60_000, repeatBaseMs: 1000, repeatMaxMs: 60_000 };

export const INITIAL_HEARTBEAT: HeartbeatState = {
  missesInRow: 0, errorPagesInRow: 0, crashed: false, unansweredSinceCrash: false, recoveries: 0, rung: 0, healthySinceMs: null,
};

const NONE: PageAction = { kind: 'none' };

function repeatDelay(cfg: HeartbeatConfig, recoveries: number): number {
  if (recoveries === 0) return 0;
  return delayForAttempt({ baseMs: cfg.repeatBaseMs, maxMs: cfg.repeatMaxMs, resetAfterMs: cfg.stableMs }, recoveries - 1);
}

export function onAnswer(cfg: HeartbeatConfig, s: HeartbeatState, nowMs: number, answer: ProbeAnswer): Step {
  if (answer.errorPage) {
    const errorPagesInRow = s.errorPagesInRow + 1;
    const base = { ...s, missesInRow: 0, crashed: false, unansweredSinceCrash: false, healthySinceMs: null };
    if (errorPagesInRow < cfg.misses) return { state: { ...base, errorPagesInRow }, action: NONE };
    return {
      state: { ...base, errorPagesInRow: 0, recoveries: s.recoveries + 1 },
      action: { kind: 'navigate', reason: 'error-page', delayMs: repeatDelay(cfg, s.recoveries) },
    };
  }
  const healthySinceMs = s.healthySinceMs ?? nowMs;
  const stable = nowMs - healthySinceMs >= cfg.stableMs;
  return {
    state: {
      ...s, missesInRow: 0, errorPagesInRow: 0, crashed: false, unansweredSinceCrash: false, healthySinceMs,
      recoveries: stable ? 0 : s.recoveries, rung: stable ? 0 : s.rung,
    },
    action: NONE,
  };
}

export function onMiss(cfg: HeartbeatConfig, s: HeartbeatState): Step {
  const missesInRow = s.missesInRow + 1;
  if (missesInRow < cfg.misses) return { state: { ...s, missesInRow, healthySinceMs: null }, action: NONE };
  // A tab that never answered after its crash was reloaded already: the reload rung is spent.
  const rung = s.unansweredSinceCrash ? Math.max(s.rung, 1) : s.rung;
  const kind = HANG_LADDER[Math.min(rung, HANG_LADDER.length - 1)]!;
  return {
    state: {
      ...s, missesInRow: 0, errorPagesInRow: 0, crashed: false, unansweredSinceCrash: false, healthySinceMs: null,
      recoveries: s.recoveries + 1, rung: rung + 1,
    },
    // The page has already been frozen for `misses` periods: act at once.
    action: { kind, reason: 'hang', delayMs: 0 },
  };
}

export function onCrash(cfg: HeartbeatConfig, s: HeartbeatState): Step {
  if (s.crashed) return { state: s, action: NONE };
  return {
    state: { ...s, crashed: true, unansweredSinceCrash: true, missesInRow: 0, errorPagesInRow: 0, healthySinceMs: null, recoveries: s.recoveries + 1 },
    action: { kind: 'reload', reason: 'crash', delayMs: repeatDelay(cfg, s.recoveries) },
  };
}

/** A recovery step was carried out: a crash reported after this is a new crash. */
export function onRecoveryDone(s: HeartbeatState): HeartbeatState {
  return { ...s, crashed: false, missesInRow: 0 };
}

/** The next rung when a recovery step itself failed (the tab did not answer the reload). */
export function escalate(kind: HangRung): HangRung {
  const i = HANG_LADDER.indexOf(kind);
  return HANG_LADDER[Math.min(i + 1, HANG_LADDER.length - 1)]!;
}
