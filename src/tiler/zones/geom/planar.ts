/**
 * Small planar geometry in a zone's ENU frame (metres). Rings are open (first point not repeated);
 * positive signed area means counter-clockwise, the orientation the tiler contract requires.
 */
import type { Ring } from '../../types';

export type Pt = [number, number];

export function signedArea(ring: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[i]!, q = ring[j]!;
    a += q[0] * p[1] - p[0] * q[1];
  }
  return a / 2;
}

/** Drops a closing duplicate and repeated vertices, and returns the ring counter-clockwise. */
export function normalizeRing(ring: readonly Pt[], minStepM = 0.01): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < minStepM) continue;
    out.push([p[0], p[1]]);
  }
  while (out.length > 1) {
    const first = out[0]!, last = out[out.length - 1]!;
    if (Math.hypot(first[0] - last[0], first[1] - last[1]) >= minStepM) break;
    out.pop();
  }
  if (signedArea(out) < 0) out.reverse();
  return out;
}

export function ringBounds(ring: readonly Pt[]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of ring) {
    if (p[0] < minX) minX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] > maxY) maxY = p[1];
  }
  return [minX, minY, maxX, maxY];
}

export function ringCentroid(ring: readonly Pt[]): Pt {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const p = ring[j]!, q = ring[i]!;
    const c = p[0] * q[1] - q[0] * p[1];
    a += c;
    cx += (p[0] + q[0]) * c;
    cy += (p[1] + q[1]) * c;
  }
  if (Math.abs(a) < 1e-9) {
    let sx = 0, sy = 0;
    for (const p of ring) { sx += p[0]; sy += p[1]; }
    return [sx / Math.max(ring.length, 1), sy / Math.max(ring.length, 1)];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Even-odd rule; points exactly on an edge may go either way, callers keep margins. */
export function pointInRing(x: number, y: number, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if ((a[1] > y) !== (b[1] > y) && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

export function distPointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Parameter t along a→b of the closest point to p, clamped to [0, 1]. */
export function projectOnSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  const t = ((px - ax) * dx + (py - ay) * dy) / len2;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * Proper or touching intersection of segments ab and cd: returns [t, u] along each, or null.
 * Collinear overlaps return null; road crossings never need them.
 */
export function segmentIntersection(a: Pt, b: Pt, c: Pt, d: Pt): [number, number] | null {
  const rx = b[0] - a[0], ry = b[1] - a[1];
  const sx = d[0] - c[0], sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return null;
  const qx = c[0] - a[0], qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [t, u];
}

export function segmentDistance(a: Pt, b: Pt, c: Pt, d: Pt): number {
  if (segmentIntersection(a, b, c, d)) return 0;
  return Math.min(
    distPointSegment(a[0], a[1], c[0], c[1], d[0], d[1]),
    distPointSegment(b[0], b[1], c[0], c[1], d[0], d[1]),
    distPointSegment(c[0], c[1], a[0], a[1], b[0], b[1]),
    distPointSegment(d[0], d[1], a[0], a[1], b[0], b[1]),
  );
}

export function polylineLength(points: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) len += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return len;
}

/** Rectangle (optionally with chamfered corners) centred on (cx, cy), long axis at `angle` radians. */
export function orientedRect(cx: number, cy: number, width: number, depth: number, angle: number, chamfer = 0): Ring {
  const ux = Math.cos(angle), uy = Math.sin(angle);
  const vx = -uy, vy = ux;
  const hw = width / 2, hd = depth / 2;
  const local: Pt[] = chamfer > 0
    ? [
        [-hw + chamfer, -hd], [hw - chamfer, -hd], [hw, -hd + chamfer], [hw, hd - chamfer],
        [hw - chamfer, hd], [-hw + chamfer, hd], [-hw, hd - chamfer], [-hw, -hd + chamfer],
      ]
    : [[-hw, -hd], [hw, -hd], [hw, hd], [-hw, hd]];
  // u is the local x axis and v its left normal, so the local CCW order stays CCW in the world.
  return local.map(([lx, ly]) => [cx + lx * ux + ly * vx, cy + lx * uy + ly * vy]);
}

/** Separating-axis test for two convex CCW polygons; touching counts as overlap. */
export function convexOverlap(a: readonly Pt[], b: readonly Pt[]): boolean {
  return !hasSeparatingEdge(a, b) && !hasSeparatingEdge(b, a);
}

function hasSeparatingEdge(a: readonly Pt[], b: readonly Pt[]): boolean {
  for (let i = 0, j = a.length - 1; i < a.length; j = i++) {
    const p = a[j]!, q = a[i]!;
    const nx = q[1] - p[1], ny = p[0] - q[0];
    // For a CCW polygon (nx, ny) points outwards; separated when all of b lies beyond the edge.
    let allOutside = true;
    for (const r of b) {
      if ((r[0] - p[0]) * nx + (r[1] - p[1]) * ny <= 0) { allOutside = false; break; }
    }
    if (allOutside) return true;
  }
  return false;
}

/** Smallest distance between the outlines of two rings, 0 when their edges cross. */
export function ringEdgeDistance(a: readonly Pt[], b: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 0, j = a.length - 1; i < a.length; j = i++) {
    for (let k = 0, l = b.length - 1; k < b.length; l = k++) {
      const d = segmentDistance(a[j]!, a[i]!, b[l]!, b[k]!);
      if (d < best) best = d;
      if (best === 0) return 0;
    }
  }
  return best;
}
