/**
 * Angle conventions of the visibility analyses, in one place: azimuth (heading) in degrees
 * clockwise from north, elevation (pitch) in degrees up from the horizontal, zone ENU axes
 * (x = east, y = north, z = up). Degrees because that is what a planner types and reads.
 */
export const DEG = Math.PI / 180;

/** Wraps an angle to (−180, 180]. */
export function wrap180(deg: number): number {
  const w = deg - 360 * Math.floor((deg + 180) / 360);
  return w === -180 ? 180 : w;
}

/** Wraps an angle to [0, 360). */
export function wrap360(deg: number): number {
  const w = deg - 360 * Math.floor(deg / 360);
  return w >= 360 ? 0 : w;
}

/** Azimuth of a horizontal direction, degrees clockwise from north in [0, 360); 0 for (0, 0). */
export function azimuthOf(dx: number, dy: number): number {
  return wrap360(Math.atan2(dx, dy) / DEG);
}

/** Elevation of a direction above the horizontal, degrees in [−90, 90]. */
export function elevationOf(dx: number, dy: number, dz: number): number {
  return Math.atan2(dz, Math.hypot(dx, dy)) / DEG;
}
