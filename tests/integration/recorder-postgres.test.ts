/**
 * The PostgreSQL recording store against a real, throwaway PostgreSQL (tests/support/
 * postgres-server.ts: initdb in a temporary directory, a free loopback port):
 * - the RecordingStore conformance suite, for PostgreSQL and for SQLite side by side, so the two
 *   answer alike (each PostgreSQL case in a fresh database);
 * - openRecordingStoreFromUrl: postgres:// and postgresql:// open it; anything else, or a server
 *   that cannot be reached, rejects with a message that does not carry the password;
 * - end to end: the feed server (synthetic street grid, 60×, 5 Hz) records into PostgreSQL, and a
 *   `ws` client's `history` and `replay` answer from it as they do from SQLite; the recording
 *   reopens with the same byte count;
 * - the database going away mid-recording: writes fail and are counted, serving goes on.
 * Every wait is for an outcome, never a fixed sleep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WireSensorInfo } from '../../src/feed/protocol/entities';
import type { SnapshotMessage } from '../../src/feed/protocol/messages';
import { loadZone, SYNTHETIC_ROADS } from '../../src/server/loadZone';
import { openRecordingStoreFromUrl } from '../../src/server/recorder/openRecordingStore';
import { PostgresRecordingStore } from '../../src/server/recorder/PostgresRecordingStore';
import type { RecordingStore } from '../../src/server/recorder/RecordingStore';
import { stateAt } from '../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../src/server/recorder/SqliteRecordingStore';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { recordingStoreConformance } from '../support/recordingStoreConformance';
import { ORIGIN, rawClient, waitFor, type RawClient, type RawMsg as Msg } from './helpers';

let pgServer: PostgresServer | null = null;
beforeAll(async () => {
  pgServer = await startPostgres();
}, 30_000);
afterAll(async () => {
  await pgServer?.stop();
});
let databases = 0;
const newDatabase = () => pgServer!.createDatabase(`st_${++databases}`);

recordingStoreConformance('PostgreSQL', async () => {
  const url = await newDatabase();
  return { store: await PostgresRecordingStore.open(url), reopen: () => PostgresRecordingStore.open(url) };
});

const sqliteDirs: string[] = [];
afterAll(() => {
  for (const d of sqliteDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
recordingStoreConformance('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-conf-'));
  sqliteDirs.push(dir);
  const file = join(dir, 'recording.sqlite');
  return { store: new SqliteRecordingStore(file), reopen: async () => new SqliteRecordingStore(file) };
});

describe('openRecordingStoreFromUrl', () => {
  it('opens postgres:// and postgresql:// URLs; refuses other schemes and unreachable servers without showing the password', async () => {
    const url = await newDatabase();
    for (const u of [url, url.replace(/^postgres:/, 'postgresql:')]) {
      const s = await openRecordingStoreFromUrl(u);
      expect(s).toBeInstanceOf(PostgresRecordingStore);
      expect(await s.zones()).toEqual([]);
      await s.close();
    }
    await expect(openRecordingStoreFromUrl('mysql://u:pw@127.0.0.1/x')).rejects.toThrow(/postgres:\/\/ or postgresql:\/\//);
    await expect(openRecordingStoreFromUrl('/var/lib/shentwin')).rejects.toThrow(/--data-dir/);
    // Port 1 on loopback: nothing listens, so the connection is refused at once.
    const err = await openRecordingStoreFromUrl('postgres://shentwin:s3cret@127.0.0.1:1/rec').then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/ECONNREFUSED|connect/);
    expect(err?.message).toContain('shentwin:***@127.0.0.1:1');
    expect(err?.message).not.toContain('s3cret');
  });
});

type Client = RawClient;
const stream = (m: Msg) => m.type === 'snapshot' || m.type === 'delta';

async function startRecordingServer(recordStore: RecordingStore, log?: (l: string) => void) {
  const zone = await loadZone('jiading', 'unused', SYNTHETIC_ROADS, ORIGIN);
  return startFeedServer({
    zones: [{ id: zone.id, origin: zone.origin, graph: zone.graph }], seed: 1, timeScale: 60, rateHz: 5, port: 0, heartbeatMs: 500,
    allowControl: true, recordStore, keyframeEveryMs: 2000, log,
  });
}

describe('the feed server recording into PostgreSQL', () => {
  let server: RunningFeedServer | null = null;
  let extraPg: PostgresServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.stop('hard');
    server = null;
    await extraPg?.stop();
    extraPg = null;
  });

  it('history and replay answer from the PostgreSQL recording; it reopens with the same bytes', async () => {
    const url = await newDatabase();
    server = await startRecordingServer(await openRecordingStoreFromUrl(url));
    const c = await rawClient(server.port);
    clients.push(c);
    c.send({ type: 'subscribe', zone: 'jiading' });
    const first = c.log[await c.find((m) => m.type === 'snapshot', 'the first snapshot')] as unknown as SnapshotMessage;
    const water = first.catalogue!.sensors!.find((s: WireSensorInfo) => s.type === 'water_level')!;
    expect(water, 'the zone has an underpass water-level sensor').toBeDefined();
    c.send({ type: 'control', zone: 'jiading', scenario: 'rainstorm' });
    c.send({ type: 'control', zone: 'jiading', scenario: 'crash' });

    // History, polled (20 messages a second at most) until the recording spans 5 s and holds the
    // crash, both controls and a few water-level readings.
    type History = { events: { ts: number; kind: string; detail: Record<string, unknown> }[]; readings: Record<string, [number, number][]>; range: { fromTs: number; toTs: number } | null; truncated: boolean };
    let history: History | null = null;
    for (let id = 1; !history; id++) {
      const at = c.log.length;
      c.send({ type: 'history', zone: 'jiading', id, from: first.ts - 60_000, to: Date.now() + 1000, kinds: ['events', 'readings'], sensors: [water.id] });
      const h = c.log[await c.find((m) => m.type === 'history-result' && m.id === id, 'history-result', at)] as unknown as History;
      const ready = h.range !== null && h.range.toTs - h.range.fromTs > 5000 && h.events.filter((e) => e.kind === 'control').length === 2
        && h.events.some((e) => e.kind === 'incident' && e.detail.type === 'crash') && (h.readings[water.id]?.length ?? 0) > 3;
      if (ready) history = h;
      else await new Promise((r) => setTimeout(r, 200));
      if (id > 150) throw new Error('the recording never held 5 s with the crash, the controls and the readings');
    }
    expect(history.events).toContainEqual(expect.objectContaining({ kind: 'incident', detail: expect.objectContaining({ type: 'crash', status: 'active' }) }));
    expect(history.truncated).toBe(false);
    const series = history.readings[water.id]!;
    expect(series.every((p, i) => i === 0 || p[0] > series[i - 1]![0])).toBe(true);
    const reader = await PostgresRecordingStore.open(url);
    try {
      // What history served is what the database holds.
      const range = history.range!;
      expect((await reader.readings('jiading', [water.id], first.ts - 60_000, range.toTs, 1000))[water.id]!.slice(0, series.length)).toEqual(series);

      // A stretch a third of the way in at 20×, then live again.
      const from = Math.round(range.fromTs + (range.toTs - range.fromTs) / 3), to = from + 2000;
      let at = c.log.length;
      c.send({ type: 'replay', zone: 'jiading', id: 10, from, to, speed: 20 });
      const startAt = await c.find((m) => m.type === 'replay-start' && m.id === 10, 'replay-start 10', at);
      expect(c.log[startAt]).toMatchObject({ zone: 'jiading', from, to, speed: 20 });
      const endAt = await c.find((m) => m.type === 'replay-end' && m.id === 10, 'replay-end 10', startAt);
      expect(c.log[endAt]).toMatchObject({ reason: 'reached-to', ts: to });
      const msgs = c.log.slice(startAt + 1, endAt).filter(stream);
      expect(msgs[0]).toMatchObject({ type: 'snapshot', seq: 0 });
      expect(msgs.map((m) => m.seq)).toEqual(msgs.map((_, i) => i));
      expect(msgs.length).toBeGreaterThan(1);
      for (const m of msgs.slice(1)) {
        expect(m.type).toBe('delta');
        expect(m.ts!).toBeGreaterThan(from);
        expect(m.ts!).toBeLessThanOrEqual(to);
      }
      const truth = (await stateAt(reader, 'jiading', from))!;
      const ids = (s: { vehicles: { id: string }[] }) => s.vehicles.map((v) => v.id).sort();
      expect(ids(msgs[0] as unknown as SnapshotMessage)).toEqual(ids(truth.snapshot));
      expect(truth.snapshot.vehicles.length).toBeGreaterThan(5);
      const liveAt = await c.find(stream, 'the live snapshot after replay-end', endAt + 1);
      expect(c.log[liveAt]).toMatchObject({ type: 'snapshot' });
      expect(c.log[liveAt]!.ts!).toBeGreaterThan(to);

      // Played on at 20× to the live end.
      at = c.log.length;
      c.send({ type: 'replay', zone: 'jiading', id: 11, from, speed: 20 });
      const start11 = await c.find((m) => m.type === 'replay-start' && m.id === 11, 'replay-start 11', at);
      const end11 = await c.find((m) => m.type === 'replay-end' && m.id === 11, 'replay-end 11', start11);
      expect(c.log[end11]!.reason).toBe('reached-live');
      await c.find((m) => m.type === 'delta', 'live deltas after the replay', await c.find(stream, 'the live snapshot', end11 + 1) + 1);
    } finally {
      await reader.close();
    }

    const running = server;
    const h = running.recorder!.health();
    expect(h.writeErrors).toBe(0);
    expect(h.framesWritten).toBeGreaterThan(25);
    await running.stop();
    server = null;
    // Stopped: the last buffered writes are committed, and a reopen counts the same bytes.
    const again = await PostgresRecordingStore.open(url);
    expect(await again.bytes()).toBe(running.recorder!.health().bytesHeld);
    expect(await again.bytes()).toBeGreaterThan(0);
    await again.close();
  }, 45_000);

  it('the database going away: writes fail and are counted, the stream goes on', async () => {
    extraPg = await startPostgres();
    const lines: string[] = [];
    server = await startRecordingServer(await openRecordingStoreFromUrl(extraPg.url), (l) => lines.push(l));
    const rec = server.recorder!;
    const c = await rawClient(server.port);
    clients.push(c);
    c.send({ type: 'subscribe', zone: 'jiading' });
    await waitFor(() => rec.health().framesWritten > 5, 10_000, 'frames committed');
    const pg = extraPg;
    extraPg = null;
    await pg.stop();
    await waitFor(() => rec.health().writeErrors > 0, 10_000, 'a failed write counted');
    expect(lines.some((l) => /recorder write failed/.test(l))).toBe(true);
    const seen = c.log.filter((m) => m.type === 'delta').length;
    await c.find((m) => m.type === 'delta', 'live deltas after the database went away', c.log.length);
    expect(c.log.filter((m) => m.type === 'delta').length).toBeGreaterThan(seen);
    // Stopping with the database gone still ends (the last flush fails and is counted).
    await server.stop();
    server = null;
  }, 30_000);
});
