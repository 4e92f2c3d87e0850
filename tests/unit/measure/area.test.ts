import { describe, expect, it } from 'vitest';
import { horizontalArea } from '../../../src/analysis/measure/area';
import type { Point3 } from '../../../src/analysis/measure/types';

/** 10 × 10 m square without its 5 × 5 m north-east corner: 75 m², perimeter 40 m. */
const L2: [number, number][] = [[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10]];

describe('horizontalArea', () => {
  it('L shape: 75 m², perimeter 40 m, centroid off the missing corner', () => {
    const r = horizontalArea(L2);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.areaM2).toBe(75);
    expect(r.value.perimeterM).toBe(40);
    // (100 · 5 − 25 · 7.5) / 75 on both axes.
    expect(r.value.centroid[0]).toBeCloseTo(25 / 6, 12);
    expect(r.value.centroid[1]).toBeCloseTo(25 / 6, 12);
  });

  it('ignores z, winding, a closing repeat and a double click', () => {
    const pts: Point3[] = [...L2].reverse().map(([x, y], i) => [x + 2000, y - 1500, i * 7.3]);
    const withRepeats: Point3[] = [pts[0]!, pts[1]!, pts[1]!, ...pts.slice(2), pts[0]!];
    const r = horizontalArea(withRepeats);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.areaM2).toBeCloseTo(75, 9);
    expect(r.value.ring).toHaveLength(6);
  });

  it('refuses a bow-tie whose lobes would cancel', () => {
    expect(horizontalArea([[0, 0], [10, 10], [10, 0], [0, 10]])).toEqual({ ok: false, problem: 'self-intersecting' });
  });

  it('refuses an outline that touches itself at a vertex', () => {
    expect(horizontalArea([[0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5]])).toEqual({ ok: false, problem: 'self-intersecting' });
  });

  it('refuses too few points and collinear points', () => {
    expect(horizontalArea([[0, 0], [1, 1]])).toEqual({ ok: false, problem: 'too-few-points' });
    expect(horizontalArea([[0, 0], [1, 1], [1, 1], [0, 0]])).toEqual({ ok: false, problem: 'too-few-points' });
    expect(horizontalArea([[0, 0], [1, 1], [2, 2]])).toEqual({ ok: false, problem: 'zero-area' });
  });

  it('rejects non-finite input with the point index', () => {
    expect(horizontalArea([[0, 0], [10, 0], [NaN, 10]])).toEqual({ ok: false, problem: 'non-finite', index: 2 });
  });
});
