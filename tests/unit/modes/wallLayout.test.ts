import { describe, expect, it } from 'vitest';
import { parseBezelPx, parseWallLayout, parseWallPosition, wallView } from '../../../src/modes/wall/wallLayout';

const TILE = { tileCssW: 1920, tileCssH: 1080 };

describe('wallView', () => {
  it('splits a 2×1 wall without bezel', () => {
    const left = wallView({ columns: 2, rows: 1, bezelPx: 0, ...TILE }, { column: 0, row: 0 });
    const right = wallView({ columns: 2, rows: 1, bezelPx: 0, ...TILE }, { column: 1, row: 0 });
    expect(left.viewOffset).toEqual([3840, 1080, 0, 0, 1920, 1080]);
    expect(right.viewOffset).toEqual([3840, 1080, 1920, 0, 1920, 1080]);
    expect(right.aspect).toBe(3840 / 1080);
  });

  it('counts a 20 px bezel into the virtual frame', () => {
    const left = wallView({ columns: 2, rows: 1, bezelPx: 20, ...TILE }, { column: 0, row: 0 });
    const right = wallView({ columns: 2, rows: 1, bezelPx: 20, ...TILE }, { column: 1, row: 0 });
    expect(left.viewOffset).toEqual([3860, 1080, 0, 0, 1920, 1080]);
    expect(right.viewOffset).toEqual([3860, 1080, 1940, 0, 1920, 1080]);
    expect(right).toMatchObject({ fullWidth: 3860, fullHeight: 1080, x: 1940, y: 0, width: 1920, height: 1080, aspect: 3860 / 1080 });
  });

  it('counts rows from the top, with bezels both ways', () => {
    const v = wallView({ columns: 3, rows: 2, bezelPx: 20, ...TILE }, { column: 2, row: 1 });
    expect(v.viewOffset).toEqual([5800, 2180, 3880, 1100, 1920, 1080]);
  });

  it('refuses a config or position the parsers would refuse', () => {
    expect(() => wallView({ columns: 2, rows: 1, bezelPx: 0, ...TILE }, { column: 2, row: 0 })).toThrow(/outside a 2x1 wall/);
    expect(() => wallView({ columns: 0, rows: 1, bezelPx: 0, ...TILE }, { column: 0, row: 0 })).toThrow(/columns/);
    expect(() => wallView({ columns: 2, rows: 1, bezelPx: -1, ...TILE }, { column: 0, row: 0 })).toThrow(/bezel/);
    expect(() => wallView({ columns: 2, rows: 1, bezelPx: 0, tileCssW: 0, tileCssH: 1080 }, { column: 0, row: 0 })).toThrow(/tile size/);
  });
});

describe('wall parameters', () => {
  it('parses a layout, a position and a bezel', () => {
    expect(parseWallLayout('2x1')).toEqual({ ok: true, value: { columns: 2, rows: 1 } });
    expect(parseWallLayout('16X16')).toEqual({ ok: true, value: { columns: 16, rows: 16 } });
    expect(parseWallPosition('1,0', { columns: 2, rows: 1 })).toEqual({ ok: true, value: { column: 1, row: 0 } });
    expect(parseWallPosition(' 0 , 0 ', { columns: 1, rows: 1 })).toEqual({ ok: true, value: { column: 0, row: 0 } });
    expect(parseBezelPx('20')).toEqual({ ok: true, value: 20 });
    expect(parseBezelPx('0')).toEqual({ ok: true, value: 0 });
    expect(parseBezelPx('500')).toEqual({ ok: true, value: 500 });
  });

  it('rejects bad layouts with a readable reason', () => {
    const cases: Record<string, RegExp> = {
      '': /should be columns x rows/, '2': /should be columns x rows/, '2x1x1': /should be columns x rows/,
      '2x': /whole numbers/, 'ax1': /whole numbers/, '2.5x1': /whole numbers/, '0x1': /from 1 to 16, got 0/,
      '17x1': /columns must be a whole number from 1 to 16, got 17/, '2x17': /rows must be/, '-1x2': /got -1/, '0x10x1': /should be/,
    };
    for (const [s, re] of Object.entries(cases)) {
      const r = parseWallLayout(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.error, s).toMatch(re);
    }
  });

  it('rejects bad positions and bezels with a readable reason', () => {
    const grid = { columns: 2, rows: 1 };
    const positions: Record<string, RegExp> = {
      '2,0': /outside a 2x1 wall \(columns 0–1, rows 0–0\)/, '0,1': /outside/, '-1,0': /outside/, '1': /should be column,row/,
      '1,0,0': /should be/, '0.5,0': /whole numbers/, 'a,b': /whole numbers/,
    };
    for (const [s, re] of Object.entries(positions)) {
      const r = parseWallPosition(s, grid);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.error, s).toMatch(re);
    }
    for (const [s, re] of [['-1', /from 0 to 500, got -1/], ['501', /got 501/], ['1.5', /whole number/], ['', /whole number/], ['0x10', /whole number/]] as const) {
      const r = parseBezelPx(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.error, s).toMatch(re);
    }
  });
});
