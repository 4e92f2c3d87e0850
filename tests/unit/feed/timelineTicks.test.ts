/**
 * Which recorded events become ticks on the time slider (src/feed/replay/timelineTicks): a sensor
 * rising into warning or alarm, an incident appearing, a drill started; nothing for falling levels,
 * status changes of a known incident, or events without an id. And adjacentTick, which the
 * previous/next alert buttons use, including from the moment a jump to a tick shows.
 */
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/feed/protocol/messages';
import { adjacentTick, MAX_TICKS, TICK_JUMP_AFTER_MS, TICK_REPEAT_MS, timelineTicks, type TimelineTick } from '../../../src/feed/replay/timelineTicks';

const T = Date.UTC(2026, 11, 1, 23, 0, 0);
const lvl = (ts: number, id: string, level: string, from: string | undefined, extra: Record<string, unknown> = {}): RecordedEvent => ({
  ts, kind: 'sensor-level', detail: { id, type: 'water_level', level, ...(from !== undefined ? { from } : {}), value: 1, unit: 'cm', lonDeg: 121.2, latDeg: 31.3, ...extra },
});
const inc = (ts: number, id: string, status: string, from: string | null | undefined): RecordedEvent => ({
  ts, kind: 'incident', detail: { id, type: 'crash', status, ...(from !== undefined ? { from } : {}), severity: 3, lonDeg: 121.25, latDeg: 31.35 },
});

describe('timelineTicks', () => {
  it('ticks a sensor rising into warning or alarm, never one falling or staying', () => {
    const ticks = timelineTicks([
      lvl(T + 1, 's1', 'warning', 'normal'),
      lvl(T + 2, 's1', 'alarm', 'warning'),
      lvl(T + 3, 's1', 'warning', 'alarm'),
      lvl(T + 4, 's1', 'normal', 'warning'),
      lvl(T + 5, 's2', 'alarm', 'normal'),
      lvl(T + 6, 's2', 'alarm', 'alarm'),
      lvl(T + 7, 's3', 'warning', undefined),
      lvl(T + 8, 's4', 'offline', 'normal'),
    ]);
    expect(ticks).toEqual([
      { ts: T + 1, kind: 'warning', id: 's1', assetKind: 'sensor', type: 'water_level', lonDeg: 121.2, latDeg: 31.3 },
      { ts: T + 2, kind: 'alarm', id: 's1', assetKind: 'sensor', type: 'water_level', lonDeg: 121.2, latDeg: 31.3 },
      { ts: T + 5, kind: 'alarm', id: 's2', assetKind: 'sensor', type: 'water_level', lonDeg: 121.2, latDeg: 31.3 },
      // No "from": risen from nothing known, as from normal.
      { ts: T + 7, kind: 'warning', id: 's3', assetKind: 'sensor', type: 'water_level', lonDeg: 121.2, latDeg: 31.3 },
    ]);
  });

  it('ticks a new incident, not its later status changes nor one that appears resolved', () => {
    expect(timelineTicks([
      inc(T + 10, 'i1', 'active', null),
      inc(T + 20, 'i1', 'clearing', 'active'),
      inc(T + 30, 'i1', 'resolved', 'clearing'),
      inc(T + 40, 'i2', 'active', undefined),
      inc(T + 50, 'i3', 'resolved', null),
    ])).toEqual([
      { ts: T + 10, kind: 'incident', id: 'i1', assetKind: 'incident', type: 'crash', lonDeg: 121.25, latDeg: 31.35 },
      { ts: T + 40, kind: 'incident', id: 'i2', assetKind: 'incident', type: 'crash', lonDeg: 121.25, latDeg: 31.35 },
    ]);
  });

  it('ticks a drill (a control event naming a scenario) without a place; ignores other kinds and id-less events', () => {
    expect(timelineTicks([
      { ts: T + 3, kind: 'control', detail: { scenario: 'rainstorm' } },
      { ts: T + 4, kind: 'control', detail: { timeScale: 10 } },
      { ts: T + 5, kind: 'note', detail: { id: 'x', level: 'alarm' } },
      { ts: T + 6, kind: 'sensor-level', detail: { level: 'alarm', from: 'normal' } },
      { ts: T + 7, kind: 'incident', detail: { status: 'active', from: null } },
      { ts: T + 8, kind: 'sensor-level', detail: { id: 's9', level: 'alarm', from: 'normal', lonDeg: Number.NaN, latDeg: '31' } },
    ])).toEqual([
      { ts: T + 3, kind: 'drill', id: 'rainstorm', assetKind: null, type: 'rainstorm', lonDeg: null, latDeg: null },
      // A place that is not a finite number is no place.
      { ts: T + 8, kind: 'alarm', id: 's9', assetKind: 'sensor', type: '', lonDeg: null, latDeg: null },
    ]);
  });

  it('ticks the same sensor and kind again only after TICK_REPEAT_MS; a rise to alarm is its own kind', () => {
    const M = 60_000;
    const ticks = timelineTicks([
      lvl(T, 'n1', 'warning', 'normal'),
      lvl(T + 5 * M, 'n1', 'warning', 'normal'),
      lvl(T + 6 * M, 'n1', 'alarm', 'warning'),
      lvl(T + 7 * M, 'n1', 'alarm', 'normal'),
      lvl(T + TICK_REPEAT_MS - 1, 'n1', 'warning', 'normal'),
      lvl(T + TICK_REPEAT_MS, 'n1', 'warning', 'normal'),
      lvl(T + 5 * M, 'n2', 'warning', 'normal'),
      inc(T + M, 'i1', 'active', null),
      inc(T + 2 * M, 'i1', 'active', null),
    ]);
    expect(TICK_REPEAT_MS).toBe(10 * M);
    expect(ticks.map((t) => [t.ts - T, t.kind, t.id])).toEqual([
      [0, 'warning', 'n1'], [M, 'incident', 'i1'], [5 * M, 'warning', 'n2'], [6 * M, 'alarm', 'n1'], [TICK_REPEAT_MS, 'warning', 'n1'],
    ]);
  });

  it('sorts by time and keeps the newest MAX_TICKS', () => {
    expect(timelineTicks([lvl(T + 9, 'b', 'alarm', 'normal'), lvl(T + 1, 'a', 'alarm', 'normal')]).map((t) => t.id)).toEqual(['a', 'b']);
    const many = Array.from({ length: MAX_TICKS + 20 }, (_, i) => lvl(T + (MAX_TICKS + 20 - i) * 1000, `s${i}`, 'alarm', 'normal'));
    const ticks = timelineTicks(many);
    expect(ticks).toHaveLength(MAX_TICKS);
    expect(ticks[0]!.ts).toBe(T + 21_000);
    expect(ticks[MAX_TICKS - 1]!.ts).toBe(T + (MAX_TICKS + 20) * 1000);
  });
});

describe('adjacentTick', () => {
  const tick = (ts: number, kind: TimelineTick['kind'], id: string): TimelineTick => ({ ts, kind, id, assetKind: kind === 'drill' ? null : 'sensor', type: 'water_level', lonDeg: null, latDeg: null });
  const ticks = [tick(T + 10_000, 'alarm', 'a'), tick(T + 20_000, 'drill', 'rainstorm'), tick(T + 30_000, 'incident', 'b'), tick(T + 40_000, 'warning', 'c')];
  const id = (t: TimelineTick | null) => t?.id ?? null;

  it('finds the next and previous alerting tick, skipping drills', () => {
    expect(id(adjacentTick(ticks, T, 1))).toBe('a');
    expect(id(adjacentTick(ticks, T + 10_000, 1))).toBe('b');
    expect(id(adjacentTick(ticks, T + 15_000, 1))).toBe('b');
    expect(id(adjacentTick(ticks, T + 40_000, 1))).toBeNull();
    expect(id(adjacentTick(ticks, T + 50_000, -1))).toBe('c');
    expect(id(adjacentTick(ticks, T + 25_000, -1))).toBe('a');
    expect(id(adjacentTick(ticks, T + 10_000, -1))).toBeNull();
    expect(id(adjacentTick(ticks, T, -1))).toBeNull();
    expect(adjacentTick([], T, 1)).toBeNull();
    expect(adjacentTick([tick(T, 'drill', 'x')], T - 10_000, 1)).toBeNull();
  });

  it('a tick up to half a second after `ts` is the one shown, not the next', () => {
    expect(id(adjacentTick(ticks, T + 9_500, 1))).toBe('b');
    expect(id(adjacentTick(ticks, T + 9_499, 1))).toBe('a');
  });

  it('from where a jump to a tick lands, previous goes to the tick before it and next to the one after', () => {
    // jumpTo shows tick.ts + TICK_JUMP_AFTER_MS; a memory recording kept a second at a time may show a little earlier.
    for (const landed of [T + 30_000 + TICK_JUMP_AFTER_MS, T + 30_000 + 600]) {
      expect(id(adjacentTick(ticks, landed, -1)), `prev from +${landed - T}`).toBe('a');
      expect(id(adjacentTick(ticks, landed, 1)), `next from +${landed - T}`).toBe('c');
    }
    // Stepping back through every alert: c, b, a, then none.
    const seen: string[] = [];
    let at = T + 60_000;
    for (let k = adjacentTick(ticks, at, -1); k && seen.length < 10; k = adjacentTick(ticks, at, -1)) {
      seen.push(k.id);
      at = k.ts + TICK_JUMP_AFTER_MS;
    }
    expect(seen).toEqual(['c', 'b', 'a']);
  });
});
