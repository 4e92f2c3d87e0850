/**
 * The time machine against the real feed server (startFeedServer, a temporary --data-dir, 60×,
 * 5 Hz, a keyframe every 2 s) and a plain `ws` client:
 * - a rainstorm and a crash triggered over `control` show up in `history` as incident and
 *   sensor-level events, with the water-level sensor's readings;
 * - `replay` of a stretch in the middle: replay-start, a snapshot numbered 0 with the vehicles of
 *   the recording's state at `from`, deltas numbered on without a gap, all within [from, to] (no
 *   live delta interleaved), replay-end reached-to, then a live snapshot and live deltas;
 * - a second `replay` for the zone ends the first (`stopped`) before its replay-start; playing on
 *   to the live end ends `reached-live`; `replay-stop` ends `stopped`; each time live resumes;
 * - replaying a zone the client did not subscribe to is refused;
 * - a server without --data-dir answers `no-recording` (and live goes on) and an empty history.
 * Every wait is for an outcome, never a fixed sleep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WireSensorInfo } from '../../src/feed/protocol/entities';
import type { SnapshotMessage } from '../../src/feed/protocol/messages';
import { RECORDING_FILE } from '../../src/server/recorder/openRecordingStore';
import { stateAt } from '../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../src/server/recorder/SqliteRecordingStore';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { rawClient, startZoneServer, waitFor, type RawClient, type RawMsg as Msg } from './helpers';

type Client = RawClient;

const stream = (m: Msg) => m.type === 'snapshot' || m.type === 'delta';

/** After replay-end at `endAt`: the next stream message is a live snapshot, and a live delta follows it. */
async function expectLiveResumes(c: Client, endAt: number, afterTs: number) {
  const snapAt = await c.find(stream, 'the live snapshot after replay-end', endAt + 1);
  expect(c.log[snapAt]!.type).toBe('snapshot');
  expect(c.log[snapAt]!.ts!).toBeGreaterThan(afterTs);
  const deltaAt = await c.find((m) => m.type === 'delta', 'live deltas resuming', snapAt + 1);
  expect(c.log[deltaAt]!.ts!).toBeGreaterThan(c.log[snapAt]!.ts!);
}

/** The messages of one replay: between its replay-start and replay-end, stream messages only. */
function replayed(c: Client, startAt: number, endAt: number): Msg[] {
  return c.log.slice(startAt + 1, endAt).filter(stream);
}

describe('replay and history over the feed server', () => {
  let server: RunningFeedServer | null = null;
  const clients: Client[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop('hard');
    server = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('records events and readings, replays a stretch, hands over between replays, and resumes live', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'st-replay-it-'));
    dirs.push(dataDir);
    server = await startZoneServer(0, { dataDir, timeScale: 60, rateHz: 5, keyframeEveryMs: 2000, allowControl: true, heartbeatMs: 500 });
    const c = await rawClient(server.port);
    clients.push(c);
    c.send({ type: 'subscribe', zone: 'jiading' });
    const first = c.log[await c.find((m) => m.type === 'snapshot', 'the first snapshot')] as unknown as SnapshotMessage;
    const water = first.catalogue!.sensors!.find((s: WireSensorInfo) => s.type === 'water_level')!;
    expect(water, 'the zone has an underpass water-level sensor').toBeDefined();
    const warn = water.thresholds!.warn;
    c.send({ type: 'control', zone: 'jiading', scenario: 'rainstorm' });
    c.send({ type: 'control', zone: 'jiading', scenario: 'crash' });

    // The storm fills the underpass past its warning level (about 10 wall seconds at 60×).
    const reached = (m: Msg) => m.type === 'delta' && ((m.sensors as { id: string; value: number }[] | undefined) ?? []).some((r) => r.id === water.id && r.value >= warn);
    await c.find(reached, `underpass ${water.id} above ${warn} cm`, 0, 40_000);

    // History: once the recorder has committed the crossing, both kinds of event and the readings.
    let history: Msg | null = null;
    for (let id = 1; !history; id++) {
      const at = c.log.length;
      c.send({ type: 'history', zone: 'jiading', id, from: first.ts - 60_000, to: Date.now() + 1000, kinds: ['events', 'readings'], sensors: [water.id] });
      const h = c.log[await c.find((m) => m.type === 'history-result' && m.id === id, 'history-result', at)]!;
      const evs = h.events as { kind: string; detail: Record<string, unknown> }[];
      if (evs.some((e) => e.kind === 'sensor-level' && e.detail.id === water.id)) history = h;
      // Polled, not raced: the connection allows 20 messages a second.
      else await new Promise((r) => setTimeout(r, 200));
      if (id > 100) throw new Error('the sensor-level event never reached the recording');
    }
    const events = history.events as { ts: number; kind: string; detail: Record<string, unknown> }[];
    expect(events).toContainEqual(expect.objectContaining({ kind: 'incident', detail: expect.objectContaining({ type: 'crash', status: 'active' }) }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'sensor-level', detail: expect.objectContaining({ id: water.id, level: 'warning', from: 'normal' }) }));
    expect(events.filter((e) => e.kind === 'control')).toHaveLength(2);
    const series = (history.readings as Record<string, [number, number][]>)[water.id]!;
    expect(series.length).toBeGreaterThan(3);
    expect(series.at(-1)![1]).toBeGreaterThanOrEqual(warn);
    expect(series.every((p, i) => i === 0 || p[0] > series[i - 1]![0])).toBe(true);
    expect(history.truncated).toBe(false);
    const range = history.range as { fromTs: number; toTs: number };
    expect(range.toTs - range.fromTs).toBeGreaterThan(5000);

    // A stretch a third of the way in at 20×: 2 s of recording in about 100 ms (the recording is
    // over 5 s long, so `to` is recorded already).
    const from = Math.round(range.fromTs + (range.toTs - range.fromTs) / 3), to = from + 2000;
    let at = c.log.length;
    c.send({ type: 'replay', zone: 'jiading', id: 10, from, to, speed: 20 });
    const startAt = await c.find((m) => m.type === 'replay-start' && m.id === 10, 'replay-start 10', at);
    expect(c.log[startAt]).toMatchObject({ zone: 'jiading', from, to, speed: 20 });
    const endAt = await c.find((m) => m.type === 'replay-end' && m.id === 10, 'replay-end 10', startAt);
    expect(c.log[endAt]).toMatchObject({ reason: 'reached-to', ts: to });
    const msgs = replayed(c, startAt, endAt);
    expect(msgs[0]).toMatchObject({ type: 'snapshot', seq: 0 });
    expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_, i) => i));
    expect(msgs.length).toBeGreaterThan(1);
    for (const m of msgs.slice(1)) {
      expect(m.type).toBe('delta');
      expect(m.ts!).toBeGreaterThan(from);
      expect(m.ts!).toBeLessThanOrEqual(to);
    }
    const reader = new SqliteRecordingStore(join(dataDir, RECORDING_FILE));
    const truth = (await stateAt(reader, 'jiading', from))!;
    await reader.close();
    const ids = (s: { vehicles: { id: string }[] }) => s.vehicles.map((v) => v.id).sort();
    expect(ids(msgs[0] as unknown as SnapshotMessage)).toEqual(ids(truth.snapshot));
    expect(truth.snapshot.vehicles.length).toBeGreaterThan(5);
    await expectLiveResumes(c, endAt, to);

    // A 1× replay replaced by a 20× one that plays on to the live end.
    at = c.log.length;
    c.send({ type: 'replay', zone: 'jiading', id: 11, from, speed: 1 });
    await c.find((m) => m.type === 'snapshot' && m.seq === 0, 'the 1× replay snapshot', await c.find((m) => m.type === 'replay-start' && m.id === 11, 'replay-start 11', at));
    c.send({ type: 'replay', zone: 'jiading', id: 12, from, speed: 20 });
    const end11 = await c.find((m) => m.type === 'replay-end' && m.id === 11, 'replay-end 11', at);
    const start12 = await c.find((m) => m.type === 'replay-start' && m.id === 12, 'replay-start 12', at);
    expect(c.log[end11]!.reason).toBe('stopped');
    expect(end11).toBeLessThan(start12);
    // Handed over: no live snapshot between the two.
    expect(c.log.slice(end11 + 1, start12).filter(stream)).toEqual([]);
    const end12 = await c.find((m) => m.type === 'replay-end' && m.id === 12, 'replay-end 12', start12);
    expect(c.log[end12]!.reason).toBe('reached-live');
    const msgs12 = replayed(c, start12, end12);
    expect(msgs12.map((m) => m.seq)).toEqual(msgs12.map((_, i) => i));
    for (const m of msgs12.slice(1)) expect(m.ts!).toBeLessThanOrEqual(c.log[end12]!.ts as number);
    await expectLiveResumes(c, end12, c.log[end12]!.ts as number);

    // replay-stop. A 1× replay from `from` stays behind the live deltas seen before it.
    at = c.log.length;
    const liveBefore = Math.max(...c.log.filter((m) => m.type === 'delta').map((m) => m.ts!));
    c.send({ type: 'replay', zone: 'jiading', id: 13, from, speed: 1 });
    const start13 = await c.find((m) => m.type === 'replay-start' && m.id === 13, 'replay-start 13', at);
    await c.find((m) => m.type === 'delta' && m.seq === 1, 'a replayed delta', start13);
    c.send({ type: 'replay-stop', zone: 'jiading' });
    const end13 = await c.find((m) => m.type === 'replay-end' && m.id === 13, 'replay-end 13', start13);
    expect(c.log[end13]!.reason).toBe('stopped');
    const msgs13 = replayed(c, start13, end13);
    expect(msgs13.length).toBeGreaterThan(1);
    for (const m of msgs13) expect(m.ts!).toBeLessThan(liveBefore);
    await expectLiveResumes(c, end13, liveBefore);

    // Not subscribed: refused, and a bad history span too.
    const other = await rawClient(server.port);
    clients.push(other);
    other.send({ type: 'replay', zone: 'jiading', id: 1, from, speed: 5 });
    other.send({ type: 'history', zone: 'jiading', id: 2, from: from + 1, to: from, kinds: ['events'] });
    await waitFor(() => other.log.filter((m) => m.type === 'error').length >= 2, 5000, 'two errors');
    expect(other.log.filter((m) => m.type === 'error').map((m) => m.code)).toEqual(['not-subscribed', 'bad-request']);

    const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { replay: Record<string, unknown> };
    expect(health.replay).toMatchObject({ active: 0, started: 4, ended: { 'reached-to': 1, 'reached-live': 1, stopped: 2 } });
    expect(health.replay.historyRequests).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('a server without --data-dir answers no-recording and an empty history; live goes on', async () => {
    server = await startZoneServer(0, { timeScale: 60, rateHz: 5 });
    const c = await rawClient(server.port);
    clients.push(c);
    c.send({ type: 'subscribe', zone: 'jiading' });
    await c.find((m) => m.type === 'snapshot', 'the snapshot');
    c.send({ type: 'replay', zone: 'jiading', id: 1, from: Date.now() - 10_000, speed: 10 });
    const endAt = await c.find((m) => m.type === 'replay-end', 'replay-end');
    expect(c.log[endAt]).toMatchObject({ id: 1, reason: 'no-recording', ts: null });
    expect(c.log[endAt]!.message).toMatch(/--data-dir/);
    expect(c.log.some((m) => m.type === 'replay-start')).toBe(false);
    await expectLiveResumes(c, endAt, 0);
    c.send({ type: 'history', zone: 'jiading', id: 2, from: Date.now() - 60_000, to: Date.now(), kinds: ['events'] });
    const h = c.log[await c.find((m) => m.type === 'history-result', 'history-result')]!;
    expect(h).toMatchObject({ id: 2, range: null, events: [], truncated: false });
  });
});
