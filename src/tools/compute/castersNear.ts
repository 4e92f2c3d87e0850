/**
 * The buildings a visibility analysis can meet: those whose footprint comes within `radiusM`
 * (horizontally) of any of the given points. A viewshed of 300 m in Jiading needs a few hundred
 * of its 8,000 buildings; building the BVH over only those keeps a run interactive. Exact: a
 * building farther than the radius from every point cannot be crossed by any ray the analysis casts.
 */
import { buildCasterBvh, type CasterBuilding, type CasterIndex } from '../../analysis/sunlight/casters';
import type { Vec3 } from '../toolTypes';

function boundsGap(b: CasterBuilding, x: number, y: number): number {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [e, n] of b.footprint) {
    if (e < x0) x0 = e;
    if (e > x1) x1 = e;
    if (n < y0) y0 = n;
    if (n > y1) y1 = n;
  }
  return Math.hypot(Math.max(x0 - x, 0, x - x1), Math.max(y0 - y, 0, y - y1));
}

/** Buildings near a segment set: each point's disc of `radiusM`, plus the corridor between consecutive points. */
export function buildingsNear<B extends CasterBuilding>(buildings: readonly B[], points: readonly Vec3[], radiusM: number): B[] {
  if (points.length === 0) return [];
  // The corridor: sample along each segment at radiusM spacing, so the discs overlap.
  const probes: [number, number][] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    probes.push([a[0], a[1]]);
    const b = points[i + 1];
    if (!b) continue;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const steps = Math.ceil(len / Math.max(radiusM, 1));
    for (let k = 1; k < steps; k++) probes.push([a[0] + ((b[0] - a[0]) * k) / steps, a[1] + ((b[1] - a[1]) * k) / steps]);
  }
  const r = radiusM + Math.max(radiusM, 1) / 2;
  return buildings.filter((b) => probes.some(([x, y]) => boundsGap(b, x, y) <= r));
}

export function castersNear(buildings: readonly CasterBuilding[], points: readonly Vec3[], radiusM: number): CasterIndex {
  return buildCasterBvh(buildingsNear(buildings, points, radiusM));
}
