import { describe, expect, it } from 'vitest';
import { deepestWaterCm, freshness, weatherReading } from '../../../../src/modes/screen/titleInfo';

const sensors = {
  count: 4,
  types: ['water_level', 'aqi', 'water_level', 'water_level'],
  hasValue: [1, 1, 1, 0],
  stale: [0, 0, 1, 0],
  values: [12.5, 300, 40, 99],
};

describe('title bar readings', () => {
  it('reads the deepest fresh underpass water level, ignoring stale and silent sensors and other types', () => {
    expect(deepestWaterCm(sensors)).toBe(12.5);
    expect(deepestWaterCm(null)).toBeNull();
    expect(deepestWaterCm({ ...sensors, types: ['aqi', 'aqi', 'aqi', 'aqi'] })).toBeNull();
  });

  const base = { drills: [], simTimeMs: null, timeScale: 1, nowMs: 100_000, waterCm: null, water: { warn: 10, alarm: 25 } };

  it('says a running rainstorm drill is rain, and when it is over', () => {
    const drill = { name: 'rainstorm' as const, startedAtMs: 0, startedSimMs: 0 };
    expect(weatherReading({ ...base, drills: [drill], simTimeMs: 600_000, waterCm: 3 })).toEqual({ kind: 'rainstorm-drill', waterCm: 3, tone: 'warn' });
    expect(weatherReading({ ...base, drills: [drill], simTimeMs: 4_000_000, waterCm: 3 }).kind).toBe('no-data');
    // Without the feed's sim clock, wall time × speed.
    expect(weatherReading({ ...base, drills: [{ ...drill, startedSimMs: null }], nowMs: 10_000, timeScale: 60 }).kind).toBe('rainstorm-drill');
  });

  it('reads standing water past the warning level as likely heavy rain, and otherwise has no weather data', () => {
    expect(weatherReading({ ...base, waterCm: 12 })).toEqual({ kind: 'standing-water', waterCm: 12, tone: 'warn' });
    expect(weatherReading({ ...base, waterCm: 30 }).tone).toBe('bad');
    expect(weatherReading({ ...base, waterCm: 2 })).toEqual({ kind: 'no-data', waterCm: 2, tone: 'ok' });
    expect(weatherReading({ ...base, water: null, waterCm: 80 }).kind).toBe('no-data');
  });

  it('rates data freshness from the feed status and the last message', () => {
    expect(freshness({ status: 'connected', lastMessageAtMs: 99_000 }, 100_000)).toEqual({ status: 'connected', ageS: 1, tone: 'ok' });
    expect(freshness({ status: 'connected', lastMessageAtMs: 90_000 }, 100_000).tone).toBe('warn');
    expect(freshness({ status: 'stale', lastMessageAtMs: 10_000 }, 100_000)).toEqual({ status: 'stale', ageS: 90, tone: 'warn' });
    expect(freshness({ status: 'reconnecting', lastMessageAtMs: null }, 100_000)).toEqual({ status: 'reconnecting', ageS: null, tone: 'bad' });
  });
});
