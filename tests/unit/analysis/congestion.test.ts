import { describe, expect, it } from 'vitest';
import {
  CONGESTION_BOUNDS, CONGESTION_STOPS, congestionColor, congestionLevel, hexToRgb, NO_DATA_COLOR, speedRatio,
} from '../../../src/analysis/live/congestion';
import { congestionLevel as simLevel } from '../../../src/sim/traffic/SegmentStats';

const rgb = (hex: string) => hexToRgb(hex);

describe('congestion colour scale', () => {
  it('speed ratio is speed over free-flow speed, clamped to [0, 1]; unusable inputs give NaN', () => {
    expect(speedRatio(30, 60)).toBe(0.5);
    expect(speedRatio(80, 60)).toBe(1);
    expect(speedRatio(0, 60)).toBe(0);
    expect(speedRatio(30, 0)).toBeNaN();
    expect(speedRatio(Number.NaN, 60)).toBeNaN();
    expect(speedRatio(-1, 60)).toBeNaN();
  });

  it('levels match the simulator\'s bands at every boundary', () => {
    for (const r of [0, 0.1, 0.149, 0.15, 0.2, 0.29, 0.3, 0.45, 0.5, 0.7, 1]) expect(congestionLevel(r)).toBe(simLevel(r));
  });

  it('hits each stop colour exactly at its ratio', () => {
    for (const [r, hex] of CONGESTION_STOPS) {
      const c = congestionColor(r);
      const want = rgb(hex);
      for (let i = 0; i < 3; i++) expect(c[i]).toBeCloseTo(want[i]!, 6);
    }
  });

  it('free flow is green, jammed is dark red, and the green channel never falls as the ratio rises', () => {
    const free = congestionColor(1), jammed = congestionColor(0);
    expect(free[1]).toBeGreaterThan(free[0]!);
    expect(jammed[0]).toBeGreaterThan(jammed[1]!);
    let prevGreen = -Infinity;
    for (let r = 0; r <= 1.0001; r += 0.025) {
      const g = congestionColor(r)[1]!;
      if (r <= 0.5) expect(g).toBeGreaterThanOrEqual(prevGreen - 1e-9);
      prevGreen = g;
    }
  });

  it('blends linearly between stops', () => {
    const mid = (CONGESTION_BOUNDS.congested + CONGESTION_BOUNDS.slow) / 2;
    const a = rgb(CONGESTION_STOPS[2]![1]), b = rgb(CONGESTION_STOPS[3]![1]);
    const c = congestionColor(mid);
    for (let i = 0; i < 3; i++) expect(c[i]).toBeCloseTo((a[i]! + b[i]!) / 2, 6);
  });

  it('no data (NaN) has its own grey, and out-of-range ratios clamp', () => {
    expect(congestionColor(Number.NaN)).toEqual(rgb(NO_DATA_COLOR));
    expect(congestionColor(5)).toEqual(congestionColor(1));
    expect(congestionColor(-2)).toEqual(congestionColor(0));
  });
});
