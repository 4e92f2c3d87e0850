/**
 * Result values as the panel prints them: each known value key has a quantity (length, area,
 * angle, …) whose precision comes from src/analysis/measure/format.ts, so one result reads the
 * same in the list, the detail view and both languages. Pure apart from the injected `t`.
 */
import { formatAngle, formatArea, formatBearing, formatLength } from '../../../analysis/measure/format';
import type { Language } from '../../../state/viewSlice';
import type { ResultValue, ResultValues } from '../../../tools/toolTypes';

export type Quantity = 'length' | 'area' | 'angle' | 'bearing' | 'count' | 'percent' | 'ratio' | 'deg2' | 'number' | 'shape';

/** i18next's t as these helpers call it (always with options, which its overloads require). */
export type Translate = (key: string, opts: Record<string, unknown>) => string;

/**
 * Keys printed in the value list, in this order. Ids (plotId, blockers) are left out: the detail
 * view names them, and an id is no reading for a planner.
 */
export const VALUE_QUANTITY: Readonly<Record<string, Quantity>> = {
  distanceM: 'length',
  horizontalM: 'length',
  verticalM: 'length',
  lengthM: 'length',
  horizontalLengthM: 'length',
  segments: 'count',
  areaM2: 'area',
  perimeterM: 'length',
  tiltDeg: 'angle',
  planarityM: 'length',
  heightM: 'length',
  bearingDeg: 'bearing',
  elevationDeg: 'angle',
  limitM: 'length',
  checked: 'count',
  over: 'count',
  maxExcessM: 'length',
  targets: 'count',
  visible: 'count',
  hidden: 'count',
  visibleAreaM2: 'area',
  inRangeAreaM2: 'area',
  visiblePercent: 'percent',
  cellM: 'length',
  samples: 'count',
  maxElevationDeg: 'angle',
  skyShare: 'ratio',
  skyViewFactor: 'ratio',
  areaBetweenDeg2: 'deg2',
  higherAreaDeg2: 'deg2',
  shape: 'shape',
  sizeXM: 'length',
  sizeYM: 'length',
  sizeZM: 'length',
  headingDeg: 'bearing',
  normalX: 'number',
  normalY: 'number',
  normalZ: 'number',
};

const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en' };
const PERCENT_DECIMALS = 1;
const NUMBER_DECIMALS = 3;
const DEG2_DECIMALS = 0;

export function formatNumber(v: number, decimals: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
}

/** `m` metres as "12.50 m" / "12.50 米", or null when it is not a finite number. */
export function formatMetres(m: number, t: Translate, lang: Language): string | null {
  return formatQuantity('length', m, t, lang);
}

export function formatQuantity(q: Quantity, v: ResultValue, t: Translate, lang: Language): string | null {
  if (q === 'shape') return typeof v === 'string' ? t(`planning.tools.shapes.${v}`, { defaultValue: v }) : null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const unit = (key: string, value: string) => t(`planning.tools.units.${key}`, { v: value });
  const measured = q === 'length' ? formatLength(v) : q === 'area' ? formatArea(v) : q === 'angle' ? formatAngle(v) : q === 'bearing' ? formatBearing(v) : null;
  if (measured) return measured.ok ? unit(measured.value.unit, formatNumber(measured.value.value, measured.value.decimals, lang)) : null;
  switch (q) {
    case 'count':
      return unit('count', formatNumber(v, 0, lang));
    case 'percent':
      return unit('percent', formatNumber(v, PERCENT_DECIMALS, lang));
    case 'ratio':
      return unit('percent', formatNumber(v * 100, PERCENT_DECIMALS, lang));
    case 'deg2':
      return unit('deg2', formatNumber(v, DEG2_DECIMALS, lang));
    default:
      return formatNumber(v, NUMBER_DECIMALS, lang);
  }
}

export interface ValueRow {
  key: string;
  label: string;
  text: string;
}

/** The printable values of a result, in VALUE_QUANTITY order; nulls and unknown keys are skipped. */
export function valueRows(values: ResultValues, t: Translate, lang: Language): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const [key, q] of Object.entries(VALUE_QUANTITY)) {
    if (!(key in values)) continue;
    const text = formatQuantity(q, values[key]!, t, lang);
    if (text !== null) rows.push({ key, label: t(`planning.tools.values.${key}`, {}), text });
  }
  return rows;
}
