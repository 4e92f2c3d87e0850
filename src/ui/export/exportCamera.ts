/**
 * What the burnt-in north arrow and scale bar need from the camera a shot was drawn with: the
 * heading of the image's "up" on the ground, and metres per image pixel at the image centre.
 *
 * Scale (an approximation, valid at the centre only): the centre ray meets the zone's ground
 * plane (u = 0) at distance d; a perspective camera's image there spans d × 2 tan(vFov / 2)
 * metres over its height, so one pixel is d × 2 tan(vFov / 2) / imageHeight metres. This is exact
 * for ground lengths across the image at its centre (perpendicular to the ray); along the view it
 * foreshortens when the camera is tilted, and it changes with depth everywhere else. Looking
 * (almost) straight down it holds for the whole ground, so only a tilted view is labelled 示意.
 * No scale is given when the centre ray misses the ground (at or above the horizon), from under
 * the ground, or beyond MAX_SCALE_DISTANCE_M (a globe seen from afar, where the plane means nothing).
 */
import type { Vec3 } from '../../core/geodesy';
import type { ShotCamera } from '../../state/viewCapture';

/** Within this of straight down, the scale holds for the whole ground, not only the centre. */
export const TOP_DOWN_TOLERANCE_RAD = (1 * Math.PI) / 180;
/** Beyond this the flat-ground scale is meaningless (the globe pulled back). */
export const MAX_SCALE_DISTANCE_M = 100_000;

export interface ShotGeometry {
  /** Compass bearing of the image's up direction on the ground, radians clockwise from north, [0, 2π). */
  headingRad: number;
  /** Ground metres per image pixel at the centre; null when no scale can be given. */
  metresPerPixel: number | null;
  /** True when the scale is valid at the image centre only (a tilted view). */
  approximate: boolean;
}

const norm = (v: Vec3): Vec3 => {
  const l = Math.hypot(v[0], v[1], v[2]);
  return l > 0 ? [v[0] / l, v[1] / l, v[2] / l] : [0, 0, 0];
};

export function shotGeometry(cam: ShotCamera, imageHeightPx: number): ShotGeometry {
  const f = norm(cam.forwardEnu);
  const u = norm(cam.upEnu);
  // A level camera's up and forward lean the same way on the ground: forward dominates near the
  // horizon, up when looking straight down, so their sum has a heading at every pitch.
  const he = f[0] + u[0];
  const hn = f[1] + u[1];
  const raw = Math.hypot(he, hn) > 1e-12 ? Math.atan2(he, hn) : 0;
  const headingRad = raw < 0 ? raw + 2 * Math.PI : raw;

  const height = cam.positionEnu[2];
  let metresPerPixel: number | null = null;
  if (f[2] < -1e-9 && height > 0 && imageHeightPx > 0 && cam.vFovRad > 0 && cam.vFovRad < Math.PI) {
    const d = -height / f[2];
    const mpp = (d * 2 * Math.tan(cam.vFovRad / 2)) / imageHeightPx;
    if (d <= MAX_SCALE_DISTANCE_M && Number.isFinite(mpp) && mpp > 0) metresPerPixel = mpp;
  }
  const fromNadir = Math.acos(Math.min(1, Math.max(-1, -f[2])));
  return { headingRad, metresPerPixel, approximate: fromNadir > TOP_DOWN_TOLERANCE_RAD };
}
