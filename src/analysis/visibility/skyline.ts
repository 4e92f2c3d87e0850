/**
 * Skyline (天际线): for each azimuth sample, the elevation angle of the highest building edge seen
 * from a viewpoint, and the building that forms it.
 *
 * Method — bisection over elevation with exact BVH ray casts. Why it converges to the exact
 * skyline: buildings are prisms, solid from their base up to a flat roof, and they stand on the
 * ground, so every base is at or below the eye. If the ray at elevation e hits a building at
 * horizontal distance r (height z = eye + r·tan e ≤ roof), the ray at any lower elevation e' ≥ 0
 * in the same azimuth passes the same (x, y) at a height between the eye and z, i.e. inside that
 * prism's column, so it is blocked too. The blocked elevations therefore form one interval
 * [0, h) and bisection on [0°, 90°] brackets h: after ⌈log2(90 / tol)⌉ casts (14 at 0.01°) the
 * reported midpoint is within tol / 2 of h. A clear horizontal ray means open sky to the horizon
 * (elevation 0, building −1); a blocked vertical ray means the viewpoint is under a roof (90°).
 * The blocker is the building hit by the highest blocked ray, which, within the tolerance, is the
 * one whose edge forms the skyline.
 *
 * Exact up to: the tolerance in elevation, float32 vertex positions (millimetres), and the
 * azimuth sampling (a feature narrower than step × distance can fall between two samples).
 * The argument needs the viewpoint outside every building and at or above every base.
 */
import type { Vec3 } from '../../core/geodesy';
import type { CasterIndex } from '../sunlight/casters';
import { DEG, wrap360 } from './angles';
import { requireFinite, requirePositive, requireRange, requireVec3, VisibilityInputError } from './errors';
import { runChunks, runChunksAsync, type Progress, type ProgressHooks } from './progress';
import { toCaster, type SightCaster } from './rays';

export const DEFAULT_STEP_DEG = 0.25;
export const DEFAULT_TOLERANCE_DEG = 0.01;
/** Hits closer than this to the viewpoint are its own surface, metres. */
const NEAR_M = 1e-4;
const DEFAULT_CHUNK = 64;
/** 0.001° steps all around; finer is a unit mistake. */
const MAX_SAMPLES = 360_000;

export interface SkylineInput extends ProgressHooks {
  casters: CasterIndex | SightCaster;
  /** The eye, ENU metres. */
  viewpoint: Vec3;
  /** Centre of the field of view, degrees clockwise from north; for 360° the first sample. Default 0. */
  headingDeg?: number;
  /** Full horizontal field of view, degrees in (0, 360]. Default 360. */
  horizontalFovDeg?: number;
  /** Azimuth step, degrees; rounded so that the samples divide the field evenly. Default 0.25. */
  stepDeg?: number;
  /** Bisection tolerance in elevation, degrees. Default 0.01. */
  toleranceDeg?: number;
  /** Only buildings within this horizontal distance count, metres. Default unlimited. */
  maxDistanceM?: number;
  /** Azimuth samples per chunk between progress reports. Default 64. */
  chunkSize?: number;
}

export interface SkylineProfile {
  viewpoint: Vec3;
  /** True: samples go all around, the last one next to the first. */
  full360: boolean;
  horizontalFovDeg: number;
  /** Azimuth of sample 0, degrees in [0, 360). A field of view includes both of its edges. */
  startAzimuthDeg: number;
  stepDeg: number;
  count: number;
  azimuthDeg: Float64Array;
  /** Skyline elevation per sample, degrees in [0, 90]; 0 = open sky to the horizon. */
  elevationDeg: Float64Array;
  /** Index into `ids` of the building forming the skyline; −1 for open sky. */
  building: Int32Array;
  ids: readonly string[];
  toleranceDeg: number;
  /** True when shouldCancel stopped the run: samples past `done` read 0 / −1. */
  cancelled: boolean;
}

/** The id of the building forming sample k's skyline, or null for open sky. */
export function skylineBuildingId(p: SkylineProfile, k: number): string | null {
  const b = p.building[k] ?? -1;
  return b >= 0 ? (p.ids[b] ?? null) : null;
}

/** Sample count and step for a field of view: 360° wraps (n intervals), a sector includes both edges. */
export function skylineSampling(horizontalFovDeg: number, stepDeg: number): { count: number; stepDeg: number; full360: boolean } {
  const full360 = horizontalFovDeg >= 360;
  const intervals = Math.max(1, Math.round(horizontalFovDeg / stepDeg));
  const count = full360 ? intervals : intervals + 1;
  if (count > MAX_SAMPLES) throw new VisibilityInputError('stepDeg', `${count} samples exceed ${MAX_SAMPLES}`);
  return { count, stepDeg: horizontalFovDeg / intervals, full360 };
}

/** Whether the ray at elevation eDeg in the azimuth (sin, cos) = (sa, ca) meets a building within maxR horizontally. */
function blockedAt(caster: SightCaster, v: Vec3, sa: number, ca: number, eDeg: number, maxR: number): boolean {
  const ce = Math.cos(eDeg * DEG);
  return caster.cast(v[0], v[1], v[2], sa * ce, ca * ce, Math.sin(eDeg * DEG), NEAR_M, maxR / ce) < Infinity;
}

export function* skylineChunks(input: SkylineInput): Generator<Progress, SkylineProfile, void> {
  const v = requireVec3('viewpoint', input.viewpoint);
  const heading = requireFinite('headingDeg', input.headingDeg ?? 0);
  const fov = requireRange('horizontalFovDeg', input.horizontalFovDeg ?? 360, Number.MIN_VALUE, 360);
  const step = requirePositive('stepDeg', input.stepDeg ?? DEFAULT_STEP_DEG);
  const tol = requirePositive('toleranceDeg', input.toleranceDeg ?? DEFAULT_TOLERANCE_DEG);
  const maxR = input.maxDistanceM === undefined ? Infinity : requirePositive('maxDistanceM', input.maxDistanceM);
  const chunk = Math.max(1, Math.floor(input.chunkSize ?? DEFAULT_CHUNK));
  const s = skylineSampling(fov, step);
  const start = wrap360(s.full360 ? heading : heading - fov / 2);
  const caster = toCaster(input.casters);
  const azimuthDeg = new Float64Array(s.count);
  const elevationDeg = new Float64Array(s.count);
  const building = new Int32Array(s.count).fill(-1);
  // The vertical ray is the same in every azimuth: under a roof, the whole sky is hidden.
  const roofAbove = caster.cast(v[0], v[1], v[2], 0, 0, 1, NEAR_M, Infinity) < Infinity ? caster.hitBuilding : -1;
  let cancelled = false;
  for (let k = 0; k < s.count; k++) {
    if (k > 0 && k % chunk === 0) {
      yield { done: k, total: s.count };
      if (input.shouldCancel?.() === true) {
        cancelled = true;
        break;
      }
    }
    const az = wrap360(start + k * s.stepDeg);
    azimuthDeg[k] = az;
    const sa = Math.sin(az * DEG), ca = Math.cos(az * DEG);
    if (roofAbove >= 0) {
      elevationDeg[k] = 90;
      building[k] = roofAbove;
      continue;
    }
    if (!blockedAt(caster, v, sa, ca, 0, maxR)) continue;
    let lo = 0, hi = 90, b = caster.hitBuilding;
    while (hi - lo > tol) {
      const mid = (lo + hi) / 2;
      if (blockedAt(caster, v, sa, ca, mid, maxR)) {
        lo = mid;
        b = caster.hitBuilding;
      } else {
        hi = mid;
      }
    }
    elevationDeg[k] = (lo + hi) / 2;
    building[k] = b;
  }
  if (!cancelled) yield { done: s.count, total: s.count };
  return {
    viewpoint: v, full360: s.full360, horizontalFovDeg: s.full360 ? 360 : fov, startAzimuthDeg: start, stepDeg: s.stepDeg, count: s.count,
    azimuthDeg, elevationDeg, building, ids: caster.casters.ids, toleranceDeg: tol, cancelled,
  };
}

export function computeSkyline(input: SkylineInput): SkylineProfile {
  return runChunks(skylineChunks(input), input);
}

export function computeSkylineAsync(input: SkylineInput, yieldControl?: () => Promise<void>): Promise<SkylineProfile> {
  return runChunksAsync(skylineChunks(input), input, yieldControl);
}
