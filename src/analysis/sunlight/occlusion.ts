/**
 * Occlusion queries for the engine: is anything between this point and the sun? Two exact
 * shortcuts in front of the BVH, both of which only ever confirm a real intersection:
 *
 * - Shadow coherence: the sun moves ~0.25° per minute, so what blocked a point one step ago
 *   usually still does. Each sample point remembers its last blocking triangle, and then that
 *   triangle's building, and tests those first (a few dozen triangles at most).
 * - A far limit: past the height of the tallest roof a ray cannot hit anything, so the BVH is
 *   asked only about the segment below it, which prunes most nodes of a large zone.
 *
 * Only on a miss does it ask three-mesh-bvh's raycastFirst. No allocation per query.
 */
import { DoubleSide, Ray } from 'three';
import type { CasterIndex } from './casters';

/** Buildings with more triangles than this are not worth a linear test before the BVH. */
const MAX_BUILDING_TRIS = 96;
/** Hits closer than this are the ray's own surface (its origin sits 5 cm off the wall). */
const T_MIN = 1e-4;

export class Occluder {
  private readonly c: CasterIndex;
  private readonly pos: Float32Array;
  private readonly idx: Uint32Array;
  private readonly ray = new Ray();
  /** Highest roof of the casters, metres. */
  readonly topZ: number;

  constructor(casters: CasterIndex) {
    this.c = casters;
    this.pos = casters.geometry.getAttribute('position').array as Float32Array;
    this.idx = casters.geometry.index!.array as Uint32Array;
    let top = -Infinity;
    for (let i = 2; i < this.pos.length; i += 3) top = Math.max(top, this.pos[i]!);
    this.topZ = top;
  }

  /** Möller–Trumbore, both faces, on the packed arrays: t of the hit, or Infinity. */
  private hitTri(t: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): number {
    const p = this.pos, i = this.idx;
    const a = 3 * i[3 * t]!, b = 3 * i[3 * t + 1]!, c = 3 * i[3 * t + 2]!;
    const ax = p[a]!, ay = p[a + 1]!, az = p[a + 2]!;
    const e1x = p[b]! - ax, e1y = p[b + 1]! - ay, e1z = p[b + 2]! - az;
    const e2x = p[c]! - ax, e2y = p[c + 1]! - ay, e2z = p[c + 2]! - az;
    const px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
    const det = e1x * px + e1y * py + e1z * pz;
    if (det > -1e-12 && det < 1e-12) return Infinity;
    const inv = 1 / det;
    const sx = ox - ax, sy = oy - ay, sz = oz - az;
    const u = (sx * px + sy * py + sz * pz) * inv;
    if (u < 0 || u > 1) return Infinity;
    const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
    const v = (dx * qx + dy * qy + dz * qz) * inv;
    if (v < 0 || u + v > 1) return Infinity;
    const d = (e2x * qx + e2y * qy + e2z * qz) * inv;
    return d > T_MIN ? d : Infinity;
  }

  /**
   * Whether the ray from (ox, oy, oz) along the unit vector (dx, dy, dz) hits a caster.
   * `cache` holds one remembered triangle per sample point; `slot` is this point's entry.
   */
  blocked(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, cache: Int32Array, slot: number): boolean {
    // Above every roof already, or climbing past them within `far`.
    if (oz >= this.topZ) return false;
    const far = dz > 0 ? (this.topZ - oz) / dz + 0.01 : Infinity;
    const last = cache[slot]!;
    if (last >= 0) {
      if (this.hitTri(last, ox, oy, oz, dx, dy, dz) < far) return true;
      const b = this.c.triBuilding[last]!;
      const s = this.c.buildingTriStart[b]!, e = this.c.buildingTriStart[b + 1]!;
      if (e - s <= MAX_BUILDING_TRIS) {
        for (let k = s; k < e; k++) {
          const t = this.c.buildingTris[k]!;
          if (this.hitTri(t, ox, oy, oz, dx, dy, dz) < far) {
            cache[slot] = t;
            return true;
          }
        }
      }
    }
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    const hit = this.c.bvh.raycastFirst(this.ray, DoubleSide, T_MIN, far);
    if (hit) {
      cache[slot] = hit.faceIndex ?? -1;
      return true;
    }
    return false;
  }
}
