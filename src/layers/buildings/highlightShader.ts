/**
 * Shader patch for per-building highlight inside a batched tile: each vertex carries its
 * building's feature id, and two uniforms name the hovered and the selected feature of this
 * tile. One draw call per tile stays one draw call; no per-building meshes.
 */

export const HIGHLIGHT_PROGRAM_KEY = 'shentwin-highlight-v2';

/** Uniform array length of the height-limit polygon's edges (src/analysis/heightLimit/shaderParams.ts). */
export const LIMIT_EDGES = 64;

/**
 * The height-limit (限高) tint: whatever lies above the limit plane inside the limit polygon is
 * tinted, per fragment, so a building is marked exactly where it crosses the limit, at any LOD and
 * without per-building meshes. World coordinates are three's (x = east, y = up, z = −north).
 */
const LIMIT_FRAGMENT = [
  'varying vec3 vShentwinWorld;',
  'uniform float uShentwinLimitOn;',
  'uniform float uShentwinLimitY;',
  'uniform vec4 uShentwinLimitBox;',
  `uniform vec4 uShentwinLimitEdges[${LIMIT_EDGES}];`,
  'uniform int uShentwinLimitEdgeCount;',
  'uniform vec3 uShentwinLimitColor;',
  'float shentwinAboveLimit() {',
  '  if (uShentwinLimitOn < 0.5 || vShentwinWorld.y <= uShentwinLimitY) return 0.0;',
  '  vec2 p = vec2(vShentwinWorld.x, -vShentwinWorld.z);',
  '  if (p.x < uShentwinLimitBox.x || p.y < uShentwinLimitBox.y || p.x > uShentwinLimitBox.z || p.y > uShentwinLimitBox.w) return 0.0;',
  '  bool inside = false;',
  `  for (int i = 0; i < ${LIMIT_EDGES}; i++) {`,
  '    if (i >= uShentwinLimitEdgeCount) break;',
  '    vec4 e = uShentwinLimitEdges[i];',
  '    if ((e.y > p.y) != (e.w > p.y) && p.x < (e.z - e.x) * (p.y - e.y) / (e.w - e.y) + e.x) inside = !inside;',
  '  }',
  '  return inside ? 1.0 : 0.0;',
  '}',
].join('\n');

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
  const v1 = insertAfter(vertexShader, '#include <common>', `attribute float ${attributeName};\nvarying float vShentwinFeatureId;\nvarying vec3 vShentwinWorld;`);
  const v1b = v1 && insertAfter(v1, '#include <begin_vertex>', `vShentwinFeatureId = ${attributeName};`);
  // After the model transform (and any instancing/skinning three applied to `transformed`).
  const v2 = v1b && insertAfter(v1b, '#include <project_vertex>', 'vShentwinWorld = (modelMatrix * vec4(transformed, 1.0)).xyz;');
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
      LIMIT_FRAGMENT,
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
      // Above the height limit wins over hover and selection: it is the finding on screen.
      'float shentwinOver = shentwinAboveLimit();',
      'diffuseColor.rgb = mix(diffuseColor.rgb, uShentwinLimitColor, shentwinOver * 0.85);',
    ].join('\n'),
  );
  if (!v2 || !f2) return { vertexShader, fragmentShader, ok: false };
  // Materials with emissive light also glow a little, so a selection in shadow or at night stays visible.
  const f3 = insertAfter(
    f2,
    '#include <emissivemap_fragment>',
    'totalEmissiveRadiance += 0.25 * (shentwinHover * uShentwinHoverColor + shentwinSelect * uShentwinSelectColor) + 0.35 * shentwinOver * uShentwinLimitColor;',
  );
  return { vertexShader: v2, fragmentShader: f3 ?? f2, ok: true };
}
