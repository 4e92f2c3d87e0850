import { describe, expect, it } from 'vitest';
import { backoffFailed, backoffStarted, DEFAULT_RESTART_BACKOFF, delayForAttempt, INITIAL_BACKOFF, type BackoffState } from '../../../../src/runtime/supervisor/backoff';

const P = DEFAULT_RESTART_BACKOFF;

describe('restart backoff', () => {
  it('doubles from 1 s and stops at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 1e9].map((a) => delayForAttempt(P, a))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('a browser that dies right after every start waits longer each time', () => {
    let s: BackoffState = INITIAL_BACKOFF;
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      s = backoffStarted(s, t);
      t += 500;
      const r = backoffFailed(P, s, t);
      s = r.state;
      delays.push(r.delayMs);
      t += r.delayMs;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('a run that stayed up for resetAfterMs starts again from 1 s', () => {
    let s: BackoffState = { attempt: 5, startedAtMs: null };
    s = backoffStarted(s, 10_000);
    expect(backoffFailed(P, s, 10_000 + P.resetAfterMs - 1).delayMs).toBe(32_000);
    const r = backoffFailed(P, s, 10_000 + P.resetAfterMs);
    expect(r.delayMs).toBe(1000);
    expect(r.state).toEqual({ attempt: 1, startedAtMs: null });
  });

  it('a start that never came up counts as a failure too', () => {
    const r1 = backoffFailed(P, INITIAL_BACKOFF, 0);
    const r2 = backoffFailed(P, r1.state, 1000);
    expect([r1.delayMs, r2.delayMs]).toEqual([1000, 2000]);
  });
});
