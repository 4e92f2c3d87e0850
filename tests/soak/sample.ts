/**
 * One row of a soak: every counter the tool records, as plain numbers (null where the page could
 * not say, e.g. before the watchdog hook exists). The column order here is the CSV's.
 */

export interface SoakSample {
  /** Seconds since the app became ready. */
  tS: number;
  /** Wall clock, ISO 8601 UTC. */
  wallIso: string;
  /** Runtime.getHeapUsage().usedSize right after HeapProfiler.collectGarbage (main page isolate). */
  heapPostGcBytes: number | null;
  /** Performance.getMetrics JSHeapUsedSize before the forced GC: the sawtooth, garbage included. */
  jsHeapBytes: number | null;
  geometries: number | null;
  textures: number | null;
  programs: number | null;
  drawCalls: number | null;
  tileCacheBytes: number | null;
  /** CDP Performance metrics `Nodes` and `JSEventListeners`, after the forced GC. */
  domNodes: number | null;
  jsListeners: number | null;
  /** Our own listeners and timers (the watchdog hook's newest health sample), when it exists. */
  ourListeners: number | null;
  ourTimers: number | null;
  /** requestAnimationFrame intervals over the sample window. */
  frames: number | null;
  frameP50Ms: number | null;
  frameP95Ms: number | null;
  /** Now minus the newest feed message (client clock); null before the first message. */
  feedAgeMs: number | null;
  feedStatus: string;
  vehicles: number | null;
  zone: string;
  tourState: string;
  tourStep: number | null;
  /** Alerts the engine holds (open and closed). */
  alerts: number | null;
  /** Watchdog recovery counters (window.__shentwin.watchdog.counters), null without the hook. */
  wdResubscribe: number | null;
  wdRebuildView: number | null;
  wdSoftReload: number | null;
  wdFrameStalls: number | null;
  wdFeedOutages: number | null;
  wdThresholdReloads: number | null;
  wdDailyReloads: number | null;
  /** Main-frame navigations after the first (a watchdog reload, or ours after a crash). */
  reloads: number;
  /** Renderer crashes seen by the tool (it reloads the page after one). */
  crashes: number;
  /** Drills sent to the simulator, and tour interruptions by an alarm seen in the page, so far. */
  drillsSent: number;
  alarmsSeen: number;
  /** Uncaught page errors so far. */
  pageErrors: number;
}

export type SoakKey = keyof SoakSample;

/** Every column, in CSV order. */
export const SOAK_COLUMNS: readonly SoakKey[] = [
  'tS', 'wallIso', 'heapPostGcBytes', 'jsHeapBytes', 'geometries', 'textures', 'programs', 'drawCalls', 'tileCacheBytes',
  'domNodes', 'jsListeners', 'ourListeners', 'ourTimers', 'frames', 'frameP50Ms', 'frameP95Ms', 'feedAgeMs', 'feedStatus',
  'vehicles', 'zone', 'tourState', 'tourStep', 'alerts', 'wdResubscribe', 'wdRebuildView', 'wdSoftReload', 'wdFrameStalls',
  'wdFeedOutages', 'wdThresholdReloads', 'wdDailyReloads', 'reloads', 'crashes', 'drillsSent', 'alarmsSeen', 'pageErrors',
];

/** Columns that are text, not numbers. */
export const TEXT_COLUMNS: ReadonlySet<SoakKey> = new Set<SoakKey>(['wallIso', 'feedStatus', 'zone', 'tourState']);

/** The counters a leak would show in, with the units the summary reports their slopes in. */
export interface TrendSeries {
  key: SoakKey;
  label: string;
  /** Divide raw values by this for display (bytes → MB). */
  scale: number;
  unit: string;
}

const MB = 2 ** 20;

export const TREND_SERIES: readonly TrendSeries[] = [
  { key: 'heapPostGcBytes', label: 'post-GC heap', scale: MB, unit: 'MB' },
  { key: 'jsHeapBytes', label: 'JS heap (pre-GC)', scale: MB, unit: 'MB' },
  { key: 'geometries', label: 'geometries', scale: 1, unit: '' },
  { key: 'textures', label: 'textures', scale: 1, unit: '' },
  { key: 'programs', label: 'programs', scale: 1, unit: '' },
  { key: 'tileCacheBytes', label: 'tile cache', scale: MB, unit: 'MB' },
  { key: 'domNodes', label: 'DOM nodes', scale: 1, unit: '' },
  { key: 'jsListeners', label: 'JS listeners (CDP)', scale: 1, unit: '' },
  { key: 'ourListeners', label: 'our listeners', scale: 1, unit: '' },
  { key: 'ourTimers', label: 'our timers', scale: 1, unit: '' },
  { key: 'frameP95Ms', label: 'frame p95', scale: 1, unit: 'ms' },
  { key: 'feedAgeMs', label: 'feed age', scale: 1000, unit: 's' },
];
