import { describe, expect, it } from 'vitest';
import {
  exportLayout,
  formatLength,
  niceScaleLength,
  wrapText,
  type ExportLayoutInput,
  type Measure,
} from '../../../src/ui/export/exportLayout';

/** Every character is half its font size wide, bold or not: widths are easy to add up by hand. */
const measure: Measure = (text, px) => text.length * px * 0.5;

const ATTRIBUTION = ['© OpenStreetMap contributors (ODbL 1.0)', 'Generated buildings are synthetic'];

function input(over: Partial<ExportLayoutInput> = {}): ExportLayoutInput {
  return {
    width: 1280,
    height: 720,
    title: 'ShenTwin · West Bund',
    timestamp: '2025-06-21 14:30 Shanghai time (UTC+8)',
    attribution: ATTRIBUTION,
    legendTitle: 'Legend',
    legend: [
      {
        title: 'Land use',
        items: [
          { label: 'R Residential', color: '#f6e27a', shape: 'swatch' },
          { label: 'B Commercial', color: '#e8574b', shape: 'swatch' },
        ],
      },
    ],
    legendMore: (n) => `${n} more`,
    northLabel: 'N',
    headingRad: 0,
    metresPerPixel: 1,
    scaleNote: null,
    measure,
    ...over,
  };
}

describe('exportLayout at 1280×720 (scale 1)', () => {
  const l = exportLayout(input({ headingRad: Math.PI / 2 }));

  it('puts the title left and the timestamp right in one 40 px bar', () => {
    expect(l.scale).toBe(1);
    expect(l.titleBar).toEqual({ x: 0, y: 0, w: 1280, h: 40 });
    expect(l.title).toEqual([{ text: 'ShenTwin · West Bund', x: 16, y: 20, fontPx: 20, bold: true, align: 'left' }]);
    expect(l.timestamp).toEqual([{ text: '2025-06-21 14:30 Shanghai time (UTC+8)', x: 1264, y: 20, fontPx: 13, bold: false, align: 'right' }]);
  });

  it('gives every attribution line a row of the bottom strip', () => {
    expect(l.attribution.box).toEqual({ x: 0, y: 676, w: 1280, h: 44 });
    expect(l.attribution.lines.map((r) => [r.text, r.x, r.y, r.fontPx])).toEqual([
      [ATTRIBUTION[0], 12, 690, 12],
      [ATTRIBUTION[1], 12, 706, 12],
    ]);
  });

  it('turns the north arrow back by the heading, top right under the bar', () => {
    expect(l.north).toEqual({ cx: 1234, cy: 86, r: 20, labelDistance: 27, rotationRad: -Math.PI / 2, label: 'N', fontPx: 12 });
  });

  it('draws a 200 m bar for 1 m/px (at most a fifth of the width), bottom right above the strip', () => {
    const sb = l.scaleBar!;
    expect(sb.metres).toBe(200);
    expect(sb.plate).toEqual({ x: 1052, y: 622, w: 216, h: 42 });
    expect(sb.bar).toEqual({ x: 1060, y: 650, w: 200, h: 6 });
    expect(sb.label).toEqual({ text: '200 m', x: 1060, y: 638, fontPx: 12, bold: false, align: 'left' });
    expect(sb.note).toBeNull();
  });

  it('adds the 示意 note under the bar when the scale holds at the centre only', () => {
    const sb = exportLayout(input({ scaleNote: '示意' })).scaleBar!;
    expect(sb.plate).toEqual({ x: 1052, y: 604, w: 216, h: 60 });
    expect(sb.note).toEqual({ text: '示意', x: 1060, y: 649, fontPx: 11, bold: false, align: 'left' });
  });

  it('leaves the scale bar out without a scale', () => {
    expect(exportLayout(input({ metresPerPixel: null })).scaleBar).toBeNull();
  });

  it('stacks the legend bottom left: title, section heading, items with swatches', () => {
    const lg = l.legend!;
    expect(lg.box).toEqual({ x: 12, y: 576, w: 112, h: 88 });
    expect(lg.title).toEqual({ text: 'Legend', x: 20, y: 593, fontPx: 13, bold: true, align: 'left' });
    expect(lg.entries).toEqual([
      { kind: 'heading', text: { text: 'Land use', x: 20, y: 611, fontPx: 12, bold: true, align: 'left' } },
      {
        kind: 'item',
        swatch: { x: 20, y: 623, w: 12, h: 12 },
        color: '#f6e27a',
        shape: 'swatch',
        text: { text: 'R Residential', x: 38, y: 629, fontPx: 12, bold: false, align: 'left' },
      },
      {
        kind: 'item',
        swatch: { x: 20, y: 641, w: 12, h: 12 },
        color: '#e8574b',
        shape: 'swatch',
        text: { text: 'B Commercial', x: 38, y: 647, fontPx: 12, bold: false, align: 'left' },
      },
    ]);
    expect(lg.omitted).toBe(0);
  });

  it('has no legend box when no layer has legend items', () => {
    expect(exportLayout(input({ legend: [] })).legend).toBeNull();
  });
});

describe('exportLayout at 2560×1440 (scale 2)', () => {
  it('is the 1× layout with every length doubled (same view: half the metres per pixel)', () => {
    const one = exportLayout(input({ headingRad: 0.3 }));
    const two = exportLayout(input({ width: 2560, height: 1440, metresPerPixel: 0.5, headingRad: 0.3 }));
    expect(two.scale).toBe(2);
    const doubled = JSON.parse(JSON.stringify(one), (k, v) =>
      typeof v === 'number' && !['rotationRad', 'metres', 'omitted', 'scale'].includes(k) ? v * 2 : v,
    );
    expect({ ...two, scale: 1 }).toEqual({ ...doubled, scale: 1 });
    expect(two.titleBar).toEqual({ x: 0, y: 0, w: 2560, h: 80 });
    expect(two.attribution.box).toEqual({ x: 0, y: 1352, w: 2560, h: 88 });
  });
});

describe('exportLayout when things do not fit', () => {
  it('moves the timestamp under a title too long to share the bar', () => {
    const l = exportLayout(input({ title: 'T'.repeat(100) }));
    expect(l.titleBar).toEqual({ x: 0, y: 0, w: 1280, h: 58 });
    expect(l.title.map((r) => [r.x, r.y])).toEqual([[16, 20]]);
    expect(l.timestamp.map((r) => [r.x, r.y, r.align])).toEqual([[16, 42, 'left']]);
    // Everything below moves down with the bar.
    expect(l.north.cy).toBe(58 + 12 + 14 + 20);
  });

  it('wraps a long attribution line and keeps all of it', () => {
    const long = 'word '.repeat(60).trim();
    const l = exportLayout(input({ attribution: [long, 'short'] }));
    // 1256 px of room at 6 px a character: 209 characters, i.e. 42 words (209 = 41 × 5 + 4).
    expect(l.attribution.lines.map((r) => r.text)).toEqual(['word '.repeat(41) + 'word', 'word '.repeat(17) + 'word', 'short']);
    expect(l.attribution.box).toEqual({ x: 0, y: 720 - 60, w: 1280, h: 60 });
  });

  it('flows the legend into columns and ends with "n more" when the columns outgrow 45% of the width', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ label: `${String(i).padStart(2, '0')} ${'x'.repeat(37)}`, color: '#fff', shape: 'dot' as const }));
    const lg = exportLayout(input({ legend: [{ title: 'S', items }] })).legend!;
    // 32 rows a column (578 px / 18); a column is 12 + 6 + 40 × 6 = 258 px; two fit in 576 px, three do not.
    expect(lg.box).toEqual({ x: 12, y: 54, w: 16 + 258 + 14 + 258, h: 16 + 18 + 32 * 18 });
    expect(lg.entries).toHaveLength(64);
    expect(lg.omitted).toBe(80 - 31 - 31);
    expect(lg.entries[63]).toEqual({ kind: 'more', text: { text: '18 more', x: 12 + 8 + 258 + 14, y: 54 + 8 + 18 + 31.5 * 18, fontPx: 12, bold: false, align: 'left' } });
  });

  it('never leaves a section heading alone at the foot of a column', () => {
    const item = (i: number) => ({ label: `i${i}`, color: '#fff', shape: 'swatch' as const });
    const lg = exportLayout(input({ legend: [{ title: 'A', items: Array.from({ length: 30 }, (_, i) => item(i)) }, { title: 'B', items: [item(99)] }] })).legend!;
    const b = lg.entries.find((e) => e.kind === 'heading' && e.text.text === 'B')!;
    // 31 entries fill rows 0..30 of column one; B would take row 31, the last, so it opens column two.
    expect(b.text.y).toBe(lg.box.y + 8 + 18 + 9);
    expect(b.text.x).toBeGreaterThan(lg.box.x + 8);
  });
});

describe('wrapText', () => {
  it('breaks Latin text at spaces', () => {
    expect(wrapText('aa bb cc dd', 30, 10, false, measure)).toEqual(['aa bb', 'cc dd']);
  });

  it('breaks CJK text between characters', () => {
    expect(wrapText('生成建筑为依据规划用地', 50, 10, false, measure)).toEqual(['生成建筑为依据规划用', '地']);
  });

  it('breaks a word longer than the line by characters', () => {
    expect(wrapText('abcdefghij', 20, 10, false, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('gives no line for an empty text', () => {
    expect(wrapText('   ', 100, 10, false, measure)).toEqual([]);
  });
});

describe('scale length', () => {
  it('takes the longest 1/2/5 × 10ⁿ m that fits', () => {
    expect(niceScaleLength(1, 256)).toBe(200);
    expect(niceScaleLength(0.5, 256)).toBe(100);
    expect(niceScaleLength(3, 100)).toBe(200);
    expect(niceScaleLength(10, 256)).toBe(2000);
    expect(niceScaleLength(1.150593, 256)).toBe(200);
    // Even 1 m is longer than the room: no bar.
    expect(niceScaleLength(0.01, 50)).toBeNull();
  });

  it('writes metres below a kilometre and kilometres from there', () => {
    expect(formatLength(10)).toBe('10 m');
    expect(formatLength(500)).toBe('500 m');
    expect(formatLength(1000)).toBe('1 km');
    expect(formatLength(20000)).toBe('20 km');
  });
});
