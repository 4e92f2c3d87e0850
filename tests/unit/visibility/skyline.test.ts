/** Skyline by bisection against closed forms: one box, a sector, random boxes, under a roof. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { computeSkyline, computeSkylineAsync, skylineBuildingId, skylineSampling } from '../../../src/analysis/visibility/skyline';
import { skyShare, skyViewFactor } from '../../../src/analysis/visibility/skylineMetrics';
import { box, boxSkylineDeg, lcg } from './fixtures';

const DEG = 180 / Math.PI;
const EYE: [number, number, number] = [0, 0, 1.6];
// East of the eye at d = 40 m, 60 m wide (azimuths 90° ± 36.87°), 25 m tall.
const A = box('A', 40, -30, 60, 30, 25);
const casters = buildCasterBvh([A]);

describe('skyline', () => {
  it('samples 360° in whole steps and a sector edge to edge', () => {
    expect(skylineSampling(360, 0.25)).toEqual({ count: 1440, stepDeg: 0.25, full360: true });
    expect(skylineSampling(60, 0.5)).toEqual({ count: 121, stepDeg: 0.5, full360: false });
    expect(skylineSampling(360, 7).stepDeg).toBeCloseTo(360 / 51, 12);
  });

  it('of one box: atan((h − eye) / d) at its azimuth, the roof edge’s closed form across it, 0 elsewhere', () => {
    const p = computeSkyline({ casters, viewpoint: EYE });
    expect(p.count).toBe(1440);
    const k90 = 90 / 0.25;
    expect(p.azimuthDeg[k90]).toBe(90);
    expect(Math.abs(p.elevationDeg[k90]! - Math.atan((25 - 1.6) / 40) * DEG)).toBeLessThanOrEqual(p.toleranceDeg);
    expect(skylineBuildingId(p, k90)).toBe('A');
    const half = Math.atan(30 / 40) * DEG;
    for (let k = 0; k < p.count; k++) {
      const off = Math.abs(p.azimuthDeg[k]! - 90);
      // Samples at the box's very edges may go either way.
      if (Math.abs(off - half) < 0.01) continue;
      if (off < half) {
        const exact = Math.atan((23.4 * Math.cos(off / DEG)) / 40) * DEG;
        expect(Math.abs(p.elevationDeg[k]! - exact)).toBeLessThanOrEqual(p.toleranceDeg / 2 + 1e-6);
        expect(p.building[k]).toBe(0);
      } else {
        expect(p.elevationDeg[k]).toBe(0);
        expect(skylineBuildingId(p, k)).toBeNull();
      }
    }
  });

  it('honours the bisection tolerance it is given', () => {
    const exact = Math.atan(23.4 / 40) * DEG;
    for (const tol of [1, 0.1, 0.001]) {
      const p = computeSkyline({ casters, viewpoint: EYE, headingDeg: 90, horizontalFovDeg: 2, stepDeg: 1, toleranceDeg: tol });
      expect(p.count).toBe(3);
      expect(Math.abs(p.elevationDeg[1]! - exact)).toBeLessThanOrEqual(tol / 2);
    }
  });

  it('covers a sector from heading − fov/2 to heading + fov/2', () => {
    const p = computeSkyline({ casters, viewpoint: EYE, headingDeg: 90, horizontalFovDeg: 60, stepDeg: 0.5 });
    expect(p.full360).toBe(false);
    expect(p.azimuthDeg[0]).toBe(60);
    expect(p.azimuthDeg[p.count - 1]).toBe(120);
    expect(p.elevationDeg.every((e) => e > 0)).toBe(true);
    // A sector across north wraps its azimuths.
    const n = computeSkyline({ casters, viewpoint: EYE, headingDeg: 0, horizontalFovDeg: 20, stepDeg: 1 });
    expect(n.azimuthDeg[0]).toBe(350);
    expect(n.azimuthDeg[10]).toBe(0);
    expect(n.elevationDeg.every((e) => e === 0)).toBe(true);
  });

  it('matches the exact skyline of random boxes within the tolerance, naming the building', () => {
    const rnd = lcg(42);
    const boxes = Array.from({ length: 60 }, (_, i) => {
      const x = -150 + rnd() * 300, y = -150 + rnd() * 300;
      return box(`b${i}`, x, y, x + 5 + rnd() * 20, y + 5 + rnd() * 20, 2 + rnd() * 80);
    }).filter((b) => b.footprint.every(([x, y]) => Math.hypot(x, y) > 20));
    const p = computeSkyline({ casters: buildCasterBvh(boxes), viewpoint: EYE, stepDeg: 0.5 });
    let mismatched = 0;
    for (let k = 0; k < p.count; k++) {
      const exact = boxSkylineDeg(boxes, 0, 0, 1.6, p.azimuthDeg[k]!);
      // Grazing a box's corner exactly is a tie either way; everything else is within tol / 2.
      if (Math.abs(p.elevationDeg[k]! - exact) > p.toleranceDeg / 2 + 1e-6) mismatched++;
      const id = skylineBuildingId(p, k);
      if (exact > 0 && id) expect(boxSkylineDeg(boxes.filter((b) => b.id === id), 0, 0, 1.6, p.azimuthDeg[k]!)).toBeGreaterThan(exact - p.toleranceDeg);
    }
    expect(mismatched).toBeLessThanOrEqual(2);
  });

  it('ignores buildings beyond maxDistanceM and buildings below the eye', () => {
    expect(computeSkyline({ casters, viewpoint: EYE, maxDistanceM: 39 }).elevationDeg.every((e) => e === 0)).toBe(true);
    expect(computeSkyline({ casters, viewpoint: [0, 0, 30] }).elevationDeg.every((e) => e === 0)).toBe(true);
  });

  it('of an empty scene is open sky: SVF 1, sky share 1', () => {
    const p = computeSkyline({ casters: buildCasterBvh([]), viewpoint: EYE });
    expect(p.elevationDeg.every((e) => e === 0)).toBe(true);
    expect(skyViewFactor(p)).toBe(1);
    expect(skyShare(p)).toBe(1);
  });

  it('under a roof is 90° all round: SVF 0', () => {
    const p = computeSkyline({ casters, viewpoint: [50, 0, 10], stepDeg: 10 });
    expect(p.elevationDeg.every((e) => e === 90)).toBe(true);
    expect(skyViewFactor(p)).toBeCloseTo(0, 12);
  });

  it('reports progress, cancels between chunks and runs asynchronously', async () => {
    const seen: number[] = [];
    computeSkyline({ casters, viewpoint: EYE, chunkSize: 100, onProgress: (d) => seen.push(d) });
    expect(seen.at(-1)).toBe(1440);
    const cut = computeSkyline({ casters, viewpoint: EYE, chunkSize: 100, shouldCancel: () => true });
    expect(cut.cancelled).toBe(true);
    expect(cut.elevationDeg.subarray(100).every((e) => e === 0)).toBe(true);
    const a = await computeSkylineAsync({ casters, viewpoint: EYE, chunkSize: 500 }, () => Promise.resolve());
    expect(a.elevationDeg).toEqual(computeSkyline({ casters, viewpoint: EYE }).elevationDeg);
  });
});
