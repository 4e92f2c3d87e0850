/** True solar time against Beijing time: the pin the issue asks for, and the round trip. */
import { describe, expect, it } from 'vitest';
import { standardDay } from '../../../src/analysis/sunlight/solarTerms';
import { beijingDate, beijingHours, equationOfTimeMin, trueSolarToUtc, utcToTrueSolarHours } from '../../../src/analysis/sunlight/solarTime';

const SH_LON = 121.47;

describe('true solar time', () => {
  it('pins 大寒日 2027 in Shanghai: TST 08:00 is 08:04:55 Beijing time (±30 s)', () => {
    const day = standardDay(2027, 'dahan');
    expect(day).toEqual({ y: 2027, m: 1, d: 20 });
    const utc = trueSolarToUtc(day, 8, SH_LON);
    // (121.47° − 120°) × 4 min = +5.88 min of longitude, and an equation of time of −10.8 min.
    const pinnedSeconds = 8 * 3600 + 4 * 60 + 55;
    expect(Math.abs(beijingHours(utc) * 3600 - pinnedSeconds)).toBeLessThanOrEqual(30);
    expect(beijingDate(utc)).toEqual(day);
    // And so 16:00 TST is about 16:05 Beijing time.
    expect(Math.abs(beijingHours(trueSolarToUtc(day, 16, SH_LON)) * 60 - (16 * 60 + 5))).toBeLessThan(1);
  });

  it('has the textbook equation of time: −14.2 min mid-February, +16.4 min early November, ~0 mid-April', () => {
    // Meeus, Astronomical Algorithms: extremes about −14 min 15 s (Feb 11) and +16 min 25 s (Nov 3).
    expect(equationOfTimeMin(Date.UTC(2026, 1, 11, 12))).toBeCloseTo(-14.2, 0);
    expect(equationOfTimeMin(Date.UTC(2026, 10, 3, 12))).toBeCloseTo(16.4, 0);
    expect(Math.abs(equationOfTimeMin(Date.UTC(2026, 3, 15, 12)))).toBeLessThan(0.6);
  });

  it('round-trips: utcToTrueSolarHours(trueSolarToUtc(d, t)) = t to under a second', () => {
    for (const [y, m, d] of [[2025, 1, 20], [2026, 6, 21], [2026, 12, 22], [2030, 3, 20]] as const) {
      for (const tst of [8, 9, 12, 15, 16]) {
        const utc = trueSolarToUtc({ y, m, d }, tst, SH_LON);
        expect(Math.abs(utcToTrueSolarHours(utc, SH_LON) - tst) * 3600).toBeLessThan(1);
        expect(beijingDate(utc)).toEqual({ y, m, d });
      }
    }
  });

  it('moves by 4 minutes per degree of longitude', () => {
    const day = { y: 2027, m: 1, d: 20 };
    const diffMin = (trueSolarToUtc(day, 12, 120) - trueSolarToUtc(day, 12, 121)) / 60_000;
    expect(diffMin).toBeCloseTo(4, 2);
  });

  it('refuses non-finite input', () => {
    expect(() => trueSolarToUtc({ y: 2027, m: 1, d: 20 }, NaN, SH_LON)).toThrow(RangeError);
  });
});
