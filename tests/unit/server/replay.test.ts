/**
 * The server side of the time machine, on a real SQLite file:
 * - the store's framesAfter (bounds, limit, and at a shared moment the old run's deltas, then the
 *   new run's keyframe, then its deltas), readings per sensor with a per-sensor limit, and a prune
 *   that removes readings and events with the frames and keeps bytes() exact (also on reopen, with
 *   non-ASCII event details);
 * - the Recorder, over a real simulator, writes incident and sensor-level events beside the
 *   control events, and every sensor reading it served;
 * - a ReplayStreamer over StoreArchive replays that recording: the snapshot is the seek's state,
 *   and the fold at the end equals the live client's state at `to`.
 */
import { packBody, unpackBody } from '../../../src/server/recorder/bodyCodec';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { SimDriver } from '../../../src/feed/producer/SimDriver';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot, type FoldedState } from '../../../src/feed/replay/foldState';
import { ReplayStreamer } from '../../../src/feed/replay/ReplayStreamer';
import type { Timers } from '../../../src/feed/sources/FeedSource';
import { Recorder } from '../../../src/server/recorder/Recorder';
import type { FrameRow } from '../../../src/server/recorder/RecordingStore';
import { stateAt } from '../../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../../src/server/recorder/SqliteRecordingStore';
import { StoreArchive } from '../../../src/server/recorder/StoreArchive';
import { ZoneHost } from '../../../src/server/ZoneHost';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, JIADING_ORIGIN, weekdayAt } from '../sim/fixtures';
import { comparable, FakeClock, foldReplay } from '../feed/replayFixtures';

const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => {}, setInterval: () => 0, clearInterval: () => {} };
const T = Date.UTC(2026, 0, 5, 0, 0, 0);

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function tmpFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'st-replay-'));
  dirs.push(d);
  return join(d, 'recording.sqlite');
}

const frame = (run: number, kind: FrameRow['kind'], ts: number, seq: number): FrameRow => ({ zone: 'z', run, kind, ts, seq, body: Buffer.from(`{"ts":${ts}}`) });

describe('SqliteRecordingStore: frames, readings, prune', () => {
  it('framesAfter: afterTs < ts <= toTs, limit, and a run boundary in order', async () => {
    const store = new SqliteRecordingStore(tmpFile());
    await store.append([
      frame(1, 'keyframe', 100, 0), frame(1, 'delta', 200, 1), frame(1, 'keyframe', 201, 1), frame(1, 'delta', 300, 2),
      // A second run whose start shares a millisecond with the first's last delta.
      frame(2, 'delta', 400, 1), frame(2, 'keyframe', 400, 0), frame(1, 'delta', 400, 3), frame(2, 'delta', 500, 2),
      { ...frame(1, 'delta', 250, 9), zone: 'other' },
    ], []);
    const key = (f: FrameRow) => `${f.run}${f.kind[0]}${f.ts}`;
    expect((await store.framesAfter('z', 100, 500, 100)).map(key)).toEqual(['1d200', '1k201', '1d300', '1d400', '2k400', '2d400', '2d500']);
    expect((await store.framesAfter('z', 200, 400, 3)).map(key)).toEqual(['1k201', '1d300', '1d400']);
    expect(await store.framesAfter('z', 500, 900, 10)).toEqual([]);
    await store.close();
  });

  it('readings per sensor with a per-sensor limit; prune drops readings and events and keeps bytes exact', async () => {
    const file = tmpFile();
    const store = new SqliteRecordingStore(file);
    const frames = [frame(1, 'keyframe', T, 0), frame(1, 'delta', T + 500, 1), frame(1, 'keyframe', T + 1000, 1), frame(1, 'delta', T + 1500, 2)];
    const events = [
      { zone: 'z', ts: T + 500, kind: 'incident', detail: JSON.stringify({ id: 'i', description: { zh: '博园路 交通事故' } }) },
      { zone: 'z', ts: T + 1500, kind: 'sensor-level', detail: JSON.stringify({ id: 'underpass-01', level: 'alarm' }) },
    ];
    const readings = [
      ...Array.from({ length: 10 }, (_, i) => ({ zone: 'z', ts: T + i * 200, sensor: 'underpass-01', value: i })),
      { zone: 'z', ts: T + 300, sensor: 'noise-01', value: 55.5 }, { zone: 'z', ts: T + 1300, sensor: 'noise-01', value: 61 },
      { zone: 'y', ts: T + 300, sensor: 'noise-01', value: 1 },
    ];
    await store.append(frames, events, readings);
    const series = await store.readings('z', ['underpass-01', 'noise-01', 'nothing'], T + 100, T + 1500, 4);
    expect(series).toEqual({
      'underpass-01': [[T + 200, 1], [T + 400, 2], [T + 600, 3], [T + 800, 4]], 'noise-01': [[T + 300, 55.5], [T + 1300, 61]], nothing: [],
    });
    expect((await store.events('z', T, T + 2000, 1)).map((e) => e.kind)).toEqual(['incident']);
    // Bodies are held deflated (bodyCodec.ts): the bytes counted are the stored ones.
    const bodyBytes = frames.reduce((a, f) => a + packBody(f.body).length, 0);
    const eventBytes = events.reduce((a, e) => a + Buffer.byteLength(e.detail), 0);
    const readingBytes = readings.reduce((a, r) => a + 16 + r.sensor.length, 0);
    expect(await store.bytes()).toBe(bodyBytes + eventBytes + readingBytes);
    const again = new SqliteRecordingStore(file);
    expect(await again.bytes()).toBe(await store.bytes());
    await again.close();

    // Cut at the second keyframe: everything of zone z before T + 1000 goes, zone y stays.
    const deleted = await store.pruneBefore('z', T + 1200);
    expect(deleted).toBe(2 + 1 + 5 + 1);
    expect(await store.readings('z', ['underpass-01', 'noise-01'], 0, T + 9999, 100)).toEqual({
      'underpass-01': [[T + 1000, 5], [T + 1200, 6], [T + 1400, 7], [T + 1600, 8], [T + 1800, 9]], 'noise-01': [[T + 1300, 61]],
    });
    expect((await store.events('z', 0, T + 9999)).map((e) => e.kind)).toEqual(['sensor-level']);
    expect(await store.readings('y', ['noise-01'], 0, T + 9999, 10)).toEqual({ 'noise-01': [[T + 300, 1]] });
    const left = bodyBytes - packBody(frames[0]!.body).length - packBody(frames[1]!.body).length + Buffer.byteLength(events[1]!.detail) + (readingBytes - 5 * (16 + 12) - (16 + 8));
    expect(await store.bytes()).toBe(left);
    await store.close();
    const reopened = new SqliteRecordingStore(file);
    expect(await reopened.bytes()).toBe(left);
    await reopened.close();
  });
});

/** A zone ticked at 5 Hz by hand on an injected clock, with a live client's fold beside it. */
function makeZone() {
  let nowMs = T;
  const sim = new Simulation({ graph: grid(6, 5, 250), zoneId: 'jiading', seed: 3, startSimMs: weekdayAt(8) });
  const host = new ZoneHost('jiading', new SimDriver(sim, new EnuFrame(JIADING_ORIGIN), () => nowMs, 30), 5, () => nowMs);
  const live: FoldedState = fromSnapshot(JSON.parse(host.snapshotBytes().toString()) as SnapshotMessage);
  const liveAt = new Map<number, SnapshotMessage>();
  let readingsServed = 0;
  host.listeners.add((_z, _b, d: DeltaMessage) => {
    applyDelta(live, d);
    readingsServed += d.sensors?.length ?? 0;
    liveAt.set(d.ts, toSnapshot(live));
  });
  const step = (n: number) => {
    for (let i = 0; i < n; i++) {
      nowMs += 200;
      host.tick();
    }
  };
  return { host, sim, live, liveAt, step, now: () => nowMs, readingsServed: () => readingsServed };
}

describe('recording events and readings, and replaying the recording', () => {
  it('records incident and sensor-level events and every reading; a replay folds to the live state', async () => {
    const z = makeZone();
    const store = new SqliteRecordingStore(tmpFile());
    const rec = new Recorder({ store, zones: [z.host], retention: { maxAgeMs: 86_400_000, maxBytes: 1 << 30 }, now: z.now, timers: idleTimers, keyframeEveryMs: 10_000 });
    await rec.start();
    // Every RSU reports (every 30 simulated s) before one fails, so its drop to 0 is a crossing.
    z.step(75);
    await rec.flush();
    const rsu = z.sim.sensors.specs.find((s) => s.type === 'rsu')!;
    z.sim.trigger('rsu-fail', { sensorId: rsu.id });
    z.sim.trigger('crash');
    rec.noteEvent('jiading', 'control', { scenario: 'crash' });
    for (let k = 0; k < 5; k++) {
      z.step(50);
      await rec.flush();
    }
    const range = (await store.range('jiading'))!;
    const events = await store.events('jiading', range.fromTs, range.toTs + 1000);
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['control', 'incident', 'sensor-level']);
    const details = events.map((e) => ({ kind: e.kind, ...(JSON.parse(e.detail) as Record<string, unknown>) }));
    expect(details).toContainEqual(expect.objectContaining({ kind: 'incident', type: 'crash', status: 'active', from: null }));
    expect(details).toContainEqual(expect.objectContaining({ kind: 'incident', type: 'rsu_fault', status: 'active', sensorId: rsu.id }));
    expect(details).toContainEqual(expect.objectContaining({ kind: 'sensor-level', id: rsu.id, type: 'rsu', level: 'alarm', value: 0 }));
    const h = rec.health();
    expect(h.readingsWritten).toBe(z.readingsServed());
    expect(h.eventsWritten).toBe(events.length);
    const series = await store.readings('jiading', [rsu.id], range.fromTs, range.toTs, 1000);
    expect(series[rsu.id]!.at(-1)![1]).toBe(0);
    expect(h.writeErrors).toBe(0);

    const archive = new StoreArchive(store);
    const from = range.fromTs + 17_000, to = range.toTs - 3000;
    const clock = new FakeClock();
    const sent: { type: string }[] = [];
    const streamer = new ReplayStreamer({ archive, zone: 'jiading', request: { id: 1, from, to, speed: 60 }, now: clock.now, timers: clock, send: (m) => sent.push(m as { type: string }) });
    await streamer.start();
    const seek = (await stateAt(store, 'jiading', from))!;
    expect(seek.run).toBe(h.run);
    expect(comparable(sent[1] as SnapshotMessage)).toEqual(comparable(seek.snapshot));
    await clock.advance(2000);
    expect(sent.at(-1)).toMatchObject({ type: 'replay-end', reason: 'reached-to', ts: to });
    const liveTs = Math.max(...[...z.liveAt.keys()].filter((t) => t <= to));
    expect(comparable(toSnapshot(foldReplay(sent.slice(1))!))).toEqual(comparable(z.liveAt.get(liveTs)!));
    await rec.stop();
  }, 120_000);
});

describe('bodyCodec', () => {
  it('deflates a JSON body several-fold and reads it back, and reads an uncompressed body as it is', () => {
    const json = Buffer.from(JSON.stringify({ v: 1, type: 'delta', vehicles: Array.from({ length: 500 }, (_, i) => ({ id: `V${i}`, cls: 'car', lonDeg: 121.17 + i * 1e-5, latDeg: 31.29, headingDeg: 90, speedMps: 11.1 })) }));
    const packed = packBody(json);
    expect(packed[0]).toBe(0x78);
    expect(packed.length * 4).toBeLessThan(json.length);
    expect(unpackBody(packed).equals(json)).toBe(true);
    expect(unpackBody(json).equals(json)).toBe(true);
  });
});
