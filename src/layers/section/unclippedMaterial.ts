/**
 * Takes a built-in material out of the section's clipping. The renderer's global planes apply to
 * every built-in material and three has no per-material opt-out, but the section's own outline
 * and handles sit exactly on the cut faces and must be drawn whole: the fragment clipping chunk
 * is dropped from their shader (the planes' uniforms then go unused). The cache key keeps these
 * programs apart from the clipped ones of the same material type.
 */
import type { Material } from 'three';

const CLIPPING_CHUNK = '#include <clipping_planes_fragment>';

export function makeUnclipped<T extends Material>(material: T): T {
  material.onBeforeCompile = (shader) => {
    shader.fragmentShader = shader.fragmentShader.replace(CLIPPING_CHUNK, '');
  };
  material.customProgramCacheKey = () => 'shentwin-section-unclipped';
  return material;
}
