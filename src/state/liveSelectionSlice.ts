/**
 * Selection in the live layers (a vehicle, sensor, bus stop, signal or incident), whether the
 * camera follows a selected vehicle, the heatmap shown, and the selected sensor's recent values
 * for its sparkline (published at UI rate by the live host). Plain ids and numbers only.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SelectionSlice } from './selectionSlice';

export type LiveSelectionKind = 'vehicle' | 'sensor' | 'stop' | 'signal' | 'incident';

export interface LiveSelection {
  kind: LiveSelectionKind;
  id: string;
}

export type HeatmapMode = 'off' | 'aqi' | 'noise';

export interface SensorHistorySeries {
  id: string;
  /** Client epoch ms, oldest first. */
  t: number[];
  /** Values aligned with t; null where the sensor was silent. */
  v: (number | null)[];
}

export interface LiveSelectionSlice {
  liveSelected: LiveSelection | null;
  followVehicle: boolean;
  heatmap: HeatmapMode;
  liveSensorHistory: SensorHistorySeries | null;
  /** Selecting a live thing clears the building selection: one thing is selected at a time. */
  selectLive(sel: LiveSelection | null, opts?: { follow?: boolean }): void;
  setFollowVehicle(on: boolean): void;
  setHeatmap(mode: HeatmapMode): void;
  setLiveSensorHistory(h: SensorHistorySeries | null): void;
}

export const createLiveSelectionSlice: StateCreator<LiveSelectionSlice & SelectionSlice, [], [], LiveSelectionSlice> = (set, get) => ({
  liveSelected: null,
  followVehicle: false,
  heatmap: 'off',
  liveSensorHistory: null,
  selectLive: (sel, opts) => {
    const cur = get().liveSelected;
    const same = cur && sel && cur.kind === sel.kind && cur.id === sel.id;
    set({
      liveSelected: same ? cur : sel,
      followVehicle: sel?.kind === 'vehicle' ? (opts?.follow ?? true) : false,
      ...(sel ? { selected: null } : {}),
      ...(same ? {} : { liveSensorHistory: null }),
    });
  },
  setFollowVehicle: (followVehicle) => set({ followVehicle }),
  setHeatmap: (heatmap) => set({ heatmap }),
  setLiveSensorHistory: (liveSensorHistory) => set({ liveSensorHistory }),
});
