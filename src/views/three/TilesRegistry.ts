/**
 * The live TilesRenderer of each tileset id in the current zone, for the layers that need one
 * (picking, highlight, ground visibility, diagnostics). Lives in React context, never in a store.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { ZoneTileResources } from './ZoneTileResources';

export class TilesRegistry {
  private readonly byId = new Map<string, TilesRenderer>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(readonly resources: ZoneTileResources) {}

  set(id: string, tiles: TilesRenderer | null): void {
    if (tiles) this.byId.set(id, tiles);
    else this.byId.delete(id);
    this.version++;
    for (const l of this.listeners) l();
  }

  get(id: string): TilesRenderer | null {
    return this.byId.get(id) ?? null;
  }

  all(): TilesRenderer[] {
    return [...this.byId.values()];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;
}
