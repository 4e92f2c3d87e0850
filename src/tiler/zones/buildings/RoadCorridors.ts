/**
 * Road corridors the generator must keep clear of: each centreline segment with the half width of
 * its carriageway plus a setback by road class. Also answers "which way does the nearest road
 * run", which is how generated buildings are oriented.
 */
import type { RoadClass, RoadGraph } from '../../../core/roadGraph';
import type { Ring } from '../../types';
import { SpatialGrid } from '../geom/SpatialGrid';
import { distPointSegment, pointInRing, segmentDistance, type Pt } from '../geom/planar';
import { carriagewayWidthM } from '../roads/roadAttributes';

interface Segment { a: Pt; b: Pt; clearance: number; angle: number }

const CELL_M = 60;

export class RoadCorridors {
  private readonly grid = new SpatialGrid(CELL_M);
  private readonly segments: Segment[] = [];
  private readonly found: number[] = [];
  private maxClearance = 0;

  constructor(graph: RoadGraph, setbackM: Record<RoadClass, number>) {
    for (const e of graph.edges) {
      const clearance = carriagewayWidthM({ lanesPerDirection: e.lanes, oneway: e.oneway }) / 2 + setbackM[e.roadClass];
      this.maxClearance = Math.max(this.maxClearance, clearance);
      for (let i = 0; i + 1 < e.points.length; i++) {
        const a = e.points[i]!, b = e.points[i + 1]!;
        if (a[0] === b[0] && a[1] === b[1]) continue;
        const id = this.segments.length;
        this.segments.push({ a, b, clearance, angle: Math.atan2(b[1] - a[1], b[0] - a[0]) });
        this.grid.insert(id, Math.min(a[0], b[0]) - clearance, Math.min(a[1], b[1]) - clearance, Math.max(a[0], b[0]) + clearance, Math.max(a[1], b[1]) + clearance);
      }
    }
  }

  /** True when the footprint keeps every corridor's clearance. */
  clear(ring: Ring, bounds: [number, number, number, number]): boolean {
    for (const id of this.grid.query(bounds[0], bounds[1], bounds[2], bounds[3], this.found)) {
      const s = this.segments[id]!;
      const mx = (s.a[0] + s.b[0]) / 2, my = (s.a[1] + s.b[1]) / 2;
      if (pointInRing(mx, my, ring)) return false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        if (segmentDistance(ring[j]!, ring[i]!, s.a, s.b) < s.clearance) return false;
      }
    }
    return true;
  }

  /** Direction (radians from east) of the closest road segment within `radiusM`, or null. */
  nearestAngle(x: number, y: number, radiusM: number): { angle: number; distanceM: number } | null {
    let best: { angle: number; distanceM: number } | null = null;
    for (const id of this.grid.query(x - radiusM, y - radiusM, x + radiusM, y + radiusM, this.found)) {
      const s = this.segments[id]!;
      const d = distPointSegment(x, y, s.a[0], s.a[1], s.b[0], s.b[1]);
      if (d <= radiusM && (!best || d < best.distanceM)) best = { angle: s.angle, distanceM: d };
    }
    return best;
  }
}
