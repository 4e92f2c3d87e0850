import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../../src/core/geodesy';
import type { ClipPlane, Section, SectionBox } from '../../../src/analysis/section/types';
import {
  BOX_CAP_MARGIN,
  capClipPlanes,
  capFacesCamera,
  capTilesetIds,
  flipPlane,
  handlePositionsThree,
  metresPerPixel,
  OUTLINE_FLOATS,
  PLANE_CAP_HALF_EXTENT_M,
  pickHandle,
  threeClipPlanes,
  writeCapMatrix,
  writeOutline,
} from '../../../src/layers/section/model';
import { enuToThree } from '../../../src/views/three/enuThree';

const keeps = (p: ClipPlane, q: Vec3) => p.normal[0] * q[0] + p.normal[1] * q[1] + p.normal[2] * q[2] + p.constant >= -1e-9;

function apply(m: ArrayLike<number>, x: number, y: number, z: number): Vec3 {
  return [m[0]! * x + m[4]! * y + m[8]! * z + m[12]!, m[1]! * x + m[5]! * y + m[9]! * z + m[13]!, m[2]! * x + m[6]! * y + m[10]! * z + m[14]!];
}

describe('section planes in three.js frame', () => {
  it('turns "keep ENU z < 10" into "keep three.js y < 10"', () => {
    const [p] = threeClipPlanes({ kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] });
    expect(p).toEqual({ normal: [0, -1, 0], constant: 10 });
    expect(keeps(p!, [500, 9.9, -300])).toBe(true);
    expect(keeps(p!, [500, 10.1, -300])).toBe(false);
  });

  it('turns "keep ENU north < 100" into "keep three.js z > −100"', () => {
    const [p] = threeClipPlanes({ kind: 'plane', point: [0, 100, 0], normal: [0, 1, 0] });
    expect(p!.normal).toEqual([0, 0, 1]);
    expect(p!.constant).toBe(100);
    expect(keeps(p!, [0, 0, -99])).toBe(true);
    expect(keeps(p!, [0, 0, -101])).toBe(false);
  });

  it('keeps in three.js exactly the ENU points the section keeps, for a turned box', () => {
    const box: SectionBox = { kind: 'box', centre: [30, -20, 15], size: [50, 30, 30], headingDeg: 30 };
    const planes = threeClipPlanes(box);
    expect(planes).toHaveLength(6);
    const inside = enuToThree(30, -20, 15);
    expect(planes.every((p) => keeps(p, inside))).toBe(true);
    // Along local +y (heading 30°) by 14 m is inside, by 16 m is out.
    const h = (30 * Math.PI) / 180;
    const at = (d: number) => enuToThree(30 + Math.sin(h) * d, -20 + Math.cos(h) * d, 15);
    expect(planes.every((p) => keeps(p, at(14)))).toBe(true);
    expect(planes.every((p) => keeps(p, at(16)))).toBe(false);
  });

  it('flips a plane and lists the trims of each cap (the other planes and the floor)', () => {
    const p: ClipPlane = { normal: [0, 1, 0], constant: -5 };
    expect(flipPlane(p)).toEqual({ normal: [0, -1, 0], constant: 5 });
    const planes = threeClipPlanes({ kind: 'box', centre: [0, 0, 25], size: [10, 10, 50], headingDeg: 0 });
    const trims = capClipPlanes(planes, 4, 0);
    expect(trims).toHaveLength(6);
    expect(trims).not.toContain(planes[4]);
    expect(trims[5]).toEqual({ normal: [0, 1, 0], constant: -0 });
    expect(capClipPlanes(threeClipPlanes({ kind: 'plane', point: [0, 0, 0], normal: [1, 0, 0] }), 0, 0)).toHaveLength(1);
  });
});

describe('caps', () => {
  const box: SectionBox = { kind: 'box', centre: [0, 0, 25], size: [40, 20, 50], headingDeg: 0 };

  it('caps a plane only when the camera is on its cut-away side', () => {
    const planes = threeClipPlanes(box);
    const above = enuToThree(0, 0, 300);
    const facing = planes.map((p) => capFacesCamera(p.normal, p.constant, above));
    expect(facing).toEqual([false, false, false, false, true, false]);
    const corner = enuToThree(100, 100, 300);
    expect(planes.map((p) => capFacesCamera(p.normal, p.constant, corner))).toEqual([true, false, true, false, true, false]);
    const inside = enuToThree(0, 0, 10);
    expect(planes.some((p) => capFacesCamera(p.normal, p.constant, inside))).toBe(false);
  });

  it('puts the top cap quad over the top face, facing up, a little larger than the face', () => {
    const m = new Float64Array(16);
    writeCapMatrix(box, 4, enuToThree(0, 0, 300), m);
    expect(apply(m, 0, 0, 0)).toEqual(enuToThree(0, 0, 50).map((v) => v + 0));
    // The quad's normal (local z) is three.js up; its corners reach past the face by the margin.
    expect(m[8]).toBeCloseTo(0, 12);
    expect(m[9]).toBe(1);
    expect(m[10]).toBeCloseTo(0, 12);
    const corner = apply(m, 0.5, 0.5, 0);
    expect(Math.abs(corner[0])).toBeCloseTo(20 * BOX_CAP_MARGIN, 9);
    expect(Math.abs(corner[2])).toBeCloseTo(10 * BOX_CAP_MARGIN, 9);
    expect(corner[1]).toBeCloseTo(50, 9);
  });

  it('places a turned box side cap on its face', () => {
    const turned: SectionBox = { ...box, headingDeg: 90 };
    const m = new Float64Array(16);
    writeCapMatrix(turned, 0, [0, 0, 0], m);
    // +x face of a box heading east: local x points south, so the face is at north −20.
    const c = apply(m, 0, 0, 0);
    expect(c[0]).toBeCloseTo(0, 9);
    expect(c[1]).toBeCloseTo(25, 9);
    expect(c[2]).toBeCloseTo(20, 9);
    expect(m[10]).toBeCloseTo(1, 9);
  });

  it('centres a lone plane\'s cap under the camera, large enough for any view', () => {
    const plane: Section = { kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] };
    const m = new Float64Array(16);
    writeCapMatrix(plane, 0, [123, 400, -45], m);
    expect(apply(m, 0, 0, 0)).toEqual([123, 10, -45]);
    const u = Math.hypot(m[0]!, m[1]!, m[2]!);
    expect(u).toBeCloseTo(2 * PLANE_CAP_HALF_EXTENT_M, 6);
    expect(m.every(Number.isFinite)).toBe(true);
  });
});

describe('outline and handles', () => {
  it('writes the 12 edges of a box, each 40, 20 or 50 m long', () => {
    const out = new Float32Array(OUTLINE_FLOATS);
    const n = writeOutline({ kind: 'box', centre: [0, 0, 25], size: [40, 20, 50], headingDeg: 0 }, out);
    expect(n).toBe(24);
    const lengths = [];
    for (let i = 0; i < n; i += 2) {
      lengths.push(Math.hypot(out[i * 3]! - out[i * 3 + 3]!, out[i * 3 + 1]! - out[i * 3 + 4]!, out[i * 3 + 2]! - out[i * 3 + 5]!));
    }
    expect(lengths.sort((a, b) => a - b).map(Math.round)).toEqual([20, 20, 20, 20, 40, 40, 40, 40, 50, 50, 50, 50]);
  });

  it('writes a square around a plane\'s handle, on the plane', () => {
    const out = new Float32Array(OUTLINE_FLOATS);
    const n = writeOutline({ kind: 'plane', point: [0, 0, 10], normal: [0, 0, 1] }, out);
    expect(n).toBe(8);
    for (let i = 0; i < n; i++) expect(out[i * 3 + 1]).toBeCloseTo(10, 4);
    expect(Math.hypot(out[0]! - out[3]!, out[2]! - out[5]!)).toBeCloseTo(300, 3);
  });

  it('sizes handles in pixels and picks the one under the pointer within 22 px', () => {
    // 45° field of view, 1000 px high: at 1000 m one pixel is 2·1000·tan(22.5°)/1000 ≈ 0.828 m.
    expect(metresPerPixel(1000, 45, 1000)).toBeCloseTo(0.8284, 4);
    expect(metresPerPixel(1000, 45, 0)).toBe(0);
    const centres = handlePositionsThree({ kind: 'box', centre: [0, 0, 25], size: [40, 20, 50], headingDeg: 0 });
    expect(centres).toHaveLength(6);
    const origin: Vec3 = [0, 1000, 0];
    const down: Vec3 = [0, -1, 0];
    // Straight down onto the top handle (three.js y = 50).
    expect(pickHandle(origin, down, centres, 45, 1000)).toBe(4);
    // 8 m east: ~10 px off the top handle, ~15 px off the +x face's (x = 20): the top one.
    expect(pickHandle([8, 1000, 0], down, centres, 45, 1000)).toBe(4);
    // 17 m east: ~21 px off the top handle but ~4 px off the +x one: nearest on screen wins.
    expect(pickHandle([17, 1000, 0], down, centres, 45, 1000)).toBe(0);
    // 40 m off everything (≥ 37 px): nothing.
    expect(pickHandle([0, 1000, -50], down, centres, 45, 1000)).toBe(-1);
    // Behind the ray: nothing.
    expect(pickHandle(origin, [0, 1, 0], centres, 45, 1000)).toBe(-1);
  });
});

describe('capTilesetIds', () => {
  it('caps buildings and scheme tilesets, never ground', () => {
    const ids = capTilesetIds(
      [
        { id: 'city', kind: 'buildings' },
        { id: 'base', kind: 'ground' },
      ],
      ['s1', 's2'],
    );
    expect(ids).toEqual(['city', 'scheme:s1', 'scheme:s2']);
  });
});
