/**
 * MqttFeedSource in v2 mode against a fake mqtt.js client (the `connect` injection): what it
 * subscribes to, how it routes each topic to the sink, and a FeedRuntime configured for MQTT v2
 * filling its ingest from real v2 frames, across a reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { createFeedRuntime } from '../../../src/feed/FeedRuntime';
import { PROTOCOL_VERSION } from '../../../src/feed/protocol/limits';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { MqttFeedSource, type MqttClientLike, type MqttV2Sink } from '../../../src/feed/sources/MqttFeedSource';
import type { ConnectionState } from '../../../src/feed/summary';
import { FRAME, ORIGIN, vehicle } from './fixtures';

class FakeClient implements MqttClientLike {
  handlers = new Map<string, ((...a: unknown[]) => void)[]>();
  subs: string[] = [];
  unsubs: string[] = [];
  ended = false;
  on(ev: string, cb: (...a: never[]) => void) {
    this.handlers.set(ev, [...(this.handlers.get(ev) ?? []), cb as (...a: unknown[]) => void]);
    return this;
  }
  emit(ev: string, ...a: unknown[]) {
    for (const h of this.handlers.get(ev) ?? []) h(...a);
  }
  subscribe(t: string, _o: unknown, cb?: (e: Error | null) => void) {
    this.subs.push(t);
    cb?.(null);
    return this;
  }
  unsubscribe(t: string, cb?: () => void) {
    this.unsubs.push(t);
    cb?.();
    return this;
  }
  end() {
    this.ended = true;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
}

function v2Recorder() {
  const calls: unknown[][] = [];
  const states: ConnectionState[] = [];
  const sink: MqttV2Sink = {
    message: (raw, _t, topic) => calls.push(['message', topic, raw]),
    streamV2: (payload, _t, stream, ordered) => calls.push(['stream', stream, ordered, payload]),
    statusV2: (payload) => calls.push(['status', payload]),
    state: (s) => states.push(s),
  };
  return { sink, calls, states };
}

describe('MqttFeedSource, MQTT v2', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = (sink: MqttV2Sink, clients: FakeClient[]) => new MqttFeedSource({
    url: 'ws://broker.test/mqtt', zone: 'yangpu', sink, v2Prefix: 'city/v2', now: () => Date.now(), rng: createRng(1),
    backoff: { baseMs: 100, capMs: 1000 },
    connect: () => {
      const c = new FakeClient();
      clients.push(c);
      return c;
    },
  });

  it('subscribes to the snapshot, delta and status topics and routes each with its stream', async () => {
    const clients: FakeClient[] = [];
    const r = v2Recorder();
    const src = make(r.sink, clients);
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    const c = clients[0]!;
    c.emit('connect');
    expect(c.subs).toEqual(['city/v2/yangpu/snapshot/+', 'city/v2/yangpu/delta/+', 'city/v2/yangpu/status']);
    const p = new Uint8Array([1, 2, 3]);
    c.emit('message', 'city/v2/yangpu/delta/e0n-1', p, { retain: false });
    c.emit('message', 'city/v2/yangpu/snapshot/e1n0', p, { retain: true });
    // A live copy on the snapshot topic repeats the in-band one on the delta topic.
    c.emit('message', 'city/v2/yangpu/snapshot/e1n0', p, { retain: false });
    c.emit('message', 'city/v2/yangpu/status', p, { retain: true });
    c.emit('message', 'city/v2/yangpu/delta/e0n0/extra', p, { retain: false });
    expect(r.calls).toEqual([
      ['stream', 'e0n-1', true, p],
      ['stream', 'e1n0', false, p],
      ['status', p],
      ['message', 'city/v2/yangpu/delta/e0n0/extra', p],
    ]);
    // Each stream resyncs from its own next in-band snapshot: nothing to ask the broker for.
    src.requestSnapshot();
    expect(c.unsubs).toEqual([]);
    expect(c.subs).toHaveLength(3);
    src.dispose();
  });

  it('with no heartbeat in the v2 tree, waits three snapshot periods before calling the link dead', async () => {
    const clients: FakeClient[] = [];
    const r = v2Recorder();
    const src = make(r.sink, clients);
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    clients[0]!.emit('connect');
    clients[0]!.emit('message', 'city/v2/yangpu/delta/e0n0', new Uint8Array(8), { retain: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.states.at(-1)).toBe('connected');
    await vi.advanceTimersByTimeAsync(6_000);
    expect(r.states).toContain('reconnecting');
    src.dispose();
  });
});

describe('FeedRuntime with feedEncoding v2 over MQTT', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('fills the ingest from per-cell streams and starts every stream afresh after a reconnect', async () => {
    const clients: FakeClient[] = [];
    const errors: string[] = [];
    const rt = createFeedRuntime({
      config: { kind: 'mqtt', url: 'ws://broker.test/mqtt', topicPrefix: 'shentwin/v2', encoding: 'v2' },
      zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'unused', now: () => Date.now(), backoff: { baseMs: 100, capMs: 200 },
      binding: { publish: () => {}, reportError: (_s, m) => errors.push(m), attachBuffers: () => {} },
      mqttConnect: () => {
        const c = new FakeClient();
        clients.push(c);
        return c;
      },
    });
    rt.start();
    await vi.advanceTimersByTimeAsync(0);
    clients[0]!.emit('connect');
    expect(clients[0]!.subs[0]).toBe('shentwin/v2/jiading/snapshot/+');
    const t0 = Date.now();
    const snap = (enc: ZoneEncoderV2, seq: number, ts: number, vehicles: ReturnType<typeof vehicle>[]) =>
      enc.encodeSnapshot({ v: PROTOCOL_VERSION, type: 'snapshot', zone: 'jiading', ts, seq, vehicles, sensors: [], signals: [], segments: [], incidents: [] });
    const a = new ZoneEncoderV2('jiading', FRAME), b = new ZoneEncoderV2('jiading', FRAME);
    clients[0]!.emit('message', 'shentwin/v2/jiading/snapshot/e0n0', snap(a, 3, t0, [vehicle('a1', t0, 100), vehicle('a2', t0, 200)]), { retain: true });
    clients[0]!.emit('message', 'shentwin/v2/jiading/delta/e1n0', snap(b, 0, t0, [vehicle('b1', t0, 1500)]), { retain: false });
    const d = b.encodeDelta({ v: PROTOCOL_VERSION, type: 'delta', zone: 'jiading', ts: t0 + 100, seq: 1, vehicles: [vehicle('b1', t0 + 100, 1510)] });
    clients[0]!.emit('message', 'shentwin/v2/jiading/delta/e1n0', d, { retain: false });
    rt.flush(Date.now());
    expect(rt.ingest.vehicles.idList().sort()).toEqual(['a1', 'a2', 'b1']);
    expect(rt.ingest.dropsTotal).toBe(0);

    clients[0]!.emit('close');
    await vi.advanceTimersByTimeAsync(300);
    expect(clients).toHaveLength(2);
    clients[1]!.emit('connect');
    // The new session's retained copy of e0n0, a2 gone: a fresh decoder takes it whatever its seq.
    clients[1]!.emit('message', 'shentwin/v2/jiading/snapshot/e0n0', snap(new ZoneEncoderV2('jiading', FRAME), 0, t0 + 400, [vehicle('a1', t0 + 400, 120)]), { retain: true });
    rt.flush(Date.now());
    expect(rt.ingest.vehicles.idList().sort()).toEqual(['a1', 'b1']);
    expect(rt.ingest.dropsTotal).toBe(0);
    expect(errors.filter((m) => m.includes('dropped'))).toEqual([]);
    rt.dispose();
  });
});
