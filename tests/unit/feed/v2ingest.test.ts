/**
 * Main-thread v2 ingest: a simulated stream sent once as v1 JSON and once as v2 binary must leave
 * the same state (vehicles within 1 cm, sensors, signals, segments, incidents), and bad binary
 * frames must be dropped and counted by reason without harming that state or writing NaN.
 */
import { describe, expect, it } from 'vitest';
import type { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import { SimFeedProducer } from '../../../src/feed/producer/SimFeedProducer';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../../src/feed/protocol/v2/FrameDecoderV2';
import { HEADER, MAX_V2_FRAME_BYTES } from '../../../src/feed/protocol/v2/layout';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, weekdayAt } from '../sim/fixtures';
import { assertBuffersFinite, FRAME, makeIngest, T0, vehicle } from './fixtures';

type Msg = SnapshotMessage | DeltaMessage;

/** A simulated stream: a snapshot, deltas, a mid-stream snapshot (a resubscribe), more deltas. */
function simStream(n = 60): Msg[] {
  const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 7, startSimMs: weekdayAt(8) });
  const producer = new SimFeedProducer(sim, FRAME, 10);
  sim.advance(30_000);
  const out: Msg[] = [producer.snapshot(T0)];
  for (let i = 1; i <= n; i++) {
    sim.advance(1000);
    const ts = T0 + i * 200;
    const d = producer.delta(ts);
    if (d) out.push(d);
    if (i === n / 2) out.push(producer.snapshot(ts + 1));
  }
  return out;
}

function encodeAll(msgs: Msg[]): Uint8Array[] {
  const enc = new ZoneEncoderV2('jiading', FRAME);
  const frames = msgs.map((m) => (m.type === 'snapshot' ? enc.encodeSnapshot(m) : enc.encodeDelta(m)));
  expect(enc.skipped).toBe(0);
  return frames;
}

/** Feeds frames one per "animation frame", the client clock equal to the server's. */
function run(ing: FeedIngest, frames: unknown[], tsOf: (i: number) => number): void {
  frames.forEach((f, i) => {
    ing.enqueue(f, tsOf(i));
    ing.flush(tsOf(i));
  });
}

function expectSameState(a: FeedIngest, b: FeedIngest): void {
  const va = a.vehicles, vb = b.vehicles;
  expect(vb.count).toBe(va.count);
  expect(vb.idList().sort()).toEqual(va.idList().sort());
  for (const id of va.idList()) {
    const i = va.slot(id)!, j = vb.slot(id)!;
    const dx = va.positions[i * 3]! - vb.positions[j * 3]!, dy = va.positions[i * 3 + 1]! - vb.positions[j * 3 + 1]!;
    expect(Math.hypot(dx, dy), id).toBeLessThan(0.01);
    expect(vb.positions[j * 3 + 2]).toBe(0);
    const dyaw = Math.abs(((va.yaw[i]! - vb.yaw[j]! + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
    expect(dyaw).toBeLessThan(0.006 * Math.PI / 180);
    expect(Math.abs(va.speed[i]! - vb.speed[j]!)).toBeLessThan(0.006);
    expect(vb.classCode[j]).toBe(va.classCode[i]);
    expect(vb.automation[j]).toBe(va.automation[i]);
    expect(vb.updatedAt[j]).toBe(va.updatedAt[i]);
    expect(vb.stale[j]).toBe(va.stale[i]);
    expect(vb.routes[j]).toBe(va.routes[i]);
    expect(vb.lines[j]).toEqual(va.lines[i]);
  }
  expect(b.sensors.ids.slice().sort()).toEqual(a.sensors.ids.slice().sort());
  for (const id of a.sensors.ids) expect(b.sensors.view(id), id).toEqual(a.sensors.view(id));
  const table = (t: FeedIngest['signals'] | FeedIngest['segments'] | FeedIngest['incidents']) => [...t.items.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
  expect(table(b.signals)).toEqual(table(a.signals));
  expect(table(b.segments)).toEqual(table(a.segments));
  expect(table(b.incidents)).toEqual(table(a.incidents));
  expect(b.lines).toEqual(a.lines);
  expect(b.stops).toEqual(a.stops);
  expect(b.simMs).toBe(a.simMs);
  expect(b.timeScale).toBe(a.timeScale);
  expect(b.lastDataTs).toBe(a.lastDataTs);
  expect(b.clock.serverNow(T0)).toBe(a.clock.serverNow(T0));
}

describe('v2 ingest: the same stream as v1 JSON and as v2 binary gives the same state', () => {
  const msgs = simStream();
  const frames = encodeAll(msgs);
  const tsOf = (i: number) => msgs[i]!.ts + 20;

  it('applied frame by frame (as WebSocket ArrayBuffers)', () => {
    const v1 = makeIngest(), v2 = makeIngest();
    run(v1, msgs.map((m) => JSON.stringify(m)), tsOf);
    run(v2, frames.map((f) => f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength)), tsOf);
    // The mid-stream snapshot repeats readings the deltas sent already: duplicates, the same in both.
    expect(v2.drops).toEqual(v1.drops);
    expect(v1.dropsTotal - v1.drops.duplicate).toBe(0);
    expect(v1.vehicles.count).toBeGreaterThan(20);
    expect(v1.vehicles.idList().some((id) => v1.vehicles.routes[v1.vehicles.slot(id)!] !== null)).toBe(true);
    expectSameState(v1, v2);
    assertBuffersFinite(v2);
  });

  it('already decoded (the network worker path, frameV2), mixed with v1 text in one flush', () => {
    const v1 = makeIngest(), v2 = makeIngest();
    const dec = new FrameDecoderV2('jiading', FRAME);
    msgs.forEach((m, i) => {
      v1.enqueue(JSON.stringify(m), tsOf(i));
      const r = dec.decode(frames[i]!);
      if (!r.ok) throw new Error(r.reason);
      v2.frameV2(r.frame, tsOf(i));
      if (i % 3 === 0) v2.enqueue(JSON.stringify({ v: 1, type: 'heartbeat', ts: m.ts }), tsOf(i));
      if (i % 4 === 3) {
        v1.flush(tsOf(i));
        v2.flush(tsOf(i));
      }
    });
    v1.flush(tsOf(msgs.length - 1));
    v2.flush(tsOf(msgs.length - 1));
    expect(v2.drops).toEqual(v1.drops);
    expectSameState(v1, v2);
  });

  it('v2 bytes with the magic are v2; other bytes are still v1 JSON (MQTT), and text still works', () => {
    const ing = makeIngest();
    ing.enqueue(frames[0]!, tsOf(0));
    ing.enqueue(new TextEncoder().encode(JSON.stringify(msgs[1])), tsOf(1));
    ing.flush(tsOf(1));
    expect(ing.dropsTotal).toBe(0);
    expect(ing.vehicles.count).toBe((msgs[0] as SnapshotMessage).vehicles.length + ((msgs[1] as DeltaMessage).vehicles ?? []).filter((v) => !(msgs[0] as SnapshotMessage).vehicles.some((w) => w.id === v.id)).length - ((msgs[1] as DeltaMessage).removed?.vehicles?.length ?? 0));
  });
});

describe('v2 ingest: bad binary frames are dropped and counted, the state is unharmed', () => {
  const env = (seq: number) => ({ v: 1 as const, zone: 'jiading', ts: T0 + seq * 200, seq });
  const snap: SnapshotMessage = { ...env(0), type: 'snapshot', vehicles: [vehicle('a', T0), vehicle('b', T0, 200, 300, { route: 'r1', automation: 4 })], sensors: [], signals: [], segments: [], incidents: [] };
  const d = (seq: number, east: number): DeltaMessage => ({ ...env(seq), type: 'delta', vehicles: [vehicle('a', T0 + seq * 200, east, 60)] });
  const enc = new ZoneEncoderV2('jiading', FRAME);
  const s0 = enc.encodeSnapshot(snap), d1 = enc.encodeDelta(d(1, 120)), d2 = enc.encodeDelta(d(2, 130)), d3 = enc.encodeDelta(d(3, 140));

  function started(): { ing: FeedIngest; resyncs: string[] } {
    const ing = makeIngest();
    const resyncs: string[] = [];
    ing.listeners.onResyncNeeded = (why) => resyncs.push(why);
    run(ing, [s0, d1], (i) => T0 + i * 200);
    return { ing, resyncs };
  }
  const eastOf = (ing: FeedIngest, id: string) => ing.vehicles.positions[ing.vehicles.slot(id)! * 3]!;

  it('truncated: counted, state kept, and the stream goes on', () => {
    const { ing } = started();
    ing.enqueue(d2.slice(0, 40), T0 + 400);
    ing.enqueue(d2.slice(0, d2.length - 8), T0 + 400);
    ing.flush(T0 + 400);
    expect(ing.drops.truncated).toBe(2);
    expect(eastOf(ing, 'a')).toBeCloseTo(120, 2);
    run(ing, [d2], () => T0 + 400);
    expect(eastOf(ing, 'a')).toBeCloseTo(130, 2);
    expect(ing.dropsTotal).toBe(2);
  });

  it('oversized: dropped before it is queued', () => {
    const { ing } = started();
    const big = new Uint8Array(MAX_V2_FRAME_BYTES + 8);
    big.set(d2.subarray(0, 8));
    ing.enqueue(big, T0 + 400);
    expect(ing.queued).toBe(0);
    expect(ing.drops['too-large']).toBe(1);
  });

  it('corrupted: every single-byte corruption is dropped or applies finite values; never throws, never NaN', () => {
    for (let at = 0; at < d2.length; at++) {
      const { ing } = started();
      const bad = d2.slice();
      bad[at] = bad[at]! ^ 0xff;
      ing.enqueue(bad, T0 + 400);
      ing.flush(T0 + 400);
      assertBuffersFinite(ing);
      // A corrupt frame that still decodes is a valid frame with other values (a v1 message with a
      // wrong ts, say); one that does not must leave the state exactly as it was.
      if (ing.dropsTotal > 0) {
        expect(ing.vehicles.count, `at ${at}`).toBe(2);
        expect(eastOf(ing, 'a'), `at ${at}`).toBeCloseTo(120, 2);
      }
    }
  });

  it('NaN in a position column: a schema drop, and NaN is never written', () => {
    const { ing } = started();
    const bad = d2.slice();
    const dv = new DataView(bad.buffer);
    let at = -1;
    for (let p = HEADER.bytes; p + 4 <= bad.length; p += 4) if (Math.abs(dv.getFloat32(p, true) - 130) < 0.01) { at = p; break; }
    expect(at).toBeGreaterThan(0);
    dv.setFloat32(at, Number.NaN, true);
    run(ing, [bad], () => T0 + 400);
    expect(ing.drops.schema).toBe(1);
    expect(eastOf(ing, 'a')).toBeCloseTo(120, 2);
    assertBuffersFinite(ing);
  });

  it('a gap is inconsistent: counted, a resync is asked for, and the next snapshot recovers', () => {
    const { ing, resyncs } = started();
    run(ing, [d3], () => T0 + 600);
    expect(ing.drops.inconsistent).toBe(1);
    expect(resyncs).toHaveLength(1);
    expect(eastOf(ing, 'a')).toBeCloseTo(120, 2);
    const s3 = enc.encodeSnapshot({ ...snap, ...env(3), vehicles: [vehicle('a', T0 + 600, 140, 60)] });
    run(ing, [s3], () => T0 + 600);
    expect(eastOf(ing, 'a')).toBeCloseTo(140, 2);
    // A snapshot is the whole truth: b is gone.
    expect(ing.vehicles.slot('b')).toBeUndefined();
    expect(ing.drops.inconsistent).toBe(1);
  });

  it('a new connection forgets the dictionaries: its first delta is inconsistent until a snapshot', () => {
    const { ing, resyncs } = started();
    ing.onReconnected();
    run(ing, [d2], () => T0 + 400);
    expect(ing.drops.inconsistent).toBe(1);
    expect(resyncs).toHaveLength(1);
  });

  it('the v1 rules still apply to v2 rows: out of zone, too old, out of order', () => {
    const { ing } = started();
    const far = enc.encodeDelta({ ...env(2), type: 'delta', vehicles: [vehicle('far', T0 + 400, 150_000, 0), vehicle('old', T0 - 3_600_000, 1, 1), vehicle('a', T0 + 100, 1, 1)] });
    run(ing, [far], () => T0 + 400);
    expect(ing.drops['out-of-zone']).toBe(1);
    expect(ing.drops['too-old']).toBe(1);
    expect(ing.drops['out-of-order']).toBe(1);
    expect(ing.vehicles.count).toBe(2);
    expect(eastOf(ing, 'a')).toBeCloseTo(120, 2);
  });

  it('a decoded frame for another zone is a wrong-zone drop', () => {
    const { ing } = started();
    const dec = new FrameDecoderV2('jiading', FRAME);
    const r = dec.decode(s0);
    if (!r.ok) throw new Error(r.reason);
    ing.frameV2({ ...r.frame, zone: 'xuhui' }, T0 + 400);
    ing.flush(T0 + 400);
    expect(ing.drops['wrong-zone']).toBe(1);
    ing.frameRejectedV2('inconsistent', 'v2: sequence gap', T0 + 400);
    expect(ing.drops.inconsistent).toBe(1);
  });
});
