/** Profile comparison, sky share, sky-view factor and the screen projection, on closed forms. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { VisibilityInputError } from '../../../src/analysis/visibility/errors';
import { computeSkyline } from '../../../src/analysis/visibility/skyline';
import { compareProfiles, sampleWeightDeg, skyShare, skyViewFactor } from '../../../src/analysis/visibility/skylineMetrics';
import { profileToScreen, screenPoint } from '../../../src/analysis/visibility/skylineScreen';
import { box, syntheticProfile } from './fixtures';

const DEG = 180 / Math.PI;
const EYE: [number, number, number] = [0, 0, 1.6];

/** ∫ atan(k·cos a) da over |a| < half (degrees in and out), by the midpoint rule on 100 000 slices. */
function frontEdgeAreaDeg2(k: number, halfDeg: number): number {
  const n = 100_000, da = (2 * halfDeg) / n;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.atan(k * Math.cos((-halfDeg + (i + 0.5) * da) / DEG)) * DEG * da;
  return s;
}

describe('skyline metrics', () => {
  it('compares two known schemes: the area between the lines, and which parts are higher', () => {
    // Existing: A east, 25 m. Scheme: A raised to 35 m, and a new 15 m block B west. Both 40 m
    // away and 60 m wide (±36.87°): along azimuth a off-centre the front roof edge is at
    // atan((h − eye)·cos a / d).
    const half = Math.atan(30 / 40) * DEG;
    const existing = computeSkyline({ casters: buildCasterBvh([box('A', 40, -30, 60, 30, 25)]), viewpoint: EYE });
    const scheme = computeSkyline({ casters: buildCasterBvh([box('A', 40, -30, 60, 30, 35), box('B', -60, -30, -40, 30, 15)]), viewpoint: EYE });
    const c = compareProfiles(existing, scheme);
    const exactA = frontEdgeAreaDeg2(33.4 / 40, half) - frontEdgeAreaDeg2(23.4 / 40, half);
    const exactB = frontEdgeAreaDeg2(13.4 / 40, half);
    // Error budget: half a step times the jump at each of the four box edges (the trapezoid rule
    // across a discontinuity), plus the bisection tolerance over the width of both boxes.
    const jump = (k: number): number => Math.atan(k * Math.cos(half / DEG)) * DEG;
    const budget = 0.25 * (jump(33.4 / 40) - jump(23.4 / 40) + jump(13.4 / 40)) + 0.01 * 4 * half;
    expect(Math.abs(c.higherAreaDeg2 - (exactA + exactB))).toBeLessThan(budget);
    expect(c.lowerAreaDeg2).toBe(0);
    expect(c.areaBetweenDeg2).toBe(c.higherAreaDeg2);
    // Two higher runs, centred on east and west, as wide as the boxes.
    expect(c.higher).toHaveLength(2);
    const [east, west] = [...c.higher].sort((a, b) => a.fromAzimuthDeg - b.fromAzimuthDeg);
    expect(east!.fromAzimuthDeg).toBeCloseTo(90 - half, 0);
    expect(east!.toAzimuthDeg).toBeCloseTo(90 + half, 0);
    expect(west!.fromAzimuthDeg).toBeCloseTo(270 - half, 0);
    expect(west!.maxDiffDeg).toBeCloseTo(Math.atan(13.4 / 40) * DEG, 1);
    expect(east!.areaDeg2 + west!.areaDeg2).toBeCloseTo(c.higherAreaDeg2, 9);
    expect(c.lower).toHaveLength(0);
    // Swapped: the same area, now lower.
    const back = compareProfiles(scheme, existing);
    expect(back.lowerAreaDeg2).toBeCloseTo(c.higherAreaDeg2, 9);
    expect(back.higher).toHaveLength(0);
  });

  it('merges a run across north on a 360° profile, and integrates a sector by the trapezoid rule', () => {
    const a = syntheticProfile([0, 0, 0, 0, 0, 0, 0, 0]);
    const b = syntheticProfile([10, 0, 0, 0, 0, 0, 5, 10]);
    const c = compareProfiles(a, b);
    expect(c.higher).toHaveLength(1);
    expect(c.higher[0]).toMatchObject({ startIndex: 6, endIndex: 0, fromAzimuthDeg: 270, toAzimuthDeg: 0, maxDiffDeg: 10 });
    expect(c.higher[0]!.areaDeg2).toBe(25 * 45);
    const sa = syntheticProfile([0, 0, 0], { full360: false, stepDeg: 1 });
    const sb = syntheticProfile([4, 4, 4], { full360: false, stepDeg: 1 });
    expect(sampleWeightDeg(sa, 0)).toBe(0.5);
    expect(compareProfiles(sa, sb).higherAreaDeg2).toBe(8);
  });

  it('refuses to compare profiles sampled differently', () => {
    expect(() => compareProfiles(syntheticProfile([0, 0, 0, 0]), syntheticProfile([0, 0, 0, 0, 0]))).toThrow(VisibilityInputError);
    expect(() => compareProfiles(syntheticProfile([0, 0]), syntheticProfile([0, 0], { startAzimuthDeg: 10 }))).toThrow(VisibilityInputError);
  });

  it('sky share is the open part of azimuth × 0–90°; SVF = 1 − mean sin²h', () => {
    expect(skyShare(syntheticProfile(Array(36).fill(45)))).toBeCloseTo(0.5, 12);
    expect(skyShare(syntheticProfile([90, 0, 90, 0]))).toBeCloseTo(0.5, 12);
    // A uniform horizon at 30°: Oke's basin, cos²30° = 0.75.
    expect(skyViewFactor(syntheticProfile(Array(720).fill(30)))).toBeCloseTo(0.75, 12);
    expect(skyViewFactor(syntheticProfile([90, 0, 90, 0]))).toBeCloseTo(0.5, 12);
    expect(() => skyViewFactor(syntheticProfile([0, 0], { full360: false }))).toThrow(VisibilityInputError);
  });

  it('projects a profile into a camera picture: the heading at the centre, the fov at the edges', () => {
    const camera = { headingDeg: 90, horizontalFovDeg: 90, widthPx: 1000, heightPx: 500 };
    expect(screenPoint(90, 0, camera)).toEqual({ x: 500, y: 250 });
    expect(screenPoint(135, 0, camera)!.x).toBeCloseTo(1000, 9);
    expect(screenPoint(45, 0, camera)!.x).toBeCloseTo(0, 9);
    // tan(vfov / 2) = tan 45° · 500 / 1000: 30° up is 250 − 500 · tan 30° pixels down from the top.
    expect(screenPoint(90, 30, camera)!.y).toBeCloseTo(250 - 500 * Math.tan(30 / DEG), 9);
    expect(screenPoint(270, 0, camera)).toBeNull();
    // Pitched up 30°: a direction 30° up is at the centre.
    expect(screenPoint(90, 30, { ...camera, pitchDeg: 30 })!.y).toBeCloseTo(250, 9);
    const p = computeSkyline({ casters: buildCasterBvh([box('A', 40, -30, 60, 30, 25)]), viewpoint: EYE });
    const s = profileToScreen(p, camera);
    // 45°..135° at 0.25°, both ends, plus one sample beyond each edge.
    expect(s.index.length).toBe(90 / 0.25 + 1 + 2);
    expect(s.x.every((x, i) => i === 0 || x > s.x[i - 1]!)).toBe(true);
    const mid = s.index.indexOf(360);
    expect(s.x[mid]).toBeCloseTo(500, 9);
    expect(s.y[mid]).toBeCloseTo(250 - 500 * (23.4 / 40), 1);
  });
});
