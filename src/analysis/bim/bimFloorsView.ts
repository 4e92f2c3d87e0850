/**
 * State of the BIM floors tool (pure): which CIM5 building it acts on, which floor is isolated
 * (the others ghosted), how far the floors are exploded. Plain data for a zustand slice; the
 * reducer checks every action against the floor file, so the material uniforms derived from it
 * (bimFloorUniforms) are always in range and never NaN.
 */
import type { BimFloorsFile } from './bimFloorsFile';
import { explodeGapM, findBimBuilding } from './floorModel';

/** Share of a ghosted floor's pixels still drawn: enough to keep the building's shape readable. */
export const DEFAULT_GHOST_OPACITY = 0.18;
/** Uniform value for "no floor isolated". */
export const NO_FLOOR = -1;

export interface BimFloorsView {
  /** A building of the floor file, or null (the tool has nothing to act on). */
  buildingId: string | null;
  /** Index of the isolated floor, or null. */
  isolated: number | null;
  /** 0 = assembled, 1 = fully exploded. */
  explode: number;
  ghostOpacity: number;
}

export const INITIAL_BIM_FLOORS_VIEW: BimFloorsView = { buildingId: null, isolated: null, explode: 0, ghostOpacity: DEFAULT_GHOST_OPACITY };

export type BimFloorsAction =
  /** The planner selected a building (or nothing); only CIM5 buildings of the file are taken. */
  | { type: 'select'; buildingId: string | null }
  | { type: 'isolate'; index: number | null }
  /** Isolates the floor, or releases it when it is the isolated one (a click in the floor list). */
  | { type: 'toggle'; index: number }
  /** Moves the isolation one floor up or down; from none, up starts at the ground floor, down at the roof. */
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'explode'; factor: number }
  | { type: 'ghost'; opacity: number }
  | { type: 'reset' };

const unit = (v: number, fallback: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback);

export function reduceBimFloors(state: BimFloorsView, action: BimFloorsAction, file: BimFloorsFile | null): BimFloorsView {
  const building = findBimBuilding(file, state.buildingId);
  const count = building?.floors.length ?? 0;
  const valid = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < count;
  switch (action.type) {
    case 'select': {
      const next = findBimBuilding(file, action.buildingId)?.id ?? null;
      // Another building's floor numbers mean nothing here; the explode factor and ghost carry over.
      return next === state.buildingId ? state : { ...state, buildingId: next, isolated: null };
    }
    case 'isolate':
      if (action.index === null) return { ...state, isolated: null };
      return valid(action.index) ? { ...state, isolated: action.index } : state;
    case 'toggle':
      if (!valid(action.index)) return state;
      return { ...state, isolated: state.isolated === action.index ? null : action.index };
    case 'step': {
      if (count === 0) return state;
      const from = state.isolated ?? (action.delta > 0 ? -1 : count);
      return { ...state, isolated: Math.min(count - 1, Math.max(0, from + action.delta)) };
    }
    case 'explode':
      return { ...state, explode: unit(action.factor, state.explode) };
    case 'ghost':
      return { ...state, ghostOpacity: unit(action.opacity, state.ghostOpacity) };
    case 'reset':
      return { ...INITIAL_BIM_FLOORS_VIEW, buildingId: state.buildingId };
  }
}

/** What the CIM5 material patch is driven with. */
export interface BimFloorUniformValues {
  /** The building whose CIM5 tile the values apply to; null leaves every CIM5 tile as built. */
  buildingId: string | null;
  /** Isolated floor index, or NO_FLOOR. */
  isolatedFloor: number;
  ghostOpacity: number;
  explodeGapM: number;
}

export function bimFloorUniforms(state: BimFloorsView, file: BimFloorsFile | null): BimFloorUniformValues {
  const building = findBimBuilding(file, state.buildingId);
  if (!building) return { buildingId: null, isolatedFloor: NO_FLOOR, ghostOpacity: unit(state.ghostOpacity, DEFAULT_GHOST_OPACITY), explodeGapM: 0 };
  const isolated = state.isolated !== null && state.isolated < building.floors.length ? state.isolated : NO_FLOOR;
  return {
    buildingId: building.id,
    isolatedFloor: isolated,
    ghostOpacity: unit(state.ghostOpacity, DEFAULT_GHOST_OPACITY),
    explodeGapM: explodeGapM(state.explode),
  };
}
