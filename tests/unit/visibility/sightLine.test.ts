/** Sight lines against hand-made boxes: blocker, hit distance, segments, end tolerance. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { SightCaster } from '../../../src/analysis/visibility/rays';
import { EYE_HEIGHT_M, eyePoint, sightLine, sightLines } from '../../../src/analysis/visibility/sightLine';
import { box } from './fixtures';

// Box A east of the observer: its west face is the plane x = 10, 20 m tall.
const A = box('A', 10, -5, 20, 5, 20);
const casters = buildCasterBvh([A, box('B', -20, 30, -10, 40, 8)]);
const eye = eyePoint([0, 0]);

describe('sightLine', () => {
  it('puts the eye 1.6 m above a ground point, or above a given ground height', () => {
    expect(eye).toEqual([0, 0, EYE_HEIGHT_M]);
    expect(eyePoint([3, 4, 10])).toEqual([3, 4, 11.6]);
    expect(eyePoint([3, 4], 1.2, 5)).toEqual([3, 4, 6.2]);
  });

  it('is blocked by a known box: its id, the hit distance and the split into segments', () => {
    const r = sightLine(casters, eye, [30, 0, 1.6]);
    expect(r.visible).toBe(false);
    expect(r.blockerId).toBe('A');
    expect(r.distanceM).toBeCloseTo(30, 9);
    expect(r.blockDistanceM).toBeCloseTo(10, 4);
    expect(r.blockPoint![0]).toBeCloseTo(10, 4);
    // The line leaves A through its east face, x = 20.
    expect(r.clearFromM).toBeCloseTo(20, 4);
    expect(r.segments).toHaveLength(2);
    expect(r.segments[0]).toMatchObject({ from: eye, visible: true });
    expect(r.segments[0]!.to[0]).toBeCloseTo(10, 4);
    expect(r.segments[1]).toMatchObject({ to: [30, 0, 1.6], visible: false });
  });

  it('hits along a slanted line at the distance the geometry gives', () => {
    // Rises 28.4 m over 30 m: at x = 10 it is at 11.07 m, below A's roof.
    const target: [number, number, number] = [30, 0, 30];
    const r = sightLine(casters, eye, target);
    const len = Math.hypot(30, 28.4);
    expect(r.blockerId).toBe('A');
    expect(r.blockDistanceM).toBeCloseTo((10 / 30) * len, 4);
    // Over the roof: at x = 10 the line is at 1.6 + 58.4 / 3 = 21.07 m > 20 and climbing.
    expect(sightLine(casters, eye, [30, 0, 60]).visible).toBe(true);
  });

  it('is visible when nothing is in between: one visible segment, no blocker', () => {
    const r = sightLine(casters, eye, [0, -50, 10]);
    expect(r).toMatchObject({ visible: true, blockerId: null, blockDistanceM: null, clearFromM: null });
    expect(r.segments).toEqual([{ from: eye, to: [0, -50, 10], visible: true }]);
  });

  it('takes the nearer of two blockers', () => {
    // Towards B's centre (-15, 35), the line enters B first at y = 30.
    const r = sightLine(casters, [0, 0, 2], [-30, 70, 2]);
    expect(r.blockerId).toBe('B');
    expect(r.blockDistanceM).toBeCloseTo(Math.hypot(30, 70) * (30 / 70), 3);
  });

  it('does not let a facade target block itself, within the 5 cm end tolerance', () => {
    expect(sightLine(casters, eye, [10, 0, 5]).visible).toBe(true);
    // 3 cm inside the wall (a float32 pick) still counts as on it.
    expect(sightLine(casters, eye, [10.03, 0, 5]).visible).toBe(true);
    // The far face of the same building is behind the near one.
    expect(sightLine(casters, eye, [20, 0, 5])).toMatchObject({ visible: false, blockerId: 'A' });
    // An observer at a window on A's west face looks out freely.
    expect(sightLine(casters, [10, 0, 5], eye).visible).toBe(true);
    // A tolerance of 1 mm makes the 3 cm-deep target hidden by its own wall.
    expect(sightLine(casters, eye, [10.03, 0, 5], { endToleranceM: 0.001 }).visible).toBe(false);
  });

  it('answers many targets at once, in order, as the line-through-box geometry predicts', () => {
    // To (30, y): at x = 10 the line is at y / 3, inside A's face (|y'| ≤ 5) exactly when |y| ≤ 15.
    const ys = [-20, -16, -14, -7, 0, 7, 14, 16, 20];
    const rs = sightLines(new SightCaster(casters), eye, ys.map((y) => [30, y, 1.6]));
    expect(rs.map((r) => r.visible)).toEqual(ys.map((y) => Math.abs(y) > 15));
    for (const [i, r] of rs.entries()) {
      if (r.visible) continue;
      expect(r.blockerId).toBe('A');
      expect(r.blockDistanceM).toBeCloseTo(Math.hypot(10, ys[i]! / 3), 4);
    }
  });

  it('treats a target at the observer as visible, with no segment', () => {
    expect(sightLine(casters, eye, eye)).toMatchObject({ visible: true, distanceM: 0, segments: [] });
  });

  it('sees everything in an empty scene', () => {
    const empty = buildCasterBvh([]);
    expect(sightLines(empty, eye, [[100, 100, 0], [-5, 3, 200]]).every((r) => r.visible)).toBe(true);
  });
});
