/**
 * How the board and the report print each indicator: the rows in order, the unit, and signed
 * margins and differences. Locale-aware for display; the CSV keeps its own plain format (board.ts).
 */
import type { Indicators } from '../../analysis/planning/types';
import type { Language } from '../../state/viewSlice';

export const BOARD_ROWS = ['siteAreaM2', 'gfaM2', 'far', 'density', 'greenRatio', 'maxHeightM', 'buildingCount'] as const;
export type BoardRowKey = (typeof BOARD_ROWS)[number] & keyof Indicators;

const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

interface Style {
  digits: number;
  /** Ratios display as percent; their margins are percentage points. */
  percent?: boolean;
  unit: string;
}

const STYLE: Record<BoardRowKey, Style> = {
  siteAreaM2: { digits: 1, unit: ' m²' },
  gfaM2: { digits: 1, unit: ' m²' },
  far: { digits: 2, unit: '' },
  density: { digits: 1, percent: true, unit: ' %' },
  greenRatio: { digits: 1, percent: true, unit: ' %' },
  maxHeightM: { digits: 1, unit: ' m' },
  buildingCount: { digits: 0, unit: '' },
};

function fmt(key: BoardRowKey, v: number, lang: Language, signed: boolean): string {
  if (!Number.isFinite(v)) return '—';
  const st = STYLE[key];
  const n = st.percent ? v * 100 : v;
  const text = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: st.digits,
    maximumFractionDigits: st.digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(n);
  // "-0.0" would read as a failure where the value is at the limit.
  const clean = /^[-−]0(?:[.,]0+)?$/.test(text) ? text.slice(1) : text;
  return `${clean}${st.unit}`;
}

export function formatValue(key: BoardRowKey, v: number, lang: Language): string {
  return fmt(key, v, lang, false);
}

/** A margin or a difference: always signed, so "+0.50" and "−0.30" read at a glance. */
export function formatSigned(key: BoardRowKey, v: number, lang: Language): string {
  return fmt(key, v, lang, true);
}
