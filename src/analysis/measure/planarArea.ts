/**
 * True area of a planar polygon in 3D, such as a window band or a whole facade picked on a
 * building: Newell's method. Newell's vector N = Σ pᵢ × pᵢ₊₁ is twice the vector area of the
 * closed outline; for a planar polygon |N| / 2 is its area exactly and N / |N| its normal, for any
 * orientation and any shape, concave included. Its plane (normal N through the vertex mean) is the
 * robust best-fit plane of a polygon (Graphics Gems III, "Newell's method"), and the largest vertex
 * distance from it tells the UI whether the picks were really on one surface.
 *
 * Picked points are never exactly coplanar (depth-buffer picks scatter by centimetres), so
 * non-planar input is measured, not refused, and flagged through `coplanar`.
 */
import { ringProblem } from '../planning/polygon';
import type { Ring } from '../planning/types';
import { fail, firstNonFinite, ok, type MeasureResult, type Point3 } from './types';

/** Picks further than this from the fitted plane make the area doubtful; a UI warns. */
export const DEFAULT_PLANAR_TOLERANCE_M = 0.1;
/** |N| / 2 below this share of the outline's squared extent is rounding noise, not area. */
const ZERO_AREA_REL = 1e-12;
/** Distances below this share of the extent count as on the line (collinearity test). */
const COLLINEAR_REL = 1e-9;

export interface PlanarArea {
  areaM2: number;
  /** Unit normal; the outline runs counter-clockwise seen from its tip. */
  normal: [number, number, number];
  /** Mean of the distinct vertices: a point of the fitted plane, for placing the label. */
  centroid: [number, number, number];
  /** Largest distance of a vertex from the fitted plane, metres. */
  planarityDeviationM: number;
  /** planarityDeviationM ≤ the tolerance. */
  coplanar: boolean;
  /** Angle between the plane and the horizontal: 0° a flat roof, 90° a vertical facade. */
  tiltDeg: number;
  /** Length of the closed outline in 3D, metres. */
  perimeterM: number;
}

export interface PlanarAreaOptions {
  /** Default DEFAULT_PLANAR_TOLERANCE_M. */
  planarToleranceM?: number;
}

function distinct(points: readonly Point3[]): Point3[] {
  const out: Point3[] = [];
  const same = (a: Point3, b: Point3): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  for (const p of points) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  while (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

type V3 = [number, number, number];

function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function norm(a: V3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Whether every point lies on the line through the first point and the point furthest from it. */
function collinear(rel: V3[], extent: number): boolean {
  let far = rel[0]!;
  let farD = 0;
  for (const p of rel) {
    const d = norm(p);
    if (d > farD) [far, farD] = [p, d];
  }
  if (farD === 0) return true;
  return rel.every((p) => norm(cross(p, far)) / farD <= COLLINEAR_REL * extent);
}

/**
 * Two unit vectors spanning the plane of unit normal n; the pair (u, v, n) is right-handed, so the
 * outline's winding seen from n is preserved in (u, v) coordinates.
 */
function planeBasis(n: V3): [V3, V3] {
  const helper: V3 = Math.abs(n[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const u0 = cross(helper, n);
  const lu = norm(u0);
  const u: V3 = [u0[0] / lu, u0[1] / lu, u0[2] / lu];
  return [u, cross(n, u)];
}

export function planarArea(points: readonly Point3[], options: PlanarAreaOptions = {}): MeasureResult<PlanarArea> {
  const bad = firstNonFinite(points, 3);
  if (bad >= 0) return fail('non-finite', bad);
  const tol = options.planarToleranceM ?? DEFAULT_PLANAR_TOLERANCE_M;
  if (!Number.isFinite(tol)) return fail('non-finite');
  const pts = distinct(points);
  if (pts.length < 3) return fail('too-few-points');

  // Relative to the vertex mean, so that points kilometres from the zone origin keep their digits.
  const c: V3 = [0, 0, 0];
  for (const p of pts) {
    c[0] += p[0] / pts.length;
    c[1] += p[1] / pts.length;
    c[2] += p[2] / pts.length;
  }
  const rel: V3[] = pts.map((p) => [p[0] - c[0], p[1] - c[1], p[2] - c[2]]);
  let extent = 0;
  for (const p of rel) extent = Math.max(extent, norm(p));

  const N: V3 = [0, 0, 0];
  let perimeterM = 0;
  for (let i = 0; i < rel.length; i++) {
    const a = rel[i]!;
    const b = rel[(i + 1) % rel.length]!;
    const x = cross(a, b);
    N[0] += x[0]; N[1] += x[1]; N[2] += x[2];
    perimeterM += Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  }
  const twiceArea = norm(N);
  if (!(twiceArea / 2 > ZERO_AREA_REL * extent * extent)) {
    // A non-collinear outline whose lobes cancel exactly: a symmetric bow-tie or a fold-back.
    return fail(collinear(rel, extent) ? 'zero-area' : 'self-intersecting');
  }
  const n: V3 = [N[0] / twiceArea, N[1] / twiceArea, N[2] / twiceArea];

  // The area is only meaningful for a simple outline: test it exactly in the plane's own 2D frame.
  const [u, v] = planeBasis(n);
  const flat: Ring = rel.map((p) => [p[0] * u[0] + p[1] * u[1] + p[2] * u[2], p[0] * v[0] + p[1] * v[1] + p[2] * v[2]]);
  const problem = ringProblem(flat);
  if (problem === 'self-intersecting' || problem === 'zero-area') return fail(problem);
  if (problem) return fail('too-few-points');

  let dev = 0;
  for (const p of rel) dev = Math.max(dev, Math.abs(p[0] * n[0] + p[1] * n[1] + p[2] * n[2]));
  const tiltDeg = (Math.acos(Math.min(1, Math.abs(n[2]))) * 180) / Math.PI;
  return ok({
    areaM2: twiceArea / 2,
    normal: n,
    centroid: c,
    planarityDeviationM: dev,
    coplanar: dev <= tol,
    tiltDeg,
    perimeterM,
  });
}
