/**
 * The floor-line material that replaces the unlit light-grey LineBasicMaterial GLTFLoader makes
 * for the tiler's LINES primitive (see floorLineModel for why: moiré at range, bright at night).
 * Black drawn at a distance-faded alpha, so a line only ever darkens the lit facade behind it.
 * Each tile gets its own material (the tile renderer disposes it with the tile); the fade uniform
 * object is shared by all of them and the program is shared through a fixed cache key.
 */
import { LineBasicMaterial, Vector2, Vector4, type Camera, type WebGLRenderer } from 'three';
import { FLOOR_LINE_STYLE, floorLineFadeRange } from './floorLineModel';

export const FLOOR_LINE_PROGRAM_KEY = 'shentwin-floor-lines-v1';

export interface FloorLineUniforms {
  /** x: full-strength distance, y: gone distance, metres from the camera. */
  uShentwinLineFade: { value: Vector2 };
}

export function createFloorLineUniforms(): FloorLineUniforms {
  return { uShentwinLineFade: { value: new Vector2(0, 0) } };
}

function insertAfter(src: string, marker: string, text: string): string | null {
  const i = src.indexOf(marker);
  if (i < 0) return null;
  return `${src.slice(0, i + marker.length)}\n${text}${src.slice(i + marker.length)}`;
}

/** Patches three's `basic` shader (the one LineBasicMaterial uses); null when a chunk is missing. */
export function patchFloorLineShader(vertexShader: string, fragmentShader: string): { vertexShader: string; fragmentShader: string } | null {
  const v1 = insertAfter(vertexShader, '#include <common>', 'varying float vShentwinLineDist;');
  const v2 = v1 && insertAfter(v1, '#include <project_vertex>', 'vShentwinLineDist = length(mvPosition.xyz);');
  const f1 = insertAfter(fragmentShader, '#include <common>', 'varying float vShentwinLineDist;\nuniform vec2 uShentwinLineFade;');
  // smoothstep is undefined for equal edges; a zero range (no viewport yet) must mean "no lines".
  const f2 = f1 && insertAfter(
    f1,
    '#include <color_fragment>',
    'diffuseColor.a *= 1.0 - smoothstep(uShentwinLineFade.x, max(uShentwinLineFade.y, uShentwinLineFade.x + 1e-3), vShentwinLineDist);',
  );
  return v2 && f2 ? { vertexShader: v2, fragmentShader: f2 } : null;
}

const scratchViewport = new Vector4();

/** Sets the fade for the camera and viewport about to draw (called before each draw). */
export function updateFloorLineFade(uniforms: FloorLineUniforms, renderer: WebGLRenderer, camera: Camera): void {
  renderer.getCurrentViewport(scratchViewport);
  const range = floorLineFadeRange(scratchViewport.w, camera.projectionMatrix.elements[5] ?? 0);
  uniforms.uShentwinLineFade.value.set(range.fullM, range.zeroM);
}

export function createFloorLineMaterial(uniforms: FloorLineUniforms, name: string): LineBasicMaterial {
  const material = new LineBasicMaterial({
    name,
    color: 0x000000,
    opacity: FLOOR_LINE_STYLE.darken,
    transparent: true,
    // Lines float a few centimetres off the wall; they must not hide each other or the glass behind.
    depthWrite: false,
    fog: false,
    toneMapped: false,
  });
  material.onBeforeCompile = (shader) => {
    const patched = patchFloorLineShader(shader.vertexShader, shader.fragmentShader);
    if (!patched) return;
    shader.vertexShader = patched.vertexShader;
    shader.fragmentShader = patched.fragmentShader;
    Object.assign(shader.uniforms, uniforms);
  };
  material.customProgramCacheKey = () => FLOOR_LINE_PROGRAM_KEY;
  // Every draw first sets the fade for its own camera and viewport (main view, 4K wall, kiosk).
  material.onBeforeRender = (renderer, _scene, camera) => updateFloorLineFade(uniforms, renderer, camera);
  return material;
}
