import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../../../src/analysis/planning/compliance';
import type { Indicators } from '../../../src/analysis/planning/types';

const ind: Indicators = {
  siteAreaM2: 10_000,
  gfaM2: 25_000,
  far: 2.5,
  footprintM2: 3000,
  density: 0.3,
  greenM2: 3500,
  greenRatio: 0.35,
  maxHeightM: 80,
  buildingCount: 3,
};

function row(rows: ReturnType<typeof checkCompliance>, key: string) {
  const r = rows.find((x) => x.indicator === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

describe('checkCompliance', () => {
  it('returns the four rows in a fixed order with their senses', () => {
    const rows = checkCompliance(ind, { farMax: 3, heightMaxM: 100, densityMax: 0.4, greenRatioMin: 0.3 });
    expect(rows.map((r) => [r.indicator, r.sense])).toEqual([
      ['far', 'max'], ['density', 'max'], ['greenRatio', 'min'], ['maxHeightM', 'max'],
    ]);
  });

  it('pass: margins are limit − value for max, value − limit for min', () => {
    const rows = checkCompliance(ind, { farMax: 3, heightMaxM: 100, densityMax: 0.4, greenRatioMin: 0.3 });
    expect(rows.every((r) => r.verdict === 'pass')).toBe(true);
    expect(row(rows, 'far').margin).toBeCloseTo(0.5, 12);
    expect(row(rows, 'density').margin).toBeCloseTo(0.1, 12);
    expect(row(rows, 'greenRatio').margin).toBeCloseTo(0.05, 12);
    expect(row(rows, 'maxHeightM').margin).toBeCloseTo(20, 12);
  });

  it('fail: negative margins, including the min sense', () => {
    const rows = checkCompliance(ind, { farMax: 2, heightMaxM: 60, densityMax: 0.25, greenRatioMin: 0.4 });
    expect(rows.every((r) => r.verdict === 'fail')).toBe(true);
    expect(row(rows, 'far').margin).toBeCloseTo(-0.5, 12);
    expect(row(rows, 'greenRatio').margin).toBeCloseTo(-0.05, 12);
    expect(row(rows, 'maxHeightM').margin).toBeCloseTo(-20, 12);
  });

  it('exactly at the limit passes, also through floating-point noise, with margin 0', () => {
    // 0.1 + 0.2 is 0.30000000000000004, just over a 0.3 cap; 0.35 − 1e-12 is just under a 0.35 floor.
    const noisy = { ...ind, far: 0.1 + 0.2, greenRatio: 0.35 - 1e-12 };
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    const rows = checkCompliance(noisy, { farMax: 0.3, heightMaxM: 80, densityMax: 0.3, greenRatioMin: 0.35 });
    expect(rows.map((r) => r.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(rows.map((r) => r.margin)).toEqual([0, 0, 0, 0]);
  });

  it('just beyond the tolerance fails', () => {
    const rows = checkCompliance({ ...ind, far: 2.5 * (1 + 1e-6) }, { farMax: 2.5, heightMaxM: null, densityMax: null, greenRatioMin: null });
    expect(row(rows, 'far').verdict).toBe('fail');
  });

  it('null limits are uncontrolled with a null margin', () => {
    const rows = checkCompliance(ind, { farMax: null, heightMaxM: null, densityMax: 0.2, greenRatioMin: null });
    expect(row(rows, 'far')).toMatchObject({ verdict: 'uncontrolled', margin: null, limit: null, value: 2.5 });
    expect(row(rows, 'density').verdict).toBe('fail');
    expect(row(rows, 'greenRatio').verdict).toBe('uncontrolled');
    expect(row(rows, 'maxHeightM').verdict).toBe('uncontrolled');
  });
});
