/**
 * Reconnect delays: exponential with "equal jitter" (half fixed, half random), so a fleet of
 * kiosks that lost the same server does not reconnect in lock-step, and no delay is ever near 0.
 */
import type { Rng } from '../../core/rng';

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

export function backoffDelayMs(attempt: number, rng: Rng, o: BackoffOptions = DEFAULT_BACKOFF): number {
  const exp = Math.min(o.capMs, o.baseMs * 2 ** Math.min(30, Math.max(0, attempt)));
  return exp / 2 + rng.next() * (exp / 2);
}
