/**
 * The in-page watchdog, pure: fed a HealthSample every few seconds (and told when the app is at
 * a quiet moment), it keeps a bounded history, detects stalls and leaks, and answers with actions.
 *
 * - A frame stall (no frame while visible) or a silent feed starts an incident that escalates one
 *   step per `stepWaitMs` while it lasts: re-subscribe, rebuild the view, soft reload. A feed
 *   outage also raises the 数据中断 banner until data flows again. A feed whose transport is
 *   reconnecting gets only the banner (its backoff is the recovery; a reload cannot bring a server
 *   back), and no soft reload comes within `minReloadGapMs` of the previous one.
 * - Growth past the post-warm-up baseline (heap, GPU objects, DOM nodes, tile cache over budget)
 *   or the daily reload window arms a soft reload that waits for a quiet moment (between tour
 *   stops, never during an alarm), so a wall does not go blank while someone looks at an alert.
 */
import { ZERO_COUNTERS, type HealthSample, type RecoveryStep, type WatchdogAction, type WatchdogConfig, type WatchdogCounters } from './watchdogTypes';

const LADDER: RecoveryStep[] = ['resubscribe', 'rebuild-view', 'soft-reload'];

interface Incident {
  cause: 'frame-stall' | 'feed-silent';
  sinceMs: number;
  /** Index into LADDER of the last step taken. */
  step: number;
  lastStepAtMs: number;
}

interface Baseline {
  heapBytes: number | null;
  gpu: number;
  domNodes: number;
}

const gpuOf = (s: HealthSample) => s.geometries + s.textures + s.programs;

export class Watchdog {
  readonly counters: WatchdogCounters;
  private readonly samples: HealthSample[] = [];
  private incident: Incident | null = null;
  private feedDownSinceMs: number | null = null;
  private baseline: Baseline | null = null;
  private warm: Baseline = { heapBytes: null, gpu: 0, domNodes: 0 };
  private seen = 0;
  private armed: { reason: 'threshold' | 'daily'; detail: string } | null = null;
  private lastDailyKey: number | null = null;

  /**
   * `lastSoftReloadAtMs`: when this tab last reloaded itself (from sessionStorage), so the gap
   * between reloads holds across them.
   */
  constructor(private readonly cfg: WatchdogConfig, counters: Partial<WatchdogCounters> = {}, private lastSoftReloadAtMs: number | null = null) {
    this.counters = { ...ZERO_COUNTERS, ...counters };
  }

  /** A soft reload now would come too soon after the previous one. */
  private reloadTooSoon(atMs: number): boolean {
    return this.lastSoftReloadAtMs !== null && atMs - this.lastSoftReloadAtMs < this.cfg.minReloadGapMs;
  }

  get history(): readonly HealthSample[] {
    return this.samples;
  }

  get pendingReload(): { reason: 'threshold' | 'daily'; detail: string } | null {
    return this.armed;
  }

  /** When this tab last reloaded itself; persisted across the reload with saveLastReload(). */
  get lastSoftReloadAt(): number | null {
    return this.lastSoftReloadAtMs;
  }

  get currentIncident(): Readonly<Incident> | null {
    return this.incident;
  }

  /** Takes a sample; `quiet` says whether a soft reload may happen now. */
  sample(s: HealthSample, quiet: boolean): WatchdogAction[] {
    const out: WatchdogAction[] = [];
    this.samples.push(s);
    if (this.samples.length > this.cfg.historyLength) this.samples.shift();
    if (this.seen < this.cfg.warmupSamples) {
      this.seen++;
      this.widenWarmup(s);
      if (this.seen === this.cfg.warmupSamples) this.baseline = this.warm;
    }
    this.checkFeedBanner(s, out);
    if (!s.starved) this.checkIncident(s, out);
    this.checkThresholds(s);
    this.checkDaily(s.atMs);
    if (this.armed && quiet && !this.incident && !this.reloadTooSoon(s.atMs)) {
      const a = this.armed;
      this.armed = null;
      this.lastSoftReloadAtMs = s.atMs;
      this.counters['soft-reload']++;
      if (a.reason === 'threshold') this.counters.thresholdReloads++;
      else this.counters.dailyReloads++;
      out.push({ kind: 'soft-reload', reason: a.reason, detail: a.detail });
    }
    return out;
  }

  private stalled(s: HealthSample): 'frame-stall' | 'feed-silent' | null {
    if (s.visible && s.lastFrameAtMs !== null && s.atMs - s.lastFrameAtMs > this.cfg.frameStallMs) return 'frame-stall';
    if (s.feedConnected && s.feedAgeMs !== null && s.feedAgeMs > this.cfg.feedSilentMs) return 'feed-silent';
    return null;
  }

  private checkFeedBanner(s: HealthSample, out: WatchdogAction[]): void {
    const silent = s.feedAgeMs !== null && s.feedAgeMs > this.cfg.feedSilentMs;
    if (silent && this.feedDownSinceMs === null) {
      this.feedDownSinceMs = s.atMs - s.feedAgeMs!;
      this.counters.feedOutages++;
      out.push({ kind: 'feed-banner', sinceMs: this.feedDownSinceMs });
    } else if (!silent && this.feedDownSinceMs !== null && s.feedAgeMs !== null) {
      this.feedDownSinceMs = null;
      out.push({ kind: 'feed-banner', sinceMs: null });
    }
  }

  private checkIncident(s: HealthSample, out: WatchdogAction[]): void {
    const cause = this.stalled(s);
    if (!cause) {
      this.incident = null;
      return;
    }
    if (!this.incident || this.incident.cause !== cause) {
      if (cause === 'frame-stall') this.counters.frameStalls++;
      // A frozen view needs a rebuild, not a re-subscription: its ladder starts one rung higher.
      const first = cause === 'frame-stall' ? 1 : 0;
      this.incident = { cause, sinceMs: s.atMs, step: first, lastStepAtMs: s.atMs };
      this.take(LADDER[first]!, cause, out);
      return;
    }
    const inc = this.incident;
    if (s.atMs - inc.lastStepAtMs >= this.cfg.stepWaitMs && inc.step < LADDER.length - 1) {
      // The last rung waits out the gap since the previous reload; the incident stays open meanwhile.
      if (LADDER[inc.step + 1] === 'soft-reload' && this.reloadTooSoon(s.atMs)) return;
      inc.step++;
      inc.lastStepAtMs = s.atMs;
      this.take(LADDER[inc.step]!, cause, out);
    }
  }

  private take(step: RecoveryStep, cause: Incident['cause'], out: WatchdogAction[]): void {
    if (step === 'soft-reload') this.lastSoftReloadAtMs = this.samples[this.samples.length - 1]?.atMs ?? null;
    this.counters[step]++;
    out.push({ kind: 'recover', step, cause });
  }

  /**
   * The highest values seen during the warm-up. GPU objects and the DOM rise and fall with what
   * the view shows (a tour's far stop loads more tiles than its first); a leak is what grows past
   * everything a whole warm-up of normal running reached, so the baseline is a maximum, and the
   * warm-up is long (minutes: a tour's full loop) by default.
   */
  private widenWarmup(s: HealthSample): void {
    const w = this.warm;
    const heap = s.heapBytes === null ? w.heapBytes : Math.max(w.heapBytes ?? 0, s.heapBytes);
    this.warm = { heapBytes: heap, gpu: Math.max(w.gpu, gpuOf(s)), domNodes: Math.max(w.domNodes, s.domNodes) };
  }

  private checkThresholds(s: HealthSample): void {
    const b = this.baseline;
    if (!b || this.armed) return;
    const c = this.cfg;
    let detail: string | null = null;
    if (b.heapBytes !== null && s.heapBytes !== null && s.heapBytes - b.heapBytes > c.heapGrowthBytes) {
      detail = `heap ${mb(s.heapBytes)} vs baseline ${mb(b.heapBytes)}`;
    } else if (gpuOf(s) > Math.max(b.gpu * c.gpuGrowthFactor, b.gpu + 50)) {
      detail = `GPU objects ${gpuOf(s)} vs baseline ${b.gpu}`;
    } else if (s.domNodes > Math.max(b.domNodes * c.domGrowthFactor, b.domNodes + 500)) {
      detail = `DOM nodes ${s.domNodes} vs baseline ${b.domNodes}`;
    } else if (c.tileBudgetBytes !== null && s.tileCacheBytes > c.tileBudgetBytes * 1.25) {
      detail = `tile cache ${mb(s.tileCacheBytes)} over budget ${mb(c.tileBudgetBytes)}`;
    }
    if (detail) this.armed = { reason: 'threshold', detail };
  }

  /** Arms the daily reload once per local day, after the window's minute has passed. */
  private checkDaily(atMs: number): void {
    const m = this.cfg.dailyReloadMinute;
    if (m === null || this.armed) return;
    const local = atMs + this.cfg.utcOffsetMin * 60_000;
    const day = Math.floor(local / 86_400_000);
    const minute = Math.floor((local % 86_400_000) / 60_000);
    // A page started after today's window waits for tomorrow's.
    if (this.lastDailyKey === null) this.lastDailyKey = minute >= m ? day : day - 1;
    if (day > this.lastDailyKey && minute >= m) {
      this.lastDailyKey = day;
      this.armed = { reason: 'daily', detail: `daily reload window ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
    }
  }
}

const mb = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;

/** `reloadAt=04:00` → 240; null with a reason for anything else. */
export function parseReloadAt(s: string): number | string {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return 'must be hh:mm (24 h, Shanghai time), e.g. 04:00';
  return Number(m[1]) * 60 + Number(m[2]);
}

const COUNTERS_KEY = 'shentwin.watchdog.counters';

/** Counters survive a soft reload through sessionStorage (per tab); bad stored data is ignored. */
export function loadCounters(storage: Pick<Storage, 'getItem'> | null): Partial<WatchdogCounters> {
  try {
    const raw = storage?.getItem(COUNTERS_KEY);
    if (!raw) return {};
    const o = JSON.parse(raw) as Record<string, unknown>;
    const out: Partial<WatchdogCounters> = {};
    for (const k of Object.keys(ZERO_COUNTERS) as (keyof WatchdogCounters)[]) {
      const v = o[k];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function saveCounters(storage: Pick<Storage, 'setItem'> | null, c: WatchdogCounters): void {
  try {
    storage?.setItem(COUNTERS_KEY, JSON.stringify(c));
  } catch {
    // Storage full or disabled: the counters still live for this page.
  }
}

const LAST_RELOAD_KEY = 'shentwin.watchdog.lastReloadAtMs';

export function loadLastReload(storage: Pick<Storage, 'getItem'> | null): number | null {
  try {
    const v = Number(storage?.getItem(LAST_RELOAD_KEY) ?? NaN);
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

export function saveLastReload(storage: Pick<Storage, 'setItem'> | null, atMs: number): void {
  try {
    storage?.setItem(LAST_RELOAD_KEY, String(atMs));
  } catch {
    // as saveCounters
  }
}
