import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src/analysis/planning/indicators';
import type { Ring } from '../../../src/analysis/planning/types';
import { building, plot, rect } from './fixtures';

describe('computeIndicators', () => {
  it('100 m × 100 m plot, two 20 × 50 m footprints of 10 floors: FAR 2.0, density 20 %', () => {
    const ind = computeIndicators(
      plot(rect(0, 0, 100, 100)),
      [building('a', rect(10, 10, 30, 60), 10, 36), building('b', rect(60, 10, 80, 60), 10, 40)],
      [],
    );
    expect(ind.siteAreaM2).toBeCloseTo(10_000, 9);
    expect(ind.footprintM2).toBeCloseTo(2000, 9);
    expect(ind.gfaM2).toBeCloseTo(20_000, 9);
    expect(ind.far).toBeCloseTo(2.0, 12);
    expect(ind.density).toBeCloseTo(0.2, 12);
    expect(ind.maxHeightM).toBe(40);
    expect(ind.buildingCount).toBe(2);
    expect(ind.greenM2).toBe(0);
    expect(ind.greenRatio).toBe(0);
  });

  it('L-shaped plot clips a building in the missing corner', () => {
    const L: Ring = [[0, 0], [100, 0], [100, 40], [40, 40], [40, 100], [0, 100]];
    // 20 × 40 m at (50..70, 30..70): only the strip y 30..40 (20 × 10 m) is on the plot.
    const ind = computeIndicators(plot(L), [building('a', rect(50, 30, 70, 70), 5, 15)], []);
    expect(ind.siteAreaM2).toBeCloseTo(6400, 9);
    expect(ind.footprintM2).toBeCloseTo(200, 9);
    expect(ind.gfaM2).toBeCloseTo(1000, 9);
    expect(ind.far).toBeCloseTo(1000 / 6400, 12);
    expect(ind.buildingCount).toBe(0);
    expect(ind.maxHeightM).toBe(15);
  });

  it('a plot with a hole: site area and footprints exclude it', () => {
    const p = plot(rect(0, 0, 100, 100), [[...rect(40, 40, 60, 60)].reverse()]);
    // 40 × 40 m footprint centred on the 20 × 20 m hole.
    const ind = computeIndicators(p, [building('a', rect(30, 30, 70, 70), 4)], []);
    expect(ind.siteAreaM2).toBeCloseTo(9600, 9);
    expect(ind.footprintM2).toBeCloseTo(1200, 9);
    expect(ind.gfaM2).toBeCloseTo(4800, 9);
    expect(ind.density).toBeCloseTo(1200 / 9600, 12);
    // 75 % of the footprint is on the plot.
    expect(ind.buildingCount).toBe(1);
  });

  it('straddling: half inside gives half the footprint and GFA, counts, and sets max height', () => {
    const p = plot(rect(0, 0, 100, 100));
    const half = building('half', rect(90, 0, 110, 50), 10, 60);
    const ind = computeIndicators(p, [half], []);
    expect(ind.footprintM2).toBeCloseTo(500, 9);
    expect(ind.gfaM2).toBeCloseTo(5000, 9);
    expect(ind.buildingCount).toBe(1);
    expect(ind.maxHeightM).toBe(60);
  });

  it('straddling: under half inside is not counted but still sets max height', () => {
    const ind = computeIndicators(plot(rect(0, 0, 100, 100)), [building('x', rect(95, 0, 115, 50), 10, 80)], []);
    expect(ind.footprintM2).toBeCloseTo(250, 9);
    expect(ind.gfaM2).toBeCloseTo(2500, 9);
    expect(ind.buildingCount).toBe(0);
    expect(ind.maxHeightM).toBe(80);
  });

  it('a building only touching the boundary contributes nothing', () => {
    const ind = computeIndicators(plot(rect(0, 0, 100, 100)), [building('t', rect(100, 0, 120, 50), 10, 99)], []);
    expect(ind.footprintM2).toBe(0);
    expect(ind.maxHeightM).toBe(0);
    expect(ind.buildingCount).toBe(0);
  });

  it('green ratio: union of green, clipped to the plot, minus buildings on it', () => {
    const p = plot(rect(0, 0, 100, 100));
    const green: Ring[] = [
      rect(0, 0, 50, 40), // 2000 m²
      rect(25, 0, 75, 40), // overlaps the first by 25 × 40: union 75 × 40 = 3000 m²
      rect(90, 60, 130, 100), // only 10 × 40 = 400 m² inside the plot
    ];
    // 10 × 10 m building standing on the lawn.
    const ind = computeIndicators(p, [building('kiosk', rect(10, 10, 20, 20), 1)], green);
    expect(ind.greenM2).toBeCloseTo(3000 + 400 - 100, 6);
    expect(ind.greenRatio).toBeCloseTo(0.33, 9);
  });

  it('a zero-area plot gives zero ratios, never NaN', () => {
    const ind = computeIndicators(plot([[0, 0], [10, 0], [20, 0]]), [building('a', rect(0, 0, 5, 5), 2)], []);
    expect(ind.far).toBe(0);
    expect(ind.density).toBe(0);
    expect(ind.greenRatio).toBe(0);
  });
});
