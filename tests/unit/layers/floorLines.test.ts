import { describe, expect, it } from 'vitest';
import {
  BufferGeometry, Group, LineBasicMaterial, LineSegments, PerspectiveCamera, Scene, ShaderLib, Vector4, type WebGLRenderer,
} from 'three';
import { BuildingTilePlugin } from '../../../src/layers/buildings/BuildingTilePlugin';
import { FLOOR_LINE_PROGRAM_KEY, patchFloorLineShader } from '../../../src/layers/buildings/floorLineMaterial';
import {
  FLOOR_LINE_STYLE, FLOOR_LINES_NAME, floorLineAlpha, floorLineFadeRange, shadeFloorLine, storeySpacingPx,
} from '../../../src/layers/buildings/floorLineModel';
import { MATERIALS } from '../../../src/tiler/gltf/materials';
import { CAMERA_FOV_DEG } from '../../../src/views/three/cameraModel';

const yScale = 1 / Math.tan((CAMERA_FOV_DEG * Math.PI) / 360);

/** What GLTFLoader makes of the tiler's LINES primitive: an unlit line in the tiler's grey. */
function loadedLines(name: string, color: number): LineSegments {
  const m = new LineBasicMaterial({ color });
  m.name = name;
  const l = new LineSegments(new BufferGeometry(), m);
  l.name = name;
  return l;
}

describe('floor line fade', () => {
  it('fades by pixels between storeys, so lines are gone before they alias', () => {
    const r = floorLineFadeRange(900, yScale);
    expect(storeySpacingPx(r.fullM, 900, yScale)).toBeCloseTo(FLOOR_LINE_STYLE.fullSpacingPx, 6);
    expect(storeySpacingPx(r.zeroM, 900, yScale)).toBeCloseTo(FLOOR_LINE_STYLE.zeroSpacingPx, 6);
    expect(floorLineAlpha(r.fullM * 0.5, r)).toBeCloseTo(FLOOR_LINE_STYLE.darken, 9);
    expect(floorLineAlpha(r.zeroM, r)).toBe(0);
    // Middle and long range at 1600×900: storeys under 4 px apart are not drawn at all.
    for (const d of [900, 1500, 3000, 8000]) {
      if (storeySpacingPx(d, 900, yScale) <= FLOOR_LINE_STYLE.zeroSpacingPx) expect(floorLineAlpha(d, r)).toBe(0);
    }
    expect(floorLineAlpha(3000, r)).toBe(0);
    // A close street view keeps them.
    expect(floorLineAlpha(150, r)).toBeGreaterThan(0.9 * FLOOR_LINE_STYLE.darken);
    // Monotone in distance: no band where lines come back.
    let prev = Infinity;
    for (let d = 0; d < 2000; d += 25) {
      const a = floorLineAlpha(d, r);
      expect(a).toBeLessThanOrEqual(prev);
      prev = a;
    }
  });

  it('scales with the viewport: a 4K wall keeps lines twice as far as 1080p', () => {
    const hd = floorLineFadeRange(1080, yScale);
    const uhd = floorLineFadeRange(2160, yScale);
    expect(uhd.zeroM / hd.zeroM).toBeCloseTo(2, 9);
  });

  it('gives no lines, never NaN, for a viewport not sized yet', () => {
    for (const [h, s] of [[0, yScale], [900, 0], [NaN, yScale], [900, Infinity]] as const) {
      const r = floorLineFadeRange(h, s);
      expect(r).toEqual({ fullM: 0, zeroM: 0 });
      expect(floorLineAlpha(10, r)).toBe(0);
    }
    expect(floorLineAlpha(NaN, floorLineFadeRange(900, yScale))).toBe(0);
  });
});

describe('floor line shade', () => {
  const r = floorLineFadeRange(900, yScale);
  it('only darkens the facade: never brighter in sun, shadow or at night', () => {
    const sunlit: [number, number, number] = [0.78, 0.76, 0.71];
    const shadow: [number, number, number] = [0.12, 0.12, 0.13];
    const night: [number, number, number] = [0.02, 0.02, 0.03];
    for (const facade of [sunlit, shadow, night]) {
      for (const d of [20, 200, 600, 5000]) {
        const out = shadeFloorLine(facade, floorLineAlpha(d, r));
        out.forEach((c, i) => expect(c).toBeLessThanOrEqual(facade[i]!));
      }
    }
    // The unlit grey the tiler ships (linear ≈ 0.37) would be 18× the night facade; the line here is darker than it.
    expect(shadeFloorLine(night, floorLineAlpha(20, r))[0]).toBeLessThan(night[0]);
    expect(shadeFloorLine([0, 0, 0], 0.3)).toEqual([0, 0, 0]);
    // Beyond the fade the facade is untouched: nothing left to alias.
    expect(shadeFloorLine(sunlit, floorLineAlpha(5000, r))).toEqual(sunlit);
  });
});

describe('floor line material', () => {
  it('names the same primitive the tiler writes', () => {
    expect(MATERIALS.floorLines.name).toBe(FLOOR_LINES_NAME);
  });

  it('patches three\u2019s basic shader and refuses unknown ones', () => {
    const p = patchFloorLineShader(ShaderLib.basic.vertexShader, ShaderLib.basic.fragmentShader)!;
    expect(p.vertexShader).toContain('vShentwinLineDist = length(mvPosition.xyz);');
    expect(p.vertexShader.indexOf('vShentwinLineDist =')).toBeGreaterThan(p.vertexShader.indexOf('#include <project_vertex>'));
    expect(p.fragmentShader).toContain('uniform vec2 uShentwinLineFade;');
    expect(p.fragmentShader.indexOf('diffuseColor.a *=')).toBeGreaterThan(p.fragmentShader.indexOf('#include <color_fragment>'));
    expect(patchFloorLineShader('void main(){}', 'void main(){}')).toBeNull();
  });

  it('replaces the unlit grey with a darkening, fading material per tile; other lines stay', () => {
    const plugin = new BuildingTilePlugin();
    const a = loadedLines(FLOOR_LINES_NAME, 0xa4a8ac);
    const b = loadedLines(FLOOR_LINES_NAME, 0xa4a8ac);
    const mullions = loadedLines('mullions', 0x3b4046);
    const mullionMaterial = mullions.material;
    plugin.processTileModel(new Group().add(a, mullions));
    plugin.processTileModel(new Group().add(b));
    const ma = a.material as LineBasicMaterial;
    const mb = b.material as LineBasicMaterial;
    expect(ma).not.toBe(mb);
    expect(ma.color.getHex()).toBe(0x000000);
    expect(ma.transparent && !ma.depthWrite).toBe(true);
    expect(ma.opacity).toBe(FLOOR_LINE_STYLE.darken);
    expect(ma.customProgramCacheKey()).toBe(FLOOR_LINE_PROGRAM_KEY);
    expect(mb.customProgramCacheKey()).toBe(FLOOR_LINE_PROGRAM_KEY);
    expect(mullions.material).toBe(mullionMaterial);
    expect(a.castShadow).toBe(false);

    // Before each draw the shared fade follows the drawing camera and viewport.
    const camera = new PerspectiveCamera(CAMERA_FOV_DEG, 16 / 9, 1, 1e5);
    camera.updateProjectionMatrix();
    const renderer = { getCurrentViewport: (v: Vector4) => v.set(0, 0, 1600, 900) } as unknown as WebGLRenderer;
    ma.onBeforeRender(renderer, new Scene(), camera, a.geometry, a, new Group());
    const want = floorLineFadeRange(900, yScale);
    expect(plugin.floorLineUniforms.uShentwinLineFade.value.x).toBeCloseTo(want.fullM, 6);
    expect(plugin.floorLineUniforms.uShentwinLineFade.value.y).toBeCloseTo(want.zeroM, 6);
  });
});
