import { describe, expect, it } from 'vitest';
import { DirtySpans } from '../../../src/core/dirtySpans';

describe('DirtySpans', () => {
  it('merges ranges closer than the gap and keeps the others apart', () => {
    const d = new DirtySpans(4, 10);
    d.add(0, 10);
    d.add(12, 3); // 2 apart: merged
    d.add(30, 5); // 15 apart: separate
    d.add(35, 1); // adjacent
    expect(d.spans()).toEqual([[0, 15], [30, 6]]);
  });

  it('sorts and merges ranges that arrive out of order or overlap', () => {
    const d = new DirtySpans(0, 10);
    d.add(50, 10);
    d.add(0, 5);
    d.add(3, 4);
    d.add(55, 20);
    expect(d.spans()).toEqual([[0, 7], [50, 25]]);
  });

  it('collapses to one covering span past maxSpans', () => {
    const d = new DirtySpans(0, 3);
    for (const s of [0, 100, 200, 300]) d.add(s, 10);
    expect(d.spans()).toEqual([[0, 310]]);
  });

  it('ignores empty, negative and non-finite ranges; clear() empties it', () => {
    const d = new DirtySpans();
    d.add(5, 0);
    d.add(-1, 3);
    d.add(Number.NaN, 3);
    d.add(2, Number.NaN);
    expect(d.empty).toBe(true);
    expect(d.spans()).toEqual([]);
    d.add(2, 2);
    expect(d.empty).toBe(false);
    d.clear();
    expect(d.empty).toBe(true);
  });
});
