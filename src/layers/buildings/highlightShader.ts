/**
 * Shader patch for per-building highlight inside a batched tile: each vertex carries its
 * building's feature id, and two uniforms name the hovered and the selected feature of this
 * tile. One draw call per tile stays one draw call; no per-building meshes.
 */

export const HIGHLIGHT_PROGRAM_KEY = 'shentwin-highlight-v1';

export interface PatchedShader {
  vertexShader: string;
  fragmentShader: string;
  /** False when a chunk the patch needs is missing (a material type it does not know). */
  ok: boolean;
}

function insertAfter(src: string, marker: string, text: string): string | null {
  const i = src.indexOf(marker);
  if (i < 0) return null;
  const end = i + marker.length;
  return `${src.slice(0, end)}\n${text}${src.slice(end)}`;
}

/** Patches three.js built-in mesh shaders. `attributeName` is the feature id attribute, e.g. `_feature_id_0`. */
export function patchHighlightShader(vertexShader: string, fragmentShader: string, attributeName: string): PatchedShader {
  if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(attributeName)) return { vertexShader, fragmentShader, ok: false };
  const v1 = insertAfter(vertexShader, '#include <common>', `attribute float ${attributeName};\nvarying float vShentwinFeatureId;`);
  const v2 = v1 && insertAfter(v1, '#include <begin_vertex>', `vShentwinFeatureId = ${attributeName};`);
  const f1 = insertAfter(
    fragmentShader,
    '#include <common>',
    [
      'varying float vShentwinFeatureId;',
      'uniform float uShentwinHoverId;',
      'uniform float uShentwinSelectId;',
      'uniform vec3 uShentwinHoverColor;',
      'uniform vec3 uShentwinSelectColor;',
      'uniform vec2 uShentwinMix;',
      // Ids are whole numbers; compare with a half-unit tolerance against interpolation rounding.
      'float shentwinIs(float id) { return id < 0.0 ? 0.0 : 1.0 - step(0.5, abs(vShentwinFeatureId - id)); }',
    ].join('\n'),
  );
  const f2 = f1 && insertAfter(
    f1,
    '#include <color_fragment>',
    [
      'float shentwinSelect = shentwinIs(uShentwinSelectId);',
      // The selection colour wins over hover, so a selected building under the cursor stays readable.
      'float shentwinHover = shentwinIs(uShentwinHoverId) * (1.0 - shentwinSelect);',
      'diffuseColor.rgb = mix(diffuseColor.rgb, uShentwinHoverColor, shentwinHover * uShentwinMix.x);',
      'diffuseColor.rgb = mix(diffuseColor.rgb, uShentwinSelectColor, shentwinSelect * uShentwinMix.y);',
    ].join('\n'),
  );
  if (!v2 || !f2) return { vertexShader, fragmentShader, ok: false };
  // Materials with emissive light also glow a little, so a selection in shadow or at night stays visible.
  const f3 = insertAfter(
    f2,
    '#include <emissivemap_fragment>',
    'totalEmissiveRadiance += 0.25 * (shentwinHover * uShentwinHoverColor + shentwinSelect * uShentwinSelectColor);',
  );
  return { vertexShader: v2, fragmentShader: f3 ?? f2, ok: true };
}
