/**
 * The floor model of a CIM5 building (pure): which floor a height belongs to, and where each floor
 * goes in the exploded view. Floor k moves up by k × gap, the offset the CIM5 material patch
 * applies on the GPU from the `_FLOOR` attribute, so what this says is what is drawn.
 */
import type { BimBuilding, BimFloor, BimFloorsFile } from './bimFloorsFile';

/** Explode factor 1 opens this gap between consecutive floors (one gap for every building). */
export const EXPLODE_MAX_GAP_M = 6;
/** Heights this close to a level count as on it (the file's elevations are millimetre-rounded). */
const ON_LEVEL_M = 1e-3;

export function findBimBuilding(file: BimFloorsFile | null, id: string | null): BimBuilding | null {
  if (!file || id === null) return null;
  return file.buildings.find((b) => b.id === id) ?? null;
}

/** The roof: always the last floor of a validated file. */
export function roofOf(b: BimBuilding): BimFloor {
  return b.floors[b.floors.length - 1]!;
}

/** Floors as a panel lists them: the roof first, the ground floor last. */
export function floorsTopDown(b: BimBuilding): BimFloor[] {
  return b.floors.slice().reverse();
}

/**
 * Index of the floor a point at height z (zone ENU, m) belongs to, or null outside the building.
 * A storey owns [its elevation, the next one); the roof owns its slab, which hangs below the top,
 * so every slab vertex maps to its own slab's index, as `_FLOOR` does.
 */
export function floorAt(b: BimBuilding, zM: number): number | null {
  if (!Number.isFinite(zM)) return null;
  const roof = roofOf(b);
  if (zM > roof.elevationM + ON_LEVEL_M || zM < b.floors[0]!.elevationM - ON_LEVEL_M) return null;
  if (zM >= roof.slabBottomM - ON_LEVEL_M) return roof.index;
  // Highest storey whose elevation is at or below z.
  let lo = 0, hi = b.storeys - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.floors[mid]!.elevationM - ON_LEVEL_M <= zM) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Gap between consecutive floors for an explode factor in [0, 1]; anything else is clamped, NaN is 0. */
export function explodeGapM(factor: number): number {
  if (!(factor > 0)) return 0;
  return Math.min(factor, 1) * EXPLODE_MAX_GAP_M;
}

/** Upward offset of floor `index` in the exploded view. */
export function explodeOffsetM(index: number, factor: number): number {
  return index * explodeGapM(factor);
}

/** Offsets of every floor of the building, bottom-up (index k at position k). */
export function explodeOffsetsM(b: BimBuilding, factor: number): number[] {
  return b.floors.map((f) => explodeOffsetM(f.index, factor));
}

/** Where a floor's elevation is drawn in the exploded view. */
export function explodedElevationM(b: BimBuilding, index: number, factor: number): number | null {
  const f = b.floors[index];
  return f ? f.elevationM + explodeOffsetM(index, factor) : null;
}
