/**
 * Areas generated buildings stay out of, each with its own clearance: water, parks, real
 * landmark footprints, sites and, as they are placed, the generated buildings themselves.
 */
import type { Ring } from '../../types';
import { SpatialGrid } from '../geom/SpatialGrid';
import { convexOverlap, pointInRing, ringBounds, ringEdgeDistance } from '../geom/planar';

interface Obstacle { ring: Ring; clearance: number; convex: boolean }

export class Obstacles {
  private readonly grid: SpatialGrid;
  private readonly items: Obstacle[] = [];
  private readonly found: number[] = [];

  constructor(cellM: number) {
    this.grid = new SpatialGrid(cellM);
  }

  /** `convex` rings (generated boxes) use the exact separating-axis test instead of distances. */
  add(ring: Ring, clearance: number, convex = false): void {
    const b = ringBounds(ring);
    const id = this.items.length;
    this.items.push({ ring, clearance, convex });
    this.grid.insert(id, b[0] - clearance, b[1] - clearance, b[2] + clearance, b[3] + clearance);
  }

  /**
   * True when `ring` keeps clear of every obstacle. For convex obstacles the caller passes the
   * footprint already inflated by the gap (`inflated`), so a plain overlap test is exact.
   */
  clear(ring: Ring, bounds: [number, number, number, number], inflated: Ring = ring): boolean {
    for (const id of this.grid.query(bounds[0], bounds[1], bounds[2], bounds[3], this.found)) {
      const o = this.items[id]!;
      if (o.convex) {
        if (convexOverlap(inflated, o.ring)) return false;
        continue;
      }
      const c = ring[0]!;
      if (pointInRing(c[0], c[1], o.ring)) return false;
      const oc = o.ring[0]!;
      if (pointInRing(oc[0], oc[1], ring)) return false;
      if (ringEdgeDistance(ring, o.ring) < o.clearance) return false;
    }
    return true;
  }
}
