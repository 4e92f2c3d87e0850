import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../../src/analysis/sunlight/worker/protocol';
import { checkProfile, paramPairs, parseTst, PARAM_KEYS, tstText } from '../../../src/ui/planning/sunlight/profileForm';
import { failingBuildings, failingWindows, formatHours, impactRowsOf, summarize, sunlightCsv } from '../../../src/ui/planning/sunlight/resultTables';
import { advance, lapseShare } from '../../../src/ui/planning/sunlight/timeLapse';
import { altitudeRings, pathD, polarXY } from '../../../src/ui/planning/sunlight/sunPathModel';
import { resolveProfile } from '../../../src/analysis/sunlight/profiles';

const row = (id: string, buildingId: string, floor: number, hours: number, facade = 0): ResultRow => ({
  id, buildingId, facade, floor, position: [1.234, -5.678, floor * 3 - 2.1], normal: [0, -1, 0], hours, longestContinuousH: hours / 2, pass: hours >= 2,
});

describe('result tables', () => {
  const rows = [row('a1', 'A', 2, 1.5), row('a0', 'A', 1, 0.5), row('b1', 'B', 1, 0.5), row('b2', 'B', 3, 6), row('a2', 'A', 1, 1.5, 1)];

  it('lists failing windows fewest hours first, stable on ties, and failing buildings with their floors', () => {
    expect(failingWindows(rows).map((r) => r.id)).toEqual(['a0', 'b1', 'a2', 'a1']);
    expect(failingBuildings(rows)).toEqual([
      { buildingId: 'A', failing: 3, windows: 3, floors: [1, 2], minHours: 0.5 },
      { buildingId: 'B', failing: 1, windows: 2, floors: [1], minHours: 0.5 },
    ]);
    expect(summarize(rows)).toEqual({ receivers: 5, passed: 1, failed: 4, minHours: 0.5, maxHours: 6 });
    expect(summarize([])).toEqual({ receivers: 0, passed: 0, failed: 0, minHours: 0, maxHours: 0 });
  });

  it('orders an impact: newly failing first, then by the hours lost', () => {
    const e = (id: string, before: number, after: number) => ({ id, buildingId: 'A', facade: 0, floor: 1, before, after });
    const out = impactRowsOf({ worsened: [e('x', 8, 7), e('y', 3, 1), e('z', 8, 2.5)], newlyFailing: [e('y', 3, 1)] });
    expect(out.map((r) => [r.receiverId, r.newlyFailing])).toEqual([['y', true], ['z', false], ['x', false]]);
  });

  it('writes every window as CSV with a BOM, the parameters and the label', () => {
    const csv = sunlightCsv([row('=x', 'A', 1, 2.25)], { A: { zh: '一号楼, 北', en: 'Block 1' } }, 'zh', [['日照标准（h）', '2']]);
    expect(csv.startsWith('\uFEFF测点编号,建筑,建筑名称,立面,楼层,E (m),N (m),U (m),日照时数 (h),最长连续 (h),是否满足\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[1]).toBe(`'=x,A,"一号楼, 北",0,1,1.23,-5.68,0.90,2.250,1.125,满足`);
    expect(lines[2]).toBe('日照标准（h）,2,,,,,,,,,');
    expect(lines[3]).toContain('方案参考，非报建结论');
    expect(sunlightCsv([], {}, 'en', [])).toMatch(/scheme reference, not a statutory finding/i);
    expect(formatHours(2.0833)).toBe('2:05');
    expect(formatHours(Number.NaN)).toBe('—');
    expect(formatHours(-1)).toBe('0:00');
  });
});

describe('profile form', () => {
  it('validates with the engine schema and names the field', () => {
    expect(checkProfile('gb50180-dahan', {}).profile?.minHours).toBe(2);
    expect(checkProfile('gb50180-dahan', { stepMin: 5 }).problems).toEqual({ stepMin: 'range' });
    expect(checkProfile('gb50180-dahan', { windowStartTst: 15, windowEndTst: 10 }).problems.windowEndTst).toBe('order');
    expect(checkProfile('gb50180-dahan', { minHours: 9 }).problems).toEqual({ minHours: 'exceeds' });
    expect(checkProfile('gb50180-dahan', { term: 'lixia' }).problems).toEqual({ term: 'choice' });
    expect(checkProfile('gb50180-dahan', { minHours: 'x' }).problems).toEqual({ minHours: 'range' });
    expect(checkProfile('gb50180-dahan', { colour: 1 }).unknown).toEqual(['colour']);
    expect(checkProfile('nope', {}).profile).toBeNull();
    // Every parameter of a profile is in the form.
    const p = resolveProfile('gb50180-dahan');
    expect([...PARAM_KEYS].sort()).toEqual(Object.keys(p).filter((k) => !['id', 'name', 'source'].includes(k)).sort());
    expect(paramPairs(p).slice(0, 3)).toEqual([['term', 'dahan'], ['windowStartTst', '08:00'], ['windowEndTst', '16:00']]);
    expect([tstText(8.5), tstText(30), parseTst('08:30'), parseTst('24:00'), parseTst('24:01'), parseTst('8.5')]).toEqual(['08:30', '24:00', 8.5, 24, null, null]);
  });
});

describe('time-lapse and sun path', () => {
  it('moves from the window start at the speed and stops at the end', () => {
    const t = { startMs: 1000, endMs: 1000 + 8 * 3_600_000, speed: 1200 };
    expect(advance(t, 0, 1000)).toEqual({ ms: 1000 + 1_200_000, done: false });
    expect(advance(t, 1000 + 3_600_000, 1000).ms).toBe(1000 + 3_600_000 + 1_200_000);
    expect(advance(t, t.endMs - 10, 1000)).toEqual({ ms: t.endMs, done: true });
    // At the end, playing again starts over.
    expect(advance(t, t.endMs, 0).ms).toBe(t.startMs);
    expect(lapseShare(t, 1000 + 4 * 3_600_000)).toBeCloseTo(0.5);
    expect(lapseShare(t, Number.NaN)).toBe(0);
    expect(advance({ ...t, endMs: 0 }, 5, 5)).toEqual({ ms: 1000, done: true });
  });

  it('plots north up, the zenith in the middle and the horizon on the rim', () => {
    const f = { cx: 100, cy: 100, r: 80 };
    expect(polarXY({ altitudeRad: Math.PI / 2, azimuthRad: 1 }, f)).toEqual([100, 100]);
    const south = polarXY({ altitudeRad: 0, azimuthRad: Math.PI }, f);
    expect(south[0]).toBeCloseTo(100);
    expect(south[1]).toBeCloseTo(180);
    const east = polarXY({ altitudeRad: Math.PI / 4, azimuthRad: Math.PI / 2 }, f);
    expect(east[0]).toBeCloseTo(140);
    expect(pathD([{ altitudeRad: 0, azimuthRad: 0 }, { altitudeRad: Number.NaN, azimuthRad: 0 }, { altitudeRad: 0, azimuthRad: Math.PI / 2 }], f)).toBe('M100 20 L180 100');
    expect(altitudeRings(f).map((r) => Math.round(r.r))).toEqual([80, 53, 27]);
  });
});
