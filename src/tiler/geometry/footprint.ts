/**
 * Footprint hygiene shared by every input path. Rings arrive from OSM, GeoJSON or generators with
 * closing duplicates, repeated vertices, spikes and either orientation; the extruder and earcut
 * need open, simple rings with a known winding, and nothing may carry NaN towards the GPU.
 */
import type { Ring } from '../types';

/** Points closer than this are the same vertex (1 mm: far below survey accuracy, far above float noise). */
export const VERTEX_EPSILON_M = 1e-3;
/** Footprints smaller than this are slivers, not buildings. */
export const MIN_FOOTPRINT_AREA_M2 = 1;
/** Holes smaller than this are dropped rather than cut (they would only add triangles). */
export const MIN_HOLE_AREA_M2 = 0.25;

export type Orientation = 'ccw' | 'cw';

/** Shoelace area; positive for counter-clockwise rings in an east/north frame. */
export function signedArea(ring: readonly (readonly number[])[]): number {
  let a = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const p = ring[i]!, q = ring[j]!;
    a += (q[0]! - p[0]!) * (q[1]! + p[1]!);
  }
  return a / 2;
}

/** Area-weighted centroid; falls back to the vertex mean for (near) zero-area input. */
export function ringCentroid(ring: Ring): [number, number] {
  let a = 0, cx = 0, cy = 0;
  const n = ring.length;
  const ox = ring[0]?.[0] ?? 0, oy = ring[0]?.[1] ?? 0; // shifted origin keeps the cross products well conditioned
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i]![0] - ox, yi = ring[i]![1] - oy;
    const xj = ring[j]![0] - ox, yj = ring[j]![1] - oy;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  if (Math.abs(a) < 1e-9) {
    let sx = 0, sy = 0;
    for (const p of ring) { sx += p[0]; sy += p[1]; }
    return [sx / Math.max(1, n), sy / Math.max(1, n)];
  }
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}

function samePoint(a: readonly number[], b: readonly number[]): boolean {
  return Math.abs(a[0]! - b[0]!) <= VERTEX_EPSILON_M && Math.abs(a[1]! - b[1]!) <= VERTEX_EPSILON_M;
}

/** Twice the triangle area a-b-c, relative to the longer leg, so the test is scale-free. */
function isCollinear(a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  const abx = b[0]! - a[0]!, aby = b[1]! - a[1]!;
  const bcx = c[0]! - b[0]!, bcy = c[1]! - b[1]!;
  const cross = abx * bcy - aby * bcx;
  const len = Math.max(Math.hypot(abx, aby), Math.hypot(bcx, bcy));
  return Math.abs(cross) <= 1e-9 * len * len + VERTEX_EPSILON_M * VERTEX_EPSILON_M;
}

function segmentsCross(a: readonly number[], b: readonly number[], c: readonly number[], d: readonly number[]): boolean {
  const o = (p: readonly number[], q: readonly number[], r: readonly number[]): number =>
    (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
  const d1 = o(c, d, a), d2 = o(c, d, b), d3 = o(a, b, c), d4 = o(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** True when two non-adjacent edges properly cross (a bow-tie). Quadratic, fine for footprints. */
export function isSelfIntersecting(ring: Ring): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(a, b, ring[j]!, ring[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

export interface CleanRingOptions {
  orientation: Orientation;
  minAreaM2?: number;
  /** Reject bow-ties. Quadratic in the vertex count, so large land-use polygons may skip it. */
  rejectSelfIntersection?: boolean;
}

/**
 * Returns an open ring with duplicates, collinear vertices and spikes removed, wound as asked,
 * or null when what remains is not a polygon (fewer than 3 points, zero area, NaN, bow-tie).
 */
export function cleanRing(input: readonly (readonly number[])[], options: CleanRingOptions): Ring | null {
  const pts: [number, number][] = [];
  for (const p of input) {
    const x = p[0], y = p[1];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    const last = pts[pts.length - 1];
    if (last && samePoint(last, p)) continue;
    pts.push([x, y]);
  }
  while (pts.length > 1 && samePoint(pts[0]!, pts[pts.length - 1]!)) pts.pop();

  // Removing one vertex can expose another collinear triple or a duplicate, so iterate to a fixpoint.
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const n = pts.length;
      const prev = pts[(i + n - 1) % n]!, cur = pts[i]!, next = pts[(i + 1) % n]!;
      if (samePoint(prev, cur) || isCollinear(prev, cur, next)) {
        pts.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  if (pts.length < 3) return null;
  const area = signedArea(pts);
  if (!Number.isFinite(area) || Math.abs(area) < (options.minAreaM2 ?? MIN_FOOTPRINT_AREA_M2)) return null;
  if (options.rejectSelfIntersection && isSelfIntersecting(pts)) return null;
  const isCcw = area > 0;
  if (isCcw !== (options.orientation === 'ccw')) pts.reverse();
  return pts;
}

/** Even-odd point-in-polygon test. */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0], yi = ring[i]![1], xj = ring[j]![0], yj = ring[j]![1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
