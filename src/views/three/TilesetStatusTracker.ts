/**
 * Watches one TilesRenderer: publishes its TilesetStatus at UI rate, reports every failed tile
 * once, and retries a failed root tileset with capped exponential backoff. Owns its listeners and
 * timers; `dispose` removes all of them, which also ends any pending retry.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { Tile } from '3d-tiles-renderer/core';
import { trackInterval, trackListener, trackTimeout } from '../../runtime/tracked';
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
  private cancelRetry: (() => void) | null = null;
  private readonly stopPublish: () => void;
  private readonly unlisten: (() => void)[];
  private disposed = false;

  constructor(
    private readonly tiles: TilesRenderer,
    private readonly id: string,
    private readonly url: string,
    private readonly store: AppStore,
    /** Asks for a frame (on-demand rendering) when something changed. */
    private readonly requestFrame: () => void,
  ) {
    this.unlisten = [
      trackListener(tiles, 'load-root-tileset', this.onRoot),
      trackListener(tiles, 'load-error', this.onError as (e: unknown) => void),
      trackListener(tiles, 'update-after', this.onUpdate),
      trackListener(tiles, 'needs-update', this.requestFrame),
      trackListener(tiles, 'load-model', this.requestFrame),
      trackListener(tiles, 'tiles-load-end', this.publishAfterBurst),
    ];
    this.stopPublish = trackInterval(this.publish, STATUS_PUBLISH_MS);
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
      this.cancelRetry = trackTimeout(this.retryRoot, delay);
    } else {
      const key = String(e.url);
      if (this.reportedTiles.has(key)) return;
      this.reportedTiles.add(key);
      this.store.getState().reportError('tile', key, reason);
    }
    this.publish();
  };

  private readonly retryRoot = (): void => {
    this.cancelRetry = null;
    if (this.disposed) return;
    this.root = 'loading';
    // Marks the failed root as unloaded; the next update() requests it again.
    this.tiles.resetFailedTiles();
    this.requestFrame();
  };

  /**
   * A burst's end is published at once rather than at the next 4 Hz tick, so "settled" (the kiosk's
   * ready state, the tests' wait, the settle bench) is not up to 250 ms late. The renderer clears
   * `isLoading` right after dispatching the event, hence the microtask.
   */
  private readonly publishAfterBurst = (): void => {
    queueMicrotask(this.publish);
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
    this.stopPublish();
    this.cancelRetry?.();
    this.cancelRetry = null;
    for (const off of this.unlisten) off();
  }
}
