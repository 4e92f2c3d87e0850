import { describe, expect, it } from 'vitest';
import { formatMinutes, fromShanghaiParts, sceneSunDefaultMs, toShanghaiParts } from '../../../src/app/shanghaiTime';

describe('Shanghai time', () => {
  it('converts epoch ms to Shanghai date and minutes regardless of the machine zone', () => {
    // 2025-06-21 15:00 in Shanghai is 07:00 UTC.
    expect(toShanghaiParts(Date.UTC(2025, 5, 21, 7, 0))).toEqual({ date: '2025-06-21', minutes: 900 });
    // 20:30 UTC on the 31st is already the next day in Shanghai.
    expect(toShanghaiParts(Date.UTC(2024, 11, 31, 20, 30))).toEqual({ date: '2025-01-01', minutes: 270 });
  });

  it('round-trips', () => {
    const ms = fromShanghaiParts('2025-12-22', 8 * 60 + 45);
    expect(ms).toBe(Date.parse('2025-12-22T08:45:00+08:00'));
    expect(toShanghaiParts(ms as number)).toEqual({ date: '2025-12-22', minutes: 525 });
  });

  it('rejects impossible dates and clamps minutes into the day', () => {
    expect(fromShanghaiParts('2025-02-30', 600)).toBeNull();
    expect(fromShanghaiParts('', 600)).toBeNull();
    expect(fromShanghaiParts('2025-06-01', NaN)).toBeNull();
    expect(fromShanghaiParts('2025-06-01', 5000)).toBe(Date.parse('2025-06-01T23:59:00+08:00'));
  });

  it('formats minutes and reads scene defaults', () => {
    expect(formatMinutes(545)).toBe('09:05');
    expect(sceneSunDefaultMs('2025-03-20T12:00:00+08:00')).toBe(Date.parse('2025-03-20T04:00:00Z'));
    expect(sceneSunDefaultMs(undefined)).toBeNull();
    expect(sceneSunDefaultMs('not a date')).toBeNull();
  });
});
