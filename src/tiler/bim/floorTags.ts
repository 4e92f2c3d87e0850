/**
 * The `_FLOOR` vertex attribute of CIM5 tiles: which storey each vertex belongs to, so a viewer can
 * isolate, ghost and explode floors in the shader without splitting the tile into per-floor meshes.
 * glTF 2.0 allows application-specific attributes whose semantic starts with "_"; three.js's
 * GLTFLoader exposes this one as the geometry attribute `_floor` (it lower-cases unknown names).
 *
 * Values are whole level indices (0 = the lowest storey, storeys = the roof); see bimModel.ts for
 * why the pieces spanning storeys need no splitting. Every vertex of a tagged batch must be tagged,
 * in order, so a forgotten piece fails the build instead of silently landing on floor 0.
 */
import type { MeshBatch } from '../geometry/meshBatch';

export const FLOOR_ATTRIBUTE = '_FLOOR';
/** The attribute is stored as UNSIGNED_SHORT. */
export const MAX_FLOOR_TAG = 65535;
/** Spanning pieces are built from the level values themselves, so only float noise is allowed. */
const LEVEL_TOLERANCE_M = 1e-6;

interface Tags {
  values: Uint16Array;
  count: number;
}

/** Index of the level at height z (levels ascending), or −1 when z is on none. */
export function levelIndexAt(levels: readonly number[], zM: number): number {
  let lo = 0, hi = levels.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = zM - levels[mid]!;
    if (Math.abs(d) <= LEVEL_TOLERANCE_M) return mid;
    if (d < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

export class FloorTags {
  private readonly byBatch = new Map<MeshBatch, Tags>();

  /** The batch's tags, grown to its vertex count; `from` must continue where tagging stopped. */
  private open(batch: MeshBatch, from: number): Tags {
    let t = this.byBatch.get(batch);
    if (!t) {
      t = { values: new Uint16Array(Math.max(256, batch.vertexCount)), count: 0 };
      this.byBatch.set(batch, t);
    }
    if (from !== t.count) throw new Error(`floor tags: vertices ${t.count}..${from - 1} were left untagged`);
    if (batch.vertexCount > t.values.length) {
      const grown = new Uint16Array(Math.max(batch.vertexCount, 2 * t.values.length));
      grown.set(t.values.subarray(0, t.count));
      t.values = grown;
    }
    return t;
  }

  /** Tags vertices [from, vertexCount) with one floor (a slab). */
  fill(batch: MeshBatch, from: number, floor: number): void {
    if (!Number.isInteger(floor) || floor < 0 || floor > MAX_FLOOR_TAG) throw new Error(`floor tags: bad floor ${floor}`);
    const t = this.open(batch, from);
    t.values.fill(floor, from, batch.vertexCount);
    t.count = batch.vertexCount;
  }

  /** Tags vertices [from, vertexCount) with the index of the level each one sits on (spanning pieces). */
  fillByLevel(batch: MeshBatch, from: number, levels: readonly number[]): void {
    if (levels.length - 1 > MAX_FLOOR_TAG) throw new Error(`floor tags: ${levels.length} levels`);
    const t = this.open(batch, from);
    const positions = batch.view().positions;
    for (let i = from; i < batch.vertexCount; i++) {
      const z = positions[3 * i + 2]!;
      const k = levelIndexAt(levels, z);
      if (k < 0) throw new Error(`floor tags: vertex ${i} at z = ${z} m is on no storey level`);
      t.values[i] = k;
    }
    t.count = batch.vertexCount;
  }

  /** A copy of the batch's tags, one per vertex; throws unless every vertex was tagged. */
  of(batch: MeshBatch): Uint16Array {
    const t = this.byBatch.get(batch);
    const count = t?.count ?? 0;
    if (count !== batch.vertexCount) throw new Error(`floor tags: ${count} of ${batch.vertexCount} vertices tagged`);
    return t ? t.values.slice(0, count) : new Uint16Array(0);
  }
}
