/**
 * The network worker's message protocol, with the real NetWorkerHost run in-process behind a fake
 * worker that clones every message the way postMessage does (structuredClone with the transfer
 * list), so a transferred buffer really is detached on the worker side afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import type { SnapshotMessage } from '../../../src/feed/protocol/messages';
import type { DecodedFrameV2 } from '../../../src/feed/protocol/v2/types';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import type { V2FeedSink } from '../../../src/feed/sources/FeedSource';
import { NetWorkerFeedSource, type NetWorkerLike } from '../../../src/feed/sources/NetWorkerFeedSource';
import type { WebSocketCtor } from '../../../src/feed/sources/WebSocketFeedSource';
import type { ConnectionState } from '../../../src/feed/summary';
import type { MainToNet, NetToMain } from '../../../src/feed/worker/netProtocol';
import { IdKeyEncoder } from '../../../src/feed/worker/IdKeyEncoder';
import { IdKeyTable } from '../../../src/feed/worker/IdKeyTable';
import { NetWorkerHost } from '../../../src/feed/worker/NetWorkerHost';
import { FakeSocket } from './fakeSocket';
import { FRAME, ORIGIN, T0, vehicle } from './fixtures';

class InProcessNetWorker implements NetWorkerLike {
  static all: InProcessNetWorker[] = [];
  onmessage: NetWorkerLike['onmessage'] = null;
  onerror: NetWorkerLike['onerror'] = null;
  terminated = false;
  readonly received: MainToNet[] = [];
  /** What the host posted, before cloning (so a test can see the detached originals). */
  readonly posted: NetToMain[] = [];
  readonly host = new NetWorkerHost({
    post: (m, transfer) => {
      this.posted.push(m);
      const copy = structuredClone(m, { transfer: transfer ?? [] });
      void Promise.resolve().then(() => this.onmessage?.({ data: copy }));
    },
    now: () => Date.now(),
    WebSocketImpl: FakeSocket as unknown as WebSocketCtor,
  });
  constructor() {
    InProcessNetWorker.all.push(this);
  }
  postMessage(m: MainToNet) {
    this.received.push(m);
    const copy = structuredClone(m);
    void Promise.resolve().then(() => this.host.handle(copy));
  }
  terminate() {
    this.terminated = true;
    this.host.handle({ type: 'stop' });
  }
}

const env = (seq: number) => ({ v: 1 as const, zone: 'jiading', ts: T0 + seq * 200, seq });
const snapshot = (vs = [vehicle('a', T0), vehicle('b', T0, 300, 200)]): SnapshotMessage =>
  ({ ...env(0), type: 'snapshot', vehicles: vs, sensors: [], signals: [], segments: [], incidents: [] });
const binary = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const settle = () => vi.advanceTimersByTimeAsync(0);

function recordingSink() {
  const frames: DecodedFrameV2[] = [], texts: unknown[] = [], rejected: string[] = [], states: ConnectionState[] = [];
  const sink: V2FeedSink = {
    message: (raw) => texts.push(raw), frameV2: (f) => frames.push(f),
    frameRejectedV2: (reason) => rejected.push(reason), state: (s) => states.push(s),
  };
  return { sink, frames, texts, rejected, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  FakeSocket.all = [];
  InProcessNetWorker.all = [];
});
afterEach(() => vi.useRealTimers());

describe('NetWorkerFeedSource ⇄ netWorker', () => {
  const make = (sink: V2FeedSink) => new NetWorkerFeedSource({
    url: 'ws://feed.test/ws', zone: 'jiading', origin: ORIGIN, sink, now: () => Date.now(), createWorker: () => new InProcessNetWorker(),
    backoff: { baseMs: 100, capMs: 1000 },
  });

  it('the socket lives in the worker: subscribe asks for v2, binary frames arrive decoded, text as strings', async () => {
    const r = recordingSink();
    const src = make(r.sink);
    src.start();
    await settle();
    const sock = FakeSocket.last();
    expect(sock.url).toBe('ws://feed.test/ws');
    sock.open();
    await settle();
    expect(JSON.parse(sock.sent[0]!)).toEqual({ v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    expect(r.states).toEqual(['connecting', 'connecting', 'connected']);
    const enc = new ZoneEncoderV2('jiading', FRAME);
    sock.onmessage?.({ data: binary(enc.encodeSnapshot(snapshot())) });
    sock.receive('{"v":1,"type":"heartbeat","ts":1}');
    await settle();
    expect(r.frames).toHaveLength(1);
    expect(r.frames[0]!.vehicles.ids).toEqual(['a', 'b']);
    expect(r.frames[0]!.vehicles.east[0]).toBeCloseTo(100, 2);
    expect(r.texts).toEqual(['{"v":1,"type":"heartbeat","ts":1}']);
    src.dispose();
  });

  it('the posted transfer list detaches every column buffer on the worker side (a move, not a copy)', async () => {
    const r = recordingSink();
    const src = make(r.sink);
    src.start();
    await settle();
    FakeSocket.last().open();
    FakeSocket.last().onmessage?.({ data: binary(new ZoneEncoderV2('jiading', FRAME).encodeSnapshot(snapshot())) });
    await settle();
    const sent = InProcessNetWorker.all[0]!.posted.find((m) => m.type === 'frame');
    if (sent?.type !== 'frame') throw new Error('no frame posted');
    const v = sent.frame.vehicles;
    for (const col of [v.east, v.north, v.ts, v.headingDeg, v.speedMps, v.cls, v.automation, sent.ids.keys]) expect(col.buffer.byteLength).toBe(0);
    // The ids travel as keys, not as a cloned string array.
    expect(v.ids).toEqual([]);
    const got = r.frames[0]!.vehicles;
    for (const col of [got.east, got.north, got.ts]) expect(col.byteLength).toBeGreaterThan(0);
    expect(got.ids).toEqual(['a', 'b']);
    src.dispose();
  });

  it('a bad frame is reported as rejected; resubscribing asks for v2 again; calls are forwarded', async () => {
    const r = recordingSink();
    const src = make(r.sink);
    src.start();
    await settle();
    const sock = FakeSocket.last();
    sock.open();
    await settle();
    const enc = new ZoneEncoderV2('jiading', FRAME);
    enc.encodeSnapshot(snapshot());
    // A delta before any snapshot reached this subscriber: the dictionaries cannot be trusted.
    sock.onmessage?.({ data: binary(enc.encodeDelta({ ...env(1), type: 'delta', vehicles: [vehicle('a', T0 + 200)] })) });
    sock.onmessage?.({ data: new Uint8Array([0x53, 0x54, 0x46]).buffer });
    await settle();
    expect(r.rejected).toEqual(['inconsistent', 'truncated']);
    src.requestSnapshot();
    src.control({ timeScale: 4 });
    src.wall.join('w1', 'leader');
    expect(src.request({ v: 1, type: 'history', zone: 'jiading', id: 3 })).toBe(true);
    await settle();
    const msgs = sock.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
    expect(msgs.filter((m) => m.type === 'subscribe')).toEqual([
      { v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v2' }, { v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v2' }]);
    expect(msgs).toContainEqual({ v: 1, type: 'control', zone: 'jiading', timeScale: 4 });
    expect(msgs).toContainEqual({ v: 1, type: 'wall-join', wall: 'w1', as: 'leader' });
    expect(msgs).toContainEqual({ v: 1, type: 'history', zone: 'jiading', id: 3 });
    src.dispose();
    expect(InProcessNetWorker.all[0]!.terminated).toBe(true);
    expect(r.states.at(-1)).toBe('closed');
  });

  it('a crashed worker is replaced with backoff, and the new one is told the heartbeat and walls', async () => {
    const r = recordingSink();
    const src = make(r.sink);
    src.start();
    await settle();
    FakeSocket.last().open();
    await settle();
    src.setHeartbeatMs(1500);
    src.wall.join('w1', 'follower');
    InProcessNetWorker.all[0]!.onerror?.({ message: 'boom' });
    expect(r.states.at(-1)).toBe('reconnecting');
    expect(InProcessNetWorker.all[0]!.terminated).toBe(true);
    expect(InProcessNetWorker.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(InProcessNetWorker.all).toHaveLength(2);
    expect(InProcessNetWorker.all[1]!.received.map((m) => m.type)).toEqual(['start', 'heartbeat', 'wall-join']);
    src.dispose();
  });

  it('access: a refusal in the worker reaches the main thread', async () => {
    const r = recordingSink();
    const src = make(r.sink);
    src.start();
    await settle();
    const sock = FakeSocket.last();
    sock.open();
    sock.receive({ v: 1, type: 'hello', server: 't', ts: T0, heartbeatMs: 2000, zones: ['jiading'], authRequired: true });
    await settle();
    expect(src.access.refusal).toBe('token-required');
    expect(r.states.at(-1)).toBe('unauthorised');
    src.dispose();
  });
});

describe('vehicle id keys', () => {
  it('an id crosses as a string once, then as its key; a new epoch sends them afresh', () => {
    const enc = new IdKeyEncoder(5), table = new IdKeyTable();
    const a = enc.encode(['a', 'b']);
    expect(a.added).toEqual(['a', 'b']);
    expect(table.decode(a)).toEqual(['a', 'b']);
    const b = enc.encode(['b', 'c', 'a']);
    expect(b.added).toEqual(['c']);
    expect([...b.keys]).toEqual([1, 2, 0]);
    expect(table.decode(b)).toEqual(['b', 'c', 'a']);
    // It could pass the bound (5): a new epoch, every id sent again.
    const c = enc.encode(['a', 'd', 'e']);
    expect(c.epoch).toBe(1);
    expect(c.added).toEqual(['a', 'd', 'e']);
    expect(table.decode(c)).toEqual(['a', 'd', 'e']);
  });

  it('keys out of step are refused, so the source rejects the frame and asks for a new epoch', () => {
    const enc = new IdKeyEncoder(), table = new IdKeyTable();
    enc.encode(['a']);
    expect(table.decode(enc.encode(['b']))).toBeNull();
    expect(table.decode({ epoch: 0, base: 0, added: [], keys: Uint32Array.of(3) })).toBeNull();
    enc.reset();
    expect(table.decode(enc.encode(['b']))).toEqual(['b']);
  });
});

describe('FeedRuntime over the network worker', () => {
  const binding = (): FeedStoreBinding => ({ publish: () => {}, reportError: () => {}, attachBuffers: () => {} });

  it('vehicles decoded in the worker land in the ingest; an inconsistent frame resubscribes with v2', async () => {
    const rt = createFeedRuntime({
      config: { kind: 'ws', url: 'ws://feed.test/ws' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
      binding: binding(), now: () => Date.now(), createNetWorker: () => new InProcessNetWorker(),
    });
    expect(rt.source).toBeInstanceOf(NetWorkerFeedSource);
    rt.start();
    await settle();
    const sock = FakeSocket.last();
    sock.open();
    const enc = new ZoneEncoderV2('jiading', FRAME);
    sock.onmessage?.({ data: binary(enc.encodeSnapshot(snapshot())) });
    await settle();
    rt.flush(Date.now());
    expect(rt.ingest.vehicles.count).toBe(2);
    expect(rt.ingest.dropsTotal).toBe(0);
    enc.encodeDelta({ ...env(1), type: 'delta', vehicles: [vehicle('a', T0 + 200)] });
    sock.onmessage?.({ data: binary(enc.encodeDelta({ ...env(2), type: 'delta', vehicles: [vehicle('a', T0 + 400)] })) });
    await settle();
    rt.flush(Date.now());
    expect(rt.ingest.drops.inconsistent).toBe(1);
    await settle();
    expect(sock.sent.map((s) => JSON.parse(s) as { type: string; encoding?: string }).filter((m) => m.type === 'subscribe').map((m) => m.encoding)).toEqual(['v2', 'v2']);
    rt.dispose();
  });

  it('a browser that refuses the worker still gets the v2 feed, decoded on the main thread, and is told so once', () => {
    const errors: { message: string; kind?: string }[] = [];
    const rt = createFeedRuntime({
      config: { kind: 'ws', url: 'ws://feed.test/ws' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
      binding: { ...binding(), reportError: (_s, message, kind) => errors.push({ message, kind }) }, now: () => Date.now(),
      createNetWorker: () => { throw new Error('blocked by the content security policy'); }, WebSocketImpl: FakeSocket as unknown as WebSocketCtor,
    });
    expect(rt.source).not.toBeInstanceOf(NetWorkerFeedSource);
    expect(errors).toEqual([{ message: expect.stringMatching(/network worker unavailable \(blocked by the content security policy\); decoding the feed on the main thread/), kind: 'feed-no-worker' }]);
    rt.start();
    const sock = FakeSocket.last();
    sock.open();
    expect(JSON.parse(sock.sent[0]!)).toEqual({ v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    const enc = new ZoneEncoderV2('jiading', FRAME);
    sock.onmessage?.({ data: binary(enc.encodeSnapshot(snapshot())) });
    rt.flush(Date.now());
    expect(rt.ingest.vehicles.count).toBe(2);
    expect(rt.ingest.dropsTotal).toBe(0);
    rt.dispose();
  });

  it('feedEncoding v1 keeps the socket on the main thread and subscribes for v1', () => {
    const rt = createFeedRuntime({
      config: { kind: 'ws', url: 'ws://feed.test/ws', encoding: 'v1' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
      binding: binding(), now: () => Date.now(), createNetWorker: () => new InProcessNetWorker(), WebSocketImpl: FakeSocket as unknown as WebSocketCtor,
    });
    expect(rt.source).not.toBeInstanceOf(NetWorkerFeedSource);
    rt.start();
    FakeSocket.last().open();
    expect(JSON.parse(FakeSocket.last().sent[0]!)).toEqual({ v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v1' });
    rt.dispose();
  });
});
