/**
 * Fields of 3d-tiles-renderer 0.5 that exist at run time (see TilesRendererBase.js and
 * LRUCache.js) but are missing from its type declarations. Read-only use, in one place, so an
 * upgrade has one file to check.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';

export interface TilesStats {
  queued: number;
  downloading: number;
  parsing: number;
  loaded: number;
  failed: number;
  /** Tiles the last update wanted but could not queue because the cache was full. */
  refused: number;
  inCache: number;
}

export interface RendererInternals {
  stats: TilesStats;
  /** True from the first request of a load burst until the queues drain ("tiles-load-end"). */
  isLoading: boolean;
  frameCount: number;
  lruCache: { cachedBytes: number; itemList: object[]; getMemoryUsage(item: object): number };
  processNodeQueue: { running: boolean };
  downloadQueue: { running: boolean };
  parseQueue: { running: boolean };
}

export function internalsOf(tiles: TilesRenderer): RendererInternals {
  return tiles as unknown as RendererInternals;
}

/** Bytes this renderer's tiles hold in a (possibly shared) LRU cache. */
export function cachedBytesOf(tiles: TilesRenderer): number {
  const { lruCache } = internalsOf(tiles);
  let sum = 0;
  for (const item of lruCache.itemList) {
    if ((item as { internal?: { renderer?: unknown } }).internal?.renderer === tiles) sum += lruCache.getMemoryUsage(item);
  }
  return sum;
}
