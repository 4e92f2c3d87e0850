/**
 * A feed that never connected is not a lost feed (issue 15 item 2): its status says it cannot be
 * reached, the retry count advances with every failed attempt, nothing claims "last known values",
 * and the vehicle count is unknown rather than 0. Once it has connected, a drop is "reconnecting".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherVitalsInput } from '../../../src/analysis/live/gather';
import { computeVitals } from '../../../src/analysis/live/vitals';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import type { WebSocketLike } from '../../../src/feed/sources/WebSocketFeedSource';
import type { FeedSummary } from '../../../src/feed/summary';
import { ORIGIN, hello } from './fixtures';

class RefusingSocket implements WebSocketLike {
  static all: RefusingSocket[] = [];
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  constructor(readonly url: string) {
    RefusingSocket.all.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  refuse() {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: string) {
    this.onmessage?.({ data });
  }
}

function setup() {
  const published: FeedSummary[] = [];
  const errors: { message: string; kind: string | undefined }[] = [];
  const binding: FeedStoreBinding = {
    publish: (s) => published.push(s), reportError: (_src, message, kind) => errors.push({ message, kind }), attachBuffers: () => {},
  };
  const rt = createFeedRuntime({
    config: { kind: 'ws', url: 'ws://127.0.0.1:1/' }, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json',
    binding, now: () => Date.now(), WebSocketImpl: RefusingSocket, backoff: { baseMs: 100, capMs: 1000 }, heartbeatTimeoutMs: 3000,
  });
  const last = () => rt.summary(Date.now());
  const socket = () => RefusingSocket.all[RefusingSocket.all.length - 1]!;
  const retry = () => vi.advanceTimersByTime(Math.max(0, (last().nextRetryAtMs ?? Date.now()) - Date.now()) + 1);
  return { rt, errors, last, socket, retry };
}

describe('a feed that never connected (nothing listens)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-11-20T02:00:00Z'));
    RefusingSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('is "unreachable", not "reconnecting", and its attempt count advances with every retry', () => {
    const { rt, errors, last, socket, retry } = setup();
    rt.start();
    expect(last().status).toBe('connecting');
    socket().refuse();
    expect(last()).toMatchObject({ status: 'unreachable', retryAttempt: 1, everConnected: false, reconnects: 0 });
    retry();
    socket().refuse();
    expect(last().retryAttempt).toBe(2);
    retry();
    socket().refuse();
    expect(last()).toMatchObject({ status: 'unreachable', retryAttempt: 3 });
    // One message for the outage, and it does not call anything lost.
    expect(errors).toHaveLength(1);
    expect(errors[0]!.kind).toBe('feed-unreachable');
    expect(errors[0]!.message).not.toMatch(/lost/);
    rt.dispose();
  });

  it('has no vehicle count: unknown ("—"), not 0', () => {
    const { rt, socket } = setup();
    rt.start();
    socket().refuse();
    const v = computeVitals(gatherVitalsInput(rt.buffers, new Map(), [], [], 3, Date.now()));
    expect(v.vehiclesOnline).toBeNull();
    expect(rt.summary(Date.now()).lastMessageAtMs).toBeNull();
    rt.dispose();
  });

  it('once connected, a drop is "reconnecting" (feed lost) and the attempt count restarts', () => {
    const { rt, errors, last, socket, retry } = setup();
    rt.start();
    socket().refuse();
    retry();
    socket().open();
    socket().receive(hello(Date.now()));
    rt.flush(Date.now());
    expect(last()).toMatchObject({ status: 'connected', retryAttempt: 0, everConnected: true });
    socket().refuse();
    expect(last()).toMatchObject({ status: 'reconnecting', retryAttempt: 1 });
    expect(errors.map((e) => e.kind)).toEqual(['feed-unreachable', 'feed-lost']);
    retry();
    socket().refuse();
    expect(last().retryAttempt).toBe(2);
    const v = computeVitals(gatherVitalsInput(rt.buffers, new Map(), [], [], 3, Date.now()));
    expect(v.vehiclesOnline).toBe(0);
    rt.dispose();
  });
});
