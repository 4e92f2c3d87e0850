/**
 * Display precision of measurements. Each helper returns the rounded number, the number of
 * decimals to show and a unit key; the UI translates the unit (米 / m, 公顷 / ha …) and prints the
 * number with exactly `decimals` fraction digits (e.g. Intl.NumberFormat with minimum and maximum
 * fraction digits both `decimals`), so one result reads correctly in zh and en.
 *
 * The precision follows what a scene pick can support rather than what a float holds: centimetres
 * on a short distance, decimetres on a street, metres on a district.
 */
import { wrapDeg } from './angles';
import { fail, ok, type MeasureResult } from './types';

export type LengthUnit = 'm' | 'km';
export type AreaUnit = 'm2' | 'ha' | 'km2';
export type AngleUnit = 'deg';
export type UnitKey = LengthUnit | AreaUnit | AngleUnit;

export interface Formatted<U extends UnitKey = UnitKey> {
  /** Already rounded to `decimals`, in `unit`. */
  value: number;
  unit: U;
  decimals: number;
}

interface Tier<U extends UnitKey> {
  /** The tier applies to magnitudes (SI) below this. */
  below: number;
  unit: U;
  /** SI units per display unit. */
  factor: number;
  decimals: number;
}

/** < 10 m: cm; < 1 km: dm; beyond: km to the metre (1.235 km), never coarser than a metre. */
export const LENGTH_TIERS: readonly Tier<LengthUnit>[] = [
  { below: 10, unit: 'm', factor: 1, decimals: 2 },
  { below: 1000, unit: 'm', factor: 1, decimals: 1 },
  { below: Infinity, unit: 'km', factor: 1000, decimals: 3 },
];

/**
 * m² up to one hectare (whole m² from 1000 m²); hectares to two decimals up to 1 km², the way
 * 控规 plot tables state 用地面积; km² to three decimals beyond.
 */
export const AREA_TIERS: readonly Tier<AreaUnit>[] = [
  { below: 10, unit: 'm2', factor: 1, decimals: 2 },
  { below: 1000, unit: 'm2', factor: 1, decimals: 1 },
  { below: 10_000, unit: 'm2', factor: 1, decimals: 0 },
  { below: 1_000_000, unit: 'ha', factor: 10_000, decimals: 2 },
  { below: Infinity, unit: 'km2', factor: 1_000_000, decimals: 3 },
];

export const ANGLE_DECIMALS = 1;

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * The first tier that holds the magnitude after rounding: 9.996 m would round to "10.00 m" in the
 * centimetre tier, so it is shown as 10.0 m, exactly as 10.004 m is.
 */
function tiered<U extends UnitKey>(x: number, tiers: readonly Tier<U>[]): MeasureResult<Formatted<U>> {
  if (!Number.isFinite(x)) return fail('non-finite');
  const mag = Math.abs(x);
  for (const t of tiers) {
    if (!(mag < t.below)) continue;
    const v = roundTo(mag / t.factor, t.decimals);
    if (v < t.below / t.factor) return ok({ value: v === 0 ? 0 : Math.sign(x) * v, unit: t.unit, decimals: t.decimals });
  }
  const last = tiers[tiers.length - 1]!;
  return ok({ value: Math.sign(x) * roundTo(mag / last.factor, last.decimals), unit: last.unit, decimals: last.decimals });
}

/** A length or signed height difference, metres in. */
export function formatLength(m: number): MeasureResult<Formatted<LengthUnit>> {
  return tiered(m, LENGTH_TIERS);
}

export function formatArea(m2: number): MeasureResult<Formatted<AreaUnit>> {
  return tiered(m2, AREA_TIERS);
}

/** A signed angle such as an elevation, degrees in, to 0.1°. */
export function formatAngle(deg: number): MeasureResult<Formatted<AngleUnit>> {
  if (!Number.isFinite(deg)) return fail('non-finite');
  const v = roundTo(deg, ANGLE_DECIMALS);
  return ok({ value: v === 0 ? 0 : v, unit: 'deg', decimals: ANGLE_DECIMALS });
}

/** A bearing to 0.1°, wrapped into [0, 360) after rounding, so 359.96° reads 0.0°, not 360.0°. */
export function formatBearing(deg: number): MeasureResult<Formatted<AngleUnit>> {
  if (!Number.isFinite(deg)) return fail('non-finite');
  return ok({ value: wrapDeg(roundTo(wrapDeg(deg), ANGLE_DECIMALS)), unit: 'deg', decimals: ANGLE_DECIMALS });
}
