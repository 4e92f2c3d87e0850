/**
 * The time slider's arithmetic, kept out of the component so it is tested in Node: where a time
 * sits on the track, which time a pointer position means, keyboard steps, and the thumb's time.
 */
export interface SliderRange {
  fromTs: number;
  toTs: number;
}

/** 0..1 along the track; a zero-length range puts everything at the live end. */
export function fractionOf(ts: number, r: SliderRange): number {
  const span = r.toTs - r.fromTs;
  if (!(span > 0) || !Number.isFinite(ts)) return 1;
  return Math.min(1, Math.max(0, (ts - r.fromTs) / span));
}

/** The time under a pointer at `x` on a track from `left` spanning `width` pixels, whole seconds. */
export function timeAtPointer(x: number, left: number, width: number, r: SliderRange): number {
  const f = width > 0 ? Math.min(1, Math.max(0, (x - left) / width)) : 1;
  return Math.round((r.fromTs + f * (r.toTs - r.fromTs)) / 1000) * 1000;
}

/** Arrow keys step 10 s, Page keys 1 min (Shift: ×6); Home and End go to the ends. */
export function keyStep(key: string, shift: boolean, at: number, r: SliderRange): number | null {
  const k = shift ? 6 : 1;
  const step: Record<string, number> = { ArrowLeft: -10_000 * k, ArrowDown: -10_000 * k, ArrowRight: 10_000 * k, ArrowUp: 10_000 * k, PageDown: -60_000 * k, PageUp: 60_000 * k };
  if (key === 'Home') return r.fromTs;
  if (key === 'End') return r.toTs;
  const d = step[key];
  if (d === undefined) return null;
  return Math.min(r.toTs, Math.max(r.fromTs, at + d));
}

/** Within this of the live end a drag means "live". */
export const LIVE_SNAP_FRACTION = 0.01;
