import { describe, expect, it } from 'vitest';
import { contours, isoSegments } from '../../../src/layers/sunlight/contours';

/** A grid whose value is f(col, row). */
function grid(cols: number, rows: number, f: (c: number, r: number) => number) {
  const values = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values[r * cols + c] = f(c, r);
  return { cols, rows, values };
}

const points = (s: number[]) => Array.from({ length: s.length / 2 }, (_, i) => [s[2 * i]!, s[2 * i + 1]!] as const);

describe('marching squares', () => {
  it('puts the line of a linear ramp exactly where the level is reached', () => {
    // value = column: the 2.5 line is the vertical c = 2.5, one segment per row of cells.
    const g = grid(6, 4, (c) => c);
    const s = isoSegments(g, 2.5);
    expect(s.length).toBe(3 * 4);
    for (const [c] of points(s)) expect(c).toBeCloseTo(2.5, 9);
    // Rows covered end to end.
    const rows = points(s).map(([, r]) => r).sort((a, b) => a - b);
    expect(rows[0]).toBe(0);
    expect(rows[rows.length - 1]).toBe(3);
  });

  it('draws a closed ring round a peak, at the interpolated radius', () => {
    const g = grid(21, 21, (c, r) => 10 - Math.hypot(c - 10, r - 10));
    // 5.3 misses every grid point exactly (a line through a vertex is a degenerate case).
    const s = isoSegments(g, 5.3);
    expect(s.length).toBeGreaterThan(20 * 4);
    for (const [c, r] of points(s)) expect(Math.hypot(c - 10, r - 10)).toBeGreaterThan(4.4);
    for (const [c, r] of points(s)) expect(Math.hypot(c - 10, r - 10)).toBeLessThan(4.75);
    // Closed: every end point is shared by exactly two segment ends.
    const key = ([c, r]: readonly [number, number]) => `${c.toFixed(6)},${r.toFixed(6)}`;
    const counts = new Map<string, number>();
    for (const p of points(s)) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBe(2);
  });

  it('leaves out cells with a missing value (inside a building)', () => {
    const g = grid(5, 3, (c) => c);
    g.values[1 * 5 + 2] = Number.NaN;
    const s = isoSegments(g, 2.5);
    // The four cells touching (2, 1) are skipped: only those in column 2 not touching it remain.
    for (const [c, r] of points(s)) expect(c === 2.5 && (r < 0 || r > 2)).toBe(false);
    expect(s.length).toBe(0);
  });

  it('resolves saddles by the cell mean and gives each level its own segments', () => {
    // Corners (0,0) and (1,1) high, (1,0) and (0,1) low. Row-major values: [v(0,0), v(1,0), v(0,1), v(1,1)].
    const saddle = (hi: number, lo: number) => ({ cols: 2, rows: 2, values: [hi, lo, lo, hi] });
    // Mean 0.55 ≥ 0.5: the high corners join through the middle, cutting off the low ones.
    const joined = points(isoSegments(saddle(1, 0.1), 0.5));
    expect(joined.length).toBe(4);
    // Segment ends each lie next to a low corner: (1,0) or (0,1).
    for (let i = 0; i < 4; i += 2) {
      const mid = [(joined[i]![0] + joined[i + 1]![0]) / 2, (joined[i]![1] + joined[i + 1]![1]) / 2];
      expect(Math.min(Math.hypot(mid[0]! - 1, mid[1]!), Math.hypot(mid[0]!, mid[1]! - 1))).toBeLessThan(0.5);
    }
    // Mean 0.35 < 0.5: the high corners are cut off instead.
    const apart = points(isoSegments(saddle(0.9, 0), 0.5));
    for (let i = 0; i < 4; i += 2) {
      const mid = [(apart[i]![0] + apart[i + 1]![0]) / 2, (apart[i]![1] + apart[i + 1]![1]) / 2];
      expect(Math.min(Math.hypot(mid[0]!, mid[1]!), Math.hypot(mid[0]! - 1, mid[1]! - 1))).toBeLessThan(0.5);
    }
    const ramp = grid(3, 2, (c) => c);
    const lv = contours(ramp, [0.5, 1.5]);
    expect(lv.map((l) => l.level)).toEqual([0.5, 1.5]);
    expect(lv.map((l) => points(l.segments).map(([c]) => c))).toEqual([[0.5, 0.5], [1.5, 1.5]]);
    expect(isoSegments(ramp, Number.NaN)).toEqual([]);
    expect(isoSegments({ cols: 1, rows: 5, values: [0, 1, 2, 3, 4] }, 1)).toEqual([]);
  });
});
