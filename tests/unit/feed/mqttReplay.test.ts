/**
 * An MQTT viewer's time machine: the broker keeps no history, so with `replayUrl` the viewer asks
 * the recording feed server for it, over a WebSocket of its own (with the scene's token), and a
 * replay's frames from there reach the replay ingest. Without `replayUrl` there is no time machine.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import type { MqttClientLike } from '../../../src/feed/sources/MqttFeedSource';
import type { WebSocketCtor } from '../../../src/feed/sources/WebSocketFeedSource';
import { MAX_TIMELINE_EVENTS } from '../../../src/feed/replay/TimeMachine';
import { FakeSocket } from './fakeSocket';
import { ORIGIN } from './fixtures';

const TOKEN = `st1.${'a'.repeat(16)}.${'b'.repeat(43)}`;

class QuietBroker implements MqttClientLike {
  on() { return this; }
  subscribe(_t: string, _o: unknown, cb?: (e: Error | null) => void) { cb?.(null); return this; }
  unsubscribe(_t: string, cb?: () => void) { cb?.(); return this; }
  end() { return this; }
  removeAllListeners() { return this; }
}

const binding: FeedStoreBinding = { publish: () => {}, reportError: () => {}, attachBuffers: () => {} };

function runtime(replayUrl?: string) {
  return createFeedRuntime({
    config: { kind: 'mqtt', url: 'ws://broker.test/mqtt', topicPrefix: 'shentwin/v1', ...(replayUrl ? { replayUrl, token: TOKEN } : {}) },
    zone: 'yangpu', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(),
    mqttConnect: () => new QuietBroker(), WebSocketImpl: FakeSocket as unknown as WebSocketCtor,
  });
}

describe('MQTT viewer replay through replayUrl', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'));
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('has no time machine without replayUrl', () => {
    const rt = runtime();
    expect(rt.timeMachine).toBeNull();
    rt.dispose();
  });

  it('asks the recording server for history and replays over its own WebSocket, with the token', async () => {
    const rt = runtime('ws://recorder.test:8787/');
    rt.start();
    rt.flush(Date.now());
    const ws = FakeSocket.all.find((s) => s.url === 'ws://recorder.test:8787/')!;
    expect(ws).toBeDefined();
    ws.open();
    await vi.advanceTimersByTimeAsync(1);
    const sent = ws.sent.map((s) => JSON.parse(s) as { type: string; token?: string; kinds?: string[] });
    expect(sent[0]).toMatchObject({ type: 'auth', token: TOKEN });
    expect(sent.some((m) => m.type === 'subscribe')).toBe(true);
    const history = sent.find((m) => m.type === 'history') as { id: number } | undefined;
    expect(history).toMatchObject({ kinds: ['events'] });
    const now = Date.now();
    ws.receive({ v: 1, type: 'history-result', zone: 'yangpu', id: history!.id, from: now - 60_000, to: now, range: { fromTs: now - 60_000, toTs: now }, events: [], truncated: false });
    rt.flush(Date.now());
    expect(rt.timeMachine!.summary().available).toBe(true);

    rt.timeMachine!.seek(now - 30_000);
    const replay = ws.sent.map((s) => JSON.parse(s) as { type: string; id?: number; from?: number; to?: number }).find((m) => m.type === 'replay')!;
    expect(replay).toMatchObject({ from: now - 30_000, to: now - 30_000 });
    ws.receive({ v: 1, type: 'replay-start', zone: 'yangpu', id: replay.id, from: now - 30_000, to: now - 30_000, speed: 1, range: { fromTs: now - 60_000, toTs: now } });
    ws.receive({ v: 1, type: 'snapshot', zone: 'yangpu', ts: now - 30_000, seq: 0, vehicles: [{ id: 'V1', cls: 'bus', lonDeg: ORIGIN.lonDeg, latDeg: ORIGIN.latDeg, headingDeg: 0, speedMps: 0 }], sensors: [], signals: [], segments: [], incidents: [] });
    ws.receive({ v: 1, type: 'replay-end', zone: 'yangpu', id: replay.id, reason: 'reached-to', ts: now - 30_000 });
    rt.flush(Date.now());
    const tm = rt.timeMachine!.summary();
    expect(tm.mode).toBe('replay');
    expect(tm.atMs).toBe(now - 30_000);
    expect(rt.timeMachine!.replayIngest.vehicles.slot('V1')).toBeDefined();
    // The live MQTT ingest is untouched by the replay.
    expect(rt.ingest.vehicles.slot('V1')).toBeUndefined();
    rt.dispose();
  });
});

describe('timeline events held by a viewer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'));
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('keeps at most MAX_TIMELINE_EVENTS, the newest, however long the recording', () => {
    const rt = runtime('ws://recorder.test:8787/');
    const now = Date.now();
    const events = Array.from({ length: MAX_TIMELINE_EVENTS + 1000 }, (_, i) => ({
      ts: now - 7 * 86_400_000 + i * 60_000, kind: 'incident', detail: { id: `inc-${i}`, type: 'crash', status: 'active', from: null, lonDeg: ORIGIN.lonDeg, latDeg: ORIGIN.latDeg },
    }));
    rt.timeMachine!.acceptHistory({ v: 1, type: 'history-result', zone: 'yangpu', id: 0, from: now - 7 * 86_400_000, to: now, range: { fromTs: now - 7 * 86_400_000, toTs: now }, events, truncated: false });
    expect(rt.timeMachine!.eventCount).toBe(MAX_TIMELINE_EVENTS);
    const ticks = rt.timeMachine!.summary().ticks;
    expect(ticks[ticks.length - 1]!.id).toBe(`inc-${MAX_TIMELINE_EVENTS + 999}`);
    rt.dispose();
  });
});

describe('a sensor\'s recorded hour', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'));
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('asks the recording server for one sensor\'s readings and hands them over, apart from the timeline polls', async () => {
    const rt = runtime('ws://recorder.test:8787/');
    rt.start();
    rt.flush(Date.now());
    const ws = FakeSocket.all.find((s) => s.url === 'ws://recorder.test:8787/')!;
    ws.open();
    await vi.advanceTimersByTimeAsync(1);
    const now = Date.now();
    let got: [number, number][] | null = null;
    rt.timeMachine!.requestReadings('underpass-01', now - 3_600_000, now, (s) => (got = s));
    const sent = ws.sent.map((s) => JSON.parse(s) as { type: string; id: number; kinds?: string[]; sensors?: string[] });
    const ask = sent.filter((m) => m.type === 'history').find((m) => m.kinds?.includes('readings'))!;
    expect(ask).toMatchObject({ kinds: ['readings'], sensors: ['underpass-01'], from: now - 3_600_000, to: now });
    const poll = sent.find((m) => m.type === 'history' && m.kinds?.includes('events'))!;
    expect(ask.id).not.toBe(poll.id);
    ws.receive({ v: 1, type: 'history-result', zone: 'yangpu', id: ask.id, from: now - 3_600_000, to: now, range: { fromTs: now - 7_200_000, toTs: now }, events: [], readings: { 'underpass-01': [[now - 60_000, 3.5], [now - 30_000, 12.5]] }, truncated: false });
    rt.flush(Date.now());
    expect(got).toEqual([[now - 60_000, 3.5], [now - 30_000, 12.5]]);
    // That answer was not taken for the timeline's: the recorded range is still unknown.
    expect(rt.timeMachine!.summary().available).toBe(false);
    rt.dispose();
  });
});
