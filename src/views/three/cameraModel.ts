/**
 * Camera rules in the zone's ENU frame (metres). Pure, so the limits and the fly targets are
 * tested in Node; the rig only converts to three.js and hands them to camera-controls.
 */
import type { Vec3 } from '../../core/geodesy';
import type { CameraPose } from '../../state/viewSlice';

export const CAMERA_FOV_DEG = 45;
export const CAMERA_NEAR_M = 1;
export const CAMERA_FAR_M = 80_000;
export const MIN_DISTANCE_M = 20;
/** The zones are about 10 km across; their overview viewpoints sit up to ~15 km out. */
export const MAX_DISTANCE_M = 20_000;
/** Lowest look-down angle above the target's horizon: the camera cannot orbit under the ground. */
export const MIN_ELEVATION_RAD = (5 * Math.PI) / 180;
/** Flying to a building keeps at least this look-down angle, so the target is not hidden behind its neighbours. */
export const FLY_MIN_ELEVATION_RAD = (25 * Math.PI) / 180;
/** Poses are published rounded to a centimetre: finer digits only churn the URL. */
export const POSE_ROUNDING_M = 0.01;

function finite3(v: unknown): v is Vec3 {
  return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/**
 * Places the camera at `distance` from `target` along the horizontal bearing of `from`, with its
 * elevation angle clamped to [minElevation, 90°].
 */
function placeAround(target: Vec3, from: Vec3, distance: number, minElevation: number): Vec3 {
  const dx = from[0], dy = from[1], dz = from[2];
  const h = Math.hypot(dx, dy);
  let el = Math.atan2(dz, h);
  if (!(el >= minElevation)) el = minElevation;
  if (el > Math.PI / 2) el = Math.PI / 2;
  // A straight-down offset has no bearing; look north so the map reads the usual way.
  const ux = h > 1e-9 ? dx / h : 0;
  const uy = h > 1e-9 ? dy / h : -1;
  const r = Math.min(Math.max(distance, MIN_DISTANCE_M), MAX_DISTANCE_M);
  return [target[0] + ux * r * Math.cos(el), target[1] + uy * r * Math.cos(el), target[2] + r * Math.sin(el)];
}

/** A pose from outside (URL, store) made safe: null when not finite, distance and elevation clamped. */
export function sanitizePose(pose: unknown): CameraPose | null {
  if (typeof pose !== 'object' || pose === null) return null;
  const p = (pose as CameraPose).position;
  const t = (pose as CameraPose).target;
  if (!finite3(p) || !finite3(t)) return null;
  const d: Vec3 = [p[0] - t[0], p[1] - t[1], p[2] - t[2]];
  const dist = Math.hypot(d[0], d[1], d[2]);
  if (dist < 1e-6) return null;
  return { position: placeAround(t, d, dist, MIN_ELEVATION_RAD), target: [t[0], t[1], t[2]] };
}

/** Distance at which a sphere of `radiusM` fills the vertical field of view. */
export function fitDistance(radiusM: number, fovDeg: number = CAMERA_FOV_DEG): number {
  const r = Number.isFinite(radiusM) && radiusM > 0 ? radiusM : MIN_DISTANCE_M;
  return r / Math.sin(((fovDeg * Math.PI) / 180) / 2);
}

/** Fly to a target, keeping the current bearing so the user stays oriented. */
export function poseForTarget(current: CameraPose | null, target: Vec3, radiusM: number): CameraPose | null {
  if (!finite3(target)) return null;
  const from: Vec3 = current && finite3(current.position) && finite3(current.target)
    ? [current.position[0] - current.target[0], current.position[1] - current.target[1], current.position[2] - current.target[2]]
    : [0, -1, 1];
  return { position: placeAround(target, from, fitDistance(radiusM), FLY_MIN_ELEVATION_RAD), target: [target[0], target[1], target[2]] };
}

function round(v: number): number {
  const r = Math.round(v / POSE_ROUNDING_M) * POSE_ROUNDING_M;
  return Number(r.toFixed(2)) + 0; // + 0 turns -0 into 0
}

export function roundPose(pose: CameraPose): CameraPose {
  return {
    position: [round(pose.position[0]), round(pose.position[1]), round(pose.position[2])],
    target: [round(pose.target[0]), round(pose.target[1]), round(pose.target[2])],
  };
}

/** Same pose within rounding: avoids publishing a rest that did not move. */
export function samePose(a: CameraPose | null, b: CameraPose | null): boolean {
  if (!a || !b) return a === b;
  for (let i = 0; i < 3; i++) {
    if (Math.abs(a.position[i]! - b.position[i]!) > POSE_ROUNDING_M / 2) return false;
    if (Math.abs(a.target[i]! - b.target[i]!) > POSE_ROUNDING_M / 2) return false;
  }
  return true;
}
