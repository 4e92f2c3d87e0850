/**
 * Distances between picked points. Horizontal, vertical and slant are reported separately
 * because planners read them for different things: horizontal for spacing (间距) rules, vertical
 * for heights, slant for what a tape between the two points would say.
 */
import { fail, firstNonFinite, ok, type MeasureResult, type Point3 } from './types';

export interface Distance {
  /** Length of the projection onto the ground plane z = 0, metres. */
  horizontalM: number;
  /** b.z − a.z: positive when b is higher. */
  verticalM: number;
  /** |b.z − a.z|. */
  verticalAbsM: number;
  /** Straight-line 3D distance. */
  slantM: number;
}

export interface PolylineLength {
  /** Sum of the segments' 3D lengths. */
  slantM: number;
  /** Sum of the segments' horizontal lengths. */
  horizontalM: number;
  /** One entry per segment, point i to point i + 1. */
  segments: Distance[];
}

/** `+ 0` turns a −0 (two points at the same height) into 0, so no label ever reads "−0.00 m". */
function segment(a: Point3, b: Point3): Distance {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const dz = b[2] - a[2];
  return {
    horizontalM: Math.hypot(dx, dy),
    verticalM: dz + 0,
    verticalAbsM: Math.abs(dz),
    slantM: Math.hypot(dx, dy, dz),
  };
}

export function measureDistance(a: Point3, b: Point3): MeasureResult<Distance> {
  const bad = firstNonFinite([a, b], 3);
  if (bad >= 0) return fail('non-finite', bad);
  return ok(segment(a, b));
}

/** Length of an open polyline. A repeated point adds a zero-length segment, which is harmless. */
export function polylineLength(points: readonly Point3[]): MeasureResult<PolylineLength> {
  const bad = firstNonFinite(points, 3);
  if (bad >= 0) return fail('non-finite', bad);
  if (points.length < 2) return fail('too-few-points');
  const segments: Distance[] = [];
  let slantM = 0;
  let horizontalM = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = segment(points[i]!, points[i + 1]!);
    segments.push(s);
    slantM += s.slantM;
    horizontalM += s.horizontalM;
  }
  return ok({ slantM, horizontalM, segments });
}
