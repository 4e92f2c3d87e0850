/**
 * Camera limits for a kiosk: a stranger with one finger must not fly off into the void, under the
 * horizon, or so close to a roof that nothing reads. The limits are derived from the scene's own
 * viewpoints and story poses, so every place the kiosk itself flies to stays reachable, and nothing
 * much beyond it is.
 */
import type { Story } from '../../scene/storySchema';
import type { CameraLimits } from '../../state/viewSlice';

/** Closer than this a kiosk shows a roof, not a city. */
export const KIOSK_MIN_DISTANCE_M = 150;
/** Room to zoom out a little past the widest view the scene offers. */
export const KIOSK_ZOOM_OUT_FACTOR = 1.15;
/** Never farther than the planner's own limit (cameraModel MAX_DISTANCE_M). */
export const KIOSK_MAX_DISTANCE_CAP_M = 20_000;
/** A visitor tilting towards the horizon sees sky; straight down is a map, which is fine. */
export const KIOSK_MIN_ELEVATION_RAD = (15 * Math.PI) / 180;
export const KIOSK_MAX_ELEVATION_RAD = (88 * Math.PI) / 180;
/** The target stays within the zone's bounds plus this. */
export const KIOSK_BOUNDS_MARGIN_M = 100;

type Vec3 = readonly [number, number, number];
interface Pose {
  position: Vec3;
  target: Vec3;
}

interface CameraScene {
  viewpoints: readonly Pose[];
  stories?: readonly Story[] | undefined;
}

function posesOf(scene: CameraScene): Pose[] {
  const out: Pose[] = scene.viewpoints.map((v) => ({ position: v.position, target: v.target }));
  for (const story of scene.stories ?? []) for (const step of story.steps) if (step.pose) out.push(step.pose);
  return out;
}

const elevation = (p: Pose): number => {
  const dx = p.position[0] - p.target[0], dy = p.position[1] - p.target[1], dz = p.position[2] - p.target[2];
  return Math.atan2(dz, Math.hypot(dx, dy));
};

/**
 * The kiosk's limits for a scene. A pose of the scene that is lower or farther than the defaults
 * widens them just enough to keep it, so a story step is never clamped into another view.
 */
export function kioskCameraLimits(scene: CameraScene): CameraLimits {
  let far = 0;
  let low = KIOSK_MIN_ELEVATION_RAD;
  let near = KIOSK_MIN_DISTANCE_M;
  for (const p of posesOf(scene)) {
    const d = Math.hypot(p.position[0] - p.target[0], p.position[1] - p.target[1], p.position[2] - p.target[2]);
    if (!Number.isFinite(d) || d <= 0) continue;
    far = Math.max(far, d);
    near = Math.min(near, d);
    const el = elevation(p);
    if (Number.isFinite(el)) low = Math.min(low, el);
  }
  const maxDistanceM = Math.min(KIOSK_MAX_DISTANCE_CAP_M, Math.max(near * 2, far * KIOSK_ZOOM_OUT_FACTOR));
  return {
    minDistanceM: near,
    maxDistanceM,
    minElevationRad: Math.max(0, low),
    maxElevationRad: KIOSK_MAX_ELEVATION_RAD,
    boundsMarginM: KIOSK_BOUNDS_MARGIN_M,
  };
}
