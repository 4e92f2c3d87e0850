/**
 * Heights of picked points. A point's height above ground needs the ground under it, which the
 * caller supplies: a terrain sampler, or one number for a flat zone (the zone's ground elevation
 * in its ENU frame, 0 when the origin sits on the ground).
 */
import { fail, firstNonFinite, ok, type MeasureResult, type Point3 } from './types';

/** Ground elevation (ENU z, metres) under a horizontal position, or non-finite where unknown. */
export type GroundElevation = number | ((x: number, y: number) => number);

export interface HeightAboveGround {
  /** p.z − ground: negative below ground (a basement pick, a river bed). */
  heightM: number;
  /** The ground elevation used, metres. */
  groundM: number;
}

export interface HeightDifference {
  /** b.z − a.z: positive when b is higher. */
  deltaM: number;
  absM: number;
}

export function heightAboveGround(p: Point3, ground: GroundElevation): MeasureResult<HeightAboveGround> {
  if (firstNonFinite([p], 3) >= 0) return fail('non-finite', 0);
  const groundM = typeof ground === 'number' ? ground : ground(p[0], p[1]);
  if (!Number.isFinite(groundM)) return fail(typeof ground === 'number' ? 'non-finite' : 'no-ground');
  return ok({ heightM: p[2] - groundM + 0, groundM });
}

export function heightDifference(a: Point3, b: Point3): MeasureResult<HeightDifference> {
  const bad = firstNonFinite([a, b], 3);
  if (bad >= 0) return fail('non-finite', bad);
  const d = b[2] - a[2] + 0;
  return ok({ deltaM: d, absM: Math.abs(d) });
}
