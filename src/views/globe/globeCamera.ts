/**
 * Camera poses between the zone's ENU frame (what scenes, URLs and the store speak) and ECEF
 * (what Cesium's camera speaks). Pure math on plain arrays so it is testable without WebGL.
 */
import { WGS84_A, WGS84_B, type EnuFrame, type Vec3 } from '../../core/geodesy';

export interface EcefView {
  destination: Vec3;
  direction: Vec3;
  up: Vec3;
}

/** Below this, the view direction is treated as parallel to "up" and north is used instead. */
const PARALLEL_EPS = 1e-9;
/** How far ahead the target is put when the view ray never reaches the ground (looking up). */
const SKY_TARGET_DISTANCE_M = 1000;
/**
 * Within this height and range the zone's flat ground (u = 0) is where one looks, as in the
 * three.js view. Beyond it (the globe pulled back, or looking far over the curve) the plane is
 * meaningless, and can be thousands of km off: there the target is where the ray meets the Earth.
 */
export const PLANE_TARGET_MAX_M = 100_000;

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
function normalize(a: Vec3): Vec3 {
  const l = Math.hypot(a[0], a[1], a[2]);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
}

/** A look-at pose in ENU → Cesium `setView` destination and orientation in ECEF, horizon level. */
export function enuPoseToEcefView(frame: EnuFrame, position: Vec3, target: Vec3): EcefView {
  const destination = frame.enuToEcef(position[0], position[1], position[2]);
  const aim = frame.enuToEcef(target[0], target[1], target[2]);
  const direction = normalize(sub(aim, destination));
  // Keep the horizon level: "up" is the local vertical made orthogonal to the view direction;
  // when looking straight down, fall back to north so the map is north-up.
  let right = cross(direction, frame.up);
  if (Math.hypot(right[0], right[1], right[2]) < PARALLEL_EPS) right = cross(direction, frame.north);
  const up = normalize(cross(normalize(right), direction));
  return { destination, direction, up };
}

/** Distance along a ray (ECEF, unit direction) to where it first meets the WGS84 ellipsoid, or null. */
export function rayEllipsoidDistance(origin: Vec3, direction: Vec3): number | null {
  const o: Vec3 = [origin[0] / WGS84_A, origin[1] / WGS84_A, origin[2] / WGS84_B];
  const d: Vec3 = [direction[0] / WGS84_A, direction[1] / WGS84_A, direction[2] / WGS84_B];
  const a = dot(d, d), b = 2 * dot(o, d), c = dot(o, o) - 1;
  const disc = b * b - 4 * a * c;
  if (!(a > 0) || disc < 0) return null;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  // A camera under the surface, or the Earth behind it, gives no forward hit.
  return c > 0 && t > 0 ? t : null;
}

/**
 * Cesium camera (ECEF position and direction) → ENU pose for the store. Near the zone the target
 * is where the view ray meets the zone's ground plane (u = 0), so a shared view reopens looking
 * at the same spot; from globe altitudes it is where the ray meets the Earth (see PLANE_TARGET_MAX_M).
 */
export function ecefViewToEnuPose(
  frame: EnuFrame,
  positionEcef: Vec3,
  directionEcef: Vec3,
): { position: Vec3; target: Vec3 } {
  const position = frame.ecefToEnu(positionEcef[0], positionEcef[1], positionEcef[2]);
  const d: Vec3 = [dot(directionEcef, frame.east), dot(directionEcef, frame.north), dot(directionEcef, frame.up)];
  const along = (t: number): Vec3 => [position[0] + d[0] * t, position[1] + d[1] * t, position[2] + d[2] * t];
  if (d[2] < -PARALLEL_EPS && position[2] < PLANE_TARGET_MAX_M) {
    const onPlane = along(-position[2] / d[2]);
    if (Math.hypot(onPlane[0], onPlane[1]) < PLANE_TARGET_MAX_M) return { position, target: onPlane };
  }
  const u = normalize(directionEcef);
  const t = rayEllipsoidDistance(positionEcef, u);
  if (t !== null) {
    const hit: Vec3 = [positionEcef[0] + u[0] * t, positionEcef[1] + u[1] * t, positionEcef[2] + u[2] * t];
    return { position, target: frame.ecefToEnu(hit[0], hit[1], hit[2]) };
  }
  return { position, target: along(SKY_TARGET_DISTANCE_M) };
}
