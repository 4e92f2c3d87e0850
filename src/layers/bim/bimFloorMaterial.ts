/**
 * Installs the floor patch on a CIM5 tile material. The isolate / ghost / gap uniforms are one
 * object shared by every CIM5 material of a tileset, so driving the tool is a few assignments; only
 * `uShentwinBimActive` and the storey height are per material, because the tool acts on one
 * building and a CIM5 tile holds exactly one. The patch composes with the highlight patch already
 * on the material (it runs after it, and both go into the program cache key), and the compiled
 * program is shared through that key.
 */
import { Color, type Material } from 'three';
import { patchBimFloorShader } from './bimFloorShader';
import {
  BIM_FLOOR_GEOMETRY_ATTRIBUTE, BIM_FLOORS_PROGRAM_KEY, BIM_GHOST_TINT_HEX, BIM_GHOST_TINT_MIX, ghostModeOf, NO_BIM_FLOORS,
  type GhostMode,
} from './model';

export interface BimFloorUniforms {
  uShentwinBimIsolate: { value: number };
  uShentwinBimGhost: { value: number };
  uShentwinBimGap: { value: number };
  uShentwinBimGhostTint: { value: Color };
  uShentwinBimGhostMix: { value: number };
}

export interface BimMaterialState {
  /** 1 on the tool's building, 0 elsewhere: other CIM5 tiles draw as built. */
  uShentwinBimActive: { value: number };
  /** Storey height of the tile's building, metres (0: unknown, gaps are not cut out). */
  uShentwinBimStorey: { value: number };
  mode: GhostMode;
}

const USERDATA_KEY = 'shentwinBimFloors';

export function createBimFloorUniforms(): BimFloorUniforms {
  return {
    uShentwinBimIsolate: { value: NO_BIM_FLOORS.isolatedFloor },
    uShentwinBimGhost: { value: NO_BIM_FLOORS.ghostOpacity },
    uShentwinBimGap: { value: 0 },
    uShentwinBimGhostTint: { value: new Color(BIM_GHOST_TINT_HEX) },
    uShentwinBimGhostMix: { value: BIM_GHOST_TINT_MIX },
  };
}

export function bimFloorStateOf(material: Material): BimMaterialState | null {
  return (material.userData[USERDATA_KEY] as BimMaterialState | undefined) ?? null;
}

/** Idempotent: a material already patched keeps its state. */
export function installBimFloors(
  material: Material, shared: BimFloorUniforms, attributeName: string = BIM_FLOOR_GEOMETRY_ATTRIBUTE,
): BimMaterialState {
  const existing = bimFloorStateOf(material);
  if (existing) return existing;
  const state: BimMaterialState = { uShentwinBimActive: { value: 0 }, uShentwinBimStorey: { value: 0 }, mode: ghostModeOf(material) };
  // Not in userData proper: Material.clone() JSON-copies userData, which would turn these into plain objects.
  Object.defineProperty(material.userData, USERDATA_KEY, { value: state, enumerable: false, configurable: true, writable: true });
  const previous = material.onBeforeCompile;
  const previousKey = material.customProgramCacheKey;
  material.onBeforeCompile = function patchBimFloors(shader, renderer) {
    previous.call(this, shader, renderer);
    const patched = patchBimFloorShader(shader.vertexShader, shader.fragmentShader, attributeName, state.mode);
    if (!patched) return;
    shader.vertexShader = patched.vertexShader;
    shader.fragmentShader = patched.fragmentShader;
    Object.assign(shader.uniforms, shared, { uShentwinBimActive: state.uShentwinBimActive, uShentwinBimStorey: state.uShentwinBimStorey });
  };
  material.customProgramCacheKey = function bimFloorsKey() {
    return `${previousKey.call(this)}|${BIM_FLOORS_PROGRAM_KEY}:${attributeName}:${state.mode}`;
  };
  material.needsUpdate = true;
  return state;
}
