/**
 * Shader patch for the CIM5 tiles' floors: the vertex shader lifts each vertex by its `_FLOOR`
 * value × the explode gap, and the fragment shader ghosts every floor but the isolated one. The
 * tile stays one draw call per material; nothing is split into per-floor meshes.
 *
 * Spanning pieces (core, curtain wall, mullions) interpolate `_FLOOR` between whole levels
 * (src/tiler/geometry/bimModel.ts), so a fragment's floor is floor(value), with a small bias
 * because a constant interpolated across a triangle may come out a hair below the whole number.
 * Exploded, a spanning face stretches over storey + gap per unit of value; the part of each unit
 * beyond storey / (storey + gap) lies in a gap and is cut away, so each floor keeps its own band
 * of core and glass and the gaps stay open.
 *
 * Ghosting: a transparent material (the glass) scales its alpha. An opaque one cannot, because its
 * ghosted and solid fragments share one draw call and write depth, so a ghost drawn first would
 * hide the isolated floor behind it; it keeps a screen-door share of its pixels instead (4 × 4
 * ordered dither), which needs no sorting and keeps the material and its depth writes as they are.
 */
import type { GhostMode } from './model';

export interface BimPatchedShader {
  vertexShader: string;
  fragmentShader: string;
}

function insertAfter(src: string, marker: string, text: string): string | null {
  const i = src.indexOf(marker);
  if (i < 0) return null;
  const end = i + marker.length;
  return `${src.slice(0, end)}\n${text}${src.slice(end)}`;
}

const FRAGMENT_PARS = [
  'varying float vShentwinBimFloor;',
  'uniform float uShentwinBimIsolate;',
  'uniform float uShentwinBimGhost;',
  'uniform float uShentwinBimActive;',
  'uniform float uShentwinBimGap;',
  'uniform float uShentwinBimStorey;',
  'uniform vec3 uShentwinBimGhostTint;',
  'uniform float uShentwinBimGhostMix;',
  'float shentwinBimGhosted() {',
  '  if (uShentwinBimActive < 0.5 || uShentwinBimIsolate < -0.5) return 0.0;',
  '  return abs(floor(vShentwinBimFloor + 1.0 / 1024.0) - uShentwinBimIsolate) < 0.5 ? 0.0 : 1.0;',
  '}',
  'float shentwinBimInGap() {',
  '  if (uShentwinBimActive < 0.5 || uShentwinBimGap <= 0.0 || uShentwinBimStorey <= 0.0) return 0.0;',
  '  float share = uShentwinBimStorey / (uShentwinBimStorey + uShentwinBimGap);',
  '  return fract(vShentwinBimFloor + 1.0 / 1024.0) > share + 1.0 / 1024.0 ? 1.0 : 0.0;',
  '}',
  // 2 × 2 Bayer [0 2; 3 1] nested once: the fine position weighs 4, the coarse one 1.
  'float shentwinBayer2(vec2 q) { return mod(2.0 * q.x + 3.0 * q.y, 4.0); }',
  'float shentwinBayer4(vec2 fragCoord) {',
  '  vec2 q = mod(floor(fragCoord), 4.0);',
  '  return (4.0 * shentwinBayer2(mod(q, 2.0)) + shentwinBayer2(floor(q / 2.0)) + 0.5) / 16.0;',
  '}',
].join('\n');

function ghostFragment(mode: GhostMode): string {
  const fade = mode === 'blend'
    ? '  diffuseColor.a *= uShentwinBimGhost;'
    : '  if (shentwinBayer4(gl_FragCoord.xy) >= uShentwinBimGhost) discard;';
  return [
    'if (shentwinBimInGap() > 0.5) discard;',
    'if (shentwinBimGhosted() > 0.5) {',
    fade,
    '  diffuseColor.rgb = mix(diffuseColor.rgb, uShentwinBimGhostTint, uShentwinBimGhostMix);',
    '}',
  ].join('\n');
}

/**
 * Patches three.js built-in shaders (standard/physical for slabs, core and glass; basic for the
 * mullion lines). `attributeName` is the geometry attribute, `_floor`. Null when a chunk it needs
 * is missing or the name is not a plain identifier.
 */
export function patchBimFloorShader(
  vertexShader: string, fragmentShader: string, attributeName: string, mode: GhostMode,
): BimPatchedShader | null {
  if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(attributeName)) return null;
  const v1 = insertAfter(
    vertexShader,
    '#include <common>',
    [
      `attribute float ${attributeName};`,
      'varying float vShentwinBimFloor;',
      'uniform float uShentwinBimGap;',
      'uniform float uShentwinBimActive;',
    ].join('\n'),
  );
  // glTF object space is y-up in metres (the tiler writes ENU up as +y), so y is "up the building".
  const v2 = v1 && insertAfter(
    v1,
    '#include <begin_vertex>',
    `vShentwinBimFloor = ${attributeName};\ntransformed.y += uShentwinBimActive * uShentwinBimGap * ${attributeName};`,
  );
  const f1 = insertAfter(fragmentShader, '#include <common>', FRAGMENT_PARS);
  const f2 = f1 && insertAfter(f1, '#include <color_fragment>', ghostFragment(mode));
  return v2 && f2 ? { vertexShader: v2, fragmentShader: f2 } : null;
}
