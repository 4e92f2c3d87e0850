/**
 * Where the recorder keeps a zone's stream: keyframes (full snapshots, every 30 s by default),
 * the deltas between them, events (control actions, incidents' changes, sensors crossing a
 * threshold band) and every sensor reading on its own (for history charts without folding
 * frames). One interface so the
 * embedded SQLite store and a PostgreSQL store answer the same queries; it is asynchronous for
 * the sake of the second, although better-sqlite3 itself is synchronous.
 *
 * `run` numbers a feed server's start: message `seq` restarts at 0 with every start, so a seek
 * folds only the deltas of its keyframe's run.
 */
export type FrameKind = 'keyframe' | 'delta';

export interface FrameRow {
  zone: string;
  run: number;
  kind: FrameKind;
  /** Message timestamp (server ms since the epoch). */
  ts: number;
  seq: number;
  /** The message exactly as it was served (JSON, UTF-8). */
  body: Buffer;
}

export interface EventRow {
  zone: string;
  ts: number;
  kind: string;
  /** JSON. */
  detail: string;
}

/** One sensor reading as served (the reading's own `ts`). */
export interface ReadingRow {
  zone: string;
  ts: number;
  sensor: string;
  value: number;
}

/** Per sensor id: [ts, value] pairs in time order. */
export type ReadingSeries = Record<string, [number, number][]>;

export interface RecordedRange {
  fromTs: number;
  toTs: number;
}

export interface RecordingStore {
  /** Starts a new run and returns its number. */
  beginRun(startedTs: number): Promise<number>;
  /** Writes rows in one transaction: all of them are kept, or none. */
  append(frames: readonly FrameRow[], events: readonly EventRow[], readings?: readonly ReadingRow[]): Promise<void>;
  zones(): Promise<string[]>;
  range(zone: string): Promise<RecordedRange | null>;
  /** The newest keyframe at or before `ts`. */
  keyframeAtOrBefore(zone: string, ts: number): Promise<FrameRow | null>;
  /** The deltas of `run` after `afterSeq` with `ts <= toTs`, in order. */
  deltasAfter(zone: string, run: number, afterSeq: number, toTs: number): Promise<FrameRow[]>;
  /** Frames with fromTs <= ts <= toTs, keyframes left out, in time order (for a paced replay). */
  deltasBetween(zone: string, fromTs: number, toTs: number, limit: number): Promise<FrameRow[]>;
  /**
   * Frames of both kinds with afterTs < ts <= toTs, at most `limit`, ordered by ts, then run, then
   * keyframe before delta, then seq: at a run boundary the new run's keyframe comes before that
   * run's deltas, and the old run's last deltas before it.
   */
  framesAfter(zone: string, afterTs: number, toTs: number, limit: number): Promise<FrameRow[]>;
  /** Events with fromTs <= ts <= toTs in time order, at most `limit` (all when omitted). */
  events(zone: string, fromTs: number, toTs: number, limit?: number): Promise<EventRow[]>;
  /** Readings of the given sensors with fromTs <= ts <= toTs, the first `limit` of each sensor. */
  readings(zone: string, sensorIds: readonly string[], fromTs: number, toTs: number, limit: number): Promise<ReadingSeries>;
  /** Bytes of recorded messages held (bodies, events and readings), not the file size. */
  bytes(): Promise<number>;
  /**
   * Deletes a zone's frames, events and readings older than its newest keyframe at or before `cutoffTs`,
   * so that what is left still starts at a keyframe. Returns the rows deleted.
   */
  pruneBefore(zone: string, cutoffTs: number): Promise<number>;
  /** The second-oldest keyframe of each zone: where the next size-driven prune would cut. */
  nextCut(): Promise<{ zone: string; ts: number } | null>;
  close(): Promise<void>;
}
