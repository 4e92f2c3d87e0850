/**
 * Installs the per-feature highlight on a tile material. Uniform objects are per material (each
 * tile mesh gets its own material), while the compiled program is shared by every tile through a
 * fixed cache key.
 */
import { Color, Vector2, type Material, type Object3D } from 'three';
import { patchHighlightShader, HIGHLIGHT_PROGRAM_KEY } from './highlightShader';
import { HIGHLIGHT_HOVER_COLOR, HIGHLIGHT_HOVER_MIX, HIGHLIGHT_SELECT_COLOR, HIGHLIGHT_SELECT_MIX, NO_FEATURE } from './model';

export interface HighlightUniforms {
  uShentwinHoverId: { value: number };
  uShentwinSelectId: { value: number };
  uShentwinHoverColor: { value: Color };
  uShentwinSelectColor: { value: Color };
  uShentwinMix: { value: Vector2 };
}

const USERDATA_KEY = 'shentwinHighlight';

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
    Object.assign(shader.uniforms, uniforms);
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
