/** What the in-page watchdog samples and what it asks the app to do (pure data). */

/** One sample of the page's health; a value the browser cannot give is null. */
export interface HealthSample {
  atMs: number;
  /** performance.memory.usedJSHeapSize where the browser exposes it. */
  heapBytes: number | null;
  geometries: number;
  textures: number;
  programs: number;
  tileCacheBytes: number;
  domNodes: number;
  /** Listeners and timers created by our code (counted where they are created). */
  listeners: number;
  timers: number;
  frameMsP95: number | null;
  /** When the last frame was drawn; null before the first. */
  lastFrameAtMs: number | null;
  /** Age of the newest feed message; null where no feed is expected (or not yet connected). */
  feedAgeMs: number | null;
  /**
   * The feed's transport says it is connected. A silent feed whose transport is reconnecting is a
   * server or network outage: the transport's own backoff is the recovery and a reload would only
   * blank the screen. Silent while "connected" (half-open, a stuck ingest) is ours to recover.
   */
  feedConnected: boolean;
  /**
   * This sample came late (the main thread was blocked for a while): what looks stuck now may only
   * be late, so no incident starts or escalates on it.
   */
  starved?: boolean;
  /** The page is visible: hidden tabs are throttled and must not count as stalls. */
  visible: boolean;
}

export type RecoveryStep = 'resubscribe' | 'rebuild-view' | 'soft-reload';

export type WatchdogAction =
  | { kind: 'recover'; step: RecoveryStep; cause: 'frame-stall' | 'feed-silent' }
  /** The feed went quiet at `sinceMs` (the banner shows 数据中断 since hh:mm), or came back (null). */
  | { kind: 'feed-banner'; sinceMs: number | null }
  | { kind: 'soft-reload'; reason: 'threshold' | 'daily' ; detail: string };

export interface WatchdogConfig {
  /** No frame for this long while visible counts as a stall. */
  frameStallMs: number;
  /** Feed silent past this (its heartbeat window) counts as an outage. */
  feedSilentMs: number;
  /** How long each recovery step gets before the next one is tried. */
  stepWaitMs: number;
  /** Samples of warm-up; the baseline is the highest of each counter over them (Watchdog.widenWarmup). */
  warmupSamples: number;
  historyLength: number;
  /** Growth past the baseline that triggers a soft reload at a quiet moment. */
  heapGrowthBytes: number;
  gpuGrowthFactor: number;
  domGrowthFactor: number;
  tileBudgetBytes: number | null;
  /**
   * No soft reload within this long of the previous one (kept across reloads): a fault that a
   * reload does not cure must not turn a wall into a reload loop.
   */
  minReloadGapMs: number;
  /** Minutes after local midnight (Shanghai) of a daily reload, e.g. 240 for 04:00; null = none. */
  dailyReloadMinute: number | null;
  /** The local time-of-day offset from UTC, minutes (Shanghai: +480). */
  utcOffsetMin: number;
}

export const DEFAULT_WATCHDOG: WatchdogConfig = {
  frameStallMs: 15_000, feedSilentMs: 15_000, stepWaitMs: 20_000, warmupSamples: 300, historyLength: 720,
  heapGrowthBytes: 512 * 2 ** 20, gpuGrowthFactor: 2, domGrowthFactor: 2, tileBudgetBytes: null,
  minReloadGapMs: 10 * 60_000, dailyReloadMinute: null, utcOffsetMin: 480,
};

/** Every recovery and reload, counted; kept across a soft reload through sessionStorage. */
export interface WatchdogCounters {
  resubscribe: number;
  'rebuild-view': number;
  'soft-reload': number;
  frameStalls: number;
  feedOutages: number;
  thresholdReloads: number;
  dailyReloads: number;
}

export const ZERO_COUNTERS: WatchdogCounters = {
  resubscribe: 0, 'rebuild-view': 0, 'soft-reload': 0, frameStalls: 0, feedOutages: 0, thresholdReloads: 0, dailyReloads: 0,
};
