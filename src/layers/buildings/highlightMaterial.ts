/**
 * Installs the per-feature highlight on a tile material. Uniform objects are per material (each
 * tile mesh gets its own material), while the compiled program is shared by every tile through a
 * fixed cache key.
 */
import { Color, Vector2, Vector4, type Material, type Object3D } from 'three';
import { patchHighlightShader, HIGHLIGHT_PROGRAM_KEY, LIMIT_EDGES } from './highlightShader';
import { HIGHLIGHT_HOVER_COLOR, HIGHLIGHT_HOVER_MIX, HIGHLIGHT_SELECT_COLOR, HIGHLIGHT_SELECT_MIX, NO_FEATURE } from './model';

export interface HighlightUniforms {
  uShentwinHoverId: { value: number };
  uShentwinSelectId: { value: number };
  uShentwinHoverColor: { value: Color };
  uShentwinSelectColor: { value: Color };
  uShentwinMix: { value: Vector2 };
}

const USERDATA_KEY = 'shentwinHighlight';

/** The 限高 colour: a warning red, unlike the hover (cyan) and selection (amber) tints. */
export const HEIGHT_LIMIT_COLOR = 0xff2d55;

/**
 * One height limit for the whole view, so these uniform objects are shared by every patched
 * material (each tile's own uniforms are merged with them at compile time): changing the limit is
 * a few uniform writes, with no recompilation and no walk over the tiles.
 */
const LIMIT_UNIFORMS = {
  uShentwinLimitOn: { value: 0 },
  uShentwinLimitY: { value: 0 },
  uShentwinLimitBox: { value: new Vector4(0, 0, 0, 0) },
  uShentwinLimitEdges: { value: Array.from({ length: LIMIT_EDGES }, () => new Vector4()) },
  uShentwinLimitEdgeCount: { value: 0 },
  uShentwinLimitColor: { value: new Color(HEIGHT_LIMIT_COLOR) },
};

export interface HeightLimitHighlight {
  /** Absolute height of the limit plane, zone ENU metres (three's y). */
  limitZ: number;
  /** 4 floats per edge (x0, y0, x1, y1), ENU east/north. */
  edges: Float32Array;
  edgeCount: number;
  bbox: readonly [number, number, number, number];
}

/** Shows (or, with null, clears) the height-limit tint on every building tile. */
export function setHeightLimitHighlight(h: HeightLimitHighlight | null): void {
  const u = LIMIT_UNIFORMS;
  if (!h || !(h.edgeCount >= 3) || !Number.isFinite(h.limitZ)) {
    u.uShentwinLimitOn.value = 0;
    u.uShentwinLimitEdgeCount.value = 0;
    return;
  }
  const n = Math.min(h.edgeCount, LIMIT_EDGES);
  for (let i = 0; i < LIMIT_EDGES; i++) {
    const e = u.uShentwinLimitEdges.value[i]!;
    if (i < n) e.set(h.edges[4 * i]!, h.edges[4 * i + 1]!, h.edges[4 * i + 2]!, h.edges[4 * i + 3]!);
    else e.set(0, 0, 0, 0);
  }
  u.uShentwinLimitEdgeCount.value = n;
  u.uShentwinLimitBox.value.set(h.bbox[0], h.bbox[1], h.bbox[2], h.bbox[3]);
  u.uShentwinLimitY.value = h.limitZ;
  u.uShentwinLimitOn.value = 1;
}

/** Whether the tint is on, and with how many edges (for the test hook). */
export function heightLimitHighlightState(): { on: boolean; edges: number; limitZ: number } {
  return { on: LIMIT_UNIFORMS.uShentwinLimitOn.value === 1, edges: LIMIT_UNIFORMS.uShentwinLimitEdgeCount.value, limitZ: LIMIT_UNIFORMS.uShentwinLimitY.value };
}

export function installHighlight(material: Material, attributeName: string): HighlightUniforms {
  const uniforms: HighlightUniforms = {
    uShentwinHoverId: { value: NO_FEATURE },
    uShentwinSelectId: { value: NO_FEATURE },
    uShentwinHoverColor: { value: new Color(HIGHLIGHT_HOVER_COLOR) },
    uShentwinSelectColor: { value: new Color(HIGHLIGHT_SELECT_COLOR) },
    uShentwinMix: { value: new Vector2(HIGHLIGHT_HOVER_MIX, HIGHLIGHT_SELECT_MIX) },
  };
  // Not in userData proper: Material.clone() JSON-copies userData, which would turn these into plain objects.
  Object.defineProperty(material.userData, USERDATA_KEY, { value: uniforms, enumerable: false, configurable: true, writable: true });
  material.onBeforeCompile = (shader) => {
    const patched = patchHighlightShader(shader.vertexShader, shader.fragmentShader, attributeName);
    if (!patched.ok) return;
    shader.vertexShader = patched.vertexShader;
    shader.fragmentShader = patched.fragmentShader;
    Object.assign(shader.uniforms, uniforms, LIMIT_UNIFORMS);
  };
  material.customProgramCacheKey = () => `${HIGHLIGHT_PROGRAM_KEY}:${attributeName}`;
  material.needsUpdate = true;
  return uniforms;
}

export function highlightUniformsOf(object: Object3D): HighlightUniforms | null {
  const material = (object as { material?: Material | Material[] }).material;
  if (!material || Array.isArray(material)) return null;
  return (material.userData[USERDATA_KEY] as HighlightUniforms | undefined) ?? null;
}
