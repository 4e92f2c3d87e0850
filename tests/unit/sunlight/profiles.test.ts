/** Rule profiles: the standard's numbers, validation of overrides, and the counting rules. */
import { describe, expect, it } from 'vitest';
import { countLit } from '../../../src/analysis/sunlight/counting';
import { PROFILE_IDS, PROFILES, profileSchema, resolveProfile, SUNLIGHT_LABEL } from '../../../src/analysis/sunlight/profiles';

describe('profiles', () => {
  it('carry GB 50180-2018 §4.0.9 and the Shanghai practice', () => {
    expect(PROFILES['gb50180-dahan']).toMatchObject({ term: 'dahan', windowStartTst: 8, windowEndTst: 16, mode: 'cumulative', minHours: 2, sillHeightM: 0.9 });
    expect(PROFILES['gb50180-elderly-dongzhi']).toMatchObject({ term: 'dongzhi', windowStartTst: 9, windowEndTst: 15, minHours: 2 });
    expect(PROFILES['gb50180-renewal-dahan']).toMatchObject({ term: 'dahan', minHours: 1 });
    expect(PROFILES['shanghai-dongzhi-continuous']).toMatchObject({ term: 'dongzhi', mode: 'continuous', minHours: 1, windowStartTst: 9, windowEndTst: 15 });
    expect(PROFILES['shanghai-dongzhi-continuous'].windowWidthM).toBeGreaterThan(0);
    for (const id of PROFILE_IDS) {
      expect(profileSchema.safeParse(PROFILES[id]).success).toBe(true);
      expect(PROFILES[id].stepMin).toBeLessThanOrEqual(1);
    }
    expect(SUNLIGHT_LABEL.zh).toBe('方案参考，非报建结论');
  });

  it('resolves overrides and refuses bad ones with the field named', () => {
    expect(resolveProfile('gb50180-dahan', { minHours: 3, stepMin: 0.5 })).toMatchObject({ id: 'gb50180-dahan', minHours: 3, stepMin: 0.5 });
    expect(() => resolveProfile('gb50180-dahan', { stepMin: 5 })).toThrow(/stepMin/);
    expect(() => resolveProfile('gb50180-dahan', { windowEndTst: 7 })).toThrow(/windowEndTst/);
    expect(() => resolveProfile('gb50180-dahan', { minHours: NaN })).toThrow(/minHours/);
    expect(() => resolveProfile('nope')).toThrow(/unknown sunlight profile/);
  });
});

describe('countLit', () => {
  const mask = (s: string) => Uint8Array.from([...s].map((c) => (c === '#' ? 1 : 0)));
  const base = { stepMin: 1, minHours: 0.2 };

  it('cumulative adds segments of at least the shortest counted length; continuous takes the longest', () => {
    // Segments of 3, 10 and 4 steps.
    const m = mask('###..##########....####.');
    const cum = countLit(m, m.length, { ...base, mode: 'cumulative', minSegmentMin: 0 });
    expect(cum.hours * 60).toBeCloseTo(17, 9);
    const cut = countLit(m, m.length, { ...base, mode: 'cumulative', minSegmentMin: 4 });
    expect(cut.hours * 60).toBeCloseTo(14, 9);
    const cont = countLit(m, m.length, { ...base, mode: 'continuous', minSegmentMin: 0 });
    expect(cont.hours * 60).toBeCloseTo(10, 9);
    expect(cont.longestContinuousH).toBeCloseTo(cum.longestContinuousH, 12);
    expect(cont.pass).toBe(false);
    expect(countLit(m, m.length, { ...base, minHours: 10 / 60, mode: 'continuous', minSegmentMin: 0 }).pass).toBe(true);
  });

  it('counts a segment that runs to the end of the window, and an empty mask as 0', () => {
    const m = mask('..#####');
    expect(countLit(m, m.length, { ...base, mode: 'cumulative', minSegmentMin: 5 }).hours * 60).toBeCloseTo(5, 9);
    expect(countLit(mask('....'), 4, { ...base, mode: 'cumulative', minSegmentMin: 0 })).toEqual({ hours: 0, longestContinuousH: 0, pass: false });
  });
});
