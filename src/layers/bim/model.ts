/**
 * Pure side of the BIM floors layer: names and constants the CIM5 material patch shares with the
 * tiles, and the clean-up of the values that drive it, so NaN or an out-of-range floor never
 * reaches a uniform.
 */
import { BIM_FLOOR_ATTRIBUTE } from '../../analysis/bim/bimFloorsFile';
import { DEFAULT_GHOST_OPACITY, NO_FLOOR, type BimFloorUniformValues } from '../../analysis/bim/bimFloorsView';

/** GLTFLoader names application-specific attributes by lower-casing their glTF semantic. */
export const BIM_FLOOR_GEOMETRY_ATTRIBUTE = BIM_FLOOR_ATTRIBUTE.toLowerCase();
export const BIM_FLOORS_PROGRAM_KEY = 'shentwin-bim-floors-v1';
/** Ghosted floors lean towards this light grey, so they read as context rather than as building. */
export const BIM_GHOST_TINT_HEX = 0xe8edf2;
export const BIM_GHOST_TINT_MIX = 0.55;
/** Beyond any real building: a gap this large would only come from a unit error. */
export const MAX_EXPLODE_GAP_M = 100;

/** How a material shows its ghosted floors (see bimFloorShader). */
export type GhostMode = 'blend' | 'dither';

export function ghostModeOf(material: { transparent: boolean }): GhostMode {
  return material.transparent ? 'blend' : 'dither';
}

export const NO_BIM_FLOORS: BimFloorUniformValues = {
  buildingId: null, isolatedFloor: NO_FLOOR, ghostOpacity: DEFAULT_GHOST_OPACITY, explodeGapM: 0,
};

const clamp = (v: number, lo: number, hi: number, fallback: number): number => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback);

/** The values as the uniforms get them: whole floor or NO_FLOOR, opacity in [0, 1], a bounded gap. */
export function sanitizeBimFloorValues(v: BimFloorUniformValues): BimFloorUniformValues {
  const floor = Number.isInteger(v.isolatedFloor) && v.isolatedFloor >= 0 ? v.isolatedFloor : NO_FLOOR;
  return {
    buildingId: typeof v.buildingId === 'string' && v.buildingId.length > 0 ? v.buildingId : null,
    isolatedFloor: floor,
    ghostOpacity: clamp(v.ghostOpacity, 0, 1, DEFAULT_GHOST_OPACITY),
    explodeGapM: clamp(v.explodeGapM, 0, MAX_EXPLODE_GAP_M, 0),
  };
}

/**
 * Whether a CIM5 tile casts shadows: not while its floors are isolated or exploded, because the
 * shadow pass draws the building as built (the isolated floor would lie in the shadow of ghosts,
 * and exploded floors would cast the assembled building's shadow).
 */
export function castsShadow(v: BimFloorUniformValues, isTarget: boolean): boolean {
  return !(isTarget && (v.isolatedFloor !== NO_FLOOR || v.explodeGapM > 0));
}

/** What storeyHeightOf reads: three's BufferAttribute (plain or interleaved) has both. */
export interface VertexReader {
  readonly count: number;
  getX(index: number): number;
  getY(index: number): number;
}

/**
 * Storey height of a CIM5 piece from its own vertices: every piece runs from the lowest level
 * (`_FLOOR` 0) to the roof (the highest value), and the tiler spaces levels equally, so it is the
 * height span over the highest value. Object space is glTF y-up. 0 when it cannot tell.
 */
export function storeyHeightOf(position: VertexReader, floors: VertexReader): number {
  let minY = Infinity, maxY = -Infinity, top = 0;
  const n = Math.min(position.count, floors.count);
  for (let i = 0; i < n; i++) {
    const y = position.getY(i);
    const f = floors.getX(i);
    if (!Number.isFinite(y) || !Number.isFinite(f)) return 0;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (f > top) top = f;
  }
  const storey = top > 0 ? (maxY - minY) / top : 0;
  return Number.isFinite(storey) && storey > 0 ? storey : 0;
}
