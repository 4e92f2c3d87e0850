/**
 * Turns a TilesRenderer's counters into the UI-rate TilesetStatus. Kept pure so the "settled"
 * and "detail reduced" rules are tested without a renderer.
 */
import type { TilesetStatus } from '../../state/tilesSlice';

/** Publishing interval: 4 Hz is enough for a progress display and costs nothing. */
export const STATUS_PUBLISH_MS = 250;
/** How many publishes "detail reduced" stays on after the last refused tile, so it does not flicker. */
export const DETAIL_REDUCED_HOLD_PUBLISHES = 8;

export interface TilesetSnapshot {
  root: TilesetStatus['root'];
  queued: number;
  downloading: number;
  parsing: number;
  loaded: number;
  /** Tiles that failed, each counted once. */
  failed: number;
  /** Renderer still inside a load burst (its `isLoading`), or children waiting to be preprocessed. */
  busy: boolean;
  /** Traversals since the root tileset arrived; the first one is what queues the first tiles. */
  updatesSinceRoot: number;
  cachedBytes: number;
  detailHold: number;
}

export function buildTilesetStatus(s: TilesetSnapshot): TilesetStatus {
  const inFlight = Math.max(0, s.queued) + Math.max(0, s.downloading) + Math.max(0, s.parsing);
  const rootDone = s.root === 'failed' || (s.root === 'ready' && s.updatesSinceRoot >= 2);
  return {
    root: s.root,
    loaded: Math.max(0, s.loaded),
    failed: Math.max(0, s.failed),
    inFlight,
    settled: rootDone && inFlight === 0 && !s.busy,
    cachedBytes: Math.max(0, Math.round(s.cachedBytes)),
    detailReduced: s.detailHold > 0,
  };
}

/** Next value of the "detail reduced" hold counter given whether tiles were refused since the last publish. */
export function nextDetailHold(prevHold: number, refusedSinceLastPublish: boolean): number {
  return refusedSinceLastPublish ? DETAIL_REDUCED_HOLD_PUBLISHES : Math.max(0, prevHold - 1);
}
