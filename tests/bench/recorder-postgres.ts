/**
 * Seek latency of the PostgreSQL recording store beside the SQLite one, on the same recording.
 *
 * One hour of a zone's stream is written through both stores' `append` (the same frames, one
 * recorded second per call, like the Recorder's flushes; the two calls alternate): 5 Hz deltas and
 * a keyframe every 30 s. To build the hour in about a minute instead of simulating it, the
 * bodies are real: a minute of the zone's simulator at the morning peak (its real road graph by
 * default) is captured once, and its deltas and snapshot are replayed round and round with their
 * `ts` and `seq` renumbered, so sizes and fold work are the zone's own. Readings and events are
 * left out: a seek does not read them.
 *
 * Then `stateAt` (seek.ts: keyframe + that run's deltas, folded) at random times, the two stores
 * interleaved sample by sample (which goes first alternates), in rounds: p50 / p95 per store per
 * round, the median over rounds, and the PostgreSQL / SQLite ratio. "store ms" is the part spent
 * inside the two store calls (queries, transfer, inflating bodies); the rest is JSON parse and fold,
 * the same code for both.
 *
 * PostgreSQL is a throwaway local server (tests/support/postgres-server.ts) with fsync on and
 * synchronous_commit off, which matches SQLite's WAL + synchronous=NORMAL: a commit is not
 * flushed one by one, and a crash keeps the database consistent. Or --pg-url for an existing one
 * (its tables are created in the database named; use an empty one).
 * Writes bench/results/recorder-postgres.json.
 *
 *   npx tsx tests/bench/recorder-postgres.ts [--zone jiading] [--roads <path>|synthetic] [--hours 1]
 *     [--rounds 5] [--seeks 30] [--pg-url postgres://…]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnuFrame } from '../../src/core/geodesy';
import { SimDriver } from '../../src/feed/producer/SimDriver';
import { loadZone } from '../../src/server/loadZone';
import { RECORDING_FILE } from '../../src/server/recorder/openRecordingStore';
import { PostgresRecordingStore } from '../../src/server/recorder/PostgresRecordingStore';
import type { FrameRow, RecordingStore } from '../../src/server/recorder/RecordingStore';
import { stateAt } from '../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../src/server/recorder/SqliteRecordingStore';
import { ZoneHost } from '../../src/server/ZoneHost';
import { Simulation } from '../../src/sim/Simulation';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { median, percentile, round } from './stats';

const { values } = parseArgs({
  options: {
    zone: { type: 'string' }, roads: { type: 'string' }, hours: { type: 'string' }, rounds: { type: 'string' }, seeks: { type: 'string' },
    'pg-url': { type: 'string' },
  },
});
const ZONE = values.zone ?? 'jiading';
const HOURS = Number(values.hours ?? 1);
const ROUNDS = Number(values.rounds ?? 5);
const SEEKS = Number(values.seeks ?? 30);
const RATE_HZ = 5;
const KEYFRAME_MS = 30_000;
const CAPTURE_TICKS = 60 * RATE_HZ;
const START_SIM_MS = Date.parse('2025-11-20T08:00:00+08:00');
const T0 = Date.parse('2026-01-05T00:00:00Z');

/** A body split around its top-level `"ts":…,"seq":…`, so a copy can be renumbered without parsing 200 KB. */
interface Template { head: string; tail: string }
function template(body: Buffer): Template {
  const text = body.toString('utf8');
  const m = /"ts":\d+,"seq":\d+/.exec(text.slice(0, 400));
  if (!m) throw new Error(`no "ts","seq" near the start of ${text.slice(0, 80)}…`);
  return { head: text.slice(0, m.index), tail: text.slice(m.index + m[0].length) };
}
const renumber = (t: Template, ts: number, seq: number) => Buffer.from(`${t.head}"ts":${ts},"seq":${seq}${t.tail}`);

/** A minute of the zone at the morning peak: its deltas and one snapshot. */
async function capture() {
  const zone = await loadZone(ZONE, 'scenes/{zone}.json', values.roads ?? 'public/tiles/{zone}/roads.json', null);
  let nowMs = T0;
  const sim = new Simulation({ graph: zone.graph, zoneId: zone.id, seed: 20211231, startSimMs: START_SIM_MS });
  const host = new ZoneHost(zone.id, new SimDriver(sim, new EnuFrame(zone.origin), () => nowMs, 1), RATE_HZ, () => nowMs);
  // Warm-up: the fleet fills the network before the captured minute.
  for (let i = 0; i < 30 * RATE_HZ; i++, nowMs += 1000 / RATE_HZ) host.tick();
  const deltas: Template[] = [];
  host.listeners.add((_z, v1) => deltas.push(template(v1())));
  const snapshot = template(host.snapshotBytes());
  for (let i = 0; i < CAPTURE_TICKS; i++, nowMs += 1000 / RATE_HZ) host.tick();
  const size = (t: Template) => Buffer.byteLength(t.head) + Buffer.byteLength(t.tail) + 30;
  return { id: zone.id, deltas, snapshot, vehicles: sim.traffic.count, deltaBytes: median(deltas.map(size)), snapshotBytes: size(snapshot) };
}

/** Times spent inside the store's calls, summed until read. */
function timed(store: RecordingStore): { store: RecordingStore; take(): number } {
  let ms = 0;
  const wrap = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
    const t = performance.now();
    try {
      return await f(...a);
    } finally {
      ms += performance.now() - t;
    }
  };
  const s: RecordingStore = Object.assign(Object.create(null) as RecordingStore, {
    keyframeAtOrBefore: wrap(store.keyframeAtOrBefore.bind(store)),
    deltasAfter: wrap(store.deltasAfter.bind(store)),
  });
  return {
    store: s,
    take: () => {
      const v = ms;
      ms = 0;
      return v;
    },
  };
}

interface Side { name: 'postgres' | 'sqlite'; store: RecordingStore; appendMs: number[]; seekMs: number[][]; storeMs: number[][] }

async function main(): Promise<void> {
  console.log(`recorder-postgres bench: ${ZONE}, ${HOURS} h at ${RATE_HZ} Hz, keyframe every ${KEYFRAME_MS / 1000} s; ${ROUNDS} rounds × ${SEEKS} seeks per store, interleaved`);
  const zone = await capture();
  console.log(`  captured: ${zone.vehicles} vehicles, delta ${(zone.deltaBytes / 1024).toFixed(0)} KB (median), snapshot ${(zone.snapshotBytes / 1024).toFixed(0)} KB`);

  const dir = mkdtempSync(join(tmpdir(), 'st-bench-pg-'));
  let pgServer: PostgresServer | null = null;
  const sides: Side[] = [];
  try {
    let url = values['pg-url'];
    if (!url) {
      pgServer = await startPostgres({ fast: false, settings: { synchronous_commit: 'off' } });
      url = await pgServer.createDatabase('bench');
    }
    const pg = await PostgresRecordingStore.open(url);
    const sqlite = new SqliteRecordingStore(join(dir, RECORDING_FILE));
    sides.push({ name: 'postgres', store: pg, appendMs: [], seekMs: [], storeMs: [] }, { name: 'sqlite', store: sqlite, appendMs: [], seekMs: [], storeMs: [] });
    const runs = await Promise.all(sides.map((s) => s.store.beginRun(T0)));

    // The hour, one recorded second per append, the two stores taking turns to go first.
    const ticks = Math.round(HOURS * 3600 * RATE_HZ);
    const b0 = performance.now();
    let seq = 0;
    let lastKeyframe = -Infinity;
    let batch: { kind: FrameRow['kind']; ts: number; seq: number; t: Template }[] = [];
    for (let i = 0; i < ticks; i++) {
      // As the Recorder does: the delta, then (when one is due) the keyframe of the state after it.
      const ts = T0 + Math.round((i * 1000) / RATE_HZ);
      batch.push({ kind: 'delta', ts, seq: ++seq, t: zone.deltas[i % zone.deltas.length]! });
      if (ts - lastKeyframe >= KEYFRAME_MS) {
        batch.push({ kind: 'keyframe', ts, seq, t: zone.snapshot });
        lastKeyframe = ts;
      }
      if (batch.length >= RATE_HZ || i === ticks - 1) {
        const frames = batch.map((f) => ({ zone: zone.id, kind: f.kind, ts: f.ts, seq: f.seq, body: renumber(f.t, f.ts, f.seq) }));
        const order = i % 2 === 0 ? [0, 1] : [1, 0];
        for (const k of order) {
          const side = sides[k]!;
          const t = performance.now();
          await side.store.append(frames.map((f) => ({ ...f, run: runs[k]! })), []);
          side.appendMs.push(performance.now() - t);
        }
        batch = [];
      }
      if ((i + 1) % Math.round(ticks / 4) === 0) console.log(`  built ${Math.round(((i + 1) / ticks) * 100)}% of ${HOURS} h`);
    }
    const buildS = (performance.now() - b0) / 1000;
    const range = (await sqlite.range(zone.id))!;
    const pgRange = await pg.range(zone.id);
    if (pgRange?.fromTs !== range.fromTs || pgRange.toTs !== range.toTs) throw new Error(`the two recordings differ: ${JSON.stringify({ range, pgRange })}`);

    let seed = 12345;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const folded: number[] = [];
    // A first seek on each, not counted: connections opened, statements planned, caches touched.
    for (const s of sides) await stateAt(s.store, zone.id, range.toTs);
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of sides) {
        s.seekMs.push([]);
        s.storeMs.push([]);
      }
      for (let i = 0; i < SEEKS; i++) {
        const t = range.fromTs + rnd() * (range.toTs - range.fromTs);
        const order = (r * SEEKS + i) % 2 === 0 ? sides : [...sides].reverse();
        const snapshots: string[] = [];
        for (const s of order) {
          const probe = timed(s.store);
          const t0 = performance.now();
          const got = (await stateAt(probe.store, zone.id, t))!;
          s.seekMs[r]!.push(performance.now() - t0);
          s.storeMs[r]!.push(probe.take());
          snapshots.push(`${got.keyframeTs}:${got.folded}:${got.snapshot.seq}`);
          if (s === sides[0]) folded.push(got.folded);
        }
        if (snapshots[0] !== snapshots[1]) throw new Error(`seek to ${t}: the stores disagree (${snapshots.join(' vs ')})`);
      }
      const line = sides.map((s) => `${s.name} p50 ${round(percentile(s.seekMs[r]!, 50), 1)} ms`).join(', ');
      console.log(`  round ${r + 1}: ${line}`);
    }

    const pgBytes = await pg.bytes();
    const sqliteBytes = await sqlite.bytes();
    const sqliteFile = statSync(join(dir, RECORDING_FILE)).size + (statSync(join(dir, `${RECORDING_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0);
    const dbSize = values['pg-url'] ? null : await pgDatabaseBytes(url);
    const perRound = (s: Side, rows: number[][], p: number) => rows.map((x) => percentile(x, p));
    const summary = (s: Side) => ({
      seekMs: { p50: round(median(perRound(s, s.seekMs, 50)), 2), p95: round(median(perRound(s, s.seekMs, 95)), 2), max: round(Math.max(...s.seekMs.flat()), 2) },
      storeMs: { p50: round(median(perRound(s, s.storeMs, 50)), 2), p95: round(median(perRound(s, s.storeMs, 95)), 2) },
      perRoundP50: perRound(s, s.seekMs, 50).map((v) => round(v, 2)),
      appendMsPerRecordedSecond: { p50: round(percentile(s.appendMs, 50), 2), p95: round(percentile(s.appendMs, 95), 2) },
    });
    const [a, b] = sides.map(summary) as [ReturnType<typeof summary>, ReturnType<typeof summary>];
    // The ratio per round (paired, same seek times), then the median: the machine's drift cancels out.
    const ratio = (p: number, rows: (s: Side) => number[][]) =>
      round(median(rows(sides[0]!).map((x, r) => percentile(x, p) / percentile(rows(sides[1]!)[r]!, p))), 2);
    const result = {
      bench: 'recorder-postgres', zone: ZONE, hours: HOURS, rateHz: RATE_HZ, keyframeEveryS: KEYFRAME_MS / 1000, rounds: ROUNDS, seeksPerRound: SEEKS,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
      postgres: { server: values['pg-url'] ? 'given --pg-url' : 'local throwaway (tests/support/postgres-server.ts), fsync on, synchronous_commit off', ...a },
      sqlite: b,
      ratioPostgresOverSqlite: { seekP50: ratio(50, (s) => s.seekMs), seekP95: ratio(95, (s) => s.seekMs), storeP50: ratio(50, (s) => s.storeMs), storeP95: ratio(95, (s) => s.storeMs) },
      recording: {
        frames: ticks + Math.ceil((HOURS * 3_600_000) / KEYFRAME_MS), vehicles: zone.vehicles, deltaBytesMedian: zone.deltaBytes, snapshotBytes: zone.snapshotBytes,
        buildS: round(buildS, 1), bytesHeld: { postgres: pgBytes, sqlite: sqliteBytes }, sqliteFileBytes: sqliteFile, postgresDatabaseBytes: dbSize,
      },
      deltasFolded: { median: median(folded), max: Math.max(...folded) },
    };
    console.log('');
    console.table({
      postgres: { 'seek p50 ms': a.seekMs.p50, 'seek p95 ms': a.seekMs.p95, 'store p50 ms': a.storeMs.p50, 'store p95 ms': a.storeMs.p95, 'append p50 ms/s': a.appendMsPerRecordedSecond.p50 },
      sqlite: { 'seek p50 ms': b.seekMs.p50, 'seek p95 ms': b.seekMs.p95, 'store p50 ms': b.storeMs.p50, 'store p95 ms': b.storeMs.p95, 'append p50 ms/s': b.appendMsPerRecordedSecond.p50 },
    });
    console.log(`PostgreSQL / SQLite: seek p50 ×${result.ratioPostgresOverSqlite.seekP50}, p95 ×${result.ratioPostgresOverSqlite.seekP95}; store part p50 ×${result.ratioPostgresOverSqlite.storeP50}, p95 ×${result.ratioPostgresOverSqlite.storeP95}`);
    console.log(`recording: ${result.recording.frames} frames, built in ${result.recording.buildS} s; held ${(pgBytes / 2 ** 20).toFixed(0)} MB (both stores: ${pgBytes === sqliteBytes ? 'equal' : `sqlite ${(sqliteBytes / 2 ** 20).toFixed(0)} MB`}); deltas folded median ${result.deltasFolded.median}, max ${result.deltasFolded.max}`);
    const out = fileURLToPath(new URL('../../bench/results/', import.meta.url));
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'recorder-postgres.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const s of sides) await s.store.close();
    await pgServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pgDatabaseBytes(url: string): Promise<number> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);
  } finally {
    await c.end();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
