/**
 * The cache and queues a zone's tilesets share. 3d-tiles-renderer defaults to module-wide
 * singletons; a zone owns its own so its memory budget is its alone and nothing of it outlives
 * the zone (the renderers' dispose empties the cache).
 */
import { DEFAULT_DOWNLOAD_QUEUE, DEFAULT_LRU_CACHE, DEFAULT_NODE_QUEUE, DEFAULT_PARSE_QUEUE, DownloadPriorityQueue, LRUCache, PriorityQueue } from '3d-tiles-renderer/core';
import { cacheLimitsForBudget } from './tileBudget';
import { runDownloadsBetweenFrames, runJobsBetweenFrames } from './tileQueueScheduling';

/** Concurrent downloads per server: enough to keep the pipe full, few enough that a fly-through cannot flood it. */
export const MAX_DOWNLOADS_PER_ORIGIN = 10;
/**
 * Concurrent glb parses. The queues start their next job as soon as one ends
 * (tileQueueScheduling.ts), so this bounds main-thread work in flight, not the pace.
 */
export const MAX_CONCURRENT_PARSES = 4;

export class ZoneTileResources {
  readonly lruCache: LRUCache;
  readonly downloadQueue: DownloadPriorityQueue;
  readonly parseQueue: PriorityQueue;
  /** Expands a tile's children into the tree (the library's is module-wide). */
  readonly processNodeQueue: PriorityQueue;

  constructor(budgetMB: number | null) {
    this.lruCache = new LRUCache();
    // Reuse the library's eviction order (least recently seen, deepest first).
    this.lruCache.unloadPriorityCallback = DEFAULT_LRU_CACHE.unloadPriorityCallback;
    const limits = cacheLimitsForBudget(budgetMB);
    this.lruCache.maxBytesSize = limits.maxBytesSize;
    this.lruCache.minBytesSize = limits.minBytesSize;

    this.downloadQueue = new DownloadPriorityQueue();
    this.downloadQueue.maxJobsPerOrigin = MAX_DOWNLOADS_PER_ORIGIN;
    this.downloadQueue.priorityCallback = DEFAULT_DOWNLOAD_QUEUE.priorityCallback;

    this.parseQueue = new PriorityQueue();
    this.parseQueue.maxJobs = MAX_CONCURRENT_PARSES;
    this.parseQueue.priorityCallback = DEFAULT_PARSE_QUEUE.priorityCallback;

    this.processNodeQueue = new PriorityQueue();
    this.processNodeQueue.maxJobs = DEFAULT_NODE_QUEUE.maxJobs;
    this.processNodeQueue.priorityCallback = DEFAULT_NODE_QUEUE.priorityCallback;

    runDownloadsBetweenFrames(this.downloadQueue);
    runJobsBetweenFrames(this.parseQueue);
    runJobsBetweenFrames(this.processNodeQueue);
  }

  /** Bytes held by the zone's tiles (the cache's running total; untyped in 0.5's declarations). */
  get cachedBytes(): number {
    return (this.lruCache as unknown as { cachedBytes: number }).cachedBytes;
  }

  /** The tiles in the cache, loaded or loading (the cache's list; undeclared in 0.5). */
  get cachedTiles(): readonly object[] {
    return (this.lruCache as unknown as { itemList: object[] }).itemList;
  }

  get maxBytes(): number {
    return this.lruCache.maxBytesSize;
  }
}
