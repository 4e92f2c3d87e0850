import type { StateCreator } from 'zustand/vanilla';
import type { Scene } from '../scene/schema';
import type { SceneIssue } from '../scene/validate';

export interface ZoneEntry {
  id: string;
  file: string;
  /** Loaded scene, or the reasons it could not be loaded. */
  scene: Scene | null;
  issues: SceneIssue[];
}

export interface ZoneSlice {
  zones: ZoneEntry[];
  zonesLoaded: boolean;
  currentZoneId: string | null;
  setZones(zones: ZoneEntry[]): void;
  selectZone(id: string | null): void;
}

export const createZoneSlice: StateCreator<ZoneSlice, [], [], ZoneSlice> = (set) => ({
  zones: [],
  zonesLoaded: false,
  currentZoneId: null,
  setZones: (zones) => set({ zones, zonesLoaded: true }),
  selectZone: (id) => set({ currentZoneId: id }),
});
