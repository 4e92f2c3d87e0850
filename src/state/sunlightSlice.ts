/**
 * The sunlight-hours analysis (日照分析) as the UI sees it: the settings a planner chose (and a link
 * restores), the run's status and progress, and small summaries. Plain data only: the per-window
 * results are large typed arrays and live in src/state/sunlightResults.ts, outside the store, so
 * a finished run does not copy thousands of rows through every subscriber.
 */
import type { StateCreator } from 'zustand/vanilla';
import { EXISTING_STATE, type Ring } from '../analysis/planning/types';
import { DEFAULT_PROFILE_ID } from '../analysis/sunlight/profiles';
import { drawReducer, IDLE_DRAW, type DrawEvent, type DrawState } from '../tools/sunlightReceiversTool';

export type SunlightStatus = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'failed';

/** What receives sunlight: one building, the R-class buildings of a plot, of the site, or inside a drawn polygon. */
export type ReceiverKind = 'building' | 'plot' | 'site' | 'polygon';
export const RECEIVER_KINDS: readonly ReceiverKind[] = ['building', 'plot', 'site', 'polygon'];

export interface ReceiverChoice {
  kind: ReceiverKind;
  /** Building, plot or site id; null for a polygon or while nothing is chosen. */
  id: string | null;
  /** The drawn polygon (ENU metres, open, counter-clockwise or not), for kind 'polygon'. */
  ring: Ring | null;
}

/**
 * 'state': one state on the receivers. 'impact': today and a scheme on the same receivers, listing
 * the windows the scheme pushes below the standard. 'compare': scheme A against scheme B.
 */
export type SunlightMode = 'state' | 'impact' | 'compare';
export const SUNLIGHT_MODES: readonly SunlightMode[] = ['state', 'impact', 'compare'];

/** A profile parameter override; values as the profile defines them (numbers, a term or a mode name). */
export type ProfileOverrides = Record<string, number | string>;

export interface SunlightSettings {
  profileId: string;
  overrides: ProfileOverrides;
  receivers: ReceiverChoice;
  mode: SunlightMode;
  /** The state analysed ('state'), the scheme ('impact') or scheme A ('compare'). */
  stateId: string;
  /** Scheme B of a comparison. */
  otherStateId: string;
  /** Facade sample spacing along a floor, metres. */
  spacingM: number;
  /** Also sample a ground grid for the heat map. */
  ground: boolean;
  /** Height of the ground grid above the ground, metres. */
  groundHeightM: number;
}

export interface SunlightSummary {
  receivers: number;
  passed: number;
  failed: number;
  minHours: number;
  maxHours: number;
}

export interface ImpactSummary {
  worsened: number;
  newlyFailing: number;
}

export interface SunlightRunState {
  status: SunlightStatus;
  /** 0..1 over the whole job (both runs of an impact or compare job). */
  progress: number;
  /** The analysed state ('state'), the scheme ('impact') or scheme A ('compare'). */
  summary: SunlightSummary | null;
  /** Today ('impact') or scheme B ('compare'). */
  otherSummary: SunlightSummary | null;
  impact: ImpactSummary | null;
  /** Why the last run failed (untranslated detail; the UI adds its own words). */
  error: string | null;
  /** Bumped when a run starts, so stale completions of an older run can be ignored. */
  runSeq: number;
}

export interface SunlightSlice {
  sunlightSettings: SunlightSettings;
  sunlightRun: SunlightRunState;
  /** The receiver polygon being drawn on the ground (src/tools/sunlightReceiversTool.ts). */
  sunlightDraw: DrawState;
  /** A link asked for an analysis: the panel runs it once the plan and the panel are there. */
  sunlightAutoRun: boolean;
  /** Feeds the drawing tool; a closed polygon becomes the receiver choice. */
  sunlightDrawEvent(ev: DrawEvent): void;
  setSunlightAutoRun(on: boolean): void;
  setSunlightSettings(patch: Partial<SunlightSettings>): void;
  /** Sets one profile parameter; `undefined` restores the profile's own value. */
  setSunlightOverride(key: string, value: number | string | undefined): void;
  /** Starts a run (status 'loading', progress 0) and returns its sequence number. */
  beginSunlightRun(): number;
  /** Updates the run `seq`; ignored when a newer run has started since. */
  updateSunlightRun(seq: number, patch: Partial<Omit<SunlightRunState, 'runSeq'>>): void;
  /** Entering another zone: settings stay (a link may carry them), the result goes. */
  resetSunlightRun(): void;
}

/** GB 50180-2018 for Shanghai (climate zone III, ≥ 500 000 people): 大寒日 ≥ 2 h. */
export { DEFAULT_PROFILE_ID };
export const DEFAULT_SPACING_M = 6;
export const SPACING_LIMITS_M = { min: 1, max: 50 } as const;
export const GROUND_HEIGHT_LIMITS_M = { min: 0, max: 100 } as const;

export const DEFAULT_SUNLIGHT_SETTINGS: SunlightSettings = {
  profileId: DEFAULT_PROFILE_ID,
  overrides: {},
  receivers: { kind: 'site', id: null, ring: null },
  mode: 'state',
  stateId: EXISTING_STATE,
  otherStateId: EXISTING_STATE,
  spacingM: DEFAULT_SPACING_M,
  ground: false,
  groundHeightM: 0,
};

export const IDLE_SUNLIGHT_RUN: SunlightRunState = {
  status: 'idle',
  progress: 0,
  summary: null,
  otherSummary: null,
  impact: null,
  error: null,
  runSeq: 0,
};

const clamp = (v: number, lo: number, hi: number, fallback: number): number =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;

export const createSunlightSlice: StateCreator<SunlightSlice, [], [], SunlightSlice> = (set, get) => ({
  sunlightSettings: DEFAULT_SUNLIGHT_SETTINGS,
  sunlightRun: IDLE_SUNLIGHT_RUN,
  sunlightDraw: IDLE_DRAW,
  sunlightAutoRun: false,
  sunlightDrawEvent: (ev) =>
    set((s) => {
      const draw = drawReducer(s.sunlightDraw, ev);
      if (draw === s.sunlightDraw) return {};
      if (draw.phase === 'closed' && s.sunlightDraw.phase !== 'closed') {
        return { sunlightDraw: draw, sunlightSettings: { ...s.sunlightSettings, receivers: { kind: 'polygon', id: null, ring: draw.points } } };
      }
      return { sunlightDraw: draw };
    }),
  setSunlightAutoRun: (sunlightAutoRun) => set({ sunlightAutoRun }),
  setSunlightSettings: (patch) =>
    set((s) => {
      const next = { ...s.sunlightSettings, ...patch };
      next.spacingM = clamp(next.spacingM, SPACING_LIMITS_M.min, SPACING_LIMITS_M.max, DEFAULT_SPACING_M);
      next.groundHeightM = clamp(next.groundHeightM, GROUND_HEIGHT_LIMITS_M.min, GROUND_HEIGHT_LIMITS_M.max, 0);
      // Another profile starts from its own values: overrides of the old one would silently carry over.
      if (patch.profileId !== undefined && patch.profileId !== s.sunlightSettings.profileId && patch.overrides === undefined) {
        next.overrides = {};
      }
      return { sunlightSettings: next };
    }),
  setSunlightOverride: (key, value) =>
    set((s) => {
      const overrides = { ...s.sunlightSettings.overrides };
      if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) delete overrides[key];
      else overrides[key] = value;
      return { sunlightSettings: { ...s.sunlightSettings, overrides } };
    }),
  beginSunlightRun: () => {
    const runSeq = get().sunlightRun.runSeq + 1;
    set({ sunlightRun: { ...IDLE_SUNLIGHT_RUN, status: 'loading', runSeq } });
    return runSeq;
  },
  updateSunlightRun: (seq, patch) =>
    set((s) => {
      if (s.sunlightRun.runSeq !== seq) return {};
      const progress = patch.progress === undefined ? s.sunlightRun.progress : clamp(patch.progress, 0, 1, 0);
      return { sunlightRun: { ...s.sunlightRun, ...patch, progress } };
    }),
  resetSunlightRun: () =>
    set((s) => ({ sunlightRun: { ...IDLE_SUNLIGHT_RUN, runSeq: s.sunlightRun.runSeq + 1 }, sunlightDraw: IDLE_DRAW })),
});

/** A run is under way (its inputs are loading or workers are computing). */
export function sunlightBusy(status: SunlightStatus): boolean {
  return status === 'loading' || status === 'running';
}
