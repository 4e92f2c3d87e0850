/**
 * The recorder (src/server/recorder): a real simulator on a synthetic grid, ticked by hand on an
 * injected clock, recorded into a real SQLite file, then read back:
 * - folding the whole stream from the first snapshot (what a live client holds) equals the
 *   simulator's own snapshot at the same moment, within the stream's dead-bands;
 * - a seek to any time between keyframes (keyframe + deltas) gives the same state as the live
 *   client held at that time;
 * - retention by age and by size drops the oldest intervals first and leaves a seekable start;
 * - a reopened file keeps what was committed and its byte count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { SimDriver } from '../../../src/feed/producer/SimDriver';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import type { Timers } from '../../../src/feed/sources/FeedSource';
import { applyDelta, fromSnapshot, toSnapshot, type FoldedState } from '../../../src/feed/replay/foldState';
import { Recorder } from '../../../src/server/recorder/Recorder';
import { prune } from '../../../src/server/recorder/retention';
import { stateAt } from '../../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../../src/server/recorder/SqliteRecordingStore';
import { ZoneHost } from '../../../src/server/ZoneHost';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, JIADING_ORIGIN, weekdayAt } from '../sim/fixtures';

const frame = new EnuFrame(JIADING_ORIGIN);
/** Timers that never fire: the test flushes and prunes by hand. */
const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => {}, setInterval: () => 0, clearInterval: () => {} };

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tmpFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'st-rec-'));
  dirs.push(d);
  return join(d, 'recording.sqlite');
}

/** A zone ticked at 5 Hz by hand; every delta and the live client's view at each tick are kept. */
function makeZone(timeScale = 30) {
  let nowMs = Date.UTC(2026, 0, 5, 0, 0, 0);
  const sim = new Simulation({ graph: grid(6, 5, 250), zoneId: 'jiading', seed: 3, startSimMs: weekdayAt(8) });
  const host = new ZoneHost('jiading', new SimDriver(sim, frame, () => nowMs, timeScale), 5, () => nowMs);
  const first = JSON.parse(host.snapshotBytes().toString()) as SnapshotMessage;
  const live: FoldedState = fromSnapshot(first);
  const liveAt: { ts: number; state: SnapshotMessage }[] = [];
  host.listeners.add((_z, _b, d: DeltaMessage) => applyDelta(live, d));
  const step = (n: number, keepEvery = 0) => {
    for (let i = 0; i < n; i++) {
      nowMs += 200;
      host.tick();
      if (keepEvery && i % keepEvery === 0) liveAt.push({ ts: live.ts, state: toSnapshot(live) });
    }
  };
  return { host, sim, live, liveAt, step, now: () => nowMs };
}

const M_PER_DEG_LAT = 111_320;
/** Compares two states within the stream's own dead-bands (vehicles 0.2 m and 0.1 m/s, segment speeds 0.6 m/s; signal countdowns differ only in age). */
function expectSameState(a: SnapshotMessage, b: SnapshotMessage, what: string): void {
  const va = new Map(a.vehicles.map((v) => [v.id, v]));
  expect([...va.keys()].sort(), `${what}: vehicle ids`).toEqual(b.vehicles.map((v) => v.id).sort());
  for (const v of b.vehicles) {
    const u = va.get(v.id)!;
    const dm = Math.hypot((u.latDeg - v.latDeg) * M_PER_DEG_LAT, (u.lonDeg - v.lonDeg) * M_PER_DEG_LAT * Math.cos((v.latDeg * Math.PI) / 180));
    expect(dm, `${what}: vehicle ${v.id} position (m)`).toBeLessThan(0.35);
    expect(Math.abs(u.speedMps - v.speedMps), `${what}: vehicle ${v.id} speed`).toBeLessThan(0.15);
    expect(u.cls).toBe(v.cls);
  }
  const colours = (s: SnapshotMessage) => Object.fromEntries(s.signals.map((g) => [g.id, g.approaches.map((x) => x.state).join(',')]));
  expect(colours(a), `${what}: signal phases`).toEqual(colours(b));
  const sensors = (s: SnapshotMessage) => Object.fromEntries(s.sensors.map((r) => [r.id, [r.value, r.quality]]));
  expect(sensors(a), `${what}: sensor values`).toEqual(sensors(b));
  // A segment is sent when its level changes or its speed moves 0.6 m/s from the value marked as
  // sent (SegmentStats), marked at a sub-step while the delta carries the tick's final value: the
  // current speed and the last sent one can be 2 × 0.6 m/s apart. Flow rides along, not compared.
  const levels = (s: SnapshotMessage) => Object.fromEntries(s.segments.map((g) => [g.id, g.congestion]));
  expect(levels(a), `${what}: congestion levels`).toEqual(levels(b));
  const sb = new Map(b.segments.map((g) => [g.id, g.speedKmh]));
  for (const g of a.segments) expect(Math.abs(g.speedKmh - sb.get(g.id)!), `${what}: segment ${g.id} speed`).toBeLessThanOrEqual(2 * 0.6 * 3.6 + 0.1);
  const inc = (s: SnapshotMessage) => Object.fromEntries(s.incidents.map((i) => [i.id, i.status]));
  expect(inc(a), `${what}: incidents`).toEqual(inc(b));
}

describe('folding a stream', () => {
  it('the first snapshot plus every delta equals the simulator\'s own snapshot at the same moment', () => {
    const z = makeZone();
    z.sim.trigger('crash');
    z.step(900); // 3 wall minutes at 30× (90 simulated): vehicles enter and leave, signals cycle, the crash opens
    expect(z.live.vehicles.size).toBeGreaterThan(20);
    const truth = JSON.parse(z.host.snapshotBytes().toString()) as SnapshotMessage;
    expectSameState(toSnapshot(z.live), truth, 'after 900 ticks');
  }, 120_000);

  it('ignores a delta of another zone or an older seq, and drops resolved incidents', () => {
    const s = fromSnapshot({ v: 1, type: 'snapshot', zone: 'a', ts: 10, seq: 5, vehicles: [], sensors: [], signals: [], segments: [],
      incidents: [{ id: 'i1', type: 'crash', severity: 3, lonDeg: 121, latDeg: 31, status: 'active' }] });
    applyDelta(s, { v: 1, type: 'delta', zone: 'b', ts: 11, seq: 6, vehicles: [{ id: 'x', cls: 'car', lonDeg: 121, latDeg: 31, headingDeg: 0, speedMps: 1 }] });
    applyDelta(s, { v: 1, type: 'delta', zone: 'a', ts: 11, seq: 5, vehicles: [{ id: 'y', cls: 'car', lonDeg: 121, latDeg: 31, headingDeg: 0, speedMps: 1 }] });
    expect(s.vehicles.size).toBe(0);
    applyDelta(s, { v: 1, type: 'delta', zone: 'a', ts: 12, seq: 6, incidents: [{ id: 'i1', type: 'crash', severity: 3, lonDeg: 121, latDeg: 31, status: 'resolved' }],
      vehicles: [{ id: 'z', cls: 'car', lonDeg: 121, latDeg: 31, headingDeg: 0, speedMps: 1, route: 'r1', automation: 4 }] });
    applyDelta(s, { v: 1, type: 'delta', zone: 'a', ts: 13, seq: 7, vehicles: [{ id: 'z', cls: 'car', lonDeg: 121.001, latDeg: 31, headingDeg: 90, speedMps: 2 }] });
    expect(s.incidents.size).toBe(0);
    // A moving vehicle's delta leaves out its route and automation: the folded state keeps them.
    expect(s.vehicles.get('z')).toMatchObject({ lonDeg: 121.001, route: 'r1', automation: 4, speedMps: 2 });
    applyDelta(s, { v: 1, type: 'delta', zone: 'a', ts: 14, seq: 8, removed: { vehicles: ['z'] } });
    expect(s.vehicles.size).toBe(0);
    expect(toSnapshot(s)).toMatchObject({ ts: 14, seq: 8, zone: 'a' });
  });
});

describe('recording and seeking (SQLite)', () => {
  it('a seek between keyframes gives the state the live client held then', async () => {
    const z = makeZone();
    const store = new SqliteRecordingStore(tmpFile());
    const rec = new Recorder({ store, zones: [z.host], retention: { maxAgeMs: 86_400_000, maxBytes: 1 << 30 }, now: z.now, timers: idleTimers, keyframeEveryMs: 30_000 });
    await rec.start();
    z.sim.trigger('rainstorm');
    for (let k = 0; k < 8; k++) {
      z.step(100, 7); // 20 s of wall time per round
      await rec.flush();
    }
    const h = rec.health();
    expect(h.keyframesWritten).toBe(1 + 5); // the start, then one per 30 s of 160 s
    expect(h.writeErrors).toBe(0);
    const range = (await store.range('jiading'))!;
    expect(range.toTs - range.fromTs).toBeGreaterThan(155_000);
    // Times right after a keyframe, just before the next, and between, over the whole range.
    const picks = [3, 40, 41, 77, 110, z.liveAt.length - 1].map((i) => z.liveAt[i]!);
    for (const p of picks) {
      const got = (await stateAt(store, 'jiading', p.ts))!;
      expect(got.snapshot.ts, `seek to ${p.ts}`).toBe(p.state.ts);
      expect(got.folded).toBeLessThanOrEqual(30_000 / 200 + 1);
      expectSameState(got.snapshot, p.state, `seek to +${p.ts - range.fromTs} ms`);
    }
    expect(await stateAt(store, 'jiading', range.fromTs - 1)).toBeNull();
    await rec.stop();
  }, 120_000);

  it('prunes by age and by size from the oldest interval, and stays seekable', async () => {
    const z = makeZone();
    const file = tmpFile();
    const store = new SqliteRecordingStore(file);
    const rec = new Recorder({ store, zones: [z.host], retention: { maxAgeMs: 86_400_000, maxBytes: 1 << 30 }, now: z.now, timers: idleTimers, keyframeEveryMs: 10_000 });
    await rec.start();
    rec.noteEvent('jiading', 'control', { scenario: 'crash' });
    for (let k = 0; k < 10; k++) {
      z.step(50);
      await rec.flush();
    }
    const full = (await store.range('jiading'))!;
    const bytes0 = await store.bytes();
    expect(bytes0).toBeGreaterThan(0);
    // The control event, beside the sensor-level events the stream itself produced.
    const controls = async (from: number, to: number) => (await store.events('jiading', from, to)).filter((e) => e.kind === 'control');
    expect(await controls(full.fromTs - 1000, full.toTs)).toHaveLength(1);

    // Age: keep the last 45 s of 100 s; the cut falls on the keyframe at or before now − 45 s.
    const r1 = await prune(store, { maxAgeMs: 45_000, maxBytes: 1 << 30 }, z.now());
    expect(r1.byAge).toBeGreaterThan(0);
    const afterAge = (await store.range('jiading'))!;
    const kf = (await store.keyframeAtOrBefore('jiading', z.now() - 45_000))!;
    expect(afterAge.fromTs).toBe(kf.ts);
    expect(afterAge.fromTs).toBeLessThanOrEqual(z.now() - 45_000);
    expect(await controls(0, Number.MAX_SAFE_INTEGER)).toHaveLength(0);
    expect((await store.events('jiading', 0, Number.MAX_SAFE_INTEGER)).every((e) => e.ts >= afterAge.fromTs)).toBe(true);
    expect(await stateAt(store, 'jiading', afterAge.fromTs)).not.toBeNull();
    const bytes1 = await store.bytes();
    expect(bytes1).toBeLessThan(bytes0);

    // Size: at most half of what is left; whole intervals go, the last one stays.
    const r2 = await prune(store, { maxAgeMs: 86_400_000, maxBytes: bytes1 / 2 }, z.now());
    expect(r2.bySize).toBeGreaterThan(0);
    expect(await store.bytes()).toBeLessThanOrEqual(bytes1 / 2);
    const afterSize = (await store.range('jiading'))!;
    expect(afterSize.fromTs).toBeGreaterThan(afterAge.fromTs);
    expect((await store.keyframeAtOrBefore('jiading', afterSize.fromTs))!.ts).toBe(afterSize.fromTs);
    const bytes2 = await store.bytes();
    await rec.stop();

    // Reopened: the same range and the same byte count.
    const again = new SqliteRecordingStore(file);
    expect(await again.range('jiading')).toEqual(afterSize);
    expect(await again.bytes()).toBe(bytes2);
    await again.close();
  }, 120_000);
});
