/**
 * Direction from one picked point to another. The bearing is an azimuth clockwise from north
 * (0° N, 90° E, 180° S, 270° W), as on a planning map. ENU north is true north at the zone
 * origin; a few kilometres away the meridians have turned by under 0.03° at Shanghai's latitude,
 * below the 0.1° that is displayed.
 */
import { fail, firstNonFinite, ok, type MeasureResult, type Point3 } from './types';

const DEG = 180 / Math.PI;

export interface Direction {
  /** Azimuth clockwise from north, [0, 360). Null when b is straight above or below a. */
  bearingDeg: number | null;
  /** Angle above the horizontal, [−90, 90]: positive looking up at b. */
  elevationDeg: number;
}

/** Wraps degrees into [0, 360), sending −0 and a rounding up to 360 both to 0. */
export function wrapDeg(d: number): number {
  const r = d % 360;
  const w = r < 0 ? r + 360 : r;
  return w >= 360 ? 0 : w + 0;
}

export function direction(a: Point3, b: Point3): MeasureResult<Direction> {
  const bad = firstNonFinite([a, b], 3);
  if (bad >= 0) return fail('non-finite', bad);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const dz = b[2] - a[2];
  const h = Math.hypot(dx, dy);
  if (h === 0 && dz === 0) return fail('coincident-points');
  // atan2(east, north) rather than (north, east): the bearing is measured from north, clockwise.
  const bearingDeg = h === 0 ? null : wrapDeg(Math.atan2(dx, dy) * DEG);
  return ok({ bearingDeg, elevationDeg: Math.atan2(dz, h) * DEG + 0 });
}
