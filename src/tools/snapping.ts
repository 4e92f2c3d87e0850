/**
 * Snapping of a picked point to nearby building geometry, run on every pointer move: to the
 * nearest corner within tolerance (roof or base vertex of a footprint or hole), else the nearest
 * point on an edge (roof and base outline edges, and the vertical edges at each corner), else
 * the hit stays as it is (a face point, or the ground). The integrator passes only the buildings
 * near the hit and converts its screen-pixel tolerance to metres at the hit's distance.
 *
 * The loop works on scalars and allocates nothing but the returned hit, so it can run at pointer
 * rate without feeding the garbage collector.
 */
import type { Ring } from '../analysis/planning/types';
import type { HitKind, PickHit } from './toolTypes';

/** A building as an extruded footprint: from `baseM` up to `baseM + heightM` (ENU z). */
export interface BuildingPrism {
  id: string;
  footprint: Ring;
  holes?: Ring[];
  baseM: number;
  heightM: number;
}

// The best candidates found so far; module scratch rather than per-call objects.
let vD2 = Infinity, vX = 0, vY = 0, vZ = 0, vId = '';
let eD2 = Infinity, eX = 0, eY = 0, eZ = 0, eId = '';

function consider(kind: 'v' | 'e', d2: number, x: number, y: number, z: number, id: string): void {
  if (kind === 'v') {
    if (d2 < vD2) { vD2 = d2; vX = x; vY = y; vZ = z; vId = id; }
  } else if (d2 < eD2) {
    eD2 = d2; eX = x; eY = y; eZ = z; eId = id;
  }
}

/** Nearest point to p on the horizontal segment a→b at height z. */
function horizontalEdge(px: number, py: number, pz: number, ax: number, ay: number, bx: number, by: number, z: number, id: string): void {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const x = ax + t * dx, y = ay + t * dy;
  consider('e', (px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2, x, y, z, id);
}

function scanRing(ring: Ring, base: number, top: number, px: number, py: number, pz: number, id: string): void {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    const ax = a[0], ay = a[1], bx = b[0], by = b[1];
    const h2 = (px - ax) ** 2 + (py - ay) ** 2;
    consider('v', h2 + (pz - base) ** 2, ax, ay, base, id);
    consider('v', h2 + (pz - top) ** 2, ax, ay, top, id);
    const zc = pz < base ? base : pz > top ? top : pz;
    consider('e', h2 + (pz - zc) ** 2, ax, ay, zc, id);
    horizontalEdge(px, py, pz, ax, ay, bx, by, base, id);
    horizontalEdge(px, py, pz, ax, ay, bx, by, top, id);
  }
}

function snapped(kind: HitKind, x: number, y: number, z: number, id: string): PickHit {
  return { point: [x, y, z], kind, buildingId: id };
}

/**
 * The hit snapped to the buildings' corners or edges within `toleranceM` (3D distance), else the
 * hit itself. A null hit (the sky) and a hit on one of the tool's own handles are returned as is.
 */
export function snapHit(hit: PickHit | null, buildings: readonly BuildingPrism[], toleranceM: number): PickHit | null {
  if (!hit || hit.handle !== undefined || !(toleranceM > 0)) return hit;
  const [px, py, pz] = hit.point;
  if (!Number.isFinite(px) || !Number.isFinite(py) || !Number.isFinite(pz)) return hit;
  vD2 = Infinity;
  eD2 = Infinity;
  for (let b = 0; b < buildings.length; b++) {
    const bd = buildings[b]!;
    const base = bd.baseM, top = bd.baseM + bd.heightM;
    if (!Number.isFinite(base) || !Number.isFinite(top)) continue;
    scanRing(bd.footprint, base, top, px, py, pz, bd.id);
    const holes = bd.holes;
    if (holes) for (let h = 0; h < holes.length; h++) scanRing(holes[h]!, base, top, px, py, pz, bd.id);
  }
  const tol2 = toleranceM * toleranceM;
  if (vD2 <= tol2) return snapped('vertex', vX, vY, vZ, vId);
  if (eD2 <= tol2) return snapped('edge', eX, eY, eZ, eId);
  return hit;
}
