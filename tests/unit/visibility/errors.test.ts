/** Non-finite and out-of-range inputs fail with a typed error naming the field; NaN never comes out. */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { ConeTest } from '../../../src/analysis/visibility/cone';
import { VisibilityInputError } from '../../../src/analysis/visibility/errors';
import { computeSkyline } from '../../../src/analysis/visibility/skyline';
import { profileToScreen } from '../../../src/analysis/visibility/skylineScreen';
import { eyePoint, sightLine, sightLines } from '../../../src/analysis/visibility/sightLine';
import { runViewshed } from '../../../src/analysis/visibility/viewshed';
import { box } from './fixtures';

const casters = buildCasterBvh([box('A', 10, -5, 20, 5, 20)]);
const EYE: [number, number, number] = [0, 0, 1.6];

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VisibilityInputError);
    expect(e).toBeInstanceOf(RangeError);
    return (e as VisibilityInputError).field;
  }
  throw new Error('expected a VisibilityInputError');
}

describe('visibility input checks', () => {
  it('rejects non-finite sight-line inputs before casting, naming the field', () => {
    expect(fieldOf(() => sightLines(casters, EYE, [[30, 0, 1], [NaN, 0, 1]]))).toBe('targets[1][0]');
    expect(fieldOf(() => sightLine(casters, [0, Infinity, 1.6], [30, 0, 1]))).toBe('observer[1]');
    expect(fieldOf(() => sightLine(casters, EYE, [30, 0] as unknown as [number, number, number]))).toBe('targets[0]');
    expect(fieldOf(() => sightLine(casters, EYE, [30, 0, 1], { endToleranceM: -1 }))).toBe('endToleranceM');
    expect(fieldOf(() => eyePoint([0, 0], NaN))).toBe('eyeHeightM');
    expect(fieldOf(() => eyePoint([0, NaN]))).toBe('ground[1]');
  });

  it('rejects bad viewshed inputs: range, cell size, cone, facade points, a grid too large', () => {
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: NaN }))).toBe('maxDistanceM');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 10, cellSizeM: 0 }))).toBe('cellSizeM');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 1e5, cellSizeM: 1 }))).toBe('cellSizeM');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 10, groundZ: Infinity }))).toBe('groundZ');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 10, cone: { headingDeg: NaN, horizontalFovDeg: 90 } }))).toBe('cone.headingDeg');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 10, cone: { headingDeg: 0, horizontalFovDeg: 400 } }))).toBe('cone.horizontalFovDeg');
    expect(fieldOf(() => new ConeTest({ headingDeg: 0, horizontalFovDeg: 90, verticalFovDeg: 0 }))).toBe('cone.verticalFovDeg');
    expect(fieldOf(() => runViewshed({ casters, observer: EYE, maxDistanceM: 10, facadePoints: [{ position: [1, 2, 3], normal: [NaN, 0, 0] }] }))).toBe('facadePoints[0].normal[0]');
  });

  it('rejects bad skyline and camera inputs', () => {
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: [NaN, 0, 0] }))).toBe('viewpoint[0]');
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: EYE, stepDeg: Infinity }))).toBe('stepDeg');
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: EYE, stepDeg: 1e-6 }))).toBe('stepDeg');
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: EYE, toleranceDeg: 0 }))).toBe('toleranceDeg');
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: EYE, horizontalFovDeg: NaN }))).toBe('horizontalFovDeg');
    expect(fieldOf(() => computeSkyline({ casters, viewpoint: EYE, headingDeg: -Infinity }))).toBe('headingDeg');
    const p = computeSkyline({ casters, viewpoint: EYE, stepDeg: 5 });
    expect(fieldOf(() => profileToScreen(p, { headingDeg: 0, horizontalFovDeg: 180, widthPx: 100, heightPx: 100 }))).toBe('camera.horizontalFovDeg');
    expect(fieldOf(() => profileToScreen(p, { headingDeg: 0, horizontalFovDeg: 60, widthPx: 0, heightPx: 100 }))).toBe('camera.widthPx');
  });

  it('returns only finite numbers on valid input, edge cases included', () => {
    const finite = (xs: ArrayLike<number>): boolean => Array.from(xs).every(Number.isFinite);
    const v = runViewshed({ casters, observer: EYE, maxDistanceM: 0.1, cellSizeM: 5 });
    expect([v.visibleAreaM2, v.inRangeAreaM2, v.visiblePercent].every(Number.isFinite)).toBe(true);
    const p = computeSkyline({ casters, viewpoint: EYE, horizontalFovDeg: 0.1, stepDeg: 1 });
    expect(finite(p.elevationDeg) && finite(p.azimuthDeg) && Number.isFinite(p.stepDeg)).toBe(true);
    const s = profileToScreen(computeSkyline({ casters, viewpoint: EYE, stepDeg: 1 }), { headingDeg: 0, pitchDeg: 89, horizontalFovDeg: 170, widthPx: 10, heightPx: 10 });
    expect(finite(s.x) && finite(s.y)).toBe(true);
    const l = sightLine(casters, EYE, [30, 0, 1.6]);
    expect([l.distanceM, l.blockDistanceM!, l.clearFromM!, ...l.blockPoint!].every(Number.isFinite)).toBe(true);
  });
});
