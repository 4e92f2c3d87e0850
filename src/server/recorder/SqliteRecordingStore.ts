/**
 * The embedded recording store: one SQLite file (better-sqlite3) in the data directory.
 *
 * Crash safety: WAL journal with synchronous=NORMAL. A transaction that committed is in the WAL
 * file, which the OS keeps when the process is killed (kill -9), and the next open replays it; what
 * is lost is only what the recorder had buffered and not yet committed (its write interval,
 * RECORDER_FLUSH_MS). A power cut can lose the last commits too (NORMAL does not fsync each one);
 * the database stays consistent either way.
 *
 * Size: the bytes of the recorded messages as stored (bodies deflated, bodyCodec.ts) are counted as they are written and deleted (`bytes()`),
 * which is what `--retain-bytes` limits: frame bodies, event details (UTF-8 bytes), and 16 bytes
 * (ts and value, 8 each) plus the sensor id's UTF-8 bytes per reading — the data, not SQLite's
 * row and index overhead. SQLite reuses the pages pruning frees, so the file stops
 * growing at about that size plus indexes; it does not shrink on its own.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { packBody, unpackBody } from './bodyCodec';
import type { EventRow, FrameKind, FrameRow, ReadingRow, ReadingSeries, RecordedRange, RecordingStore } from './RecordingStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (run INTEGER PRIMARY KEY, started_ts INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS frames (
  zone TEXT NOT NULL, run INTEGER NOT NULL, kind INTEGER NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL, body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS frames_zone_ts ON frames (zone, ts);
CREATE INDEX IF NOT EXISTS frames_keyframes ON frames (zone, kind, ts);
CREATE INDEX IF NOT EXISTS frames_run_seq ON frames (zone, run, seq);
CREATE TABLE IF NOT EXISTS events (zone TEXT NOT NULL, ts INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_zone_ts ON events (zone, ts);
CREATE TABLE IF NOT EXISTS readings (zone TEXT NOT NULL, ts INTEGER NOT NULL, sensor TEXT NOT NULL, value REAL NOT NULL);
CREATE INDEX IF NOT EXISTS readings_sensor_ts ON readings (zone, sensor, ts);
CREATE INDEX IF NOT EXISTS readings_zone_ts ON readings (zone, ts);
`;

/** What a reading counts towards `bytes()`: ts and value (8 bytes each) plus the sensor id. */
const READING_FIXED_BYTES = 16;
const DETAIL_BYTES = 'LENGTH(CAST(detail AS BLOB))';
const READING_BYTES = `${READING_FIXED_BYTES} + LENGTH(CAST(sensor AS BLOB))`;

const KIND_CODE: Record<FrameKind, number> = { keyframe: 0, delta: 1 };
const KIND_OF = ['keyframe', 'delta'] as const;

interface RawFrame { zone: string; run: number; kind: number; ts: number; seq: number; body: Buffer }
const toRow = (r: RawFrame): FrameRow => ({ zone: r.zone, run: r.run, kind: KIND_OF[r.kind]!, ts: r.ts, seq: r.seq, body: unpackBody(r.body) });

export class SqliteRecordingStore implements RecordingStore {
  private readonly db: Database.Database;
  private heldBytes: number;
  private readonly q;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.q = {
      insertRun: db.prepare('INSERT INTO runs (started_ts) VALUES (?)'),
      insertFrame: db.prepare('INSERT INTO frames (zone, run, kind, ts, seq, body) VALUES (?, ?, ?, ?, ?, ?)'),
      insertEvent: db.prepare('INSERT INTO events (zone, ts, kind, detail) VALUES (?, ?, ?, ?)'),
      insertReading: db.prepare('INSERT INTO readings (zone, ts, sensor, value) VALUES (?, ?, ?, ?)'),
      zones: db.prepare('SELECT DISTINCT zone FROM frames ORDER BY zone'),
      range: db.prepare('SELECT MIN(ts) AS fromTs, MAX(ts) AS toTs FROM frames WHERE zone = ?'),
      keyframe: db.prepare('SELECT * FROM frames WHERE zone = ? AND kind = 0 AND ts <= ? ORDER BY ts DESC, seq DESC LIMIT 1'),
      deltasAfter: db.prepare('SELECT * FROM frames WHERE zone = ? AND run = ? AND kind = 1 AND seq > ? AND ts <= ? ORDER BY seq'),
      deltasBetween: db.prepare('SELECT * FROM frames WHERE zone = ? AND kind = 1 AND ts >= ? AND ts <= ? ORDER BY ts, seq LIMIT ?'),
      // Run before kind: two runs never share a moment in practice, but if they did, the old run ends first.
      framesAfter: db.prepare('SELECT * FROM frames WHERE zone = ? AND ts > ? AND ts <= ? ORDER BY ts, run, kind, seq LIMIT ?'),
      events: db.prepare('SELECT zone, ts, kind, detail FROM events WHERE zone = ? AND ts >= ? AND ts <= ? ORDER BY ts, rowid LIMIT ?'),
      readings: db.prepare('SELECT ts, value FROM readings WHERE zone = ? AND sensor = ? AND ts >= ? AND ts <= ? ORDER BY ts LIMIT ?'),
      bytes: db.prepare(`SELECT (SELECT COALESCE(SUM(LENGTH(body)), 0) FROM frames) + (SELECT COALESCE(SUM(${DETAIL_BYTES}), 0) FROM events)
        + (SELECT COALESCE(SUM(${READING_BYTES}), 0) FROM readings) AS n`),
      bytesBefore: db.prepare('SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM frames WHERE zone = ? AND ts < ?'),
      eventBytesBefore: db.prepare(`SELECT COALESCE(SUM(${DETAIL_BYTES}), 0) AS n FROM events WHERE zone = ? AND ts < ?`),
      readingBytesBefore: db.prepare(`SELECT COALESCE(SUM(${READING_BYTES}), 0) AS n FROM readings WHERE zone = ? AND ts < ?`),
      deleteFrames: db.prepare('DELETE FROM frames WHERE zone = ? AND ts < ?'),
      deleteEvents: db.prepare('DELETE FROM events WHERE zone = ? AND ts < ?'),
      deleteReadings: db.prepare('DELETE FROM readings WHERE zone = ? AND ts < ?'),
      secondKeyframes: db.prepare(`
        SELECT zone, ts FROM (
          SELECT zone, ts, ROW_NUMBER() OVER (PARTITION BY zone ORDER BY ts) AS n FROM frames WHERE kind = 0
        ) WHERE n = 2 ORDER BY ts LIMIT 1`),
    };
    this.heldBytes = (this.q.bytes.get() as { n: number }).n;
  }

  async beginRun(startedTs: number): Promise<number> {
    return Number(this.q.insertRun.run(startedTs).lastInsertRowid);
  }

  async append(frames: readonly FrameRow[], events: readonly EventRow[], readings: readonly ReadingRow[] = []): Promise<void> {
    if (frames.length === 0 && events.length === 0 && readings.length === 0) return;
    let added = 0;
    this.db.transaction(() => {
      for (const f of frames) {
        const body = packBody(f.body);
        this.q.insertFrame.run(f.zone, f.run, KIND_CODE[f.kind], f.ts, f.seq, body);
        added += body.length;
      }
      for (const e of events) {
        this.q.insertEvent.run(e.zone, e.ts, e.kind, e.detail);
        added += Buffer.byteLength(e.detail);
      }
      for (const r of readings) {
        this.q.insertReading.run(r.zone, r.ts, r.sensor, r.value);
        added += READING_FIXED_BYTES + Buffer.byteLength(r.sensor);
      }
    })();
    this.heldBytes += added;
  }

  async zones(): Promise<string[]> {
    return (this.q.zones.all() as { zone: string }[]).map((r) => r.zone);
  }

  async range(zone: string): Promise<RecordedRange | null> {
    const r = this.q.range.get(zone) as { fromTs: number | null; toTs: number | null };
    return r.fromTs === null || r.toTs === null ? null : { fromTs: r.fromTs, toTs: r.toTs };
  }

  async keyframeAtOrBefore(zone: string, ts: number): Promise<FrameRow | null> {
    const r = this.q.keyframe.get(zone, ts) as RawFrame | undefined;
    return r ? toRow(r) : null;
  }

  async deltasAfter(zone: string, run: number, afterSeq: number, toTs: number): Promise<FrameRow[]> {
    return (this.q.deltasAfter.all(zone, run, afterSeq, toTs) as RawFrame[]).map(toRow);
  }

  async deltasBetween(zone: string, fromTs: number, toTs: number, limit: number): Promise<FrameRow[]> {
    return (this.q.deltasBetween.all(zone, fromTs, toTs, limit) as RawFrame[]).map(toRow);
  }

  async framesAfter(zone: string, afterTs: number, toTs: number, limit: number): Promise<FrameRow[]> {
    return (this.q.framesAfter.all(zone, afterTs, toTs, limit) as RawFrame[]).map(toRow);
  }

  async events(zone: string, fromTs: number, toTs: number, limit = -1): Promise<EventRow[]> {
    return this.q.events.all(zone, fromTs, toTs, limit) as EventRow[];
  }

  async readings(zone: string, sensorIds: readonly string[], fromTs: number, toTs: number, limit: number): Promise<ReadingSeries> {
    const out: ReadingSeries = {};
    // One indexed range per sensor, so a chatty sensor cannot use up another's share of the limit.
    for (const id of new Set(sensorIds)) {
      out[id] = (this.q.readings.all(zone, id, fromTs, toTs, limit) as { ts: number; value: number }[]).map((r) => [r.ts, r.value]);
    }
    return out;
  }

  async bytes(): Promise<number> {
    return this.heldBytes;
  }

  async pruneBefore(zone: string, cutoffTs: number): Promise<number> {
    const kf = this.q.keyframe.get(zone, cutoffTs) as RawFrame | undefined;
    if (!kf) return 0;
    let deleted = 0;
    this.db.transaction(() => {
      const n = (q: Database.Statement) => (q.get(zone, kf.ts) as { n: number }).n;
      const freed = n(this.q.bytesBefore) + n(this.q.eventBytesBefore) + n(this.q.readingBytesBefore);
      deleted = this.q.deleteFrames.run(zone, kf.ts).changes + this.q.deleteEvents.run(zone, kf.ts).changes + this.q.deleteReadings.run(zone, kf.ts).changes;
      this.heldBytes -= freed;
    })();
    return deleted;
  }

  async nextCut(): Promise<{ zone: string; ts: number } | null> {
    return (this.q.secondKeyframes.get() as { zone: string; ts: number } | undefined) ?? null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
