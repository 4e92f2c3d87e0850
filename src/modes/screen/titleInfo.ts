/**
 * The title bar's weather and data-freshness readings, as plain data from the feed.
 *
 * Weather: the simulator models rain (sim/weather.ts) but the feed protocol carries no rain or
 * weather field, so the screen cannot show a rain intensity. It shows what the feed does carry
 * and says which it is: a rainstorm drill started from this viewer, else standing water at the
 * underpass sensors past their warning level (the visible effect of heavy rain), else "no
 * weather data". The deepest underpass reading is shown beside it whenever one reports.
 */
import type { FeedSummary } from '../../feed/summary';
import { DRILL_TIMINGS } from '../../sim/scenarios/drillTimings';
import type { DrillRun } from '../../state/drillsSlice';

export type Tone = 'ok' | 'warn' | 'bad';

export interface WeatherReading {
  kind: 'rainstorm-drill' | 'standing-water' | 'no-data';
  /** Deepest fresh underpass water level, cm; null when no water sensor reports. */
  waterCm: number | null;
  tone: Tone;
}

/** The slice of the feed's sensor buffer this reads (SensorBuffer has these fields). */
export interface SensorColumns {
  count: number;
  types: readonly string[];
  hasValue: ArrayLike<number>;
  stale: ArrayLike<number>;
  values: ArrayLike<number>;
}

export function deepestWaterCm(buf: SensorColumns | null | undefined): number | null {
  if (!buf) return null;
  let top: number | null = null;
  for (let i = 0; i < buf.count; i++) {
    if (buf.types[i] !== 'water_level' || !buf.hasValue[i] || buf.stale[i]) continue;
    const v = buf.values[i]!;
    if (Number.isFinite(v) && (top === null || v > top)) top = v;
  }
  return top;
}

export interface WeatherInput {
  drills: readonly DrillRun[];
  /** The feed's simulated time and speed, to tell whether a drill still runs. */
  simTimeMs: number | null;
  timeScale: number;
  nowMs: number;
  waterCm: number | null;
  /** The zone's water-level thresholds, cm; null when the scene sets none. */
  water: { warn: number; alarm: number } | null;
}

function drillRunning(run: DrillRun, i: WeatherInput): boolean {
  const simS = run.startedSimMs !== null && i.simTimeMs !== null
    ? (i.simTimeMs - run.startedSimMs) / 1000
    : ((i.nowMs - run.startedAtMs) / 1000) * (i.timeScale > 0 ? i.timeScale : 1);
  return simS >= 0 && simS < DRILL_TIMINGS[run.name].durationS;
}

export function weatherReading(i: WeatherInput): WeatherReading {
  const w = i.waterCm;
  const tone: Tone = w === null || !i.water ? 'ok' : w >= i.water.alarm ? 'bad' : w >= i.water.warn ? 'warn' : 'ok';
  if (i.drills.some((d) => d.name === 'rainstorm' && drillRunning(d, i))) return { kind: 'rainstorm-drill', waterCm: w, tone: tone === 'ok' ? 'warn' : tone };
  if (tone !== 'ok') return { kind: 'standing-water', waterCm: w, tone };
  return { kind: 'no-data', waterCm: w, tone };
}

export interface Freshness {
  status: FeedSummary['status'];
  /** Seconds since the last message, whole; null before the first. */
  ageS: number | null;
  tone: Tone;
}

/** Older than this while "connected" the data is late, though not yet stale by the feed's own window. */
export const LATE_AFTER_S = 5;

export function freshness(feed: Pick<FeedSummary, 'status' | 'lastMessageAtMs'>, nowMs: number): Freshness {
  const ageS = feed.lastMessageAtMs === null ? null : Math.max(0, Math.floor((nowMs - feed.lastMessageAtMs) / 1000));
  let tone: Tone;
  if (feed.status === 'connected') tone = ageS !== null && ageS > LATE_AFTER_S ? 'warn' : 'ok';
  else if (feed.status === 'connecting' || feed.status === 'idle' || feed.status === 'stale') tone = 'warn';
  else tone = 'bad';
  return { status: feed.status, ageS, tone };
}
