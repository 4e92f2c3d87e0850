/**
 * The soak's verdict from its samples: per counter, the least-squares slope after warm-up (per
 * hour, in the counter's display unit) with the range it moved in, plus the recoveries, reloads,
 * crashes, drills and alarms the run saw. Pure.
 */
import { slopeAfter, warmupCutoff, type WarmupOptions, type WarmupRule } from './regression';
import { TREND_SERIES, type SoakKey, type SoakSample } from './sample';

export interface SeriesSummary {
  key: SoakKey;
  label: string;
  unit: string;
  /** Display units per hour after warm-up; null with fewer than 2 points. */
  slopePerHour: number | null;
  /** Fit quality of that slope (r²), and points used. */
  r2: number | null;
  n: number;
  /** Display units, after warm-up. */
  min: number | null;
  max: number | null;
  first: number | null;
  last: number | null;
  /** The whole run's range, warm-up included. */
  minAll: number | null;
  maxAll: number | null;
}

export interface SoakEventsSummary {
  /** Watchdog counters at the end of the run (they survive its soft reloads); null without the hook. */
  watchdog: Record<string, number | null>;
  /** resubscribe + rebuild-view + soft-reload steps the watchdog took. */
  recoveries: number | null;
  reloads: number;
  crashes: number;
  drillsSent: number;
  alarmsSeen: number;
  pageErrors: number;
}

export interface SoakSummary {
  samples: number;
  durationS: number;
  warmup: WarmupRule;
  series: SeriesSummary[];
  events: SoakEventsSummary;
}

const WATCHDOG_KEYS = [
  ['resubscribe', 'wdResubscribe'], ['rebuild-view', 'wdRebuildView'], ['soft-reload', 'wdSoftReload'],
  ['frameStalls', 'wdFrameStalls'], ['feedOutages', 'wdFeedOutages'], ['thresholdReloads', 'wdThresholdReloads'],
  ['dailyReloads', 'wdDailyReloads'],
] as const satisfies readonly (readonly [string, SoakKey])[];

function numbers(samples: readonly SoakSample[], key: SoakKey, scale: number): number[] {
  return samples.map((s) => {
    const v = s[key];
    return typeof v === 'number' && Number.isFinite(v) ? v / scale : Number.NaN;
  });
}

function range(vs: readonly number[]): { min: number | null; max: number | null; first: number | null; last: number | null } {
  const f = vs.filter(Number.isFinite);
  if (f.length === 0) return { min: null, max: null, first: null, last: null };
  return { min: Math.min(...f), max: Math.max(...f), first: f[0]!, last: f[f.length - 1]! };
}

function maxOf(samples: readonly SoakSample[], key: SoakKey): number | null {
  let m: number | null = null;
  for (const s of samples) {
    const v = s[key];
    if (typeof v === 'number' && Number.isFinite(v)) m = m === null ? v : Math.max(m, v);
  }
  return m;
}

export function summarise(samples: readonly SoakSample[], warmup: WarmupOptions = {}): SoakSummary {
  const ts = samples.map((s) => s.tS);
  const durationS = ts.length ? ts[ts.length - 1]! - ts[0]! : 0;
  const rule = warmupCutoff(durationS, warmup);
  const from = (ts[0] ?? 0) + rule.cutoffS;
  const after = samples.filter((s) => s.tS >= from);
  const series = TREND_SERIES.map((d): SeriesSummary => {
    const ys = numbers(samples, d.key, d.scale);
    const { fit, perUnit } = slopeAfter(ts, ys, from, 3600);
    const r = range(numbers(after, d.key, d.scale));
    const all = range(ys);
    return {
      key: d.key, label: d.label, unit: d.unit, slopePerHour: perUnit, r2: fit?.r2 ?? null, n: fit?.n ?? 0,
      ...r, minAll: all.min, maxAll: all.max,
    };
  });
  const watchdog: Record<string, number | null> = {};
  for (const [name, key] of WATCHDOG_KEYS) watchdog[name] = maxOf(samples, key);
  const steps = [watchdog.resubscribe, watchdog['rebuild-view'], watchdog['soft-reload']];
  const recoveries = steps.every((v) => v === null) ? null : steps.reduce<number>((a, v) => a + (v ?? 0), 0);
  return {
    samples: samples.length,
    durationS,
    warmup: rule,
    series,
    events: {
      watchdog, recoveries,
      reloads: maxOf(samples, 'reloads') ?? 0,
      crashes: maxOf(samples, 'crashes') ?? 0,
      drillsSent: maxOf(samples, 'drillsSent') ?? 0,
      alarmsSeen: maxOf(samples, 'alarmsSeen') ?? 0,
      pageErrors: maxOf(samples, 'pageErrors') ?? 0,
    },
  };
}

function num(v: number | null, digits = 2): string {
  if (v === null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(digits);
}

function pad(rows: string[][]): string {
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join('  ')).join('\n');
}

/** The printed table: one line per counter, then the events. */
export function formatSummary(s: SoakSummary): string {
  const rows: string[][] = [['counter', 'slope/h', 'r²', 'min', 'max', 'first', 'last', 'n']];
  for (const x of s.series) {
    const u = x.unit ? ` (${x.unit})` : '';
    rows.push([`${x.label}${u}`, num(x.slopePerHour), num(x.r2), num(x.min), num(x.max), num(x.first), num(x.last), String(x.n)]);
  }
  const e = s.events;
  const wd = Object.entries(e.watchdog).map(([k, v]) => `${k} ${v ?? '–'}`).join(', ');
  const short = s.series.every((x) => x.n < 2)
    ? [`(the run is not longer than its warm-up, so there are no slopes: run for at least ${Math.ceil((s.warmup.cutoffS + 60) / 60)} min)`]
    : [];
  return [
    `soak: ${s.samples} samples over ${(s.durationS / 60).toFixed(1)} min; slopes and ranges after warm-up: ${s.warmup.text}`,
    pad(rows),
    ...short,
    `recoveries (watchdog steps): ${e.recoveries ?? 'n/a (no watchdog hook)'}; page reloads seen: ${e.reloads}; renderer crashes: ${e.crashes}; ` +
      `drills sent: ${e.drillsSent}; alarms that interrupted the tour: ${e.alarmsSeen}; uncaught page errors: ${e.pageErrors}`,
    `watchdog counters: ${wd}`,
  ].join('\n');
}
