import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';

describe('createRng', () => {
  it('replays the same sequence for the same seed and differs for another seed', () => {
    const a = createRng(42), b = createRng(42), c = createRng('42');
    const sa = Array.from({ length: 100 }, () => a.next());
    const sb = Array.from({ length: 100 }, () => b.next());
    const sc = Array.from({ length: 100 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('stays in range and is roughly uniform', () => {
    const r = createRng(7);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const v = r.next();
      expect(v >= 0 && v < 1).toBe(true);
      bins[Math.floor(v * 10)]!++;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('int and pick respect bounds; pick on empty throws', () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 9);
      expect(Number.isInteger(v) && v >= 3 && v < 9).toBe(true);
    }
    expect(() => r.pick([])).toThrow();
  });
});
