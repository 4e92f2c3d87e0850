/**
 * Standard days as solar terms, against the published Chinese calendar (紫金山天文台 tables):
 * 大寒 2025-01-20 04:00, 冬至 2025-12-21 23:03, 大寒 2026-01-20 09:45, 冬至 2026-12-22 04:50,
 * 大寒 2027-01-20 15:29/30, 冬至 2024-12-21 17:20 (Beijing time).
 */
import { describe, expect, it } from 'vitest';
import { solarTermUtc, standardDay } from '../../../src/analysis/sunlight/solarTerms';

const beijing = (y: number, m: number, d: number, hh: number, mm: number): number => Date.UTC(y, m - 1, d, hh - 8, mm);

describe('solar terms', () => {
  it.each([
    [2024, 'dongzhi', { y: 2024, m: 12, d: 21 }, beijing(2024, 12, 21, 17, 20)],
    [2025, 'dahan', { y: 2025, m: 1, d: 20 }, beijing(2025, 1, 20, 4, 0)],
    [2025, 'dongzhi', { y: 2025, m: 12, d: 21 }, beijing(2025, 12, 21, 23, 3)],
    [2026, 'dahan', { y: 2026, m: 1, d: 20 }, beijing(2026, 1, 20, 9, 45)],
    [2026, 'dongzhi', { y: 2026, m: 12, d: 22 }, beijing(2026, 12, 22, 4, 50)],
    [2027, 'dahan', { y: 2027, m: 1, d: 20 }, beijing(2027, 1, 20, 15, 30)],
  ] as const)('%d %s falls on the published day and minute', (year, term, day, published) => {
    expect(standardDay(year, term)).toEqual(day);
    // The published minute, truncated: within 2 minutes of our instant.
    expect(Math.abs(solarTermUtc(year, term) - published)).toBeLessThan(2 * 60_000);
  });

  it('finds the equinoxes and the summer solstice in their months', () => {
    expect(standardDay(2026, 'chunfen')).toEqual({ y: 2026, m: 3, d: 20 });
    expect(standardDay(2026, 'xiazhi')).toEqual({ y: 2026, m: 6, d: 21 });
    expect(standardDay(2026, 'qiufen')).toEqual({ y: 2026, m: 9, d: 23 });
  });

  it('refuses an unknown term or a year outside the model', () => {
    expect(() => solarTermUtc(2026, 'lichun' as never)).toThrow(RangeError);
    expect(() => solarTermUtc(1200, 'dahan')).toThrow(RangeError);
  });
});
