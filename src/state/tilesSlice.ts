import type { StateCreator } from 'zustand/vanilla';

/** Per-tileset streaming counters, published at UI rate (not per frame). */
export interface TilesetStatus {
  /** Tileset JSON state. */
  root: 'loading' | 'ready' | 'failed';
  loaded: number;
  failed: number;
  inFlight: number;
  /** True once nothing is loading or queued for the current view. */
  settled: boolean;
  /** Bytes of tile content held in the cache. */
  cachedBytes: number;
  /** True when the memory budget forced coarser tiles than the view asked for. */
  detailReduced: boolean;
}

export interface TilesSlice {
  tilesets: Record<string, TilesetStatus>;
  setTilesetStatus(id: string, status: TilesetStatus): void;
  clearTilesets(): void;
  /** Forgets one tileset (a scheme's, unmounted while the zone stays open). */
  removeTileset(id: string): void;
}

export const EMPTY_TILESET_STATUS: TilesetStatus = {
  root: 'loading', loaded: 0, failed: 0, inFlight: 0, settled: false, cachedBytes: 0, detailReduced: false,
};

export const createTilesSlice: StateCreator<TilesSlice, [], [], TilesSlice> = (set, get) => ({
  tilesets: {},
  setTilesetStatus: (id, status) => {
    const prev = get().tilesets[id];
    if (prev && shallowEqual(prev, status)) return;
    set((s) => ({ tilesets: { ...s.tilesets, [id]: status } }));
  },
  clearTilesets: () => set({ tilesets: {} }),
  removeTileset: (id) =>
    set((s) => {
      if (!(id in s.tilesets)) return s;
      const { [id]: _gone, ...rest } = s.tilesets;
      return { tilesets: rest };
    }),
});

function shallowEqual(a: TilesetStatus, b: TilesetStatus): boolean {
  return (Object.keys(a) as (keyof TilesetStatus)[]).every((k) => a[k] === b[k]);
}
