/**
 * First-hit ray casts against the sunlight analysis's caster BVH (buildings extruded from their
 * full-detail footprints), so a visibility answer never depends on the camera, the loaded LOD or a
 * depth buffer. One Ray is reused for every cast: the inner loops of the viewshed and the skyline
 * allocate nothing of their own (three-mesh-bvh returns one small hit record per hit).
 *
 * Both faces count: a sight line is blocked by a wall whichever side it meets it from.
 */
import { DoubleSide, Ray } from 'three';
import type { CasterIndex } from '../sunlight/casters';

/** Margin above the tallest roof when a climbing ray's search is cut short there, metres. */
const TOP_MARGIN_M = 0.01;

export class SightCaster {
  readonly casters: CasterIndex;
  /** Highest roof, metres; −Infinity for an empty scene. */
  readonly topZ: number;
  /** Lowest building base, metres. */
  readonly bottomZ: number;
  /** Index into `casters.ids` of the building the last successful cast hit; −1 after a miss. */
  hitBuilding = -1;
  private readonly ray = new Ray();

  constructor(casters: CasterIndex) {
    this.casters = casters;
    let top = -Infinity, bottom = Infinity;
    if (casters.triangleCount > 0) {
      const pos = casters.geometry.getAttribute('position').array;
      for (let i = 2; i < pos.length; i += 3) {
        const z = pos[i]!;
        if (z > top) top = z;
        if (z < bottom) bottom = z;
      }
    }
    this.topZ = top;
    this.bottomZ = bottom;
  }

  /**
   * Distance along the unit direction (dx, dy, dz) from (ox, oy, oz) to the first building surface
   * with near ≤ t ≤ far, or Infinity. `near` skips the ray's own surface; `far` stops at the target.
   */
  cast(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, near: number, far: number): number {
    this.hitBuilding = -1;
    if (this.casters.triangleCount === 0) return Infinity;
    // Nothing stands above the tallest roof: clip the search to the slab below it.
    if (oz > this.topZ) {
      if (dz >= 0) return Infinity;
      near = Math.max(near, (oz - this.topZ) / -dz - TOP_MARGIN_M);
    } else if (dz > 0) {
      far = Math.min(far, (this.topZ - oz) / dz + TOP_MARGIN_M);
    }
    if (!(far >= near)) return Infinity;
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    const hit = this.casters.bvh.raycastFirst(this.ray, DoubleSide, near, far);
    if (!hit) return Infinity;
    this.hitBuilding = this.casters.triBuilding[hit.faceIndex ?? -1] ?? -1;
    return hit.distance;
  }

  /**
   * Whether a roof lies straight above (x, y): the point is inside a building's footprint (or under
   * a raised volume). Extruded walls are vertical, so a vertical ray meets only roofs; it starts
   * below every base because the casters have no bottom caps.
   */
  underRoof(x: number, y: number): boolean {
    if (this.casters.triangleCount === 0) return false;
    const z0 = this.bottomZ - 1;
    return this.cast(x, y, z0, 0, 0, 1, 0, this.topZ - z0 + 1) < Infinity;
  }

  /** The id of the building the last cast hit, or null. */
  hitId(): string | null {
    return this.hitBuilding >= 0 ? (this.casters.ids[this.hitBuilding] ?? null) : null;
  }
}

/** Pass a SightCaster to reuse its scan of the geometry across calls (a tool dragging its target). */
export function toCaster(casters: CasterIndex | SightCaster): SightCaster {
  return casters instanceof SightCaster ? casters : new SightCaster(casters);
}
