import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventDispatcher } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { createAppStore } from '../../../src/state/store';
import { TilesetStatusTracker } from '../../../src/views/three/TilesetStatusTracker';
import { STATUS_PUBLISH_MS } from '../../../src/views/three/tilesetStatusModel';

/** Just enough of a TilesRenderer: events, stats and the cache the tracker reads. */
class FakeTiles extends EventDispatcher<Record<string, Record<string, unknown>>> {
  stats = { queued: 0, downloading: 0, parsing: 0, loaded: 0, failed: 0, refused: 0, inCache: 0 };
  isLoading = false;
  frameCount = 0;
  processNodeQueue = { running: false };
  lruCache = { cachedBytes: 0, itemList: [] as object[], getMemoryUsage: () => 0 };
  resets = 0;
  resetFailedTiles() {
    this.resets++;
  }
  update() {
    this.dispatchEvent({ type: 'update-after' });
  }
}

let store: ReturnType<typeof createAppStore>;
let tiles: FakeTiles;
let tracker: TilesetStatusTracker;
const frames = vi.fn();

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  tiles = new FakeTiles();
  tracker = new TilesetStatusTracker(tiles as unknown as TilesRenderer, 'buildings', 'http://h/tileset.json', store, frames);
});
afterEach(() => {
  tracker.dispose();
  vi.useRealTimers();
});

describe('TilesetStatusTracker', () => {
  it('publishes loading, then ready and settled after traversals', () => {
    expect(store.getState().tilesets.buildings?.root).toBe('loading');
    tiles.dispatchEvent({ type: 'load-root-tileset' });
    tiles.stats.loaded = 3;
    tiles.update();
    tiles.update();
    vi.advanceTimersByTime(STATUS_PUBLISH_MS);
    expect(store.getState().tilesets.buildings).toMatchObject({ root: 'ready', loaded: 3, settled: true, failed: 0 });
  });

  it('publishes the end of a burst at once, not at the next tick, with isLoading already cleared', async () => {
    tiles.dispatchEvent({ type: 'load-root-tileset' });
    tiles.isLoading = true;
    tiles.stats.loaded = 1;
    tiles.update();
    tiles.update();
    vi.advanceTimersByTime(STATUS_PUBLISH_MS);
    expect(store.getState().tilesets.buildings?.settled).toBe(false);
    // As TilesRendererBase.update does: dispatch first, clear the flag after.
    tiles.stats.loaded = 5;
    tiles.dispatchEvent({ type: 'tiles-load-end' });
    tiles.isLoading = false;
    await Promise.resolve();
    expect(store.getState().tilesets.buildings).toMatchObject({ settled: true, loaded: 5 });
  });

  it('reports each failed tile once and still settles', () => {
    tiles.dispatchEvent({ type: 'load-root-tileset' });
    const err = { type: 'load-error', tile: {}, error: new Error('HTTP 404 Not Found'), url: 'http://h/1.glb' };
    tiles.dispatchEvent(err);
    tiles.dispatchEvent(err);
    tiles.update();
    tiles.update();
    vi.advanceTimersByTime(STATUS_PUBLISH_MS);
    const s = store.getState();
    expect(s.errorCounts.tile).toBe(1);
    expect(s.errors[0]).toMatchObject({ category: 'tile', source: 'http://h/1.glb', message: 'HTTP 404 Not Found' });
    expect(s.tilesets.buildings).toMatchObject({ failed: 1, settled: true });
  });

  it('retries a failed root with capped exponential backoff, no tight loop', () => {
    const fail = () => tiles.dispatchEvent({ type: 'load-error', tile: null, error: new Error('HTTP 500'), url: 'http://h/tileset.json' });
    fail();
    expect(store.getState().tilesets.buildings?.root).toBe('failed');
    expect(store.getState().errors.at(-1)?.message).toBe('HTTP 500 — retry 1 in 1 s');
    vi.advanceTimersByTime(999);
    expect(tiles.resets).toBe(0);
    vi.advanceTimersByTime(1);
    expect(tiles.resets).toBe(1);
    fail();
    vi.advanceTimersByTime(1999);
    expect(tiles.resets).toBe(1);
    vi.advanceTimersByTime(1);
    expect(tiles.resets).toBe(2);
    for (let i = 0; i < 8; i++) {
      fail();
      vi.advanceTimersByTime(30_000);
    }
    expect(store.getState().errors.at(-1)?.message).toBe('HTTP 500 — retry 10 in 30 s');
  });

  it('resets the backoff after the root loads, and stops retrying once disposed', () => {
    tiles.dispatchEvent({ type: 'load-error', tile: null, error: new Error('x'), url: 'u' });
    tracker.dispose();
    vi.advanceTimersByTime(60_000);
    expect(tiles.resets).toBe(0);
  });

  it('flags detail reduced while the cache refuses tiles', () => {
    tiles.dispatchEvent({ type: 'load-root-tileset' });
    tiles.stats.refused = 4;
    tiles.update();
    vi.advanceTimersByTime(STATUS_PUBLISH_MS);
    expect(store.getState().tilesets.buildings?.detailReduced).toBe(true);
    tiles.stats.refused = 0;
    vi.advanceTimersByTime(STATUS_PUBLISH_MS * 20);
    expect(store.getState().tilesets.buildings?.detailReduced).toBe(false);
  });
});
