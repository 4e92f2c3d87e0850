/**
 * When the built-in simulator may start. On a small machine (two cores) the simulator's worker
 * competes with tile download and parse for the CPU, so it waits until the zone's tiles have
 * settled once: the first picture comes first, the traffic on it a moment later. It never waits
 * longer than FEED_START_MAX_WAIT_MS, and not at all when there are no tiles to wait for (the view
 * failed, or a tileset's root failed and will only retry on its backoff).
 *
 * Only the simulator waits: an external feed (WebSocket, MQTT) costs this page little CPU before
 * its first message, and its connection, token and wall handshakes should start at once.
 * Pure: the clock is injected, the store read by the caller.
 */
import type { TilesetStatus } from '../state/tilesSlice';

export const FEED_START_MAX_WAIT_MS = 10_000;

export interface FeedGateObservation {
  /** Status of each of the zone's tilesets, undefined while its view has not reported it yet. */
  tilesets: readonly (TilesetStatus | undefined)[];
  /** The view failed to start (no WebGL, a driver fault): no tiles will report. */
  viewFailed: boolean;
}

export type FeedGateReason = 'settled' | 'tiles-failed' | 'no-view' | 'timeout';

/** Whether the simulator may start now, and why; null: keep waiting. */
export function feedGateVerdict(o: FeedGateObservation): FeedGateReason | null {
  if (o.viewFailed || o.tilesets.length === 0) return 'no-view';
  if (o.tilesets.some((t) => t?.root === 'failed')) return 'tiles-failed';
  if (o.tilesets.every((t) => t !== undefined && t.root === 'ready' && t.settled)) return 'settled';
  return null;
}

type Cancel = () => void;

export interface FeedStartGateOptions {
  onOpen: (reason: FeedGateReason) => void;
  schedule: (fn: () => void, ms: number) => Cancel;
  maxWaitMs?: number;
}

/** Opens once (settle, failure or timeout) and calls `onOpen` exactly once; `dispose` cancels it. */
export class FeedStartGate {
  private reason: FeedGateReason | null = null;
  private cancelTimer: Cancel | null;
  private disposed = false;

  constructor(private readonly o: FeedStartGateOptions) {
    this.cancelTimer = o.schedule(() => {
      this.cancelTimer = null;
      this.open('timeout');
    }, o.maxWaitMs ?? FEED_START_MAX_WAIT_MS);
  }

  get openedBecause(): FeedGateReason | null {
    return this.reason;
  }

  observe(o: FeedGateObservation): void {
    const v = feedGateVerdict(o);
    if (v) this.open(v);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private open(reason: FeedGateReason): void {
    if (this.reason !== null || this.disposed) return;
    this.reason = reason;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.o.onOpen(reason);
  }
}
