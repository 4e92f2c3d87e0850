import { describe, expect, it } from 'vitest';
import { ClockOffset } from '../../../src/feed/ingest/ClockOffset';
import { EntityTable } from '../../../src/feed/ingest/EntityTable';
import { RateMeter } from '../../../src/feed/ingest/RateMeter';
import { VehicleBuffer } from '../../../src/feed/ingest/VehicleBuffer';

const upd = (id: string, ts: number, x = 1) => ({ id, ts, x, y: 2, z: 0, yaw: 0.5, speedMps: 3, cls: 'bus' as const });

describe('VehicleBuffer', () => {
  it('reuses freed slots and keeps highWater bounded under churn', () => {
    const b = new VehicleBuffer(8, 64);
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 5; i++) expect(b.upsert(upd(`r${round}-${i}`, round))).toBeNull();
      for (let i = 0; i < 5; i++) b.remove(`r${round}-${i}`);
    }
    expect(b.count).toBe(0);
    expect(b.highWater).toBeLessThanOrEqual(5);
  });

  it('grows up to its maximum, then refuses with a capacity drop', () => {
    const b = new VehicleBuffer(4, 16);
    for (let i = 0; i < 16; i++) expect(b.upsert(upd(`v${i}`, 1))).toBeNull();
    expect(b.capacity).toBe(16);
    expect(b.upsert(upd('overflow', 1))).toBe('capacity');
    expect(b.positions[15 * 3]).toBe(1);
    expect(b.ids[15]).toBe('v15');
  });

  it('marks stale after the window and evicts after the longer one', () => {
    const b = new VehicleBuffer();
    b.upsert(upd('a', 1000));
    b.upsert(upd('b', 5000));
    b.age(7000, 5000, 60_000);
    expect(b.staleCount).toBe(1);
    expect(b.stale[b.slot('a')!]).toBe(1);
    b.age(62_000, 5000, 60_000);
    expect(b.slot('a')).toBeUndefined();
    expect(b.count).toBe(1);
    b.upsert(upd('b', 62_000));
    expect(b.staleCount).toBe(0);
  });

  it('bumps version on writes so renderers know to re-upload', () => {
    const b = new VehicleBuffer();
    const v0 = b.version;
    b.upsert(upd('a', 1));
    expect(b.version).toBeGreaterThan(v0);
    const v1 = b.version;
    b.upsert(upd('a', 1));
    expect(b.version).toBe(v1);
  });
});

describe('EntityTable', () => {
  it('applies newest-wins and flags staleness', () => {
    const t = new EntityTable<{ id: string; ts: number; v: number }>();
    expect(t.upsert({ id: 'a', ts: 10, v: 1 })).toBeNull();
    expect(t.upsert({ id: 'a', ts: 10, v: 2 })).toBe('duplicate');
    expect(t.upsert({ id: 'a', ts: 5, v: 3 })).toBe('out-of-order');
    expect(t.items.get('a')!.v).toBe(1);
    t.age(100, 50);
    expect(t.isStale('a')).toBe(true);
  });
});

describe('ClockOffset', () => {
  it('prefers the round trip with the smallest rtt', () => {
    const c = new ClockOffset();
    c.addRoundTrip(1000, 301_100, 1200); // rtt 200, offset 300_000
    c.addRoundTrip(2000, 302_010, 2020); // rtt 20, offset 300_000
    c.addRoundTrip(3000, 303_900, 3900); // rtt 900, skewed
    expect(c.offsetMs).toBe(300_000);
    expect(c.serverNow(5000)).toBe(305_000);
  });

  it('uses the tightest one-way bound when there are no round trips', () => {
    const c = new ClockOffset();
    c.addOneWay(10_000, 9_900); // 100 - latency
    c.addOneWay(20_000, 19_850);
    expect(c.offsetMs).toBe(150);
    c.reset();
    expect(c.hasEstimate).toBe(false);
    expect(c.offsetMs).toBe(0);
  });
});

describe('RateMeter', () => {
  it('reports messages per second over whole seconds', () => {
    const r = new RateMeter();
    for (let t = 0; t < 5000; t += 10) r.add(t);
    expect(r.rate(5000)).toBeCloseTo(100, 6);
    expect(r.rate(20_000)).toBe(0);
  });
});
