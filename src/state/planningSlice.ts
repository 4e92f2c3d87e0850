/**
 * Planner workbench state: the zone's plan (plots, control lines, sites, shipped schemes), the
 * schemes a planner imported in this session, and what the view compares. Plain data only; the
 * derived indicators and compliance are computed by src/analysis/planning from this.
 *
 * A "state id" names one version of the city: EXISTING_STATE (today) or a scheme id.
 */
import type { StateCreator } from 'zustand/vanilla';
import { EXISTING_STATE, type PlanView, type Scheme, type ZonePlan } from '../analysis/planning/types';

export { EXISTING_STATE } from '../analysis/planning/types';
export type { CompareLayout, PlanView, PlanViewMode } from '../analysis/planning/types';

export type PlanStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface PlanningSlice {
  plan: ZonePlan | null;
  planStatus: PlanStatus;
  importedSchemes: Scheme[];
  planView: PlanView;
  /** The site the board and the comparison are about. */
  activeSiteId: string | null;
  /** The plot whose attributes the panel shows (clicked on the map or in the board). */
  selectedPlotId: string | null;
  /** Layer opacity by catalogue layer id, 0..1; absent means 1. */
  layerOpacity: Record<string, number>;
  setPlan(plan: ZonePlan | null, status: PlanStatus): void;
  addImportedScheme(scheme: Scheme): void;
  removeImportedScheme(id: string): void;
  setPlanView(patch: Partial<PlanView>): void;
  setActiveSite(id: string | null): void;
  selectPlot(id: string | null): void;
  setLayerOpacity(id: string, opacity: number): void;
  /** Entering another zone: its plan, imports and comparison start afresh. */
  resetPlanning(): void;
}

export const DEFAULT_PLAN_VIEW: PlanView = {
  mode: 'existing',
  left: EXISTING_STATE,
  right: EXISTING_STATE,
  layout: 'swipe',
  dividerX: 0.5,
  toggleSide: 'right',
};

const clamp01 = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 1);

export const createPlanningSlice: StateCreator<PlanningSlice, [], [], PlanningSlice> = (set) => ({
  plan: null,
  planStatus: 'idle',
  importedSchemes: [],
  planView: DEFAULT_PLAN_VIEW,
  activeSiteId: null,
  selectedPlotId: null,
  layerOpacity: {},
  setPlan: (plan, planStatus) => set({ plan, planStatus }),
  addImportedScheme: (scheme) =>
    set((s) => ({ importedSchemes: [...s.importedSchemes.filter((x) => x.id !== scheme.id), scheme] })),
  removeImportedScheme: (id) =>
    set((s) => {
      const v = s.planView;
      // A removed scheme must not stay on screen under an id nothing resolves any more.
      const gone = v.left === id || v.right === id;
      return {
        importedSchemes: s.importedSchemes.filter((x) => x.id !== id),
        planView: gone ? { ...DEFAULT_PLAN_VIEW, layout: v.layout, dividerX: v.dividerX } : v,
      };
    }),
  setPlanView: (patch) =>
    set((s) => ({
      planView: { ...s.planView, ...patch, dividerX: clamp01(patch.dividerX ?? s.planView.dividerX) },
    })),
  setActiveSite: (activeSiteId) => set({ activeSiteId }),
  selectPlot: (selectedPlotId) => set({ selectedPlotId }),
  setLayerOpacity: (id, opacity) => set((s) => ({ layerOpacity: { ...s.layerOpacity, [id]: clamp01(opacity) } })),
  resetPlanning: () =>
    set({ plan: null, planStatus: 'idle', importedSchemes: [], planView: DEFAULT_PLAN_VIEW, activeSiteId: null, selectedPlotId: null, layerOpacity: {} }),
});

/** All schemes of the zone, shipped first, then imported. */
export function allSchemes(s: Pick<PlanningSlice, 'plan' | 'importedSchemes'>): Scheme[] {
  return [...(s.plan?.schemes ?? []), ...s.importedSchemes];
}

export function layerOpacityOf(opacity: Record<string, number>, id: string): number {
  return opacity[id] ?? 1;
}
