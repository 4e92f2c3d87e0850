import { describe, expect, it } from 'vitest';
import { checkHeightLimit, heightLimitOfPlot } from '../../../src/analysis/heightLimit/check';
import type { HeightLimit, HeightLimitReport } from '../../../src/analysis/heightLimit/types';
import type { PlanBuilding, Plot } from '../../../src/analysis/planning/types';
import type { ZoneFootprint } from '../../../src/analysis/sunlight/zoneFootprints';
import { box, rect } from './fixtures';

const LIMIT_50: HeightLimit = { ring: rect(0, 0, 100, 100), limitM: 50 };

function report(limit: HeightLimit, buildings: Parameters<typeof checkHeightLimit>[1]): HeightLimitReport {
  const r = checkHeightLimit(limit, buildings);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('checkHeightLimit', () => {
  it('a 60 m box under a 50 m limit exceeds it by 10 m', () => {
    const r = report(LIMIT_50, [box('a', rect(10, 10, 30, 30), 60)]);
    expect(r.checked).toBe(1);
    expect(r.over).toBe(1);
    expect(r.maxExcessM).toBe(10);
    expect(r.exceedances).toEqual([
      { id: 'a', name: { zh: '楼a', en: 'Building a' }, heightM: 60, baseM: 0, excessM: 10, intersectAreaM2: 400, footprintAreaM2: 400, x: 20, y: 20 },
    ]);
  });

  it('lists a straddling box with only its part inside, leaves out boxes outside or merely touching', () => {
    const r = report(LIMIT_50, [
      box('inside', rect(10, 10, 30, 30), 60),
      box('outside', rect(200, 0, 220, 20), 80),
      box('straddle', rect(90, 10, 110, 30), 70),
      box('low', rect(40, 40, 60, 60), 40),
      box('touch', rect(100, 40, 120, 60), 90),
      box('corner', rect(100, 100, 110, 110), 90),
    ]);
    expect(r.checked).toBe(3);
    expect(r.over).toBe(2);
    expect(r.maxExcessM).toBe(20);
    expect(r.exceedances.map((e) => [e.id, e.excessM, e.intersectAreaM2, e.footprintAreaM2])).toEqual([
      ['straddle', 20, 200, 400],
      ['inside', 10, 400, 400],
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('a building exactly at the limit complies', () => {
    const r = report(LIMIT_50, [box('a', rect(10, 10, 30, 30), 50)]);
    expect(r).toMatchObject({ checked: 1, over: 0, maxExcessM: 0, exceedances: [] });
  });

  it('measures from the building base: a 55 m tower on a 5 m plinth is 5 m over, not 10', () => {
    const r = report(LIMIT_50, [box('a', rect(10, 10, 30, 30), 55, 5)]);
    expect(r.exceedances[0]).toMatchObject({ heightM: 55, baseM: 5, excessM: 5 });
  });

  it('a building standing in a hole of the limit area is not checked', () => {
    const limit: HeightLimit = { ring: rect(0, 0, 100, 100), holes: [rect(40, 40, 60, 60)], limitM: 50 };
    const r = report(limit, [box('hole', rect(45, 45, 55, 55), 90), box('ring', rect(35, 45, 45, 55), 90)]);
    expect(r.checked).toBe(1);
    expect(r.exceedances.map((e) => [e.id, e.intersectAreaM2])).toEqual([['ring', 50]]);
  });

  it('sorts by excess, then id, and works with a clockwise limit ring', () => {
    const cw: HeightLimit = { ring: [...rect(0, 0, 100, 100)].reverse(), limitM: 50 };
    const r = report(cw, [box('b', rect(0, 0, 10, 10), 60), box('c', rect(20, 0, 30, 10), 75), box('a', rect(40, 0, 50, 10), 60)]);
    expect(r.exceedances.map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('skips buildings with unusable data and still checks the rest', () => {
    const r = report(LIMIT_50, [
      box('nan-height', rect(10, 10, 20, 20), NaN),
      box('nan-foot', [[10, 10], [NaN, 10], [20, 20]], 60),
      box('bow-tie', [[10, 10], [20, 20], [20, 10], [10, 20]], 60),
      box('good', rect(50, 50, 60, 60), 51),
    ]);
    expect(r.skipped).toEqual([
      { id: 'nan-height', problem: 'invalid-height' },
      { id: 'nan-foot', problem: 'non-finite' },
      { id: 'bow-tie', problem: 'self-intersecting' },
    ]);
    expect(r.exceedances.map((e) => e.id)).toEqual(['good']);
    expect(r.exceedances[0]!.excessM).toBeCloseTo(1, 12);
  });

  it('refuses an unusable limit, naming the ring', () => {
    expect(checkHeightLimit({ ...LIMIT_50, limitM: NaN }, [])).toEqual({ ok: false, problem: 'invalid-limit' });
    expect(checkHeightLimit({ ...LIMIT_50, limitM: -1 }, [])).toEqual({ ok: false, problem: 'invalid-limit' });
    expect(checkHeightLimit({ ring: [[0, 0], [10, 10], [10, 0], [0, 10]], limitM: 50 }, [])).toEqual({ ok: false, problem: 'self-intersecting', ring: 0 });
    expect(checkHeightLimit({ ...LIMIT_50, holes: [[[1, 1], [2, 2]]] }, [])).toEqual({ ok: false, problem: 'too-few-points', ring: 1 });
  });

  it('takes footprints.json entries and scheme buildings as they are', () => {
    const zone: ZoneFootprint = {
      id: 'z1', name: { zh: '现状', en: 'Today' }, footprint: rect(10, 10, 20, 20), heightM: 62, baseM: 3.5, floors: 20, landUse: 'R',
    };
    const scheme: PlanBuilding = {
      id: 's1', name: { zh: '方案', en: 'Scheme' }, footprint: rect(30, 30, 40, 40), heightM: 80, floors: 24, use: 'B', status: 'planned',
    };
    const r = report(LIMIT_50, [zone, scheme]);
    expect(r.exceedances.map((e) => [e.id, e.excessM, e.baseM])).toEqual([['s1', 30, 0], ['z1', 12, 3.5]]);
  });
});

describe('heightLimitOfPlot', () => {
  const plot = (heightMaxM: number | null): Plot => ({
    id: 'p1', code: 'XH-B2-03', blockCode: 'B2', landUse: 'B', name: { zh: '地块', en: 'Plot' },
    ring: rect(0, 0, 100, 100), holes: [rect(40, 40, 60, 60)],
    limits: { farMax: null, heightMaxM, densityMax: null, greenRatioMin: null }, schemeIds: [],
  });

  it("reads the plot's heightMaxM, ring and holes", () => {
    expect(heightLimitOfPlot(plot(50))).toEqual({
      ok: true, value: { ring: rect(0, 0, 100, 100), holes: [rect(40, 40, 60, 60)], limitM: 50, plotId: 'p1' },
    });
  });

  it('an uncontrolled plot has no limit to check', () => {
    expect(heightLimitOfPlot(plot(null))).toEqual({ ok: false, problem: 'uncontrolled' });
  });
});
