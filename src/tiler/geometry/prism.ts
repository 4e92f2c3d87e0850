/**
 * Extruded prisms: the building block of every level of detail. Walls get flat per-edge normals
 * (their own vertices per quad) so facades shade crisply; caps share vertices.
 */
import type { Ring } from '../types';
import type { MeshBatch } from './meshBatch';
import { triangulatePolygon, type Triangulation } from './triangulate';

/**
 * Vertical walls along a ring from `bottom(i)` to `top(i)` at each vertex. For a CCW outer ring
 * (or a CW hole) the right-hand normal of each edge points out of the solid.
 */
export function appendWalls(
  batch: MeshBatch,
  ring: Ring,
  bottomM: number,
  top: number | ((i: number) => number),
  featureId: number,
): void {
  const n = ring.length;
  const topAt = typeof top === 'number' ? (): number => top : top;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const a = ring[i]!, b = ring[j]!;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1e-9) continue;
    const nx = dy / len, ny = -dx / len;
    const ta = topAt(i), tb = topAt(j);
    const v0 = batch.vertex(a[0], a[1], bottomM, nx, ny, 0, featureId);
    const v1 = batch.vertex(b[0], b[1], bottomM, nx, ny, 0, featureId);
    const v2 = batch.vertex(b[0], b[1], tb, nx, ny, 0, featureId);
    const v3 = batch.vertex(a[0], a[1], ta, nx, ny, 0, featureId);
    batch.triangle(v0, v1, v2);
    batch.triangle(v0, v2, v3);
  }
}

/** A horizontal cap at height z facing up (roofs, slab tops) or down (slab soffits). */
export function appendCap(batch: MeshBatch, tri: Triangulation, zM: number, facing: 'up' | 'down', featureId: number): void {
  const nz = facing === 'up' ? 1 : -1;
  const base = batch.vertexCount;
  for (const p of tri.points) batch.vertex(p[0], p[1], zM, 0, 0, nz, featureId);
  const t = tri.triangles;
  for (let k = 0; k + 2 < t.length; k += 3) {
    if (facing === 'up') batch.triangle(base + t[k]!, base + t[k + 1]!, base + t[k + 2]!);
    else batch.triangle(base + t[k]!, base + t[k + 2]!, base + t[k + 1]!);
  }
}

/** Walls for the outer ring and every hole plus a flat top cap. */
export function appendPrism(
  walls: MeshBatch,
  roof: MeshBatch,
  outer: Ring,
  holes: readonly Ring[],
  bottomM: number,
  topM: number,
  featureId: number,
): void {
  appendWalls(walls, outer, bottomM, topM, featureId);
  for (const h of holes) appendWalls(walls, h, bottomM, topM, featureId);
  appendCap(roof, triangulatePolygon(outer, holes), topM, 'up', featureId);
}

/** A closed horizontal loop of line segments at height z (floor lines, mullion rails). */
export function appendRingLines(batch: MeshBatch, ring: Ring, zM: number, featureId: number): void {
  const base = batch.vertexCount;
  for (const p of ring) batch.vertex(p[0], p[1], zM, 0, 0, 0, featureId);
  const n = ring.length;
  for (let i = 0; i < n; i++) batch.line(base + i, base + ((i + 1) % n));
}
