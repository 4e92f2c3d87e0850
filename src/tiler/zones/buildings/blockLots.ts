/**
 * Lays a block out as a grid of lots aligned with the road it faces. Each lot may receive one
 * building; checks against roads, water and neighbours happen in the generator.
 */
import type { Ring } from '../../types';
import { ringBounds, ringCentroid, type Pt } from '../geom/planar';
import type { RoadCorridors } from './RoadCorridors';

export interface Lot {
  /** Lot centre, ENU metres. */
  x: number;
  y: number;
  /** Direction of the lot's "along the road" axis, radians from east. */
  angle: number;
}

/** How far from a block's centre to look for the road that sets its grid direction. */
const ORIENTATION_SEARCH_M = [150, 400, 1200] as const;

/** Direction of the block's longest edge: the fallback when no road is near. */
function longestEdgeAngle(ring: Ring): number {
  let best = 0, angle = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!, b = ring[i]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len > best) { best = len; angle = Math.atan2(b[1] - a[1], b[0] - a[0]); }
  }
  return angle;
}

export function blockAngle(ring: Ring, roads: RoadCorridors): number {
  const [cx, cy] = ringCentroid(ring);
  for (const r of ORIENTATION_SEARCH_M) {
    const hit = roads.nearestAngle(cx, cy, r);
    if (hit) return hit.angle;
  }
  return longestEdgeAngle(ring);
}

/** Lot centres covering the block's bounds in its own rotated frame, row by row. */
export function blockLots(ring: Ring, angle: number, lotAlongM: number, lotAcrossM: number): Lot[] {
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const [cx, cy] = ringCentroid(ring);
  // Block in local coordinates: u along the road direction, v across it.
  const local: Pt[] = ring.map((p) => {
    const dx = p[0] - cx, dy = p[1] - cy;
    return [dx * cos + dy * sin, -dx * sin + dy * cos];
  });
  const [minU, minV, maxU, maxV] = ringBounds(local);
  const nu = Math.max(1, Math.floor((maxU - minU) / lotAlongM));
  const nv = Math.max(1, Math.floor((maxV - minV) / lotAcrossM));
  // Centre the grid so the leftover margin is shared by both sides of the block.
  const u0 = minU + (maxU - minU - nu * lotAlongM) / 2 + lotAlongM / 2;
  const v0 = minV + (maxV - minV - nv * lotAcrossM) / 2 + lotAcrossM / 2;
  const lots: Lot[] = [];
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const u = u0 + i * lotAlongM, v = v0 + j * lotAcrossM;
      lots.push({ x: cx + u * cos - v * sin, y: cy + u * sin + v * cos, angle });
    }
  }
  return lots;
}
