/**
 * Shadow casters: every building extruded from its base to its top (walls and a flat roof, holes
 * as courtyards) in zone ENU (x = east, y = north, z = up), merged into one BufferGeometry with a
 * three-mesh-bvh MeshBVH for exact ray casts. No bottom cap: rays run upwards, so a ray that
 * enters a building from below leaves through its roof or a wall and is blocked there anyway.
 * Roofs are flat at base + height; a gable roof counts as its ridge height (conservative).
 *
 * The arrays are built apart from the BVH so that a worker can receive them (transferable typed
 * arrays) and rebuild the index itself: `bvhFromArrays(casterArrays(buildings))`.
 */
import earcut from 'earcut';
import { BufferAttribute, BufferGeometry } from 'three';
// The package's ESM entry (its "module" field, what Vite resolves anyway). Node would take "main",
// a UMD build that require()s a second copy of three (three.cjs, with a deprecation warning).
import { MeshBVH, SAH } from 'three-mesh-bvh/src/index.js';
import type { Ring } from '../planning/types';

export interface CasterBuilding {
  id: string;
  footprint: Ring;
  holes?: Ring[];
  heightM: number;
  baseM?: number;
}

export interface CasterArrays {
  /** xyz per vertex, ENU metres. */
  positions: Float32Array;
  /** Three vertex indices per triangle. */
  index: Uint32Array;
  /** Per triangle: the index into `ids` of the building it belongs to. */
  triBuilding: Uint32Array;
  ids: string[];
}

export interface CasterIndex {
  bvh: MeshBVH;
  geometry: BufferGeometry;
  /**
   * Per triangle of `geometry`'s index *after* the BVH build (MeshBVH reorders the index in
   * place), the index into `ids`: `ids[triBuilding[hit.faceIndex]]` is the building hit.
   */
  triBuilding: Uint32Array;
  /** Per vertex, the index into `ids` (vertices are never shared between buildings). */
  vertexBuilding: Uint32Array;
  /** Triangles (of `geometry`'s index) of building b: buildingTris[buildingTriStart[b] … buildingTriStart[b + 1]). */
  buildingTriStart: Uint32Array;
  buildingTris: Uint32Array;
  ids: string[];
  triangleCount: number;
}

const finiteRing = (r: Ring | undefined): r is Ring => !!r && r.length >= 3 && r.every(([e, n]) => Number.isFinite(e) && Number.isFinite(n));

/** Vertices and triangles grow in plain arrays, then are packed once. */
class Packer {
  pos: number[] = [];
  idx: number[] = [];
  tri: number[] = [];
  vertex(e: number, n: number, u: number): number {
    this.pos.push(e, n, u);
    return this.pos.length / 3 - 1;
  }
  triangle(a: number, b: number, c: number, building: number): void {
    this.idx.push(a, b, c);
    this.tri.push(building);
  }
}

function addBuilding(p: Packer, b: CasterBuilding, bi: number): boolean {
  const base = b.baseM ?? 0;
  const top = base + b.heightM;
  if (!finiteRing(b.footprint) || !Number.isFinite(base) || !(b.heightM > 0) || !Number.isFinite(top)) return false;
  const rings = [b.footprint, ...(b.holes ?? []).filter(finiteRing)];
  const flat: number[] = [];
  const holeStarts: number[] = [];
  const topStart: number[] = [];
  for (const ring of rings) {
    if (ring !== b.footprint) holeStarts.push(flat.length / 2);
    const first = p.pos.length / 3;
    topStart.push(first);
    for (const [e, n] of ring) {
      p.vertex(e, n, base);
      p.vertex(e, n, top);
      flat.push(e, n);
    }
    // Walls: bottom/top pairs are interleaved, so vertex 2i is the base and 2i + 1 the top of corner i.
    const m = ring.length;
    for (let i = 0; i < m; i++) {
      const j = (i + 1) % m;
      const b0 = first + 2 * i, t0 = b0 + 1, b1 = first + 2 * j, t1 = b1 + 1;
      p.triangle(b0, b1, t1, bi);
      p.triangle(b0, t1, t0, bi);
    }
  }
  const tris = earcut(flat, holeStarts, 2);
  // earcut indexes the flattened rings; map each corner back to its top vertex.
  const ringOf = (k: number): number => {
    let r = 0;
    while (r < holeStarts.length && k >= holeStarts[r]!) r++;
    return r;
  };
  for (let t = 0; t < tris.length; t += 3) {
    const v = [tris[t]!, tris[t + 1]!, tris[t + 2]!].map((k) => {
      const r = ringOf(k);
      const local = k - (r === 0 ? 0 : holeStarts[r - 1]!);
      return topStart[r]! + 2 * local + 1;
    });
    p.triangle(v[0]!, v[1]!, v[2]!, bi);
  }
  return true;
}

/** Buildings with a bad ring or no height are skipped: they cannot cast a shadow. */
export function casterArrays(buildings: readonly CasterBuilding[]): CasterArrays {
  const p = new Packer();
  const ids: string[] = [];
  for (const b of buildings) {
    if (addBuilding(p, b, ids.length)) ids.push(b.id);
  }
  return { positions: new Float32Array(p.pos), index: new Uint32Array(p.idx), triBuilding: new Uint32Array(p.tri), ids };
}

/** Builds the BVH on copies, so the caller's arrays stay valid for another transfer. */
export function bvhFromArrays(arrays: CasterArrays): CasterIndex {
  const { positions, index, triBuilding, ids } = arrays;
  const vertexBuilding = new Uint32Array(positions.length / 3);
  for (let t = 0; t < triBuilding.length; t++) {
    const bi = triBuilding[t]!;
    vertexBuilding[index[3 * t]!] = bi;
    vertexBuilding[index[3 * t + 1]!] = bi;
    vertexBuilding[index[3 * t + 2]!] = bi;
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(new BufferAttribute(new Uint32Array(index), 1));
  const triangleCount = index.length / 3;
  // An empty scene still needs a queryable BVH; one degenerate triangle far below ground is inert.
  if (triangleCount === 0) {
    geometry.setAttribute('position', new BufferAttribute(new Float32Array([0, 0, -1e6, 0, 0, -1e6, 0, 0, -1e6]), 3));
    geometry.setIndex(new BufferAttribute(new Uint32Array([0, 1, 2]), 1));
  }
  const bvh = new MeshBVH(geometry, { strategy: SAH, maxLeafTris: 8 });
  const idx = geometry.index!.array as Uint32Array;
  const sorted = new Uint32Array(triangleCount);
  for (let t = 0; t < triangleCount; t++) sorted[t] = vertexBuilding[idx[3 * t]!]!;
  // Counting sort of the reordered triangles by building, for the engine's shadow-coherence cache.
  const buildingTriStart = new Uint32Array(ids.length + 1);
  for (let t = 0; t < triangleCount; t++) {
    const k = sorted[t]! + 1;
    buildingTriStart[k] = buildingTriStart[k]! + 1;
  }
  for (let b = 0; b < ids.length; b++) buildingTriStart[b + 1] = buildingTriStart[b + 1]! + buildingTriStart[b]!;
  const fill = buildingTriStart.slice(0, ids.length);
  const buildingTris = new Uint32Array(triangleCount);
  for (let t = 0; t < triangleCount; t++) {
    const b = sorted[t]!;
    buildingTris[fill[b]!] = t;
    fill[b] = fill[b]! + 1;
  }
  return { bvh, geometry, triBuilding: sorted, vertexBuilding, buildingTriStart, buildingTris, ids, triangleCount };
}

export function buildCasterBvh(buildings: readonly CasterBuilding[]): CasterIndex {
  return bvhFromArrays(casterArrays(buildings));
}

export { castersWithinReach, minSunAltitudeRad, type ReachOptions } from './reach';
