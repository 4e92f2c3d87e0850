/**
 * Capped exponential backoff for restarting something that keeps dying (pure). A browser that
 * dies at once after every start must not be restarted in a tight loop, yet one that ran fine for
 * a long while and then died once deserves a quick restart: the attempt count resets once a start
 * has lasted `resetAfterMs`.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  resetAfterMs: number;
}

export interface BackoffState {
  /** Failures since the last healthy run; the next delay is base × 2^attempt. */
  attempt: number;
  /** When the current run started, null while nothing runs. */
  startedAtMs: number | null;
}

/** 1 s, 2 s, 4 s … at most 60 s; healthy for 2 min resets it. */
export const DEFAULT_RESTART_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 60_000, resetAfterMs: 120_000 };

export const INITIAL_BACKOFF: BackoffState = { attempt: 0, startedAtMs: null };

export function delayForAttempt(policy: BackoffPolicy, attempt: number): number {
  // Clamp the exponent so a long-failing run cannot overflow to Infinity.
  const exp = Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exp);
}

export function backoffStarted(state: BackoffState, nowMs: number): BackoffState {
  return { ...state, startedAtMs: nowMs };
}

/** The run that started last has failed: how long to wait before the next start. */
export function backoffFailed(policy: BackoffPolicy, state: BackoffState, nowMs: number): { state: BackoffState; delayMs: number } {
  const ranHealthy = state.startedAtMs !== null && nowMs - state.startedAtMs >= policy.resetAfterMs;
  const attempt = ranHealthy ? 0 : state.attempt;
  return { state: { attempt: attempt + 1, startedAtMs: null }, delayMs: delayForAttempt(policy, attempt) };
}
