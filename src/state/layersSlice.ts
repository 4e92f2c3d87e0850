import type { StateCreator } from 'zustand/vanilla';

/** Visibility by layer id: tileset ids ("buildings", "ground") and ground sub-layers ("water", "road", …). */
export interface LayersSlice {
  layerVisible: Record<string, boolean>;
  setLayerVisible(id: string, visible: boolean): void;
  resetLayers(defaults: Record<string, boolean>): void;
}

export const createLayersSlice: StateCreator<LayersSlice, [], [], LayersSlice> = (set) => ({
  layerVisible: {},
  setLayerVisible: (id, visible) => set((s) => ({ layerVisible: { ...s.layerVisible, [id]: visible } })),
  resetLayers: (defaults) => set({ layerVisible: { ...defaults } }),
});

export function isLayerVisible(visible: Record<string, boolean>, id: string): boolean {
  return visible[id] !== false;
}
