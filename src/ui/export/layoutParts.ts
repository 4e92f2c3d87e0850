/**
 * The measuring basics of the export layout: sizes at the 1280×720 reference (multiplied by the
 * image's scale), the fonts, the text-run and box types, and line breaking with an injected
 * `measure`, so all of it is testable without a DOM.
 */

export type Measure = (text: string, fontPx: number, bold: boolean) => number;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextRun {
  text: string;
  x: number;
  /** Middle of the line. */
  y: number;
  fontPx: number;
  bold: boolean;
  align: 'left' | 'right';
}

/** Sizes at the reference 1280×720; everything is multiplied by the layout's scale. */
export const LAYOUT = {
  refWidth: 1280,
  refHeight: 720,
  minScale: 0.5,
  margin: 12,
  titleFontPx: 20,
  titleLinePx: 26,
  timestampFontPx: 13,
  timestampLinePx: 18,
  titleBarPadX: 16,
  titleBarPadY: 7,
  titleBarGap: 24,
  attrFontPx: 12,
  attrLinePx: 16,
  attrPadX: 12,
  attrPadY: 6,
  legendFontPx: 12,
  legendTitleFontPx: 13,
  legendRowPx: 18,
  legendPad: 8,
  legendSwatchPx: 12,
  legendSwatchGap: 6,
  legendColGap: 14,
  legendMaxWidthShare: 0.45,
  northRadiusPx: 20,
  northFontPx: 12,
  /** Room outside the circle for the upright N label, which goes round it with the heading. */
  northLabelRoomPx: 14,
  scaleMaxWidthShare: 0.2,
  scaleBarPx: 6,
  scaleFontPx: 12,
  scaleLinePx: 16,
  scaleNoteFontPx: 11,
  scaleNoteLinePx: 14,
  scalePad: 8,
  scaleGap: 4,
} as const;

/** The fonts the image's text is measured and drawn in (the app's own CJK-first stack). */
export const EXPORT_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

export function exportFont(fontPx: number, bold: boolean): string {
  return `${bold ? '600 ' : ''}${fontPx}px ${EXPORT_FONT_FAMILY}`;
}

export function layoutScale(width: number, height: number): number {
  return Math.max(LAYOUT.minScale, Math.min(width / LAYOUT.refWidth, height / LAYOUT.refHeight));
}

const CJK = '\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef';
/** One CJK character, a run of anything else but spaces, or spaces: the places a line may break. */
const TOKEN_RE = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'gu');

/** Greedy line breaking at spaces and between CJK characters; a word longer than a line breaks by characters. */
export function wrapText(text: string, maxW: number, fontPx: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => measure(s, fontPx, bold) <= maxW;
  const push = () => {
    const t = line.trimEnd();
    if (t) lines.push(t);
    line = '';
  };
  for (const tok of text.match(TOKEN_RE) ?? []) {
    if (/^\s+$/u.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (fits(line + tok)) {
      line += tok;
      continue;
    }
    push();
    if (fits(tok)) {
      line = tok;
      continue;
    }
    for (const ch of tok) {
      if (line && !fits(line + ch)) push();
      line += ch;
    }
  }
  push();
  return lines;
}
