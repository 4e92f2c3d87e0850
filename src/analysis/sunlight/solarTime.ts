/**
 * True solar time (真太阳时): the time the sun itself keeps at a longitude, 12:00 when it crosses
 * the meridian. GB 50180 counts sunlight in local true solar time, so a window of 08:00–16:00 TST
 * is moved against Beijing time (UTC+8, the 120°E meridian) by two terms:
 *   longitude: (lon − 120°) × 4 min per degree (Shanghai, 121.47°E: +5.9 min), and
 *   the equation of time (EoT = apparent − mean solar time): about −11 min on 大寒日.
 *
 * EoT is taken from the sun's apparent right ascension and Greenwich apparent sidereal time
 * (astronomy-engine), i.e. TST = 12 h + the sun's local apparent hour angle, with no series
 * approximation of its own. UT1 − UTC (< 0.9 s) is ignored.
 */
import { AstroTime, Body, EquatorFromVector, GeoVector, RotateVector, Rotation_EQJ_EQD, SiderealTime } from 'astronomy-engine';

export interface YmdDate {
  y: number;
  /** 1–12. */
  m: number;
  d: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** UTC+8, 东八区, the meridian Beijing time is mean time of. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** The sun's geocentric apparent hour angle at Greenwich, hours: GAST − RA (true equator of date). */
function greenwichHourAngleH(utcMs: number): number {
  const time = new AstroTime(new Date(utcMs));
  const vec = RotateVector(Rotation_EQJ_EQD(time), GeoVector(Body.Sun, time, true));
  return SiderealTime(time) - EquatorFromVector(vec).ra;
}

/** Equation of time in minutes (apparent minus mean solar time); −14…+16 over a year. */
export function equationOfTimeMin(utcMs: number): number {
  const meanH = mod(utcMs, DAY_MS) / HOUR_MS;
  const apparentH = greenwichHourAngleH(utcMs) + 12;
  return (mod(apparentH - meanH + 12, 24) - 12) * 60;
}

/** Local true solar time at `lonDeg` (east positive), hours in [0, 24). */
export function utcToTrueSolarHours(utcMs: number, lonDeg: number): number {
  return mod(greenwichHourAngleH(utcMs) + 12 + lonDeg / 15, 24);
}

/**
 * The UTC instant at which true solar time at `lonDeg` reads `tstHours` on the given date. The
 * date is the local solar day at that longitude; for every longitude of China (73–135°E) it is the
 * Beijing calendar date for any TST between 01:00 and 23:00, so callers pass the Beijing date.
 * Two fixed-point steps suffice: the EoT changes by under 30 s per day.
 */
export function trueSolarToUtc(date: YmdDate, tstHours: number, lonDeg: number): number {
  if (![date.y, date.m, date.d, tstHours, lonDeg].every(Number.isFinite)) {
    throw new RangeError(`trueSolarToUtc: bad input ${JSON.stringify({ date, tstHours, lonDeg })}`);
  }
  const meanUtc = Date.UTC(date.y, date.m - 1, date.d) + (tstHours - lonDeg / 15) * HOUR_MS;
  let utc = meanUtc;
  for (let i = 0; i < 3; i++) utc = meanUtc - equationOfTimeMin(utc) * 60_000;
  return utc;
}

/** Beijing civil time of an instant, as hours since that Beijing day's midnight. */
export function beijingHours(utcMs: number): number {
  return mod(utcMs + BEIJING_OFFSET_MS, DAY_MS) / HOUR_MS;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(utcMs: number): YmdDate {
  const d = new Date(utcMs + BEIJING_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
