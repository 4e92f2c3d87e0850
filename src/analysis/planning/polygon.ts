/**
 * Planar polygon helpers for the planning analyses, in zone-local ENU metres.
 *
 * A polygon is given as an outer ring plus optional holes. Rings are open (the first point is not
 * repeated), the outer ring counter-clockwise and holes clockwise; `normaliseRing` makes any input
 * ring so. Boolean operations are delegated to `polygon-clipping` (a maintained Martinez-style
 * implementation) rather than hand-written clipping, and the self-intersection test uses exact
 * orientation predicates from `robust-predicates`, so a ring that merely touches itself is caught
 * however close the vertices are.
 */
import * as clippingNs from 'polygon-clipping';
import { orient2d } from 'robust-predicates';
import type { Ring } from './types';

type Clipping = typeof clippingNs;
// polygon-clipping's ESM build exports only a default object, its CJS build (what Node resolves)
// sets module.exports; its typings declare named exports. Unwrap whichever shape we were given.
const clipping: Clipping = (clippingNs as Clipping & { default?: Clipping }).default ?? clippingNs;

/** A polygon as the clipping library sees it: outer ring first, then holes. */
export type PolygonRings = Ring[];
/** A set of disjoint polygons, as returned by the boolean operations. */
export type MultiPolygonRings = PolygonRings[];

export type RingProblem = 'too-few-points' | 'self-intersecting' | 'zero-area' | 'non-finite';

/**
 * Shoelace area, positive for counter-clockwise rings. Coordinates are taken relative to the first
 * vertex so that rings far from the origin keep their precision.
 */
export function ringSignedArea(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  const [x0, y0] = ring[0]!;
  let twice = 0;
  for (let i = 1; i < n - 1; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    twice += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return twice / 2;
}

/** Area of an outer ring minus its holes, whatever their orientation. */
export function polygonArea(outer: Ring, holes: readonly Ring[] = []): number {
  let a = Math.abs(ringSignedArea(outer));
  for (const h of holes) a -= Math.abs(ringSignedArea(h));
  return Math.max(0, a);
}

/** Total area of a multipolygon such as the clipping library returns (closed rings are fine). */
export function multiPolygonArea(mp: MultiPolygonRings): number {
  let a = 0;
  for (const [outer, ...holes] of mp) if (outer) a += polygonArea(outer, holes);
  return a;
}

/** First moments of a ring about (ox, oy): [signed area, Σx·A, Σy·A] (relative coordinates). */
function ringMoments(ring: Ring, ox: number, oy: number): [number, number, number] {
  let a2 = 0, cx = 0, cy = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % n]!;
    const x1 = ax - ox, y1 = ay - oy, x2 = bx - ox, y2 = by - oy;
    const cross = x1 * y2 - x2 * y1;
    a2 += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [a2 / 2, cx / 6, cy / 6];
}

/**
 * Area centroid of a polygon with holes. A degenerate polygon (zero area) falls back to the mean
 * of its outer vertices, so callers such as fly-to always get a finite point.
 */
export function polygonCentroid(outer: Ring, holes: readonly Ring[] = []): [number, number] {
  if (outer.length === 0) return [0, 0];
  const [ox, oy] = outer[0]!;
  const sign = (r: Ring): number => (ringSignedArea(r) >= 0 ? 1 : -1);
  const [a, mx, my] = ringMoments(outer, ox, oy).map((v) => v * sign(outer)) as [number, number, number];
  let area = a, sx = mx, sy = my;
  for (const h of holes) {
    const [ha, hx, hy] = ringMoments(h, ox, oy).map((v) => v * sign(h)) as [number, number, number];
    area -= ha;
    sx -= hx;
    sy -= hy;
  }
  if (!(Math.abs(area) > 0)) {
    let x = 0, y = 0;
    for (const [px, py] of outer) {
      x += px;
      y += py;
    }
    return [x / outer.length, y / outer.length];
  }
  return [ox + sx / area, oy + sy / area];
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  return (
    orient2d(ax, ay, bx, by, px, py) === 0 &&
    px >= Math.min(ax, bx) && px <= Math.max(ax, bx) &&
    py >= Math.min(ay, by) && py <= Math.max(ay, by)
  );
}

/** Ring containment by crossing number; a point on the ring's boundary counts as inside. */
function inRing(x: number, y: number, ring: Ring): 'in' | 'out' | 'edge' {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment(x, y, xj, yj, xi, yi)) return 'edge';
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'in' : 'out';
}

/**
 * Whether a point lies in the polygon, treating it as a closed set: points on the outer boundary
 * or on a hole's boundary are inside; points strictly inside a hole are not.
 */
export function pointInPolygon(p: readonly [number, number], outer: Ring, holes: readonly Ring[] = []): boolean {
  const [x, y] = p;
  if (inRing(x, y, outer) === 'out') return false;
  for (const h of holes) if (inRing(x, y, h) === 'in') return false;
  return true;
}

/** Copies a ring without its closing duplicate or repeated consecutive vertices. */
function openRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  while (out.length > 1) {
    const first = out[0]!, last = out[out.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) break;
    out.pop();
  }
  return out;
}

/** Open ring, counter-clockwise for 'outer' and clockwise for 'hole'. Never mutates its input. */
export function normaliseRing(ring: Ring, role: 'outer' | 'hole' = 'outer'): Ring {
  const r = openRing(ring);
  const a = ringSignedArea(r);
  if ((role === 'outer' && a < 0) || (role === 'hole' && a > 0)) r.reverse();
  return r;
}

function segmentsIntersect(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const o1 = Math.sign(orient2d(ax, ay, bx, by, cx, cy));
  const o2 = Math.sign(orient2d(ax, ay, bx, by, dx, dy));
  const o3 = Math.sign(orient2d(cx, cy, dx, dy, ax, ay));
  const o4 = Math.sign(orient2d(cx, cy, dx, dy, bx, by));
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  return (
    (o1 === 0 && onSegment(cx, cy, ax, ay, bx, by)) ||
    (o2 === 0 && onSegment(dx, dy, ax, ay, bx, by)) ||
    (o3 === 0 && onSegment(ax, ay, cx, cy, dx, dy)) ||
    (o4 === 0 && onSegment(bx, by, cx, cy, dx, dy))
  );
}

/**
 * Whether any two edges of an open ring meet other than at their shared vertex, including a
 * touch at a single point and a spike that doubles back along its own edge.
 *
 * Sweep-and-prune on x: edges are sorted by their left end and each is tested exactly (robust
 * orientation) only against earlier edges whose x-range still overlaps. For footprint-like rings
 * this is near-linear (a 5000-vertex star in tens of ms). The worst case, every edge spanning the
 * same x-range (a comb), degrades to the plain O(n²) pairwise test, about 1 s at 10 000 vertices,
 * which is why the scheme-file parser caps ring size. A Shamos–Hoey sweep would be O(n log n) but
 * its degenerate cases (shared endpoints, collinear overlaps) are easy to get subtly wrong.
 */
function selfIntersects(r: Ring): boolean {
  const n = r.length;
  // Edge i runs from vertex i to vertex i + 1 (mod n); flat arrays keep the hot loop allocation-free.
  const ex = new Float64Array(2 * n), ey = new Float64Array(2 * n);
  const minX = new Float64Array(n), maxX = new Float64Array(n), minY = new Float64Array(n), maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = r[i]!, b = r[(i + 1) % n]!;
    ex[2 * i] = a[0]; ey[2 * i] = a[1]; ex[2 * i + 1] = b[0]; ey[2 * i + 1] = b[1];
    minX[i] = Math.min(a[0], b[0]); maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]); maxY[i] = Math.max(a[1], b[1]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minX[i]! - minX[j]! || i - j);
  const active = new Int32Array(n);
  let nActive = 0;
  for (const i of order) {
    let kept = 0;
    for (let k = 0; k < nActive; k++) {
      const j = active[k]!;
      if (maxX[j]! >= minX[i]!) active[kept++] = j;
    }
    nActive = kept;
    const ax = ex[2 * i]!, ay = ey[2 * i]!, bx = ex[2 * i + 1]!, by = ey[2 * i + 1]!;
    for (let k = 0; k < nActive; k++) {
      const j = active[k]!;
      if (maxY[i]! < minY[j]! || maxY[j]! < minY[i]!) continue;
      const cx = ex[2 * j]!, cy = ey[2 * j]!, dx = ex[2 * j + 1]!, dy = ey[2 * j + 1]!;
      if ((j + 1) % n === i) {
        // Neighbours share one vertex legitimately; they fail only if they double back on a line.
        if (orient2d(cx, cy, ax, ay, bx, by) === 0 && (ax - cx) * (bx - ax) + (ay - cy) * (by - ay) < 0) return true;
      } else if ((i + 1) % n === j) {
        if (orient2d(ax, ay, cx, cy, dx, dy) === 0 && (cx - ax) * (dx - cx) + (cy - ay) * (dy - cy) < 0) return true;
      } else if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) {
        return true;
      }
    }
    active[nActive++] = i;
  }
  return false;
}

/**
 * Why a ring cannot be used as a polygon boundary, or null if it is a simple ring. Checks run in
 * order non-finite, too-few-points (fewer than 3 distinct vertices), zero-area (all collinear),
 * self-intersecting, so that each ring gets the most specific complaint.
 */
export function ringProblem(ring: Ring): RingProblem | null {
  for (const p of ring) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return 'non-finite';
  const r = openRing(ring);
  if (r.length < 3) return 'too-few-points';
  const [ax, ay] = r[0]!;
  const [bx, by] = r[1]!;
  if (r.every(([x, y]) => orient2d(ax, ay, bx, by, x, y) === 0)) return 'zero-area';
  if (selfIntersects(r)) return 'self-intersecting';
  return ringSignedArea(r) === 0 ? 'zero-area' : null;
}

type Geom = PolygonRings | MultiPolygonRings;

function isMulti(g: Geom): g is MultiPolygonRings {
  return Array.isArray(g[0]?.[0]?.[0]);
}

/**
 * A millimetre grid: far below drawing precision, yet coarse enough to merge the near-coincident
 * vertices on which the clipping sweep occasionally fails.
 */
const SNAP_M = 1e-3;

function snapped(g: Geom): Geom {
  const ring = (r: Ring): Ring => r.map(([x, y]) => [Math.round(x / SNAP_M) * SNAP_M, Math.round(y / SNAP_M) * SNAP_M]);
  return isMulti(g) ? g.map((p) => p.map(ring)) : g.map(ring);
}

/**
 * Runs a boolean operation. polygon-clipping has rare, known failures ("Unable to find segment …
 * in SweepLine tree") on nearly degenerate input; the operation is retried once on
 * millimetre-snapped input, and a second failure is reported with the operation's name rather
 * than returning a silently wrong area.
 */
function clip(name: string, op: (g: Geom, ...gs: Geom[]) => MultiPolygonRings, geoms: Geom[]): MultiPolygonRings {
  const [first, ...rest] = geoms;
  if (!first) return [];
  try {
    return op(first, ...rest);
  } catch {
    const [sFirst, ...sRest] = geoms.map(snapped);
    try {
      return op(sFirst!, ...sRest);
    } catch (e) {
      throw new Error(`polygon ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** Intersection of polygons (each outer ring + holes), as disjoint polygons. */
export function intersect(a: PolygonRings, b: PolygonRings): MultiPolygonRings {
  if (a.length === 0 || b.length === 0) return [];
  return clip('intersection', clipping.intersection, [a, b]);
}

/** Union of any number of polygons or multipolygons. */
export function unionAll(parts: readonly Geom[]): MultiPolygonRings {
  const real = parts.filter((p) => p.length > 0);
  return real.length > 0 ? clip('union', clipping.union, real) : [];
}

/** `subject` minus every clip polygon. */
export function subtract(subject: MultiPolygonRings, clips: readonly Geom[]): MultiPolygonRings {
  const real = clips.filter((c) => c.length > 0);
  if (subject.length === 0 || real.length === 0) return subject;
  return clip('difference', clipping.difference, [subject, ...real]);
}

/** Area of the intersection of two polygons with holes. */
export function intersectionArea(a: PolygonRings, b: PolygonRings): number {
  return multiPolygonArea(intersect(a, b));
}

/** Axis-aligned bounds [minX, minY, maxX, maxY] of a ring, for cheap overlap rejection. */
export function ringBounds(ring: Ring): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}
