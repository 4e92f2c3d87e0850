/**
 * Drills the operator started in the current zone's simulator, so the scenario panel can show
 * each one running with its elapsed time even after the panel was folded away and back. Plain
 * data; the live host clears it when the zone (and with it the simulator) changes.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ScenarioName } from '../sim/types';

export interface DrillRun {
  name: ScenarioName;
  /** Client wall clock at the press, epoch ms. */
  startedAtMs: number;
  /** The feed's simulated time at the press, when known: elapsed drill time is simulated time. */
  startedSimMs: number | null;
}

export interface DrillsSlice {
  /** Newest first, at most one per drill (pressing again restarts it). */
  drills: DrillRun[];
  startDrill(run: DrillRun): void;
  resetDrills(): void;
}

export const createDrillsSlice: StateCreator<DrillsSlice, [], [], DrillsSlice> = (set) => ({
  drills: [],
  startDrill: (run) => set((s) => ({ drills: [run, ...s.drills.filter((d) => d.name !== run.name)] })),
  resetDrills: () => set({ drills: [] }),
});
