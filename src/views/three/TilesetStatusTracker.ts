/**
 * Watches one TilesRenderer: publishes its TilesetStatus at UI rate, reports every failed tile
 * once, and retries a failed root tileset with capped exponential backoff. Owns its listeners and
 * timers; `dispose` removes all of them, which also ends any pending retry.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { Tile } from '3d-tiles-renderer/core';
import type { AppStore } from '../../state/store';
import { EMPTY_TILESET_STATUS, type TilesetStatus } from '../../state/tilesSlice';
import { cachedBytesOf, internalsOf } from './rendererInternals';
import { describeRootFailure, rootRetryDelayMs } from './rootRetry';
import { buildTilesetStatus, nextDetailHold, STATUS_PUBLISH_MS } from './tilesetStatusModel';

interface LoadErrorEvent {
  tile: Tile | null;
  error: unknown;
  url: string | URL;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

export class TilesetStatusTracker {
  private root: TilesetStatus['root'] = 'loading';
  private attempt = 0;
  private updatesSinceRoot = 0;
  private refusedSincePublish = false;
  private detailHold = 0;
  private readonly reportedTiles = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly publishTimer: ReturnType<typeof setInterval>;
  private disposed = false;

  constructor(
    private readonly tiles: TilesRenderer,
    private readonly id: string,
    private readonly url: string,
    private readonly store: AppStore,
    /** Asks for a frame (on-demand rendering) when something changed. */
    private readonly requestFrame: () => void,
  ) {
    tiles.addEventListener('load-root-tileset', this.onRoot);
    tiles.addEventListener('load-error', this.onError);
    tiles.addEventListener('update-after', this.onUpdate);
    tiles.addEventListener('needs-update', this.requestFrame);
    tiles.addEventListener('load-model', this.requestFrame);
    this.publishTimer = setInterval(this.publish, STATUS_PUBLISH_MS);
    this.publish();
  }

  get failedTiles(): number {
    return this.reportedTiles.size;
  }

  private readonly onRoot = (): void => {
    this.root = 'ready';
    this.attempt = 0;
    this.updatesSinceRoot = 0;
    this.requestFrame();
  };

  private readonly onUpdate = (): void => {
    if (this.root === 'ready') this.updatesSinceRoot++;
    if (internalsOf(this.tiles).stats.refused > 0) this.refusedSincePublish = true;
  };

  private readonly onError = (e: LoadErrorEvent): void => {
    if (this.disposed) return;
    const reason = reasonOf(e.error);
    if (e.tile === null) {
      this.root = 'failed';
      this.attempt++;
      const delay = rootRetryDelayMs(this.attempt);
      this.store.getState().reportError('tileset', this.url, describeRootFailure(reason, this.attempt, delay));
      this.retryTimer = setTimeout(this.retryRoot, delay);
    } else {
      const key = String(e.url);
      if (this.reportedTiles.has(key)) return;
      this.reportedTiles.add(key);
      this.store.getState().reportError('tile', key, reason);
    }
    this.publish();
  };

  private readonly retryRoot = (): void => {
    this.retryTimer = null;
    if (this.disposed) return;
    this.root = 'loading';
    // Marks the failed root as unloaded; the next update() requests it again.
    this.tiles.resetFailedTiles();
    this.requestFrame();
  };

  readonly publish = (): void => {
    if (this.disposed) return;
    const t = internalsOf(this.tiles);
    this.detailHold = nextDetailHold(this.detailHold, this.refusedSincePublish);
    this.refusedSincePublish = false;
    const busy = t.isLoading || t.processNodeQueue.running;
    const status = buildTilesetStatus({
      root: this.root,
      queued: t.stats.queued,
      downloading: t.stats.downloading,
      parsing: t.stats.parsing,
      loaded: t.stats.loaded,
      failed: this.reportedTiles.size,
      busy,
      updatesSinceRoot: this.updatesSinceRoot,
      cachedBytes: cachedBytesOf(this.tiles),
      detailHold: this.detailHold,
    });
    this.store.getState().setTilesetStatus(this.id, status);
    // A burst ends inside update(); while one is open, keep frames coming so it can close.
    if (busy) this.requestFrame();
  };

  dispose(): void {
    this.disposed = true;
    // Tileset ids repeat across zones: leaving a stale "settled" behind would claim the next zone's tiles are done.
    this.store.getState().setTilesetStatus(this.id, EMPTY_TILESET_STATUS);
    clearInterval(this.publishTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.tiles.removeEventListener('load-root-tileset', this.onRoot);
    this.tiles.removeEventListener('load-error', this.onError);
    this.tiles.removeEventListener('update-after', this.onUpdate);
    this.tiles.removeEventListener('needs-update', this.requestFrame);
    this.tiles.removeEventListener('load-model', this.requestFrame);
  }
}
