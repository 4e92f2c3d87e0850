/**
 * Where everything burnt into an exported screenshot goes, as boxes and text positions in image
 * pixels: a title bar (title left, timestamp right, or below it when they do not fit), the
 * attribution strip along the bottom (every line, wrapped to the width), the legend box bottom
 * left in as many columns as fit, the north arrow top right and the scale bar bottom right.
 *
 * Pure: text widths come from an injected `measure`, so the layout is testable without a DOM.
 * Sizes are given for a 1280×720 image and scale with the image (`scale`), so a 2× export looks
 * like a 1× one, only sharper. Text positions are the middle of the line (textBaseline 'middle').
 */
import { LAYOUT, layoutScale, wrapText, type Measure, type Rect, type TextRun } from './layoutParts';
import { legendLayout, type LegendLayout, type LegendSection } from './legendLayout';

export { EXPORT_FONT_FAMILY, exportFont, LAYOUT, layoutScale, wrapText, type Measure, type Rect, type TextRun } from './layoutParts';
export type { LegendEntry, LegendItem, LegendLayout, LegendSection, LegendShape } from './legendLayout';

export interface ExportLayoutInput {
  width: number;
  height: number;
  title: string;
  timestamp: string;
  attribution: readonly string[];
  legendTitle: string;
  legend: readonly LegendSection[];
  /** The last legend row when not everything fits: "n more". */
  legendMore: (n: number) => string;
  northLabel: string;
  /** Bearing of the image's up direction, radians clockwise from north. */
  headingRad: number;
  metresPerPixel: number | null;
  /** Shown under the scale bar when it holds at the centre only (示意); null when it holds everywhere. */
  scaleNote: string | null;
  measure: Measure;
}

export interface ExportLayout {
  scale: number;
  titleBar: Rect;
  title: TextRun[];
  timestamp: TextRun[];
  attribution: { box: Rect; lines: TextRun[] };
  legend: LegendLayout | null;
  /** The label is drawn upright at labelDistance from the centre, towards north. */
  north: { cx: number; cy: number; r: number; labelDistance: number; rotationRad: number; label: string; fontPx: number };
  scaleBar: { plate: Rect; bar: Rect; metres: number; label: TextRun; note: TextRun | null } | null;
}

const SCALE_STEPS = [1, 2, 5];

/** The longest 1/2/5 × 10ⁿ metres whose bar fits in maxPx; null when even 1 m does not. */
export function niceScaleLength(metresPerPixel: number, maxPx: number): number | null {
  let best: number | null = null;
  for (let k = 0; k <= 6; k++) {
    for (const s of SCALE_STEPS) {
      const m = s * 10 ** k;
      if (m / metresPerPixel <= maxPx) best = m;
    }
  }
  return best;
}

export function formatLength(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

function titleBlock(inp: ExportLayoutInput, s: number) {
  const L = LAYOUT;
  const padX = L.titleBarPadX * s;
  const padY = L.titleBarPadY * s;
  const titleFont = L.titleFontPx * s;
  const tsFont = L.timestampFontPx * s;
  const inner = inp.width - 2 * padX;
  const titleW = inp.measure(inp.title, titleFont, true);
  const tsW = inp.measure(inp.timestamp, tsFont, false);
  const run = (text: string, x: number, y: number, fontPx: number, bold: boolean, align: TextRun['align']): TextRun => ({ text, x, y, fontPx, bold, align });
  if (titleW + L.titleBarGap * s + tsW <= inner) {
    const h = 2 * padY + L.titleLinePx * s;
    return {
      bar: { x: 0, y: 0, w: inp.width, h },
      title: [run(inp.title, padX, h / 2, titleFont, true, 'left')],
      timestamp: [run(inp.timestamp, inp.width - padX, h / 2, tsFont, false, 'right')],
    };
  }
  let y = padY;
  const title = wrapText(inp.title, inner, titleFont, true, inp.measure).map((t) => {
    const r = run(t, padX, y + (L.titleLinePx * s) / 2, titleFont, true, 'left');
    y += L.titleLinePx * s;
    return r;
  });
  const timestamp = wrapText(inp.timestamp, inner, tsFont, false, inp.measure).map((t) => {
    const r = run(t, padX, y + (L.timestampLinePx * s) / 2, tsFont, false, 'left');
    y += L.timestampLinePx * s;
    return r;
  });
  return { bar: { x: 0, y: 0, w: inp.width, h: y + padY }, title, timestamp };
}

function attributionBlock(inp: ExportLayoutInput, s: number) {
  const L = LAYOUT;
  const font = L.attrFontPx * s;
  const line = L.attrLinePx * s;
  const padX = L.attrPadX * s;
  const padY = L.attrPadY * s;
  const texts = inp.attribution.flatMap((a) => wrapText(a, inp.width - 2 * padX, font, false, inp.measure));
  const h = 2 * padY + texts.length * line;
  const box = { x: 0, y: inp.height - h, w: inp.width, h };
  const lines = texts.map((text, i): TextRun => ({ text, x: padX, y: box.y + padY + (i + 0.5) * line, fontPx: font, bold: false, align: 'left' }));
  return { box, lines };
}

function scaleBlock(inp: ExportLayoutInput, s: number, bottom: number): ExportLayout['scaleBar'] {
  if (inp.metresPerPixel === null || !(inp.metresPerPixel > 0)) return null;
  const L = LAYOUT;
  const metres = niceScaleLength(inp.metresPerPixel, inp.width * L.scaleMaxWidthShare);
  if (metres === null) return null;
  const px = metres / inp.metresPerPixel;
  const label = formatLength(metres);
  const font = L.scaleFontPx * s;
  const noteFont = L.scaleNoteFontPx * s;
  const pad = L.scalePad * s;
  const gap = L.scaleGap * s;
  const contentW = Math.max(px, inp.measure(label, font, false), inp.scaleNote ? inp.measure(inp.scaleNote, noteFont, false) : 0);
  const h = 2 * pad + L.scaleLinePx * s + gap + L.scaleBarPx * s + (inp.scaleNote ? gap + L.scaleNoteLinePx * s : 0);
  const plate = { x: inp.width - L.margin * s - (contentW + 2 * pad), y: bottom - L.margin * s - h, w: contentW + 2 * pad, h };
  const x = plate.x + pad;
  const bar = { x, y: plate.y + pad + L.scaleLinePx * s + gap, w: px, h: L.scaleBarPx * s };
  return {
    plate,
    bar,
    metres,
    label: { text: label, x, y: plate.y + pad + (L.scaleLinePx * s) / 2, fontPx: font, bold: false, align: 'left' },
    note: inp.scaleNote
      ? { text: inp.scaleNote, x, y: bar.y + bar.h + gap + (L.scaleNoteLinePx * s) / 2, fontPx: noteFont, bold: false, align: 'left' }
      : null,
  };
}

export function exportLayout(inp: ExportLayoutInput): ExportLayout {
  const s = layoutScale(inp.width, inp.height);
  const head = titleBlock(inp, s);
  const attribution = attributionBlock(inp, s);
  const top = head.bar.h;
  const bottom = attribution.box.y;
  const r = LAYOUT.northRadiusPx * s;
  const room = LAYOUT.northLabelRoomPx * s;
  return {
    scale: s,
    titleBar: head.bar,
    title: head.title,
    timestamp: head.timestamp,
    attribution,
    legend: legendLayout(inp, s, top, bottom),
    north: {
      cx: inp.width - LAYOUT.margin * s - room - r,
      cy: top + LAYOUT.margin * s + room + r,
      r,
      labelDistance: r + room / 2,
      // North on the image is the heading turned back.
      rotationRad: -inp.headingRad,
      label: inp.northLabel,
      fontPx: LAYOUT.northFontPx * s,
    },
    scaleBar: scaleBlock(inp, s, bottom),
  };
}
