/**
 * Shared types of the measurement geometry. Points are in the zone's local ENU frame, metres:
 * x east, y north, z up (the frame of src/analysis/planning and src/analysis/sunlight).
 *
 * Every measurement returns a result object rather than a bare number, so that a picked point that
 * came back NaN (a ray that missed the scene, a ground sampler off its grid) becomes a reason the
 * UI can show instead of a NaN on a label or in a vertex buffer.
 */

/** An ENU point, metres. */
export type Point3 = readonly [number, number, number];
/** A point of which only the horizontal position is read (a Point3 also qualifies). */
export type Point2 = readonly [number, number] | Point3;

export type MeasureProblem =
  /** A coordinate, a ground elevation or a value to format is NaN or ±Infinity. */
  | 'non-finite'
  /** Fewer points than the measurement needs (2 for a line, 3 distinct for an area). */
  | 'too-few-points'
  /** The outline crosses or touches itself, so its area is not the area of any region. */
  | 'self-intersecting'
  /** All points are collinear: an outline with no area. */
  | 'zero-area'
  /** A direction between two identical points is undefined. */
  | 'coincident-points'
  /** The ground elevation function gave no finite elevation at the point. */
  | 'no-ground';

export type MeasureResult<T> =
  | { ok: true; value: T }
  /** `index` is the offending point's index in the input, where one point is to blame. */
  | { ok: false; problem: MeasureProblem; index?: number };

export function ok<T>(value: T): MeasureResult<T> {
  return { ok: true, value };
}

export function fail<T>(problem: MeasureProblem, index?: number): MeasureResult<T> {
  return index === undefined ? { ok: false, problem } : { ok: false, problem, index };
}

/** Index of the first point with a non-finite coordinate among the first `dims` axes, or -1. */
export function firstNonFinite(points: readonly (readonly number[])[], dims: 2 | 3): number {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    for (let k = 0; k < dims; k++) if (!Number.isFinite(p[k])) return i;
  }
  return -1;
}
