/**
 * The shadow time-lapse's clock, pure: playing moves the sun time from the analysis window's start
 * to its end at `speed` simulated seconds per real second, and stops at the end. The component
 * ticks it a few times a second (not per frame), so the store sees a handful of sun-time updates.
 */
export interface TimeLapse {
  startMs: number;
  endMs: number;
  /** Simulated seconds per real second. */
  speed: number;
}

/** Speeds offered: one analysis window (8 h) in about 48, 24 and 12 s. */
export const TIME_LAPSE_SPEEDS = [600, 1200, 2400] as const;
/** Ticks per second while playing: smooth enough for shadows, cheap for the store. */
export const TIME_LAPSE_TICK_MS = 125;

/** The next sun time after `realDtMs` of playing, and whether the end was reached. */
export function advance(t: TimeLapse, nowMs: number, realDtMs: number): { ms: number; done: boolean } {
  if (!(t.endMs > t.startMs) || !Number.isFinite(nowMs)) return { ms: t.startMs, done: true };
  const from = nowMs < t.startMs || nowMs >= t.endMs ? t.startMs : nowMs;
  const next = from + Math.max(0, realDtMs) * Math.max(0, t.speed);
  return next >= t.endMs ? { ms: t.endMs, done: true } : { ms: next, done: false };
}

/** 0..1 through the window, for the progress slider. */
export function lapseShare(t: TimeLapse, nowMs: number): number {
  if (!(t.endMs > t.startMs) || !Number.isFinite(nowMs)) return 0;
  return Math.min(1, Math.max(0, (nowMs - t.startMs) / (t.endMs - t.startMs)));
}
