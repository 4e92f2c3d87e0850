/**
 * Horizontal projected area (水平投影面积) of a picked outline: the points are dropped onto z = 0
 * and the enclosed region measured. The shoelace formula is exact for any simple polygon, concave
 * ones included; what it cannot do is give a meaningful answer for a crossing outline (a bow-tie's
 * lobes cancel), so those are refused with the planning module's exact self-intersection test.
 */
import { polygonCentroid, ringProblem, ringSignedArea } from '../planning/polygon';
import type { Ring } from '../planning/types';
import { fail, firstNonFinite, ok, type MeasureResult, type Point2 } from './types';

export interface HorizontalArea {
  areaM2: number;
  /** Length of the closed outline in plan, metres. */
  perimeterM: number;
  /** Area centroid in plan, for placing the label. */
  centroid: [number, number];
  /** The outline as measured: open, repeated points removed, counter-clockwise. */
  ring: Ring;
}

/** Open ring in plan: consecutive repeats (a double click) and a closing repeat are dropped. */
export function planRing(points: readonly Point2[]): Ring {
  const r: Ring = [];
  for (const p of points) {
    const last = r[r.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push([p[0], p[1]]);
  }
  while (r.length > 1 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1]) r.pop();
  return r;
}

function perimeter(r: Ring): number {
  let p = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i]!;
    const b = r[(i + 1) % r.length]!;
    p += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return p;
}

export function horizontalArea(points: readonly Point2[]): MeasureResult<HorizontalArea> {
  const bad = firstNonFinite(points, 2);
  if (bad >= 0) return fail('non-finite', bad);
  const ring = planRing(points);
  const problem = ringProblem(ring);
  if (problem) return fail(problem);
  if (ringSignedArea(ring) < 0) ring.reverse();
  return ok({ areaM2: ringSignedArea(ring), perimeterM: perimeter(ring), centroid: polygonCentroid(ring), ring });
}
