import type { Ring } from '../types';
import { convexHull } from './convexHull';

/** A rectangle in the east/north plane: centre, unit major axis, half extents along major/minor. */
export interface OrientedRect {
  cx: number;
  cy: number;
  /** Unit vector of the long side. The short side is its left normal (-uy, ux). */
  ux: number;
  uy: number;
  halfLength: number;
  halfWidth: number;
}

/**
 * Minimum-area enclosing rectangle. One side of the optimum lies on a hull edge, so trying every
 * hull edge is exact; hulls of footprints have few vertices, so the quadratic scan is cheap.
 */
export function minAreaRect(points: Ring): OrientedRect {
  const hull = convexHull(points);
  let best: OrientedRect | null = null;
  let bestArea = Infinity;
  const n = hull.length;
  for (let i = 0; i < n; i++) {
    const a = hull[i]!, b = hull[(i + 1) % n]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-9) continue;
    const ux = (b[0] - a[0]) / len, uy = (b[1] - a[1]) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * ux + p[1] * uy;
      const v = -p[0] * uy + p[1] * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, ux, uy, halfLength: (maxU - minU) / 2, halfWidth: (maxV - minV) / 2 };
    }
  }
  if (!best) {
    const p = points[0] ?? [0, 0];
    return { cx: p[0], cy: p[1], ux: 1, uy: 0, halfLength: 0, halfWidth: 0 };
  }
  // Keep the major axis along the longer side so "length" and "width" mean what they say.
  if (best.halfWidth > best.halfLength) {
    best = { cx: best.cx, cy: best.cy, ux: -best.uy, uy: best.ux, halfLength: best.halfWidth, halfWidth: best.halfLength };
  }
  return best;
}

/** The rectangle's corners, counter-clockwise. */
export function rectCorners(r: OrientedRect): Ring {
  const vx = -r.uy, vy = r.ux;
  const c = (s: number, t: number): [number, number] => [
    r.cx + r.ux * r.halfLength * s + vx * r.halfWidth * t,
    r.cy + r.uy * r.halfLength * s + vy * r.halfWidth * t,
  ];
  return [c(-1, -1), c(1, -1), c(1, 1), c(-1, 1)];
}
