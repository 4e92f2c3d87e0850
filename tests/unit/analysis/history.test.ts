import { describe, expect, it } from 'vitest';
import { SensorHistory } from '../../../src/analysis/live/SensorHistory';
import { TrendRing } from '../../../src/analysis/live/TrendRing';

function src(values: number[], has: number[], stale: number[]) {
  return { count: values.length, values: Float64Array.from(values), hasValue: Uint8Array.from(has), stale: Uint8Array.from(stale) };
}

describe('TrendRing', () => {
  it('keeps the last `capacity` samples in order, with gaps as null', () => {
    const r = new TrendRing(3, 2);
    r.push(1, [10, null]);
    r.push(2, [11, 5]);
    r.push(3, [Number.NaN, 6]);
    r.push(4, [13, 7]);
    expect(r.series()).toEqual({ t: [2, 3, 4], values: [[11, null, 13], [5, 6, 7]] });
    expect(r.lastTime()).toBe(4);
    r.clear();
    expect(r.series()).toEqual({ t: [], values: [[], []] });
  });
});

describe('SensorHistory', () => {
  it('records each sensor per sample; silent or never-reported sensors are gaps, not zeros', () => {
    const h = new SensorHistory(4, 1);
    h.sample(1000, src([5, 7, 0], [1, 1, 0], [0, 1, 1]));
    h.sample(2000, src([6, 8, 0], [1, 1, 0], [0, 0, 1]));
    expect(h.series(0)).toEqual({ t: [1000, 2000], v: [5, 6] });
    expect(h.series(1)).toEqual({ t: [1000, 2000], v: [null, 8] });
    expect(h.series(2)).toEqual({ t: [1000, 2000], v: [null, null] });
  });

  it('grows to more sensors without losing earlier samples', () => {
    const h = new SensorHistory(3, 1);
    h.sample(1, src([1], [1], [0]));
    h.sample(2, src([2, 20, 200], [1, 1, 1], [0, 0, 0]));
    expect(h.series(0).v).toEqual([1, 2]);
    expect(h.series(2).v).toEqual([null, 200]);
    h.sample(3, src([3, 30, 300], [1, 1, 1], [0, 0, 0]));
    h.sample(4, src([4, 40, 400], [1, 1, 1], [0, 0, 0]));
    expect(h.series(1)).toEqual({ t: [2, 3, 4], v: [20, 30, 40] });
  });

  it('rate of change over a window, from valid samples; null when they span too little', () => {
    const h = new SensorHistory(100, 1);
    for (let i = 0; i <= 10; i++) h.sample(i * 1000, src([i * 2], [1], [0]));
    expect(h.rate(0, 5000)).toBeCloseTo(2 / 1000, 10);
    const g = new SensorHistory(100, 1);
    g.sample(0, src([0], [1], [0]));
    for (let i = 1; i <= 9; i++) g.sample(i * 1000, src([0], [1], [1]));
    g.sample(10_000, src([10], [1], [0]));
    expect(g.rate(0, 5000)).toBeNull();
    expect(g.rate(0, 20_000)).toBeCloseTo(1 / 1000, 10);
    expect(new SensorHistory(10, 1).rate(0, 1000)).toBeNull();
  });
});
