/**
 * The viewer's side of the video-wall sync channel (docs/feed-protocol.md): the WebSocket source
 * sends wall-join / wall-state / wall-leave, joins again (before subscribe) on every new connection
 * (the server forgets memberships with the socket) and after a late auth-ok; the runtime passes
 * wall messages (on arrival) and server errors (at flush) to its one wall listener; feeds without
 * the channel have none.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { createFeedRuntime, type FeedStoreBinding, type WallEvent } from '../../../src/feed/FeedRuntime';
import type { WallState } from '../../../src/feed/protocol/messages';
import type { FeedSink } from '../../../src/feed/sources/FeedSource';
import { WebSocketFeedSource } from '../../../src/feed/sources/WebSocketFeedSource';
import { FakeSocket } from './fakeSocket';
import { ORIGIN, T0 } from './fixtures';

const TOKEN = `st1.0123456789abcdef.${'A'.repeat(43)}`;
const sink: FeedSink = { message: () => {}, state: () => {} };
const STATE: WallState = { seq: 7, zone: 'jiading', camera: { position: [1, 2, 300], target: [10, 20, 0], fovDeg: 45 } };

const make = (token?: string) => new WebSocketFeedSource({
  url: 'ws://feed.test/', zone: 'jiading', sink, now: () => Date.now(), WebSocketImpl: FakeSocket, rng: createRng(9),
  backoff: { baseMs: 100, capMs: 1000 }, heartbeatTimeoutMs: 3000, ...(token !== undefined ? { token } : {}),
});

const parsed = (s: FakeSocket) => s.sent.map((m) => JSON.parse(m) as Record<string, unknown>);

describe('WebSocketFeedSource wall channel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('a join before the socket opens goes out on open, before subscribe (its reply is small, a snapshot is not); publish and leave are sent while open', () => {
    const src = make();
    src.start();
    src.wall.join('ioc', 'leader');
    const s = FakeSocket.last();
    expect(s.sent).toEqual([]);
    s.open();
    expect(s.types().slice(0, 3)).toEqual(['wall-join', 'subscribe', 'ping']);
    expect(parsed(s)[0]).toEqual({ v: 1, type: 'wall-join', wall: 'ioc', as: 'leader' });
    src.wall.publish('ioc', STATE);
    expect(parsed(s).at(-1)).toEqual({ v: 1, type: 'wall-state', wall: 'ioc', state: STATE });
    src.wall.leave('ioc');
    expect(parsed(s).at(-1)).toEqual({ v: 1, type: 'wall-leave', wall: 'ioc' });
    src.dispose();
  });

  it('joins again on every reconnect, until it has left; a state offered while down is dropped, not queued', () => {
    const src = make();
    src.start();
    FakeSocket.last().open();
    src.wall.join('ioc', 'follower');
    FakeSocket.last().drop(1006);
    src.wall.publish('ioc', STATE);
    vi.advanceTimersByTime(2000);
    expect(FakeSocket.all).toHaveLength(2);
    const second = FakeSocket.last();
    second.open();
    expect(second.types()).toEqual(['wall-join', 'subscribe', 'ping']);
    expect(parsed(second)[0]).toMatchObject({ wall: 'ioc', as: 'follower' });

    src.wall.leave('ioc');
    second.drop(1006);
    vi.advanceTimersByTime(2000);
    FakeSocket.last().open();
    expect(FakeSocket.last().types()).toEqual(['subscribe', 'ping']);
    src.dispose();
  });

  it('leaving a wall it never joined sends nothing', () => {
    const src = make();
    src.start();
    FakeSocket.last().open();
    const before = FakeSocket.last().sent.length;
    src.wall.leave('ioc');
    expect(FakeSocket.last().sent.length).toBe(before);
    src.dispose();
  });

  it('with a token: auth first, then the join and subscribe; refused while the token was checked → both again on auth-ok', () => {
    const src = make(TOKEN);
    src.start();
    src.wall.join('ioc', 'follower');
    const s = FakeSocket.last();
    s.open();
    expect(s.types().slice(0, 3)).toEqual(['auth', 'wall-join', 'subscribe']);
    s.receive({ v: 1, type: 'error', code: 'unauthenticated', message: 'send auth first' });
    s.sent = [];
    s.receive({ v: 1, type: 'auth-ok', name: 'wall-1', role: 'wall' });
    expect(s.types()).toEqual(['wall-join', 'subscribe']);
    src.dispose();
  });
});

describe('FeedRuntime wall link', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  const binding = (errors: string[]): FeedStoreBinding => ({ publish: () => {}, reportError: (_s, m) => errors.push(m), attachBuffers: () => {} });

  it('passes wall messages to its listener as they arrive and server errors at flush; the error list still hears the errors', () => {
    const errors: string[] = [];
    const rt = createFeedRuntime({
      config: { kind: 'ws', url: 'ws://feed.test/' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
      binding: binding(errors), now: () => Date.now(), WebSocketImpl: FakeSocket, backoff: { baseMs: 100, capMs: 1000 },
    });
    expect(rt.wall).not.toBeNull();
    const heard: WallEvent[] = [];
    const stop = rt.wall!.listen((e) => heard.push(e));
    rt.start();
    rt.wall!.join('ioc', 'follower');
    const s = FakeSocket.last();
    s.open();
    expect(s.types()).toContain('wall-join');
    s.receive({ v: 1, type: 'wall-joined', wall: 'ioc', as: 'follower', leader: 'anonymous', followers: 2, state: STATE, stateTs: T0 });
    s.receive({ v: 1, type: 'wall-state', wall: 'ioc', ts: T0 + 100, state: { ...STATE, seq: 8 } });
    s.receive({ v: 1, type: 'wall-peers', wall: 'ioc', leader: null, followers: 1 });
    // Handled on arrival, not at the next frame: a catch-up must not wait for the render loop.
    expect(heard.map((e) => e.type)).toEqual(['wall-joined', 'wall-state', 'wall-peers']);
    s.receive({ v: 1, type: 'error', code: 'wall-leader-replaced', message: 'wall "ioc" is now led by b' });
    // A malformed wall-state never reaches the listener: it goes to the ingest, which drops and counts it.
    s.receive('{"v":1,"type":"wall-state","wall":"ioc","ts":1,"state":{"seq":9,"zone":"jiading","camera":{"position":[1,2],"target":[0,0,0],"fovDeg":45}}}');
    expect(heard).toHaveLength(3);
    rt.flush(Date.now());
    expect(heard.map((e) => e.type)).toEqual(['wall-joined', 'wall-state', 'wall-peers', 'error']);
    expect(errors.some((m) => /wall-leader-replaced/.test(m))).toBe(true);
    expect(rt.summary(Date.now()).drops.schema).toBe(1);

    stop();
    s.receive({ v: 1, type: 'wall-peers', wall: 'ioc', leader: 'anonymous', followers: 3 });
    rt.flush(Date.now());
    expect(heard).toHaveLength(4);
    rt.dispose();
  });

  it('the built-in simulator has no wall link', () => {
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 1, timeScale: 1, rateHz: 5, scenarios: '' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
      binding: binding([]), now: () => Date.now(), createWorker: () => ({ postMessage: () => {}, terminate: () => {}, onmessage: null, onerror: null }) as never,
    });
    expect(rt.wall).toBeNull();
    rt.dispose();
  });
});
