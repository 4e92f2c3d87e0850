/**
 * What the soak measures in the page, shared by `npm run soak` and the accelerated soak test
 * (tests/browser/faults-soak.test.ts):
 *
 * - An init script (installed with page.addInitScript, so it is back after every reload) that
 *   samples requestAnimationFrame intervals, counts alarms that interrupt the tour, and taps the
 *   built-in simulator's Worker so drills can be sent to it (see `drill`).
 * - CDP: post-GC heap (HeapProfiler.collectGarbage, then Runtime.getHeapUsage), JSHeapUsedSize,
 *   Nodes and JSEventListeners (Performance.getMetrics).
 * - The app's test hook (?test=1): renderer.info counts, tile cache bytes, feed, tour, alerts,
 *   and the watchdog's counters and our own listener/timer counts when that hook exists (it is
 *   read null-safely: the soak measures independently of it).
 *
 * The page-side code is plain JavaScript text, not functions: tsx (the CLI's runner) wraps named
 * functions in a helper that does not exist inside the page.
 */
import type { CDPSession, Page } from 'playwright-core';
import { percentile } from '../bench/stats';
import { codeBytesOfSnapshot, type HeapSnapshotJson } from './heapSnapshot';
import type { SoakSample } from './sample';

/**
 * Installed before the app's own scripts. The Worker tap subclasses the page's Worker and only
 * remembers the workers that were sent the simulator's `start` message (dropping them on `stop`
 * or terminate), so a drill goes through the same control message the scenario panel sends
 * (src/feed/sources/WorkerFeedSource.ts `control`), whichever zone of a carousel is showing.
 */
export const SOAK_PAGE_SCRIPT = `(() => {
  if (window.__soak) return;
  var docId = Math.random().toString(36).slice(2);
  var N = 4096, buf = new Float64Array(N), n = 0, last = -1, frames = 0;
  function onFrame(t) {
    if (last >= 0) { buf[n % N] = t - last; n++; }
    last = t; frames++;
    requestAnimationFrame(onFrame);
  }
  requestAnimationFrame(onFrame);
  var sims = new Set();
  var Native = window.Worker;
  if (typeof Native === 'function') {
    window.Worker = class extends Native {
      postMessage(m, ...rest) {
        if (m && typeof m === 'object') {
          if (m.type === 'start' && typeof m.roadGraphUrl === 'string') sims.add(this);
          else if (m.type === 'stop') sims.delete(this);
        }
        return super.postMessage(m, ...rest);
      }
      terminate() { sims.delete(this); return super.terminate(); }
    };
  }
  var alarms = 0, lastAlarm = null;
  setInterval(function () {
    var h = window.__shentwin;
    var id = h && h.tour ? h.tour.interruptedBy : null;
    if (id && id !== lastAlarm) alarms++;
    lastAlarm = id;
  }, 250);
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  window.__soak = {
    read: function () {
      var k = Math.min(n, N), intervals = Array.prototype.slice.call(buf.subarray(0, k)), fr = frames;
      n = 0; frames = 0;
      var h = window.__shentwin, r = h ? h.render : null, f = h ? h.feed : null, t = h ? h.tour : null;
      var wd = h ? h.watchdog : null, hist = wd && wd.history, hs = hist && hist.length ? hist[hist.length - 1] : null;
      var c = wd && wd.counters;
      return {
        intervals: intervals, frames: fr, hook: !!h, ready: !!(h && h.ready), zone: h && h.zoneId ? h.zoneId : '',
        render: r ? { geometries: num(r.geometries), textures: num(r.textures), programs: num(r.programs), drawCalls: num(r.drawCalls), cacheBytes: num(r.cacheBytes) } : null,
        feedStatus: f ? String(f.status) : '', feedAgeMs: f && typeof f.lastMessageAtMs === 'number' ? Date.now() - f.lastMessageAtMs : null,
        vehicles: f && f.counts ? num(f.counts.vehicles) : null,
        tourState: t ? String(t.state) : '', tourStep: t ? num(t.step) : null,
        alerts: h && Array.isArray(h.alerts) ? h.alerts.length : null,
        watchdog: c ? {
          resubscribe: num(c.resubscribe), rebuildView: num(c['rebuild-view']), softReload: num(c['soft-reload']),
          frameStalls: num(c.frameStalls), feedOutages: num(c.feedOutages), thresholdReloads: num(c.thresholdReloads), dailyReloads: num(c.dailyReloads),
        } : null,
        ourListeners: hs ? num(hs.listeners) : null, ourTimers: hs ? num(hs.timers) : null,
        alarms: alarms, simWorkers: sims.size, docId: docId,
        lastErrors: h && Array.isArray(h.errors) ? h.errors.slice(-3).map(function (e) { return e.category + ' ' + e.source + ': ' + String(e.message).slice(0, 200); }) : [],
      };
    },
    drill: function (name) {
      var sent = 0;
      sims.forEach(function (w) { w.postMessage({ type: 'control', scenario: name }); sent++; });
      return sent;
    },
  };
})();`;

interface PageRead {
  intervals: number[];
  frames: number;
  hook: boolean;
  ready: boolean;
  zone: string;
  render: { geometries: number | null; textures: number | null; programs: number | null; drawCalls: number | null; cacheBytes: number | null } | null;
  feedStatus: string;
  feedAgeMs: number | null;
  vehicles: number | null;
  tourState: string;
  tourStep: number | null;
  alerts: number | null;
  watchdog: Record<'resubscribe' | 'rebuildView' | 'softReload' | 'frameStalls' | 'feedOutages' | 'thresholdReloads' | 'dailyReloads', number | null> | null;
  ourListeners: number | null;
  ourTimers: number | null;
  alarms: number;
  simWorkers: number;
  /** Random per document: a new one means the page was reloaded. */
  docId: string;
  lastErrors: string[];
}

/** Counts the tool keeps outside the page (they must survive a reload). */
export interface ProbeTally {
  reloads: number;
  crashes: number;
  drillsSent: number;
  pageErrors: number;
}

export interface HeapNow {
  /** Runtime.getHeapUsage usedSize after a full GC. */
  postGcBytes: number | null;
  jsHeapBytes: number | null;
  nodes: number | null;
  listeners: number | null;
}

function metric(metrics: { name: string; value: number }[], name: string): number | null {
  const m = metrics.find((x) => x.name === name);
  return m && Number.isFinite(m.value) ? m.value : null;
}

export class SoakProbe {
  /** Alarms counted by earlier page loads (the in-page count starts again after a reload). */
  private alarmBase = 0;
  private lastAlarms = 0;
  private lastDocId: string | null = null;
  private startedAtMs = Date.now();
  /** The app's newest errors as last read: after a reload, what the page said before it. */
  lastErrors: string[] = [];

  private constructor(readonly page: Page, private cdp: CDPSession) {}

  /** Call before the first navigation, so the init script runs before the app. */
  static async install(page: Page): Promise<SoakProbe> {
    await page.addInitScript(SOAK_PAGE_SCRIPT);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new SoakProbe(page, cdp);
  }

  /** Times in samples count from here (call when the app is ready). */
  markStart(): void {
    this.startedAtMs = Date.now();
  }


  /** Heap and DOM counts from CDP; `gc` forces a full GC first and reports the heap after it. */
  async heap(gc: boolean): Promise<HeapNow> {
    const out: HeapNow = { postGcBytes: null, jsHeapBytes: null, nodes: null, listeners: null };
    try {
      const before = (await this.cdp.send('Performance.getMetrics')).metrics;
      out.jsHeapBytes = metric(before, 'JSHeapUsedSize');
      if (gc) {
        await this.cdp.send('HeapProfiler.collectGarbage');
        out.postGcBytes = (await this.cdp.send('Runtime.getHeapUsage')).usedSize;
      }
      // After the GC, detached nodes and dead listeners are gone from the counts.
      const after = (await this.cdp.send('Performance.getMetrics')).metrics;
      out.nodes = metric(after, 'Nodes');
      out.listeners = metric(after, 'JSEventListeners');
    } catch {
      // The page is reloading or crashed: the row keeps nulls, the next sample tries again.
    }
    return out;
  }

  /**
   * Bytes of compiled code in the page's heap, from a full heap snapshot (seconds on SwiftShader's
   * machine, so taken twice per soak, not per sample); null when the page could not be read.
   */
  async codeBytes(): Promise<number | null> {
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      return codeBytesOfSnapshot(JSON.parse(chunks.join('')) as HeapSnapshotJson);
    } catch {
      return null;
    } finally {
      this.cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    }
  }

  /** Sends one drill to the simulator; returns how many simulator workers took it (0 between zones). */
  async drill(name: string): Promise<number> {
    try {
      return (await this.page.evaluate(`window.__soak ? window.__soak.drill(${JSON.stringify(name)}) : 0`)) as number;
    } catch {
      return 0;
    }
  }

  async sample(tally: ProbeTally, gc: boolean): Promise<SoakSample> {
    const tS = (Date.now() - this.startedAtMs) / 1000;
    const wallIso = new Date().toISOString();
    let r: PageRead | null = null;
    try {
      r = (await this.page.evaluate('window.__soak ? window.__soak.read() : null')) as PageRead | null;
    } catch {
      r = null;
    }
    const h = await this.heap(gc);
    if (r) {
      // The in-page alarm count restarts with a new document: fold the old one's into the base.
      if (this.lastDocId !== null && r.docId !== this.lastDocId) this.alarmBase += this.lastAlarms;
      this.lastDocId = r.docId;
      this.lastAlarms = r.alarms;
      this.lastErrors = r.lastErrors;
    }
    const wd = r?.watchdog ?? null;
    return {
      tS, wallIso,
      heapPostGcBytes: h.postGcBytes, jsHeapBytes: h.jsHeapBytes,
      geometries: r?.render?.geometries ?? null, textures: r?.render?.textures ?? null, programs: r?.render?.programs ?? null,
      drawCalls: r?.render?.drawCalls ?? null, tileCacheBytes: r?.render?.cacheBytes ?? null,
      domNodes: h.nodes, jsListeners: h.listeners,
      ourListeners: r?.ourListeners ?? null, ourTimers: r?.ourTimers ?? null,
      frames: r ? r.frames : null,
      frameP50Ms: r && r.intervals.length ? percentile(r.intervals, 50) : null,
      frameP95Ms: r && r.intervals.length ? percentile(r.intervals, 95) : null,
      feedAgeMs: r?.feedAgeMs ?? null, feedStatus: r?.feedStatus ?? '', vehicles: r?.vehicles ?? null,
      zone: r?.zone ?? '', tourState: r?.tourState ?? '', tourStep: r?.tourStep ?? null, alerts: r?.alerts ?? null,
      wdResubscribe: wd?.resubscribe ?? null, wdRebuildView: wd?.rebuildView ?? null, wdSoftReload: wd?.softReload ?? null,
      wdFrameStalls: wd?.frameStalls ?? null, wdFeedOutages: wd?.feedOutages ?? null, wdThresholdReloads: wd?.thresholdReloads ?? null,
      wdDailyReloads: wd?.dailyReloads ?? null,
      reloads: tally.reloads, crashes: tally.crashes, drillsSent: tally.drillsSent,
      alarmsSeen: this.alarmBase + this.lastAlarms, pageErrors: tally.pageErrors,
    };
  }
}
