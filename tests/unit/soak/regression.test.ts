import { describe, expect, it } from 'vitest';
import { linearFit, slopeAfter, theilSenSlope, warmupCutoff } from '../../soak/regression';

describe('linearFit', () => {
  it('recovers a known line exactly', () => {
    const xs = [0, 10, 20, 30, 40];
    const ys = xs.map((x) => 3.5 * x - 7);
    const f = linearFit(xs, ys)!;
    expect(f.slope).toBeCloseTo(3.5, 12);
    expect(f.intercept).toBeCloseTo(-7, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(f.n).toBe(5);
    expect(f.slopeStdErr).toBeCloseTo(0, 12);
  });

  it('matches the closed form on a hand-made noisy set', () => {
    // x̄ = 2, ȳ = 3; Sxx = 10, Sxy = 1·(-2)·… : y = 1, 4, 2, 5, 3 → Sxy = (-2)(-2)+(-1)(1)+0+(1)(2)+(2)(0) = 5 → slope 0.5.
    const f = linearFit([0, 1, 2, 3, 4], [1, 4, 2, 5, 3])!;
    expect(f.slope).toBeCloseTo(0.5, 12);
    expect(f.intercept).toBeCloseTo(2, 12);
    // SSE = Σ(y − (2 + x/2))² = 1 + 2.25 + 1 + 2.25 + 1 = 7.5; SST = 10 → r² = 0.25.
    expect(f.r2).toBeCloseTo(0.25, 12);
    expect(f.slopeStdErr).toBeCloseTo(Math.sqrt(7.5 / 3 / 10), 12);
  });

  it('keeps its digits on heap-sized values over hours', () => {
    // 300 MB plus 12 MB per hour, sampled every 10 s for 6 hours, with a ±1 MB alternating wobble.
    const xs = Array.from({ length: 2161 }, (_, i) => i * 10);
    const ys = xs.map((x, i) => 300e6 + (12e6 / 3600) * x + (i % 2 ? 1e6 : -1e6));
    expect(linearFit(xs, ys)!.slope * 3600).toBeCloseTo(12e6, -3);
  });

  it('skips non-finite pairs and refuses degenerate input', () => {
    expect(linearFit([0, 1, Number.NaN, 3], [0, 2, 5, 6])!.slope).toBeCloseTo(2, 12);
    expect(linearFit([0, 1, 2], [0, Number.POSITIVE_INFINITY, 4])!.slope).toBeCloseTo(2, 12);
    expect(linearFit([1], [1])).toBeNull();
    expect(linearFit([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(linearFit([], [])).toBeNull();
    expect(linearFit([0, 1, 2], [5, 5, 5])).toMatchObject({ slope: 0, r2: 1 });
  });
});

describe('warm-up and slope after it', () => {
  it('takes 10 % of a long run and 5 min of a short one, and says which', () => {
    expect(warmupCutoff(6 * 3600)).toMatchObject({ cutoffS: 2160, rule: 'fraction' });
    expect(warmupCutoff(6 * 3600).text).toContain('10 %');
    expect(warmupCutoff(600)).toMatchObject({ cutoffS: 300, rule: 'floor' });
    expect(warmupCutoff(2000)).toMatchObject({ cutoffS: 300 });
    expect(warmupCutoff(2000).text).toContain('floor');
    expect(warmupCutoff(3000)).toMatchObject({ cutoffS: 300, rule: 'fraction' });
    expect(warmupCutoff(100, { floorS: 60, fraction: 0.5 })).toMatchObject({ cutoffS: 60, rule: 'floor' });
  });

  it('ignores the warm-up ramp and reports per hour', () => {
    // Steep ramp (cache filling) for 300 s, then a flat line plus a 2-units-per-hour creep.
    const xs = Array.from({ length: 121 }, (_, i) => i * 10);
    const ys = xs.map((x) => (x < 300 ? x * 10 : 3000 + (2 / 3600) * (x - 300)));
    const { perUnit, fit } = slopeAfter(xs, ys, 300, 3600);
    expect(perUnit).toBeCloseTo(2, 9);
    expect(fit!.n).toBe(91);
    expect(slopeAfter(xs, ys, 10_000, 3600)).toEqual({ fit: null, perUnit: null });
  });
});

describe('theilSenSlope', () => {
  it('is the slope of a straight line, and ignores one outlier that moves least squares', () => {
    const xs = [0, 15, 30, 45, 60, 75, 90, 105, 120, 135];
    const line = xs.map((x) => 18 + x / 100);
    expect(theilSenSlope(xs, line)).toBeCloseTo(0.01, 12);
    const spiked = [...line.slice(0, 9), line[9]! + 2];
    expect(theilSenSlope(xs, spiked)).toBeCloseTo(0.01, 12);
    expect(linearFit(xs, spiked)!.slope).toBeGreaterThan(0.015);
  });

  it('is the median of pair slopes for an even count, and null without two distinct x', () => {
    // Pairs: (0,1)→1, (0,2)→1.5, (1,2)→2: median 1.5.
    expect(theilSenSlope([0, 1, 2], [0, 1, 3])).toBe(1.5);
    // Pairs: (0,1)→2, (0,2)→1, (1,2)→0, plus (0,3)→1, (1,3)→0.5, (2,3)→1: median of [0,0.5,1,1,1,2] = 1.
    expect(theilSenSlope([0, 1, 2, 3], [0, 2, 2, 3])).toBe(1);
    expect(theilSenSlope([5, 5], [1, 2])).toBeNull();
    expect(theilSenSlope([1], [1])).toBeNull();
    expect(theilSenSlope([0, 1, Number.NaN], [0, 1, 9])).toBe(1);
  });
});
