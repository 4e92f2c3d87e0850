/**
 * Sight lines (通视): is the straight segment from an observer to a target free of buildings?
 * One first-hit cast per target against the caster BVH, from the observer towards the target and
 * stopping just short of it. A blocked line costs a second cast, from the target back towards the
 * observer, to find where the line leaves the last obstacle (`clearFromM`); beyond the first hit
 * the line stays hidden for the observer either way.
 *
 * End tolerance: hits within `endToleranceM` (default 5 cm) of either end are ignored, so a target
 * on a facade (a window point, a picked wall point whose float32 position sits a hair inside the
 * wall) does not block itself, and neither does an observer standing at a window. The price: a
 * wall thinner than the tolerance right at an end is not seen — real walls are far thicker.
 * The ground is not an occluder: a segment between two points on or above a flat ground stays
 * above it.
 */
import type { Vec3 } from '../../core/geodesy';
import type { CasterIndex } from '../sunlight/casters';
import { requireFinite, requirePositive, requireVec3 } from './errors';
import { toCaster, type SightCaster } from './rays';

/** Default eye height of a standing observer above the ground, metres. */
export const EYE_HEIGHT_M = 1.6;
/** Default end tolerance, metres (the sunlight engine's ray offset off a wall is the same 5 cm). */
export const END_TOLERANCE_M = 0.05;

export interface SightSegment {
  from: Vec3;
  to: Vec3;
  visible: boolean;
}

export interface SightLineResult {
  target: Vec3;
  /** Observer → target, metres. */
  distanceM: number;
  visible: boolean;
  /** The first building the line meets, or null when visible. */
  blockerId: string | null;
  /** Observer → first hit, metres; null when visible. */
  blockDistanceM: number | null;
  blockPoint: Vec3 | null;
  /**
   * Observer → the point where the line leaves the last obstacle before the target, metres; null
   * when visible. The stretch beyond is in the open but still hidden from the observer.
   */
  clearFromM: number | null;
  /** Visible from the observer to the first hit, hidden from there to the target. */
  segments: SightSegment[];
}

export interface SightLineOptions {
  /** Hits this close to the observer or the target are ignored, metres. Default 0.05. */
  endToleranceM?: number;
}

/** A standing observer's eye: `eyeHeightM` above a ground point ([x, y] on z = groundZ, or [x, y, z]). */
export function eyePoint(ground: readonly [number, number] | Vec3, eyeHeightM = EYE_HEIGHT_M, groundZ = 0): Vec3 {
  const x = requireFinite('ground[0]', ground[0]);
  const y = requireFinite('ground[1]', ground[1]);
  const z = ground.length === 3 ? requireFinite('ground[2]', ground[2]) : requireFinite('groundZ', groundZ);
  return [x, y, z + requireFinite('eyeHeightM', eyeHeightM)];
}

const at = (o: Vec3, dx: number, dy: number, dz: number, t: number): Vec3 => [o[0] + dx * t, o[1] + dy * t, o[2] + dz * t];

function oneLine(caster: SightCaster, o: Vec3, target: Vec3, tol: number): SightLineResult {
  const ex = target[0] - o[0], ey = target[1] - o[1], ez = target[2] - o[2];
  const len = Math.sqrt(ex * ex + ey * ey + ez * ez);
  const clear: SightLineResult = {
    target, distanceM: len, visible: true, blockerId: null, blockDistanceM: null, blockPoint: null, clearFromM: null,
    segments: len > 0 ? [{ from: o, to: target, visible: true }] : [],
  };
  // Ends closer than the two tolerances leave nothing in between that could block.
  if (len <= 2 * tol) return clear;
  const dx = ex / len, dy = ey / len, dz = ez / len;
  const t = caster.cast(o[0], o[1], o[2], dx, dy, dz, tol, len - tol);
  if (t === Infinity) return clear;
  const blockerId = caster.hitId();
  const back = caster.cast(target[0], target[1], target[2], -dx, -dy, -dz, tol, len - tol);
  const clearFromM = back === Infinity ? t : Math.max(t, len - back);
  const blockPoint = at(o, dx, dy, dz, t);
  return {
    target, distanceM: len, visible: false, blockerId, blockDistanceM: t, blockPoint, clearFromM,
    segments: [{ from: o, to: blockPoint, visible: true }, { from: blockPoint, to: target, visible: false }],
  };
}

/** Sight lines from one observer to many targets, in the targets' order. */
export function sightLines(casters: CasterIndex | SightCaster, observer: Vec3, targets: readonly Vec3[], opts: SightLineOptions = {}): SightLineResult[] {
  const o = requireVec3('observer', observer);
  const tol = opts.endToleranceM === undefined ? END_TOLERANCE_M : requirePositive('endToleranceM', opts.endToleranceM);
  // Validate every target before casting, so a bad one fails the call instead of half of it.
  const ts = targets.map((t, i) => requireVec3(`targets[${i}]`, t));
  const caster = toCaster(casters);
  return ts.map((t) => oneLine(caster, o, t, tol));
}

export function sightLine(casters: CasterIndex | SightCaster, observer: Vec3, target: Vec3, opts: SightLineOptions = {}): SightLineResult {
  return sightLines(casters, observer, [target], opts)[0]!;
}
