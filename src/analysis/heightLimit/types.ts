/**
 * The height-limit check (限高分析): which buildings of a state stand inside a limit area and rise
 * above its limit. Plain data in zone-local ENU metres, as in src/analysis/planning.
 *
 * Height convention: a limit is in metres above ground, as the 控规 建筑高度 is measured from the
 * outdoor ground (室外地坪) to the roof. Each building's ground is its own base, so a building's
 * height is compared as given (`heightM`, base to roof), whatever the base elevation: a tower on a
 * raised site is not penalised for its plinth, nor one in a dip excused.
 */
import type { RingProblem } from '../planning/polygon';
import type { Bilingual, Ring } from '../planning/types';

/**
 * What the check reads of a building. ZoneFootprint (footprints.json), PlanBuilding (a scheme) and
 * the sunlight analysis's CityBuilding all qualify, so a state's building list passes as is.
 */
export interface HeightLimitBuilding {
  id: string;
  name: Bilingual;
  footprint: Ring;
  holes?: Ring[];
  /** Height above the building's own base, metres. */
  heightM: number;
  /** Base elevation in the zone frame, metres (absent for scheme buildings: 0). */
  baseM?: number;
}

/** A limit area: a polygon (open rings, any orientation) and a height above ground. */
export interface HeightLimit {
  ring: Ring;
  holes?: Ring[];
  /** 限高, metres above ground. */
  limitM: number;
  /** The plot it came from, when it came from one. */
  plotId?: string;
}

export type HeightLimitProblem =
  | RingProblem
  /** The limit height is not a finite number ≥ 0. */
  | 'invalid-limit'
  /** The plot has no height limit (heightMaxM null): nothing to check. */
  | 'uncontrolled'
  /** More polygon vertices than the shader holds, and simplifying was refused or impossible. */
  | 'too-many-vertices';

/** `ring`: 0 for the outer ring, 1 + i for hole i, where a ring is to blame. */
export interface HeightLimitFailure {
  ok: false;
  problem: HeightLimitProblem;
  ring?: number;
}

export type HeightLimitResult<T> = { ok: true; value: T } | HeightLimitFailure;

/** Why one building could not be checked; the rest of the check goes on without it. */
export type BuildingProblem = RingProblem | 'invalid-height' | 'clip-failed';

export interface SkippedBuilding {
  id: string;
  problem: BuildingProblem;
}

export interface Exceedance {
  id: string;
  name: Bilingual;
  /** Base to roof, metres. */
  heightM: number;
  baseM: number;
  /** heightM − limitM, > 0. */
  excessM: number;
  /** Area of footprint ∩ limit polygon, m² (> 0). */
  intersectAreaM2: number;
  /** The whole footprint's area, holes excluded, m². */
  footprintAreaM2: number;
  /** Footprint centroid, ENU metres, for fly-to. */
  x: number;
  y: number;
}

export interface HeightLimitReport {
  limitM: number;
  /** Buildings whose footprint overlaps the limit polygon with positive area. */
  checked: number;
  /** Of those, the ones taller than the limit. */
  over: number;
  /** Largest excess, metres; 0 when none is over. */
  maxExcessM: number;
  /** Sorted by excess, largest first; ties by id. */
  exceedances: Exceedance[];
  /**
   * Buildings with unusable data, in input order: any with a non-finite footprint, and those whose
   * bounds reach the limit area with a bad height or a broken ring.
   */
  skipped: SkippedBuilding[];
}
