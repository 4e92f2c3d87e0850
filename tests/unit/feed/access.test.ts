/**
 * Feed access control on the viewer side (issue 14, docs/feed-protocol.md): the token goes first,
 * before subscribe; a refusal (close 4401, an `unauthorised` error, or a hello that demands a
 * token the viewer lacks) halts the source with no timer left, however long one waits; a new
 * token restarts it; a rate-limit close (4429) takes the ordinary backoff. MQTT: a broker's
 * "not authorised" CONNACK halts the same way. The summary names who we are, never the token.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import type { FeedSink } from '../../../src/feed/sources/FeedSource';
import { MqttFeedSource, type MqttClientLike, type MqttConnectOptions } from '../../../src/feed/sources/MqttFeedSource';
import { WebSocketFeedSource } from '../../../src/feed/sources/WebSocketFeedSource';
import type { ConnectionState, FeedSummary } from '../../../src/feed/summary';
import { FakeSocket } from './fakeSocket';
import { ORIGIN, T0 } from './fixtures';

const TOKEN = `st1.0123456789abcdef.${'A'.repeat(43)}`;
const OTHER = `st1.fedcba9876543210.${'b'.repeat(43)}`;
const TEN_MINUTES = 10 * 60_000;

const hello = (authRequired?: boolean) => ({ v: 1, type: 'hello', server: 'test', ts: T0, heartbeatMs: 2000, zones: ['jiading'], ...(authRequired === undefined ? {} : { authRequired }) });
const authOk = { v: 1, type: 'auth-ok', name: 'wall-1', role: 'viewer' };

function recorder() {
  const states: { s: ConnectionState; detail: string | null; next?: number }[] = [];
  const messages: unknown[] = [];
  const sink: FeedSink = { message: (raw) => messages.push(raw), state: (s, detail, next) => states.push({ s, detail, next }) };
  return { sink, states, messages, last: () => states[states.length - 1]! };
}

const makeWs = (sink: FeedSink, token?: string) => new WebSocketFeedSource({
  url: 'ws://feed.test/', zone: 'jiading', sink, now: () => Date.now(), WebSocketImpl: FakeSocket, rng: createRng(5),
  backoff: { baseMs: 400, capMs: 4000 }, heartbeatTimeoutMs: 3000, ...(token !== undefined ? { token } : {}),
});

describe('WebSocketFeedSource access control', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('sends the token as the first message, before subscribe, and remembers who the server says we are', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    const s = FakeSocket.last();
    s.open();
    expect(s.types().slice(0, 2)).toEqual(['auth', 'subscribe']);
    expect(JSON.parse(s.sent[0]!)).toEqual({ v: 1, type: 'auth', token: TOKEN });
    // A hello announcing auth while our token is being checked is no refusal.
    s.receive(hello(true));
    expect(r.last().s).toBe('connected');
    s.receive(authOk);
    expect(src.access).toEqual({ identity: { name: 'wall-1', role: 'viewer' }, refusal: null });
    // The ingest still hears both (heartbeat window, role listeners).
    expect(r.messages).toHaveLength(2);
    src.dispose();
  });

  it('sends no auth message without a token', () => {
    const r = recorder();
    const src = makeWs(r.sink);
    src.start();
    FakeSocket.last().open();
    expect(FakeSocket.last().types()).not.toContain('auth');
    src.dispose();
  });

  it('close 4401 → unauthorised, the socket is dropped, and no connect is attempted however long one waits', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    FakeSocket.last().open();
    FakeSocket.last().drop(4401, 'unauthorised: unknown token');
    expect(r.last()).toMatchObject({ s: 'unauthorised' });
    expect(r.last().detail).toMatch(/4401/);
    expect(src.access.refusal).toBe('token-rejected');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(TEN_MINUTES);
    expect(FakeSocket.all).toHaveLength(1);
    expect(r.states.filter((x) => x.s === 'reconnecting' || x.s === 'connecting')).toHaveLength(1);
    src.dispose();
  });

  it('an `unauthorised` error frame halts at once, before the close arrives, and is not passed on', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    const s = FakeSocket.last();
    s.open();
    s.receive({ v: 1, type: 'error', code: 'unauthorised', message: 'token revoked' });
    expect(r.last().s).toBe('unauthorised');
    expect(r.last().detail).toMatch(/revoked/);
    expect(s.closed).not.toBeNull();
    expect(r.messages).toHaveLength(0);
    vi.advanceTimersByTime(TEN_MINUTES);
    expect(FakeSocket.all).toHaveLength(1);
    src.dispose();
  });

  it('hello.authRequired without a token → unauthorised (token required), with no retry loop', () => {
    const r = recorder();
    const src = makeWs(r.sink);
    src.start();
    FakeSocket.last().open();
    FakeSocket.last().receive(hello(true));
    expect(r.last().s).toBe('unauthorised');
    expect(src.access.refusal).toBe('token-required');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(TEN_MINUTES);
    expect(FakeSocket.all).toHaveLength(1);
    src.dispose();
  });

  it('a server without auth (hello.authRequired false) is an ordinary connection', () => {
    const r = recorder();
    const src = makeWs(r.sink);
    src.start();
    FakeSocket.last().open();
    FakeSocket.last().receive(hello(false));
    expect(r.last().s).toBe('connected');
    expect(r.messages).toHaveLength(1);
    src.dispose();
  });

  it('a new token restarts the source: a fresh socket that presents it before subscribing', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    FakeSocket.last().open();
    FakeSocket.last().drop(4401, 'unauthorised');
    src.setToken(OTHER);
    expect(FakeSocket.all).toHaveLength(2);
    expect(r.last().s).toBe('connecting');
    expect(src.access).toEqual({ identity: null, refusal: null });
    const s = FakeSocket.last();
    s.open();
    expect(s.types().slice(0, 2)).toEqual(['auth', 'subscribe']);
    expect(JSON.parse(s.sent[0]!).token).toBe(OTHER);
    s.receive(authOk);
    expect(r.last().s).toBe('connected');
    expect(src.access.identity?.name).toBe('wall-1');
    src.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close 4429 (rate limited) reconnects with the ordinary jittered backoff', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    FakeSocket.last().open();
    FakeSocket.last().drop(4429, 'rate limit: more than 20 messages/s');
    const st = r.last();
    expect(st.s).toBe('reconnecting');
    const delay = st.next! - Date.now();
    // Attempt 0 of base 400 ms: between 200 and 400 ms, never immediate.
    expect(delay).toBeGreaterThanOrEqual(200);
    expect(delay).toBeLessThanOrEqual(400);
    vi.advanceTimersByTime(delay - 1);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().open();
    expect(FakeSocket.last().types()[0]).toBe('auth');
    src.dispose();
  });

  it('resubscribes after auth-ok when the server refused a subscribe sent while it checked the token', () => {
    const r = recorder();
    const src = makeWs(r.sink, TOKEN);
    src.start();
    const s = FakeSocket.last();
    s.open();
    s.receive({ v: 1, type: 'error', code: 'unauthenticated', message: 'subscribe needs a token' });
    expect(r.last().s).toBe('connected');
    s.receive(authOk);
    expect(s.types().filter((t) => t === 'subscribe')).toHaveLength(2);
    // The expected race is not shown to the user as a server error.
    expect(r.messages).toHaveLength(1);
    src.dispose();
  });
});

describe('MqttFeedSource credentials', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  class FakeClient implements MqttClientLike {
    handlers = new Map<string, ((...a: unknown[]) => void)[]>();
    ended = false;
    on(ev: string, cb: (...a: never[]) => void) {
      this.handlers.set(ev, [...(this.handlers.get(ev) ?? []), cb as (...a: unknown[]) => void]);
      return this;
    }
    emit(ev: string, ...a: unknown[]) {
      for (const h of this.handlers.get(ev) ?? []) h(...a);
    }
    subackError: Error | null = null;
    subscribe(_t: string, _o: unknown, cb?: (e: Error | null) => void) {
      cb?.(this.subackError);
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

  function setup(creds: { username?: string; password?: string }) {
    const clients: FakeClient[] = [];
    const opts: MqttConnectOptions[] = [];
    const r = recorder();
    const src = new MqttFeedSource({
      url: 'ws://broker.test/mqtt', zone: 'yangpu', sink: r.sink, now: () => Date.now(), rng: createRng(1),
      backoff: { baseMs: 100, capMs: 1000 }, ...creds,
      connect: (_url, o) => {
        opts.push(o);
        const c = new FakeClient();
        clients.push(c);
        return c;
      },
    });
    return { src, clients, opts, r };
  }

  const refusal = (code: number) => Object.assign(new Error(`Connection refused: code ${code}`), { code });

  it.each([4, 5, 134, 135])('passes username and password; CONNACK refusal %i → unauthorised with no reconnect loop', async (code) => {
    const { src, clients, opts, r } = setup({ username: 'wall', password: 'secret' });
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(opts[0]).toMatchObject({ username: 'wall', password: 'secret', reconnectPeriod: 0 });
    clients[0]!.emit('error', refusal(code));
    clients[0]!.emit('close');
    expect(r.last().s).toBe('unauthorised');
    expect(src.access.refusal).toBe('token-rejected');
    expect(clients[0]!.ended).toBe(true);
    await vi.advanceTimersByTimeAsync(TEN_MINUTES);
    expect(clients).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    src.dispose();
  });

  it.each([128, 135])('a refused SUBACK (%i) for the prefix → unauthorised, no resubscribe loop', async (code) => {
    const { src, clients, r } = setup({ username: 'wall', password: 'secret' });
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    clients[0]!.subackError = Object.assign(new Error('Subscribe error: Not authorized'), { code });
    clients[0]!.emit('connect');
    expect(r.last().s).toBe('unauthorised');
    await vi.advanceTimersByTimeAsync(TEN_MINUTES);
    expect(clients).toHaveLength(1);
    src.dispose();
  });

  it('connects without credentials when none are configured; other errors still reconnect', async () => {
    const { src, clients, opts, r } = setup({});
    src.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(opts[0]).not.toHaveProperty('username');
    expect(opts[0]).not.toHaveProperty('password');
    clients[0]!.emit('error', Object.assign(new Error('server unavailable'), { code: 3 }));
    expect(r.last().s).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(200);
    expect(clients).toHaveLength(2);
    src.dispose();
  });
});

describe('FeedRuntime with an access-controlled WebSocket feed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  function setup(token?: string) {
    const published: FeedSummary[] = [];
    const errors: { message: string; kind: string | undefined }[] = [];
    const binding: FeedStoreBinding = {
      publish: (s) => published.push(s), reportError: (_src, message, kind) => errors.push({ message, kind }), attachBuffers: () => {},
    };
    const rt = createFeedRuntime({
      config: { kind: 'ws', url: 'ws://feed.test/', ...(token !== undefined ? { token } : {}) }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(), WebSocketImpl: FakeSocket, backoff: { baseMs: 100, capMs: 1000 },
    });
    return { rt, published, errors };
  }

  it('reports unauthorised once, signs in with a new token at once, and names the identity but never the token', () => {
    const { rt, published, errors } = setup(TOKEN);
    rt.start();
    expect(rt.acceptsToken).toBe(true);
    FakeSocket.last().open();
    FakeSocket.last().drop(4401, 'unauthorised: unknown token');
    rt.flush(Date.now());
    const refused = rt.summary(Date.now());
    expect(refused).toMatchObject({ status: 'unauthorised', authRefusal: 'token-rejected', identity: null });
    expect(errors.filter((e) => e.kind === 'feed-unauthorised')).toHaveLength(1);
    vi.advanceTimersByTime(TEN_MINUTES);
    rt.flush(Date.now());
    expect(FakeSocket.all).toHaveLength(1);
    expect(errors.filter((e) => e.kind === 'feed-unauthorised')).toHaveLength(1);

    const before = published.length;
    rt.setToken(OTHER);
    // Published synchronously, so the previous refusal is no longer the latest word.
    expect(published.length).toBe(before + 1);
    expect(published[published.length - 1]).toMatchObject({ status: 'connecting', authRefusal: null });
    FakeSocket.last().open();
    FakeSocket.last().receive(authOk);
    rt.flush(Date.now());
    expect(rt.summary(Date.now()).identity).toEqual({ name: 'wall-1', role: 'viewer' });
    const all = JSON.stringify([published, errors]);
    expect(all).not.toContain(TOKEN.split('.')[2]);
    expect(all).not.toContain(OTHER.split('.')[2]);
    rt.dispose();
  });
});
