/**
 * The legend box of an exported screenshot: bottom left, above the attribution strip, its
 * sections flowed into as many columns as the height needs and 45% of the width allows; what
 * does not fit is counted in a last "n more" row. A heading never ends a column.
 */
import { LAYOUT, type Measure, type Rect, type TextRun } from './layoutParts';

export type LegendShape = 'swatch' | 'line' | 'dot';

export interface LegendItem {
  label: string;
  color: string;
  shape: LegendShape;
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
}

export type LegendEntry =
  | { kind: 'heading'; text: TextRun }
  | { kind: 'item'; text: TextRun; swatch: Rect; color: string; shape: LegendShape }
  | { kind: 'more'; text: TextRun };

export interface LegendLayout {
  box: Rect;
  title: TextRun;
  entries: LegendEntry[];
  omitted: number;
}

export interface LegendInput {
  width: number;
  legendTitle: string;
  legend: readonly LegendSection[];
  legendMore: (n: number) => string;
  measure: Measure;
}

type FlatEntry = { kind: 'heading'; text: string } | { kind: 'item'; text: string; color: string; shape: LegendShape };

/** `top` and `bottom`: the free band between the title bar and the attribution strip. */
export function legendLayout(inp: LegendInput, s: number, top: number, bottom: number): LegendLayout | null {
  if (inp.legend.length === 0) return null;
  const L = LAYOUT;
  const pad = L.legendPad * s;
  const row = L.legendRowPx * s;
  const font = L.legendFontPx * s;
  const sw = L.legendSwatchPx * s;
  const swGap = L.legendSwatchGap * s;
  const colGap = L.legendColGap * s;
  const rowsPerCol = Math.floor((bottom - top - 2 * L.margin * s - 2 * pad - row) / row);
  if (rowsPerCol < 1) return null;

  const flat: FlatEntry[] = inp.legend.flatMap((sec) => [
    { kind: 'heading' as const, text: sec.title },
    ...sec.items.map((it) => ({ kind: 'item' as const, text: it.label, color: it.color, shape: it.shape })),
  ]);
  const cols: FlatEntry[][] = [[]];
  for (const e of flat) {
    const col = cols[cols.length - 1]!;
    // A heading never ends a column: its items would start the next one without it.
    const full = col.length >= rowsPerCol || (e.kind === 'heading' && rowsPerCol > 1 && col.length === rowsPerCol - 1);
    if (full && col.length > 0) cols.push([e]);
    else col.push(e);
  }
  const widthOf = (e: { kind: string; text: string }) =>
    e.kind === 'item' ? sw + swGap + inp.measure(e.text, font, false) : inp.measure(e.text, font, e.kind === 'heading');
  const colWidth = (c: readonly { kind: string; text: string }[]) => Math.max(0, ...c.map(widthOf));

  const maxW = inp.width * L.legendMaxWidthShare;
  let kept = 0;
  let used = 2 * pad;
  for (const c of cols) {
    const w = colWidth(c) + (kept > 0 ? colGap : 0);
    if (kept > 0 && used + w > maxW) break;
    used += w;
    kept++;
  }
  const shown = cols.slice(0, kept);
  let omitted = cols.slice(kept).flat().filter((e) => e.kind === 'item').length;
  const layoutCols: { kind: string; text: string; color?: string; shape?: LegendShape }[][] = shown.map((c) => [...c]);
  if (omitted > 0) {
    const last = layoutCols[layoutCols.length - 1]!;
    if (last.length >= rowsPerCol) omitted += last.pop()!.kind === 'item' ? 1 : 0;
    while (last.length > 0 && last[last.length - 1]!.kind === 'heading') last.pop();
    last.push({ kind: 'more', text: inp.legendMore(omitted) });
  }

  const titleFont = L.legendTitleFontPx * s;
  const widths = layoutCols.map(colWidth);
  const contentW = widths.reduce((a, w) => a + w, 0) + colGap * Math.max(0, widths.length - 1);
  const w = 2 * pad + Math.max(contentW, inp.measure(inp.legendTitle, titleFont, true));
  const rows = Math.max(...layoutCols.map((c) => c.length));
  const h = 2 * pad + row + rows * row;
  const box = { x: L.margin * s, y: bottom - L.margin * s - h, w, h };
  const entries: LegendEntry[] = [];
  let colX = box.x + pad;
  layoutCols.forEach((c, ci) => {
    c.forEach((e, ri) => {
      const y = box.y + pad + row + (ri + 0.5) * row;
      if (e.kind === 'item') {
        entries.push({
          kind: 'item',
          swatch: { x: colX, y: y - sw / 2, w: sw, h: sw },
          color: e.color!,
          shape: e.shape!,
          text: { text: e.text, x: colX + sw + swGap, y, fontPx: font, bold: false, align: 'left' },
        });
      } else {
        const kind = e.kind === 'heading' ? 'heading' : 'more';
        entries.push({ kind, text: { text: e.text, x: colX, y, fontPx: font, bold: kind === 'heading', align: 'left' } });
      }
    });
    colX += widths[ci]! + colGap;
  });
  return {
    box,
    title: { text: inp.legendTitle, x: box.x + pad, y: box.y + pad + row / 2, fontPx: titleFont, bold: true, align: 'left' },
    entries,
    omitted,
  };
}
