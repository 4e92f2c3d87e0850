import { describe, expect, it } from 'vitest';
import { measureDistance, polylineLength } from '../../../src/analysis/measure/distance';

describe('measureDistance', () => {
  it('3-4-5: horizontal 3, vertical 4, slant 5', () => {
    const r = measureDistance([0, 0, 0], [3, 0, 4]);
    expect(r).toEqual({ ok: true, value: { horizontalM: 3, verticalM: 4, verticalAbsM: 4, slantM: 5 } });
  });

  it('keeps the sign of the vertical: going down is negative, its absolute value positive', () => {
    const r = measureDistance([1, 2, 10], [1, -1, 6]);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.horizontalM).toBe(3);
    expect(r.value.verticalM).toBe(-4);
    expect(r.value.verticalAbsM).toBe(4);
    expect(r.value.slantM).toBe(5);
  });

  it('stays exact kilometres from the zone origin', () => {
    const r = measureDistance([4000, -3000, 12], [4000 + 1.8, -3000 + 2.4, 16]);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.horizontalM).toBeCloseTo(3, 9);
    expect(r.value.slantM).toBeCloseTo(5, 9);
  });

  it('two points at the same height have a vertical of +0, never −0', () => {
    const r = measureDistance([0, 0, 5], [1, 0, 5]);
    if (!r.ok) throw new Error(r.problem);
    expect(Object.is(r.value.verticalM, 0)).toBe(true);
  });

  it('rejects a non-finite coordinate and names the point', () => {
    expect(measureDistance([0, 0, 0], [NaN, 0, 0])).toEqual({ ok: false, problem: 'non-finite', index: 1 });
    expect(measureDistance([0, Infinity, 0], [0, 0, 0])).toEqual({ ok: false, problem: 'non-finite', index: 0 });
  });
});

describe('polylineLength', () => {
  it('sums slant and horizontal separately, with each segment', () => {
    const r = polylineLength([[0, 0, 0], [3, 0, 4], [3, 4, 4], [3, 4, 4]]);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.slantM).toBe(9);
    expect(r.value.horizontalM).toBe(7);
    expect(r.value.segments.map((s) => s.slantM)).toEqual([5, 4, 0]);
    expect(r.value.segments.map((s) => s.horizontalM)).toEqual([3, 4, 0]);
  });

  it('needs two points', () => {
    expect(polylineLength([[0, 0, 0]])).toEqual({ ok: false, problem: 'too-few-points' });
    expect(polylineLength([])).toEqual({ ok: false, problem: 'too-few-points' });
  });

  it('rejects a non-finite point anywhere in the line', () => {
    expect(polylineLength([[0, 0, 0], [1, 1, 1], [2, 2, -Infinity]])).toEqual({ ok: false, problem: 'non-finite', index: 2 });
  });
});
