/**
 * Simulated time. The simulator keeps its own epoch-ms clock that advances by fixed sub-steps, so
 * a trace depends only on the seed and the total simulated time, never on how the host chunked
 * real time into calls.
 */

/** Shanghai has no daylight saving; local time is UTC+8 all year. */
export const SHANGHAI_UTC_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** Hours since local midnight in Shanghai, [0, 24). */
export function localHourOfDay(simMs: number): number {
  const local = (((simMs + SHANGHAI_UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return local / 3600_000;
}

/** 0 = Sunday … 6 = Saturday, in Shanghai local time. */
export function localDayOfWeek(simMs: number): number {
  const days = Math.floor((simMs + SHANGHAI_UTC_OFFSET_MS) / DAY_MS);
  // 1970-01-01 was a Thursday (4).
  return (((days + 4) % 7) + 7) % 7;
}

export function isWeekend(simMs: number): boolean {
  const d = localDayOfWeek(simMs);
  return d === 0 || d === 6;
}

/** Epoch ms of a Shanghai local wall time on the given UTC date (used for default start times). */
export function shanghaiLocalTimeMs(year: number, month1: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(year, month1 - 1, day, hour, minute) - SHANGHAI_UTC_OFFSET_MS;
}

/** Clamp helper for time-scale flags and controls: the issue allows 1×–60×. */
export const MIN_TIME_SCALE = 1;
export const MAX_TIME_SCALE = 60;

export function clampTimeScale(x: number): number {
  if (!Number.isFinite(x)) return MIN_TIME_SCALE;
  return Math.min(MAX_TIME_SCALE, Math.max(MIN_TIME_SCALE, x));
}
