/** What every part of a zone's 3D scene shares: the scene, its ENU frame and its tile renderers. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import type { EnuFrame } from '../../core/geodesy';
import type { Scene } from '../../scene/schema';
import type { PlanStateController } from '../../layers/planning/PlanStateController';
import type { TilesRegistry } from './TilesRegistry';

export interface ZoneContextValue {
  scene: Scene;
  frame: EnuFrame;
  registry: TilesRegistry;
  /** Which version of the city (today or a scheme) the scene is drawn in, pass by pass. */
  planState: PlanStateController;
}

export const ZoneContext = createContext<ZoneContextValue | null>(null);

export function useZone(): ZoneContextValue {
  const z = useContext(ZoneContext);
  if (!z) throw new Error('useZone must be used inside a zone scene');
  return z;
}

/** The renderer of a tileset id, re-rendering when it is created or disposed. */
export function useTilesRenderer(id: string): TilesRenderer | null {
  const { registry } = useZone();
  useSyncExternalStore(registry.subscribe, registry.getVersion);
  return registry.get(id);
}
