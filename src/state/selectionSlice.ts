import type { StateCreator } from 'zustand/vanilla';

/** A building's properties as read from tile metadata (EXT_structural_metadata). Plain data only. */
export type BuildingProperties = Record<string, string | number>;

export interface BuildingSelection {
  /** The building's stable id property ("osm:way/…" or "gen:…"). */
  id: string;
  properties: BuildingProperties;
  /** Where the pick hit, ENU metres, for flying to it. */
  point: [number, number, number];
}

export interface SelectionSlice {
  hoveredBuildingId: string | null;
  selected: BuildingSelection | null;
  setHovered(id: string | null): void;
  select(sel: BuildingSelection | null): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set, get) => ({
  hoveredBuildingId: null,
  selected: null,
  setHovered: (id) => {
    if (get().hoveredBuildingId !== id) set({ hoveredBuildingId: id });
  },
  select: (selected) => set({ selected }),
});
