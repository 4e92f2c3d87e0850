/**
 * City vital signs (城市生命体征) of the current zone and their trend lines, computed by the live
 * host from the feed about once a second and published here as plain numbers.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { TrendSeries } from '../analysis/live/TrendRing';
import type { Vitals } from '../analysis/live/vitals';

export interface VitalsSlice {
  vitals: Vitals | null;
  /** One series per TREND_KPIS entry, in that order. */
  vitalsTrend: TrendSeries | null;
  setVitals(vitals: Vitals, trend: TrendSeries): void;
  resetVitals(): void;
}

export const createVitalsSlice: StateCreator<VitalsSlice, [], [], VitalsSlice> = (set) => ({
  vitals: null,
  vitalsTrend: null,
  setVitals: (vitals, vitalsTrend) => set({ vitals, vitalsTrend }),
  resetVitals: () => set({ vitals: null, vitalsTrend: null }),
});
