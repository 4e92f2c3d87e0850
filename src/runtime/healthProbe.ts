/**
 * Reads one HealthSample from the page: the JS heap where Chromium exposes it, the 3D view's
 * renderer.info and tile cache (through its diagnostics provider), the DOM size, our own
 * listeners and timers (tracked.ts), frame times, and the feed's age. It also sends the view a
 * liveness probe (one requested frame), so "no frame for N s" means a stuck view, not one at rest.
 */
import { readDiagnostics } from '../state/diagnostics';
import type { FeedSummary } from '../feed/summary';
import type { FrameTimes } from './frameTimes';
import { trackedCounts } from './tracked';
import type { HealthSample } from './watchdogTypes';

interface ThreeDiag {
  geometries?: number;
  textures?: number;
  programs?: number;
  cacheBytes?: number;
  frames?: number;
  contextLost?: boolean;
  requestFrame?: () => void;
}

export class HealthProbe {
  private lastFrames = -1;
  private lastFrameChangeAtMs: number | null = null;
  private lastSampleAtMs: number | null = null;

  /** `periodMs`: how often sample() is called, to tell a starved page from a stuck view. */
  constructor(private readonly frameTimes: FrameTimes, private readonly periodMs: number) {}

  sample(nowMs: number, feed: FeedSummary | null, doc: Document = document): HealthSample {
    const three = (readDiagnostics().three ?? null) as ThreeDiag | null;
    const visible = doc.visibilityState === 'visible';
    // A sample that comes late means the main thread itself was blocked (a long parse, a slow
    // machine): the frames it could not draw are not the view's fault. Start the clock again.
    const starved = this.lastSampleAtMs !== null && nowMs - this.lastSampleAtMs > 2.5 * this.periodMs;
    this.lastSampleAtMs = nowMs;
    this.trackFrames(nowMs, three, visible && !starved);
    three?.requestFrame?.();
    const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    const counts = trackedCounts();
    return {
      atMs: nowMs,
      heapBytes: mem ? mem.usedJSHeapSize : null,
      geometries: three?.geometries ?? 0,
      textures: three?.textures ?? 0,
      programs: three?.programs ?? 0,
      tileCacheBytes: three?.cacheBytes ?? 0,
      domNodes: doc.getElementsByTagName('*').length,
      listeners: counts.listeners,
      timers: counts.timers,
      frameMsP95: this.frameTimes.takeP95(),
      lastFrameAtMs: this.lastFrameChangeAtMs,
      feedAgeMs: feedAge(feed, nowMs),
      // 'stale' is a transport that is open but quiet (a subscription lost, half-open): ours to
      // recover; an MQTT publisher that went offline is not.
      feedConnected: feed?.status === 'connected' || (feed?.status === 'stale' && feed.statusDetail !== 'publisher offline'),
      starved,
      visible,
    };
  }

  /**
   * When the view last drew. A hidden tab, a lost context (ContextLossGuard's business) or a view
   * that is not the three.js one (the globe draws by itself) restart the clock: none is a stall.
   */
  private trackFrames(nowMs: number, three: ThreeDiag | null, visible: boolean): void {
    if (!three || three.frames === undefined || !visible || three.contextLost) {
      this.lastFrames = three?.frames ?? -1;
      this.lastFrameChangeAtMs = three ? nowMs : null;
      return;
    }
    if (three.frames !== this.lastFrames || this.lastFrameChangeAtMs === null) {
      this.lastFrames = three.frames;
      this.lastFrameChangeAtMs = nowMs;
    }
  }
}

/** How long the feed has been silent, from the newest message; null where no data is expected yet. */
function feedAge(feed: FeedSummary | null, nowMs: number): number | null {
  if (!feed || !feed.everConnected || feed.lastMessageAtMs === null) return null;
  if (feed.status === 'unauthorised' || feed.status === 'failed') return null;
  return Math.max(0, nowMs - feed.lastMessageAtMs);
}
