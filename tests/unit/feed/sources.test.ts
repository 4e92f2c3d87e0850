import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { backoffDelayMs } from '../../../src/feed/sources/backoff';
import type { FeedSink } from '../../../src/feed/sources/FeedSource';
import { MqttFeedSource, type MqttClientLike } from '../../../src/feed/sources/MqttFeedSource';
import { WebSocketFeedSource } from '../../../src/feed/sources/WebSocketFeedSource';
import { FakeSocket } from './fakeSocket';
import type { ConnectionState } from '../../../src/feed/summary';

function recorder() {
  const states: { s: ConnectionState; detail: string | null; next?: number }[] = [];
  const messages: unknown[] = [];
  const sink: FeedSink = { message: (raw) => messages.push(raw), state: (s, detail, next) => states.push({ s, detail, next }) };
  return { sink, states, messages };
}

describe('backoff', () => {
  it('grows exponentially with equal jitter and a cap, never near zero', () => {
    const rng = createRng(1);
    const o = { baseMs: 500, capMs: 30_000 };
    for (let a = 0; a < 12; a++) {
      const exp = Math.min(o.capMs, o.baseMs * 2 ** a);
      for (let k = 0; k < 20; k++) {
        const d = backoffDelayMs(a, rng, o);
        expect(d).toBeGreaterThanOrEqual(exp / 2);
        expect(d).toBeLessThanOrEqual(exp);
      }
    }
    const spread = new Set(Array.from({ length: 20 }, () => Math.round(backoffDelayMs(5, rng, o))));
    expect(spread.size).toBeGreaterThan(10);
  });
});

describe('WebSocketFeedSource (TESTING.md case 8)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  const make = (sink: FeedSink, extra = {}) => new WebSocketFeedSource({
    url: 'ws://feed.test/', zone: 'jiading', sink, now: () => Date.now(), WebSocketImpl: FakeSocket, rng: createRng(3),
    backoff: { baseMs: 100, capMs: 2000 }, heartbeatTimeoutMs: 3000, ...extra,
  });

  it('subscribes on open, forwards frames, pings for the clock', () => {
    const r = recorder();
    const src = make(r.sink);
    src.start();
    const s = FakeSocket.all[0]!;
    s.open();
    expect(JSON.parse(s.sent[0]!)).toEqual({ v: 1, type: 'subscribe', zone: 'jiading', encoding: 'v2' });
    expect(JSON.parse(s.sent[1]!).type).toBe('ping');
    s.receive('{"x":1}');
    expect(r.messages).toEqual(['{"x":1}']);
    expect(r.states.map((x) => x.s)).toEqual(['connecting', 'connected']);
    src.dispose();
  });

  it('reconnects with growing jittered delays after close 1006 and resubscribes', () => {
    const r = recorder();
    const src = make(r.sink);
    src.start();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = FakeSocket.all.length;
      FakeSocket.all[before - 1]!.drop(1006);
      const st = r.states[r.states.length - 1]!;
      expect(st.s).toBe('reconnecting');
      expect(st.detail).toMatch(/1006/);
      delays.push(st.next! - Date.now());
      vi.advanceTimersByTime(st.next! - Date.now());
      expect(FakeSocket.all.length).toBe(before + 1);
    }
    expect(delays[3]!).toBeGreaterThan(delays[0]!);
    const last = FakeSocket.all[FakeSocket.all.length - 1]!;
    last.open();
    expect(JSON.parse(last.sent[0]!).type).toBe('subscribe');
    expect(r.states[r.states.length - 1]!.s).toBe('connected');
    src.dispose();
  });

  it('detects a half-open link (open socket, no data) within the heartbeat window', () => {
    const r = recorder();
    const src = make(r.sink);
    src.start();
    const s = FakeSocket.all[0]!;
    s.open();
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(500);
      s.receive('{"type":"heartbeat"}');
    }
    expect(r.states[r.states.length - 1]!.s).toBe('connected');
    vi.advanceTimersByTime(2900);
    expect(r.states[r.states.length - 1]!.s).toBe('connected');
    vi.advanceTimersByTime(1000);
    const last = r.states[r.states.length - 1]!;
    expect(last.s).toBe('reconnecting');
    expect(last.detail).toMatch(/half-open/);
    expect(s.closed?.code).toBe(4000);
    src.dispose();
  });

  it('follows the server heartbeat when no window is configured', () => {
    const r = recorder();
    const src = make(r.sink, { heartbeatTimeoutMs: undefined });
    src.start();
    FakeSocket.all[0]!.open();
    src.setHeartbeatMs(200);
    // Window = 3 missed heartbeats = 600 ms, checked every 150 ms.
    vi.advanceTimersByTime(500);
    expect(r.states[r.states.length - 1]!.s).toBe('connected');
    vi.advanceTimersByTime(300);
    expect(r.states[r.states.length - 1]!.s).toBe('reconnecting');
    src.dispose();
  });

  it('abandons a connect attempt that never opens', () => {
    const r = recorder();
    const src = make(r.sink, { connectTimeoutMs: 1000 });
    src.start();
    vi.advanceTimersByTime(1001);
    expect(r.states[r.states.length - 1]!.detail).toMatch(/timed out/);
    src.dispose();
  });

  it('dispose closes the socket, cancels timers and reports closed', () => {
    const r = recorder();
    const src = make(r.sink);
    src.start();
    FakeSocket.all[0]!.open();
    src.dispose();
    expect(FakeSocket.all[0]!.closed).not.toBeNull();
    expect(r.states[r.states.length - 1]!.s).toBe('closed');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('MqttFeedSource', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  class FakeClient implements MqttClientLike {
    handlers = new Map<string, ((...a: unknown[]) => void)[]>();
    subs: string[] = [];
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
    unsubscribe(_t: string, cb?: () => void) {
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

  it('subscribes to the zone wildcard, forwards payloads with topics, reconnects on close', async () => {
    const clients: FakeClient[] = [];
    const r = recorder();
    const src = new MqttFeedSource({
      url: 'ws://broker.test/mqtt', zone: 'yangpu', sink: { ...r.sink, message: (raw, _t, topic) => r.messages.push([topic, raw]) },
      now: () => Date.now(), rng: createRng(1), backoff: { baseMs: 100, capMs: 1000 },
      connect: (_url, opts) => {
        expect(opts.reconnectPeriod).toBe(0);
        const c = new FakeClient();
        clients.push(c);
        return c;
      },
    });
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    clients[0]!.emit('connect');
    expect(clients[0]!.subs).toEqual(['shentwin/v1/yangpu/#']);
    clients[0]!.emit('message', 'shentwin/v1/yangpu/sensor/p1', new Uint8Array([123, 125]));
    expect(r.messages[0]).toEqual(['shentwin/v1/yangpu/sensor/p1', new Uint8Array([123, 125])]);
    clients[0]!.emit('close');
    expect(r.states[r.states.length - 1]!.s).toBe('reconnecting');
    expect(clients[0]!.ended).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(clients.length).toBe(2);
    src.dispose();
  });
});
