/**
 * Counts what the globe's tilesets do (root loads, tile loads and failures, pending work) and
 * turns it into the same TilesetStatus the three.js view publishes, plus the `globe` diagnostics.
 * Cesium fires tile events inside its frame, so counting is cheap and publishing to the store is
 * coalesced to UI rate by the caller.
 */
import type { TilesetStatus } from '../../state/tilesSlice';

/** Bounded, like the store's error list, so a flood of failing tiles cannot grow memory. */
const MAX_ERRORS_KEPT = 20;

interface Entry {
  root: TilesetStatus['root'];
  loaded: number;
  failed: number;
  inFlight: number;
  /** Cesium said every tile the current view needs is in; cleared when new work is queued. */
  allLoaded: boolean;
  cachedBytes: number;
}

export interface GlobeDiagnostics {
  tilesetsReady: number;
  tilesLoaded: number;
  tilesFailed: number;
  allTilesLoaded: boolean;
  errors: string[];
}

export class GlobeTileStats {
  private readonly entries = new Map<string, Entry>();
  private readonly errors: string[] = [];

  add(id: string): void {
    this.entries.set(id, { root: 'loading', loaded: 0, failed: 0, inFlight: 0, allLoaded: false, cachedBytes: 0 });
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  rootReady(id: string): void {
    const e = this.entries.get(id);
    if (e) e.root = 'ready';
  }

  rootFailed(id: string, message: string): void {
    const e = this.entries.get(id);
    if (e) e.root = 'failed';
    this.noteError(`${id}: ${message}`);
  }

  tileLoaded(id: string): void {
    const e = this.entries.get(id);
    if (e) e.loaded++;
  }

  tileFailed(id: string, url: string, message: string): void {
    const e = this.entries.get(id);
    if (e) e.failed++;
    this.noteError(`${url}: ${message}`);
  }

  progress(id: string, pendingRequests: number, processing: number, cachedBytes: number): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.inFlight = pendingRequests + processing;
    e.cachedBytes = cachedBytes;
    if (e.inFlight > 0) e.allLoaded = false;
  }

  allLoaded(id: string, cachedBytes: number): void {
    const e = this.entries.get(id);
    if (!e) return;
    e.allLoaded = true;
    e.inFlight = 0;
    e.cachedBytes = cachedBytes;
  }

  status(id: string): TilesetStatus | null {
    const e = this.entries.get(id);
    if (!e) return null;
    return {
      root: e.root,
      loaded: e.loaded,
      failed: e.failed,
      inFlight: e.inFlight,
      // A tileset whose root failed has nothing left to load; it is settled, with an error shown.
      settled: e.root === 'failed' || (e.root === 'ready' && e.allLoaded),
      cachedBytes: e.cachedBytes,
      // Cesium lowers detail past its cache budget without saying so per frame; not reported here.
      detailReduced: false,
    };
  }

  diagnostics(): GlobeDiagnostics {
    let tilesetsReady = 0, tilesLoaded = 0, tilesFailed = 0;
    let all = this.entries.size > 0;
    for (const [id, e] of this.entries) {
      if (e.root === 'ready') tilesetsReady++;
      tilesLoaded += e.loaded;
      tilesFailed += e.failed;
      if (!this.status(id)?.settled) all = false;
    }
    return { tilesetsReady, tilesLoaded, tilesFailed, allTilesLoaded: all, errors: [...this.errors] };
  }

  private noteError(text: string): void {
    this.errors.push(text);
    if (this.errors.length > MAX_ERRORS_KEPT) this.errors.shift();
  }
}
