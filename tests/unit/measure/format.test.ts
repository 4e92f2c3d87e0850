import { describe, expect, it } from 'vitest';
import { formatAngle, formatArea, formatBearing, formatLength } from '../../../src/analysis/measure/format';

describe('formatLength', () => {
  it('cm below 10 m, dm below 1 km, km to the metre beyond', () => {
    expect(formatLength(3.14159)).toEqual({ ok: true, value: { value: 3.14, unit: 'm', decimals: 2 } });
    expect(formatLength(123.46)).toEqual({ ok: true, value: { value: 123.5, unit: 'm', decimals: 1 } });
    expect(formatLength(1234.6)).toEqual({ ok: true, value: { value: 1.235, unit: 'km', decimals: 3 } });
  });

  it('moves to the next tier when rounding reaches its threshold', () => {
    expect(formatLength(9.996)).toEqual({ ok: true, value: { value: 10, unit: 'm', decimals: 1 } });
    expect(formatLength(999.96)).toEqual({ ok: true, value: { value: 1, unit: 'km', decimals: 3 } });
    expect(formatLength(9.994)).toEqual({ ok: true, value: { value: 9.99, unit: 'm', decimals: 2 } });
  });

  it('keeps a sign, and never shows −0', () => {
    expect(formatLength(-4)).toEqual({ ok: true, value: { value: -4, unit: 'm', decimals: 2 } });
    const tiny = formatLength(-0.001);
    expect(tiny.ok && Object.is(tiny.value.value, 0)).toBe(true);
  });

  it('rejects non-finite values', () => {
    expect(formatLength(NaN)).toEqual({ ok: false, problem: 'non-finite' });
    expect(formatLength(Infinity)).toEqual({ ok: false, problem: 'non-finite' });
  });
});

describe('formatArea', () => {
  it('m² with fewer decimals as it grows, then ha, then km²', () => {
    expect(formatArea(7.5)).toEqual({ ok: true, value: { value: 7.5, unit: 'm2', decimals: 2 } });
    expect(formatArea(75)).toEqual({ ok: true, value: { value: 75, unit: 'm2', decimals: 1 } });
    expect(formatArea(2500.4)).toEqual({ ok: true, value: { value: 2500, unit: 'm2', decimals: 0 } });
    expect(formatArea(12_360)).toEqual({ ok: true, value: { value: 1.24, unit: 'ha', decimals: 2 } });
    expect(formatArea(2_500_000)).toEqual({ ok: true, value: { value: 2.5, unit: 'km2', decimals: 3 } });
  });

  it('9 999.6 m² rounds up to a hectare and is shown as 1.00 ha', () => {
    expect(formatArea(9_999.6)).toEqual({ ok: true, value: { value: 1, unit: 'ha', decimals: 2 } });
  });

  it('rejects NaN', () => {
    expect(formatArea(NaN)).toEqual({ ok: false, problem: 'non-finite' });
  });
});

describe('angles', () => {
  it('to 0.1°', () => {
    expect(formatAngle(12.34)).toEqual({ ok: true, value: { value: 12.3, unit: 'deg', decimals: 1 } });
    expect(formatAngle(-45.06)).toEqual({ ok: true, value: { value: -45.1, unit: 'deg', decimals: 1 } });
    expect(formatAngle(NaN)).toEqual({ ok: false, problem: 'non-finite' });
  });

  it('bearings wrap into [0, 360) after rounding', () => {
    expect(formatBearing(359.96)).toEqual({ ok: true, value: { value: 0, unit: 'deg', decimals: 1 } });
    expect(formatBearing(-90)).toEqual({ ok: true, value: { value: 270, unit: 'deg', decimals: 1 } });
    expect(formatBearing(45.04)).toEqual({ ok: true, value: { value: 45, unit: 'deg', decimals: 1 } });
    expect(formatBearing(Infinity)).toEqual({ ok: false, problem: 'non-finite' });
  });
});
