/**
 * Protocol v2 against the real feed server (startFeedServer) and plain `ws` clients:
 * - hello lists protocols [1, 2]; a v2 subscriber gets binary snapshots and deltas, and every
 *   other message as JSON text;
 * - a v1 and a v2 client on the same zone hold the same state after many deltas (v2 decoded with
 *   FrameDecoderV2 and turned back into v1 shape with decodedToV1);
 * - a slow v2 client coalesces and recovers with a binary snapshot that its decoder accepts;
 * - resubscribing gives a fresh snapshot; an encoder failure is counted and heals with a snapshot;
 * - a replay to a v2 client stays JSON, and live resumes with a binary snapshot;
 * - on the real Jiading zone, v2 deltas are at least 3× smaller than v1 (the measured ratio is logged).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EnuFrame, type GeoOrigin } from '../../src/core/geodesy';
import type { WireSensorReading, WireSignal, WireVehicle } from '../../src/feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../src/feed/protocol/v2/FrameDecoderV2';
import { decodedToV1 } from '../../src/feed/protocol/v2/toV1';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { loadZoneInput } from '../../src/tiler/zones';
import { ORIGIN, startZoneServer, waitFor } from './helpers';

type Json = { type: string; seq?: number; ts?: number; id?: number; [k: string]: unknown };
type Entry = { json: Json; bin?: undefined; size: number } | { bin: Uint8Array; json?: undefined; size: number };

/** A raw client that keeps JSON text and binary frames in arrival order. */
async function v2Client(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const log: Entry[] = [];
  ws.on('message', (d: Buffer, isBinary: boolean) => {
    if (isBinary) log.push({ bin: new Uint8Array(d), size: d.length });
    else log.push({ json: JSON.parse(String(d)) as Json, size: d.length });
  });
  ws.on('error', () => {});
  await waitFor(() => log.some((e) => e.json?.type === 'hello'), 10_000, 'hello');
  const send = (m: object) => ws.send(JSON.stringify({ v: 1, ...m }));
  const find = async (pred: (e: Entry) => boolean, what: string, from = 0, timeoutMs = 15_000) => {
    let at = -1;
    await waitFor(() => (at = log.findIndex((e, i) => i >= from && pred(e))) >= 0, timeoutMs, what);
    return at;
  };
  return { ws, log, send, find, close: () => ws.terminate() };
}
type V2Client = Awaited<ReturnType<typeof v2Client>>;

/** v1 state built by applying a stream's messages, up to and including `untilSeq`. */
interface State { seq: number; vehicles: Map<string, WireVehicle>; sensors: Map<string, WireSensorReading>; signals: Map<string, WireSignal> }

function apply(st: State, m: SnapshotMessage | DeltaMessage): void {
  if (m.type === 'snapshot') {
    st.vehicles = new Map(m.vehicles.map((v) => [v.id, v]));
    st.sensors = new Map(m.sensors.map((s) => [s.id, s]));
    st.signals = new Map(m.signals.map((s) => [s.id, s]));
  } else {
    for (const v of m.vehicles ?? []) st.vehicles.set(v.id, v);
    for (const id of m.removed?.vehicles ?? []) st.vehicles.delete(id);
    for (const s of m.sensors ?? []) st.sensors.set(s.id, s);
    for (const s of m.signals ?? []) st.signals.set(s.id, s);
  }
  st.seq = m.seq;
}

const emptyState = (): State => ({ seq: -1, vehicles: new Map(), sensors: new Map(), signals: new Map() });

/** The v1 stream messages of a client (text frames), in order. */
const v1Stream = (c: V2Client) => c.log.flatMap((e) => (e.json && (e.json.type === 'snapshot' || e.json.type === 'delta') ? [e.json as unknown as SnapshotMessage | DeltaMessage] : []));

function v1StateAt(c: V2Client, untilSeq: number): State {
  const st = emptyState();
  let started = false;
  for (const m of v1Stream(c)) {
    if (m.seq > untilSeq) break;
    if (m.type === 'snapshot') started = true;
    if (started) apply(st, m);
  }
  return st;
}

/** Decodes every binary frame; every one must be accepted. */
function decodeAll(c: V2Client, zone: string, origin: GeoOrigin, from = 0) {
  const enu = new EnuFrame(origin);
  const dec = new FrameDecoderV2(zone, enu);
  const out: (SnapshotMessage | DeltaMessage)[] = [];
  const drops: string[] = [];
  for (const e of c.log.slice(from)) {
    if (!e.bin) continue;
    const r = dec.decode(e.bin);
    if (r.ok) out.push(decodedToV1(r.frame, enu));
    else drops.push(`${r.reason}: ${r.detail}`);
  }
  return { msgs: out, drops };
}

function v2StateAt(msgs: (SnapshotMessage | DeltaMessage)[], untilSeq: number): State {
  const st = emptyState();
  for (const m of msgs) {
    if (m.seq > untilSeq && m.type === 'delta') break;
    if (m.seq > untilSeq) break;
    apply(st, m);
  }
  return st;
}

const angleDiff = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

function expectSameState(a: State, b: State): void {
  expect(b.seq).toBe(a.seq);
  expect([...b.vehicles.keys()].sort()).toEqual([...a.vehicles.keys()].sort());
  for (const [id, v] of a.vehicles) {
    const w = b.vehicles.get(id)!;
    expect(Math.abs(w.lonDeg - v.lonDeg), `${id} lon`).toBeLessThan(1e-6);
    expect(Math.abs(w.latDeg - v.latDeg), `${id} lat`).toBeLessThan(1e-6);
    expect(angleDiff(w.headingDeg, v.headingDeg), `${id} heading`).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(Math.abs(w.speedMps - v.speedMps), `${id} speed`).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(w.cls).toBe(v.cls);
  }
  expect([...b.sensors.keys()].sort()).toEqual([...a.sensors.keys()].sort());
  for (const [id, s] of a.sensors) expect(b.sensors.get(id)!.value, id).toBeCloseTo(s.value, 6);
  expect([...b.signals.keys()].sort()).toEqual([...a.signals.keys()].sort());
  for (const [id, s] of a.signals) expect(b.signals.get(id)!.approaches.map((x) => x.state), id).toEqual(s.approaches.map((x) => x.state));
}

const isBinSnapshot = (e: Entry) => !!e.bin && e.bin[5] === 1;
const isBinDelta = (e: Entry) => !!e.bin && e.bin[5] === 2;

describe('feed protocol v2 over the feed server', () => {
  let server: RunningFeedServer | null = null;
  const clients: V2Client[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop('hard');
    server = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const connect = async (port: number) => {
    const c = await v2Client(port);
    clients.push(c);
    return c;
  };

  it('advertises v2; a v1 and a v2 client on one zone hold the same state after many deltas', async () => {
    server = await startZoneServer(0, { rateHz: 20 });
    const a = await connect(server.port);
    const b = await connect(server.port);
    expect(a.log[0]!.json).toMatchObject({ type: 'hello', protocols: [1, 2] });
    a.send({ type: 'subscribe', zone: 'jiading' });
    b.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    await b.find(isBinSnapshot, 'a binary snapshot');
    // 40 deltas after both have started.
    await waitFor(() => b.log.filter(isBinDelta).length >= 40 && v1Stream(a).length >= 41, 20_000, '40 deltas each');
    expect(a.log.some((e) => e.bin)).toBe(false);
    // Everything but the stream is JSON text for the v2 client (hello, heartbeats).
    expect(b.log.filter((e) => e.json).every((e) => e.json!.type !== 'snapshot' && e.json!.type !== 'delta')).toBe(true);
    expect(b.log.some((e) => e.json?.type === 'heartbeat')).toBe(true);
    const { msgs, drops } = decodeAll(b, 'jiading', ORIGIN);
    expect(drops).toEqual([]);
    expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_, i) => msgs[0]!.seq + i));
    const target = Math.min(msgs.at(-1)!.seq, v1Stream(a).at(-1)!.seq);
    expect(target - Math.max(msgs[0]!.seq, v1Stream(a)[0]!.seq)).toBeGreaterThanOrEqual(30);
    const va = v1StateAt(a, target), vb = v2StateAt(msgs, target);
    expect(va.vehicles.size).toBeGreaterThan(10);
    expectSameState(va, vb);
    const h = server.server.health() as { binaryMessagesSent: number; zones: Record<string, { v2: { active: boolean; subscribers: number; encodeErrors: number } }> };
    expect(h.binaryMessagesSent).toBeGreaterThan(40);
    expect(h.zones.jiading!.v2).toMatchObject({ active: true, subscribers: 1, encodeErrors: 0 });
  });

  it('a slow v2 client coalesces, then recovers with a binary snapshot its decoder accepts', { timeout: 60_000 }, async () => {
    const highWater = 16 * 1024;
    server = await startZoneServer(0, { rateHz: 20, highWaterBytes: highWater, fleetScale: 10 });
    const s = server;
    const slow = await connect(s.port);
    slow.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    await slow.find(isBinDelta, 'v2 deltas');
    const raw = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    await waitFor(() => s.server.counters.deltasCoalesced > 20, 40_000, 'coalescing');
    const snapsBefore = s.server.counters.snapshotsAfterDrain;
    raw.resume();
    await waitFor(() => s.server.counters.snapshotsAfterDrain > snapsBefore, 10_000, 'catch-up snapshot');
    await waitFor(() => slow.log.filter(isBinSnapshot).length >= 2, 10_000, 'the catch-up snapshot delivered');
    const second = slow.log.findIndex((e, i) => isBinSnapshot(e) && i > slow.log.findIndex(isBinSnapshot));
    await slow.find(isBinDelta, 'deltas after the catch-up snapshot', second + 1);
    const { msgs, drops } = decodeAll(slow, 'jiading', ORIGIN);
    expect(drops).toEqual([]);
    expect(msgs.filter((m) => m.type === 'snapshot')).toHaveLength(2);
  });

  it('resubscribing gives a fresh snapshot; an encoder failure is counted and heals with a snapshot', async () => {
    const lines: string[] = [];
    server = await startZoneServer(0, { rateHz: 20, log: (l) => lines.push(l) });
    const c = await connect(server.port);
    c.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    await c.find(isBinDelta, 'v2 deltas');
    let at = c.log.length;
    c.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    await c.find(isBinSnapshot, 'a fresh snapshot', at);

    const host = server.zones[0]!;
    const enc = (host as unknown as { encoder: { encodeDelta(m: DeltaMessage): Uint8Array } }).encoder;
    const real = enc.encodeDelta.bind(enc);
    let thrown = 0;
    enc.encodeDelta = (m) => {
      if (thrown++ === 0) throw new RangeError('injected');
      return real(m);
    };
    at = c.log.length;
    await waitFor(() => host.v2.encodeErrors === 1, 5000, 'the injected failure');
    await c.find(isBinSnapshot, 'the resync snapshot', at);
    const snapAt = c.log.findIndex((e, i) => i >= at && isBinSnapshot(e));
    await c.find(isBinDelta, 'deltas after the resync', snapAt + 1);
    expect(server.server.counters.v2DeltasUnencoded).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.includes('v2 encoder (jiading)') && l.includes('injected'))).toBe(true);
    const { drops } = decodeAll(c, 'jiading', ORIGIN);
    expect(drops).toEqual([]);
    // Switching the same zone back to v1 gives a JSON snapshot and JSON deltas.
    at = c.log.length;
    c.send({ type: 'subscribe', zone: 'jiading' });
    await c.find((e) => e.json?.type === 'snapshot', 'a v1 snapshot', at);
    await c.find((e) => e.json?.type === 'delta', 'v1 deltas', at);
  });

  it('a replay to a v2 client stays JSON; live resumes with a binary snapshot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'st-v2-replay-'));
    dirs.push(dataDir);
    server = await startZoneServer(0, { dataDir, timeScale: 30, rateHz: 5, keyframeEveryMs: 1000 });
    const c = await connect(server.port);
    c.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    const first = c.log[await c.find(isBinSnapshot, 'a binary snapshot')]!;
    const firstTs = new DataView(first.bin!.buffer, first.bin!.byteOffset).getFloat64(8, true);
    // Long enough a recording to replay a stretch of it.
    await waitFor(() => Date.now() > firstTs + 3500, 10_000, 'a recording');
    const from = firstTs + 1000, to = from + 1500;
    const at = c.log.length;
    c.send({ type: 'replay', zone: 'jiading', id: 7, from, to, speed: 20 });
    const startAt = await c.find((e) => e.json?.type === 'replay-start' && e.json.id === 7, 'replay-start', at);
    const endAt = await c.find((e) => e.json?.type === 'replay-end' && e.json.id === 7, 'replay-end', startAt, 20_000);
    const during = c.log.slice(startAt + 1, endAt);
    expect(during.some((e) => e.bin)).toBe(false);
    expect(during.filter((e) => e.json?.type === 'snapshot' || e.json?.type === 'delta').length).toBeGreaterThan(1);
    const liveAt = await c.find((e) => !!e.bin || e.json?.type === 'snapshot' || e.json?.type === 'delta', 'live after the replay', endAt + 1);
    expect(isBinSnapshot(c.log[liveAt]!)).toBe(true);
    await c.find(isBinDelta, 'live v2 deltas', liveAt + 1);
    const { drops } = decodeAll(c, 'jiading', ORIGIN, liveAt);
    expect(drops).toEqual([]);
  });

  it('on the real Jiading zone a v2 delta is at least 3× smaller than the v1 one', async () => {
    const input = await loadZoneInput('jiading', resolve('.'));
    server = await startFeedServer({
      zones: [{ id: 'jiading', origin: input.origin, graph: input.roads }], seed: 1, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: 1000,
      startSimMs: Date.parse('2025-11-20T08:00:00+08:00'),
    });
    const a = await connect(server.port);
    const b = await connect(server.port);
    a.send({ type: 'subscribe', zone: 'jiading' });
    b.send({ type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    await waitFor(() => b.log.filter(isBinDelta).length >= 15, 20_000, '15 v2 deltas');
    const { msgs, drops } = decodeAll(b, 'jiading', input.origin);
    expect(drops).toEqual([]);
    const v2BySeq = new Map<number, number>();
    const bins = b.log.filter((e) => e.bin);
    msgs.forEach((m, i) => m.type === 'delta' && v2BySeq.set(m.seq, bins[i]!.size));
    let v1Bytes = 0, v2Bytes = 0, n = 0;
    for (const e of a.log) {
      const m = e.json;
      if (m?.type !== 'delta' || !v2BySeq.has(m.seq!)) continue;
      v1Bytes += e.size;
      v2Bytes += v2BySeq.get(m.seq!)!;
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(10);
    const ratio = v1Bytes / v2Bytes;
    console.log(`jiading: ${n} deltas, v1 ${Math.round(v1Bytes / n)} B, v2 ${Math.round(v2Bytes / n)} B per delta, ratio ${ratio.toFixed(2)}×`);
    expect(ratio).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
