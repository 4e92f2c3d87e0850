import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../../src/analysis/sunlight/casters';
import { azimuthOf, CELL_BUILDING, CELL_HIDDEN, CELL_OUTSIDE, CELL_VISIBLE, computeSkyline, elevationOf, viewshedGrid } from '../../../../src/analysis/visibility';
import {
  discTexels, HANDLE_PICK_PX, metresPerPixel, pickHandle, prismBounds, prismsNear, skylinePoints, SNAP_SEARCH_M, toleranceMetres,
  VIEWSHED_HIDDEN_RGBA, VIEWSHED_UP_M, VIEWSHED_VISIBLE_RGBA, viewshedPlane, viewshedTexels,
} from '../../../../src/layers/tools/model';
import type { BuildingPrism } from '../../../../src/tools/snapping';
import type { ToolHandle, Vec3 } from '../../../../src/tools/toolTypes';

const DEG = 180 / Math.PI;

const square = (id: string, x0: number, y0: number, s: number, heightM: number, baseM = 0): BuildingPrism => ({
  id, footprint: [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]], baseM, heightM,
});

describe('screen tolerance in metres', () => {
  it('is 2·d·tan(fov/2)·px/heightPx', () => {
    // fov 90°: the view is 2·d tall; 1000 px over 200 m at d = 100 m is 0.2 m per pixel.
    expect(metresPerPixel(100, 90, 1000)).toBeCloseTo(0.2, 12);
    expect(toleranceMetres(100, 90, 1000, 5)).toBeCloseTo(1, 12);
    expect(toleranceMetres(1000, 45, 800, 5)).toBeCloseTo((2 * 1000 * Math.tan((22.5 * Math.PI) / 180) * 5) / 800, 12);
  });

  it('is 0 for a view without height or a non-finite distance, never NaN', () => {
    expect(metresPerPixel(100, 45, 0)).toBe(0);
    expect(metresPerPixel(Number.NaN, 45, 800)).toBe(0);
    expect(metresPerPixel(Infinity, 45, 800)).toBe(0);
    expect(toleranceMetres(100, 45, 800, -3)).toBe(0);
  });
});

describe('handle picking on screen', () => {
  const origin: Vec3 = [0, 0, 0];
  const dir: Vec3 = [0, 2, 0];
  const h = (id: string, x: number, y: number, z: number): ToolHandle => ({ id, position: [x, y, z], axis: [1, 0, 0] });

  it('picks a handle within 22 px of the pointer, and none farther', () => {
    // 0.2 m per pixel at 100 m: 4 m off the ray is 20 px, 5 m is 25 px.
    expect(HANDLE_PICK_PX).toBe(22);
    expect(pickHandle(origin, dir, [h('a', 4, 100, 0)], 90, 1000)).toBe('a');
    expect(pickHandle(origin, dir, [h('a', 0, 100, 5)], 90, 1000)).toBeNull();
  });

  it('takes the one nearest the pointer on screen, not in space', () => {
    // 'far' is 2 m off at 200 m (5 px); 'near' is 1 m off at 50 m (10 px).
    const hs = [h('near', 1, 50, 0), h('far', 2, 200, 0)];
    expect(pickHandle(origin, dir, hs, 90, 1000)).toBe('far');
  });

  it('ignores handles behind the eye and a zero ray', () => {
    expect(pickHandle(origin, dir, [h('a', 0, -10, 0)], 90, 1000)).toBeNull();
    expect(pickHandle(origin, [0, 0, 0], [h('a', 0, 10, 0)], 90, 1000)).toBeNull();
    expect(pickHandle(origin, dir, [], 90, 1000)).toBeNull();
  });
});

describe('buildings near a pick', () => {
  const a = square('a', 0, 0, 10, 20);
  const b = square('b', 100, 0, 10, 20);
  const podium = square('p', 0, 50, 10, 10, 60);
  const list = [a, b, podium];
  const bounds = prismBounds(list);

  it('bounds each footprint with its base and roof', () => {
    expect(Array.from(bounds.subarray(0, 6))).toEqual([0, 0, 0, 10, 10, 20]);
    expect(Array.from(bounds.subarray(12, 18))).toEqual([0, 50, 60, 10, 60, 70]);
  });

  it(`keeps those whose box is within ${SNAP_SEARCH_M} m (3D) of the point, in the input order`, () => {
    const out: BuildingPrism[] = [];
    expect(prismsNear(list, bounds, [5, 5, 0], SNAP_SEARCH_M, out).map((x) => x.id)).toEqual(['a']);
    // 30 m east of a's edge reaches it; 70 m west of b's reaches nothing else.
    expect(prismsNear(list, bounds, [40, 5, 0], SNAP_SEARCH_M, out).map((x) => x.id)).toEqual(['a']);
    expect(prismsNear(list, bounds, [40.1, 5, 0], SNAP_SEARCH_M, out).map((x) => x.id)).toEqual([]);
    // Under the raised block, height counts: 25 m below its base is near, 35 m is not.
    expect(prismsNear(list, bounds, [5, 55, 35], SNAP_SEARCH_M, out).map((x) => x.id)).toEqual(['p']);
    expect(prismsNear(list, bounds, [5, 55, 25], SNAP_SEARCH_M, out).map((x) => x.id)).toEqual([]);
  });

  it('reuses the output array and refuses a non-finite point', () => {
    const out: BuildingPrism[] = [b];
    expect(prismsNear(list, bounds, [Number.NaN, 0, 0], SNAP_SEARCH_M, out)).toEqual([]);
    expect(prismsNear(list, bounds, [5, 5, 0], SNAP_SEARCH_M, out)).toBe(out);
  });

  it('gives a footprint without finite corners a box no pick is near', () => {
    const broken: BuildingPrism = { id: 'x', footprint: [[Number.NaN, 0]], baseM: 0, heightM: 10 };
    const bb = prismBounds([broken]);
    expect(prismsNear([broken], bb, [0, 0, 0], 1e9, [])).toEqual([]);
  });
});

describe('viewshed texels', () => {
  it('colours visible green, hidden red, and leaves outside and roofs clear', () => {
    const cells = Uint8Array.from([CELL_VISIBLE, CELL_HIDDEN, CELL_OUTSIDE, CELL_BUILDING]);
    const t = viewshedTexels(cells);
    expect(Array.from(t)).toEqual([...VIEWSHED_VISIBLE_RGBA, ...VIEWSHED_HIDDEN_RGBA, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(VIEWSHED_VISIBLE_RGBA[1]).toBeGreaterThan(VIEWSHED_VISIBLE_RGBA[0]);
    expect(VIEWSHED_HIDDEN_RGBA[0]).toBeGreaterThan(VIEWSHED_HIDDEN_RGBA[1]);
    // Translucent: the city shows through.
    expect(VIEWSHED_VISIBLE_RGBA[3]).toBeLessThan(255);
    expect(VIEWSHED_HIDDEN_RGBA[3]).toBeLessThan(255);
  });

  it('writes into a given buffer, and refuses one too small', () => {
    const out = new Uint8Array(8).fill(9);
    expect(viewshedTexels(Uint8Array.from([CELL_OUTSIDE, CELL_VISIBLE]), out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, ...VIEWSHED_VISIBLE_RGBA]);
    expect(() => viewshedTexels(new Uint8Array(3), new Uint8Array(8))).toThrow(RangeError);
  });

  it('puts the plane over the grid cells exactly, a little above its ground', () => {
    const grid = viewshedGrid(13, -7, 100, 2, 4);
    const p = viewshedPlane(grid);
    expect(p.widthM).toBe(grid.nx * 2);
    expect(p.depthM).toBe(grid.ny * 2);
    expect(p.centre[0] - p.widthM / 2).toBe(grid.originX);
    expect(p.centre[1] - p.depthM / 2).toBe(grid.originY);
    expect(p.centre[2]).toBeCloseTo(4 + VIEWSHED_UP_M, 12);
  });
});

describe('skyline in 3D', () => {
  // One box 100 m north of the eye, 41.6 m tall: seen from 1.6 m its roof edge is 40 m up at 100 m.
  const eye: Vec3 = [0, 0, 1.6];
  const profile = computeSkyline({
    casters: buildCasterBvh([{ id: 'A', footprint: [[-20, 100], [20, 100], [20, 120], [-20, 120]], heightM: 41.6, baseM: 0 }]),
    viewpoint: eye, headingDeg: 0, horizontalFovDeg: 20, stepDeg: 1,
  });

  it('places each sample on its own ray, so it projects onto the skyline from the viewpoint', () => {
    const out = new Float64Array(3 * profile.count);
    const n = skylinePoints(profile, 200, out);
    expect(n).toBe(profile.count);
    for (let k = 0; k < n; k++) {
      const dx = out[3 * k]! - eye[0], dy = out[3 * k + 1]! - eye[1], dz = out[3 * k + 2]! - eye[2];
      expect(Math.hypot(dx, dy, dz)).toBeCloseTo(200, 9);
      expect(elevationOf(dx, dy, dz)).toBeCloseTo(profile.elevationDeg[k]!, 9);
      const az = azimuthOf(dx, dy);
      expect(Math.abs(((az - profile.azimuthDeg[k]! + 540) % 360) - 180)).toBeLessThan(1e-9);
    }
  });

  it("the box's elevation angle at the heading, atan(40/100)", () => {
    const out = new Float64Array(3 * profile.count);
    skylinePoints(profile, 200, out);
    const mid = profile.azimuthDeg.findIndex((a) => Math.abs(a) < 1e-9 || Math.abs(a - 360) < 1e-9);
    const k = 3 * mid;
    expect(Math.atan2(out[k + 2]! - eye[2], Math.hypot(out[k]!, out[k + 1]!)) * DEG).toBeCloseTo(Math.atan(40 / 100) * DEG, 1);
  });

  it('closes a 360° profile, and stops when the buffer is full', () => {
    const p360 = computeSkyline({ casters: buildCasterBvh([]), viewpoint: eye, horizontalFovDeg: 360, stepDeg: 90 });
    const out = new Float64Array(3 * 5);
    expect(skylinePoints(p360, 10, out)).toBe(5);
    expect(Array.from(out.subarray(12, 15))).toEqual(Array.from(out.subarray(0, 3)));
    expect(skylinePoints(p360, 10, new Float64Array(7))).toBe(2);
    expect(skylinePoints(p360, 10, new Float64Array(15), 6)).toBe(3);
  });
});

describe('point sprite', () => {
  it('is opaque in the middle and clear in the corners', () => {
    const t = discTexels(16);
    expect(t.length).toBe(16 * 16 * 4);
    const at = (i: number, j: number) => t[4 * (j * 16 + i) + 3];
    expect(at(8, 8)).toBe(255);
    expect(at(0, 0)).toBe(0);
    expect(at(15, 0)).toBe(0);
  });
});
