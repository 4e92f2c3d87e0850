import { describe, expect, it } from 'vitest';
import { formatSummary, summarise } from '../../soak/summary';
import { series } from './fixtures';

const MB = 2 ** 20;

describe('soak summary', () => {
  it('reports each counter’s slope per hour after the warm-up, in display units, with its range', () => {
    // 2 h every 10 s: a warm-up ramp for 12 min (10 %), then the heap creeps by 6 MB/h, DOM nodes stay flat.
    const samples = series(7200, 10, (t) => ({
      heapPostGcBytes: t < 720 ? 50 * MB + t * 1000 : 120 * MB + (6 * MB * (t - 720)) / 3600,
      domNodes: 1500,
      geometries: t < 720 ? Math.round(t / 2) : 360 + ((t / 10) % 2),
    }));
    const s = summarise(samples);
    expect(s.warmup).toMatchObject({ cutoffS: 720, rule: 'fraction' });
    const heap = s.series.find((x) => x.key === 'heapPostGcBytes')!;
    expect(heap.unit).toBe('MB');
    expect(heap.slopePerHour).toBeCloseTo(6, 6);
    expect(heap.min).toBeCloseTo(120, 6);
    expect(heap.max).toBeCloseTo(120 + 6 * 1.8, 6);
    expect(heap.minAll).toBeCloseTo(50, 6);
    expect(s.series.find((x) => x.key === 'domNodes')!.slopePerHour).toBeCloseTo(0, 9);
    expect(Math.abs(s.series.find((x) => x.key === 'geometries')!.slopePerHour!)).toBeLessThan(0.01);
    // Counters with no data at all have no slope.
    const none = summarise(series(600, 10, () => ({ ourTimers: null })));
    expect(none.series.find((x) => x.key === 'ourTimers')).toMatchObject({ slopePerHour: null, n: 0, min: null });
  });

  it('counts recoveries, reloads and drills; n/a when the watchdog hook never answered', () => {
    const samples = series(1200, 10, (t) => ({
      wdResubscribe: t > 600 ? 2 : 0, wdSoftReload: t > 900 ? 1 : 0, reloads: t > 900 ? 1 : 0,
      drillsSent: Math.floor(t / 300), alarmsSeen: Math.floor(t / 300),
    }));
    const s = summarise(samples);
    expect(s.events).toMatchObject({ recoveries: 3, reloads: 1, drillsSent: 4, alarmsSeen: 4, crashes: 0 });
    expect(s.events.watchdog).toMatchObject({ resubscribe: 2, 'soft-reload': 1, 'rebuild-view': 0 });
    const text = formatSummary(s);
    expect(text).toContain('post-GC heap (MB)');
    expect(text).toContain('page reloads seen: 1');
    expect(text).toContain('floor');
    const bare = summarise(series(600, 10, () => ({ wdResubscribe: null, wdRebuildView: null, wdSoftReload: null })));
    expect(bare.events.recoveries).toBeNull();
    expect(formatSummary(bare)).toContain('n/a (no watchdog hook)');
  });
});

describe('a run shorter than its warm-up', () => {
  it('has no slopes and says how long to run', () => {
    const s = summarise(series(180, 10, () => ({})));
    expect(s.series.every((x) => x.slopePerHour === null)).toBe(true);
    expect(formatSummary(s)).toContain('no slopes: run for at least 6 min');
  });
});
