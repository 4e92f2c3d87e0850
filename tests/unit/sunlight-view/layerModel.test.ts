import { describe, expect, it } from 'vitest';
import { groundReceivers } from '../../../src/analysis/sunlight/receivers';
import { hoursColor, hoursColorHex, SUNLIGHT_COLORS } from '../../../src/layers/sunlight/colorRamp';
import {
  contourRibbons, groundCellOfId, groundGridAround, groundHours, groundTexels, GROUND_MAX_CELLS, windowInstances, WINDOW_OFFSET_M,
  WINDOW_QUAD_HEIGHT_M,
} from '../../../src/layers/sunlight/model';

describe('hours colour ramp', () => {
  it('is red at 0 h, steps at the standard, and green for the whole window', () => {
    expect(hoursColorHex(0, 2, 8)).toBe(SUNLIGHT_COLORS.none);
    expect(hoursColorHex(2, 2, 8)).toBe(SUNLIGHT_COLORS.justPasses);
    expect(hoursColorHex(8, 2, 8)).toBe(SUNLIGHT_COLORS.full);
    expect(hoursColorHex(12, 2, 8)).toBe(SUNLIGHT_COLORS.full);
    // Just under the standard is orange, not the amber of a pass: pass and fail read apart.
    const under = hoursColor(1.99, 2, 8);
    const at = hoursColor(2, 2, 8);
    expect(Math.abs(under[1] - at[1])).toBeGreaterThan(0.15);
    // Unknown hours never look like a pass.
    expect(hoursColorHex(Number.NaN, 2, 8)).toBe(SUNLIGHT_COLORS.none);
    // Greener with more hours above the standard.
    expect(hoursColor(5, 2, 8)[0]).toBeLessThan(hoursColor(3, 2, 8)[0]);
    // Writes into the given array.
    const out: [number, number, number] = [0, 0, 0];
    expect(hoursColor(8, 2, 8, out)).toBe(out);
  });
});

describe('window quads', () => {
  it('face out of their facade, stand on the sill, and count passes', () => {
    const inst = windowInstances(
      [
        { position: [10, 20, 0.9], normal: [0, -1, 0], hours: 3 },
        { position: [0, 0, 3.9], normal: [1, 0, 0], hours: 1 },
        { position: [Number.NaN, 0, 0], normal: [1, 0, 0], hours: 8 },
        { position: [0, 0, 0], normal: [0, 0, 1], hours: 8 },
      ],
      6, 2, 8,
    );
    expect(inst.count).toBe(2);
    expect([inst.passed, inst.failed]).toEqual([1, 1]);
    const m = Array.from(inst.matrices.subarray(0, 16));
    // South-facing (ENU −n) → three +z: the quad's own z axis is (0, 0, 1).
    expect(m.slice(8, 11)).toEqual([0, 0, 1]);
    expect(m[5]).toBeCloseTo(WINDOW_QUAD_HEIGHT_M);
    // Centre: east 10, up = sill + half the quad, three z = −north, pushed out of the wall.
    expect(m[12]).toBeCloseTo(10);
    expect(m[13]).toBeCloseTo(0.9 + WINDOW_QUAD_HEIGHT_M / 2);
    expect(m[14]).toBeCloseTo(-20 + WINDOW_OFFSET_M);
    // East-facing: z axis along three +x, x axis along three −z (right-handed with y up).
    const e = Array.from(inst.matrices.subarray(16, 32));
    expect(e.slice(8, 11).map((v) => v + 0)).toEqual([1, 0, 0]);
    expect(e[2]).toBeLessThan(0);
    expect(inst.colors.length).toBe(6);
    expect(Array.from(inst.matrices).every(Number.isFinite)).toBe(true);
  });
});

describe('ground grid', () => {
  it('matches the engine’s ground receivers cell for cell', () => {
    const area = groundGridAround([[0, 0, 0.9], [30, 18, 6.9]], 1.5, 4, 10)!;
    expect(area.bounds).toEqual({ minE: -10, minN: -10, maxE: 40, maxN: 28 });
    const recs = groundReceivers(area.bounds, area.grid.heightM, area.grid.stepM);
    expect(recs.length).toBe(area.grid.cols * area.grid.rows);
    for (const r of recs) {
      const i = groundCellOfId(area.grid, r.id);
      const c = i % area.grid.cols;
      const row = Math.floor(i / area.grid.cols);
      expect(r.position[0]).toBeCloseTo(area.grid.minE + c * area.grid.stepM, 9);
      expect(r.position[1]).toBeCloseTo(area.grid.minN + row * area.grid.stepM, 9);
      expect(r.position[2]).toBe(1.5);
    }
    const hours = groundHours(area.grid, [{ id: recs[0]!.id, hours: 2 }, { id: 'ground:999:0', hours: 1 }, { id: 'x', hours: 1 }]);
    expect(hours[0]).toBe(2);
    expect(Number.isNaN(hours[1]!)).toBe(true);
  });

  it('coarsens a large area to the cell cap and refuses an empty one', () => {
    const area = groundGridAround([[0, 0, 0], [2000, 2000, 0]], 0)!;
    expect(area.grid.cols * area.grid.rows).toBeLessThanOrEqual(GROUND_MAX_CELLS);
    expect(area.grid.stepM).toBeGreaterThan(4);
    expect(groundGridAround([], 0)).toBeNull();
    expect(groundGridAround([[Number.NaN, 0, 0]], 0)).toBeNull();
  });

  it('colours texels, clear where there is no value, and draws contour ribbons', () => {
    const out = groundTexels([0, Number.NaN, 8], 2, 8, 0.5, new Uint8Array(12));
    expect(Array.from(out.subarray(0, 4))).toEqual([198, 40, 40, 128]);
    expect(out[7]).toBe(0);
    expect(Array.from(out.subarray(8, 11))).toEqual([46, 158, 68]);
    const grid = { minE: 0, minN: 0, stepM: 2, cols: 5, rows: 3, heightM: 0 };
    // Hours = column: lines at 1 h, 2 h, 3 h cross every row of cells.
    const hours = Float32Array.from({ length: 15 }, (_, i) => i % 5);
    const rib = contourRibbons(grid, hours);
    expect(rib.segments).toBe(3 * 2);
    expect(rib.index.length).toBe(6 * 6);
    // The 1 h line sits at east = 2 m (column 1), in three.js x.
    expect(Math.abs(rib.positions[0]! - 2)).toBeCloseTo(0.4, 5);
    expect(Array.from(rib.positions).every(Number.isFinite)).toBe(true);
  });
});
