/**
 * The feed server's black box: every zone's stream, exactly as served, into a RecordingStore.
 *
 * - Every delta a zone serves is kept (the same bytes the subscribers get).
 * - A keyframe (the zone's snapshot) when a run starts and then every `keyframeEveryMs` of message
 *   time, so a seek folds at most one interval of deltas.
 * - Writes are buffered and committed together every `flushEveryMs`: one transaction per interval
 *   instead of one per message. That interval is what a crash can lose (RECORDER_FLUSH_MS, ≤ 1 s).
 * - Scenario triggers and speed changes are kept as events beside the frames, and so are the
 *   moments a time slider marks (StreamEventDetector): an incident appearing or changing status,
 *   a sensor crossing into another threshold band.
 * - Every sensor reading in a delta is also kept on its own row, so a history chart reads one
 *   sensor's series without parsing frames. Detection and readings only walk the delta's sensors
 *   and incidents (a few per tick); vehicles, the bulk, are not looked at.
 * - Retention runs every `pruneEveryMs`.
 * A failing store is reported once per kind of failure and counted; serving goes on.
 */
import type { DeltaMessage, SnapshotMessage } from '../../feed/protocol/messages';
import type { Timers } from '../../feed/sources/FeedSource';
import { StreamEventDetector } from '../../feed/replay/streamEvents';
import type { ZoneHost } from '../ZoneHost';
import type { EventRow, FrameRow, ReadingRow, RecordingStore } from './RecordingStore';
import { prune, type Retention } from './retention';

/** The most a crash can lose is this plus the tick in flight: documented as ≤ 1 s with room for a busy event loop. */
export const RECORDER_FLUSH_MS = 250;
export const RECORDER_MAX_LOSS_MS = 1000;
export const RECORDER_KEYFRAME_MS = 30_000;
const PRUNE_EVERY_MS = 60_000;

export interface RecorderOptions {
  store: RecordingStore;
  zones: ZoneHost[];
  retention: Retention;
  now: () => number;
  timers: Timers;
  keyframeEveryMs?: number;
  flushEveryMs?: number;
  pruneEveryMs?: number;
  log?: (line: string) => void;
}

export interface RecorderHealth {
  run: number;
  framesWritten: number;
  keyframesWritten: number;
  eventsWritten: number;
  readingsWritten: number;
  bytesHeld: number;
  pending: number;
  writeErrors: number;
  pruned: number;
  lastFlushMs: number | null;
}

export class Recorder {
  private run = 0;
  private frames: FrameRow[] = [];
  private events: EventRow[] = [];
  private readings: ReadingRow[] = [];
  private readonly detectors = new Map<string, StreamEventDetector>();
  private readonly lastKeyframeTs = new Map<string, number>();
  private readonly detach: (() => void)[] = [];
  private flushTimer: unknown = null;
  private pruneTimer: unknown = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly stats = { framesWritten: 0, keyframesWritten: 0, eventsWritten: 0, readingsWritten: 0, bytesHeld: 0, writeErrors: 0, pruned: 0, lastFlushMs: null as number | null };
  private lastErrorText = '';

  constructor(private readonly o: RecorderOptions) {}

  private get keyframeEveryMs(): number {
    return this.o.keyframeEveryMs ?? RECORDER_KEYFRAME_MS;
  }

  async start(): Promise<void> {
    this.run = await this.o.store.beginRun(this.o.now());
    this.stats.bytesHeld = await this.o.store.bytes();
    for (const z of this.o.zones) {
      this.detectors.set(z.id, new StreamEventDetector());
      this.keyframe(z);
      const listener = (_zone: string, v1: () => Buffer, msg: DeltaMessage) => this.onDelta(z, v1(), msg);
      z.listeners.add(listener);
      this.detach.push(() => z.listeners.delete(listener));
    }
    const flushEvery = this.o.flushEveryMs ?? RECORDER_FLUSH_MS;
    const loop = () => {
      void this.flush();
      this.flushTimer = this.o.timers.setTimeout(loop, flushEvery);
    };
    this.flushTimer = this.o.timers.setTimeout(loop, flushEvery);
    const pruneLoop = () => {
      void this.pruneNow();
      this.pruneTimer = this.o.timers.setTimeout(pruneLoop, this.o.pruneEveryMs ?? PRUNE_EVERY_MS);
    };
    this.pruneTimer = this.o.timers.setTimeout(pruneLoop, this.o.pruneEveryMs ?? PRUNE_EVERY_MS);
    this.o.log?.(`recording run ${this.run}: keyframe every ${this.keyframeEveryMs / 1000} s, written every ${flushEvery} ms`);
  }

  /** A control message changed a zone: kept as an event beside the frames. */
  noteEvent(zone: string, kind: string, detail: Record<string, unknown>): void {
    this.events.push({ zone, ts: this.o.now(), kind, detail: JSON.stringify(detail) });
  }

  private onDelta(z: ZoneHost, bytes: Buffer, msg: DeltaMessage): void {
    this.frames.push({ zone: z.id, run: this.run, kind: 'delta', ts: msg.ts, seq: msg.seq, body: bytes });
    for (const e of this.detectors.get(z.id)?.delta(msg) ?? []) this.events.push({ zone: z.id, ts: e.ts, kind: e.kind, detail: JSON.stringify(e.detail) });
    for (const r of msg.sensors ?? []) {
      if (Number.isFinite(r.value)) this.readings.push({ zone: z.id, ts: Number.isFinite(r.ts) ? r.ts : msg.ts, sensor: r.id, value: r.value });
    }
    if (msg.ts - (this.lastKeyframeTs.get(z.id) ?? -Infinity) >= this.keyframeEveryMs) this.keyframe(z);
  }

  private keyframe(z: ZoneHost): void {
    const body = z.snapshotBytes();
    const head = JSON.parse(body.toString('utf8')) as SnapshotMessage;
    // The keyframe states the whole truth: the detector's baseline (no events for what it shows).
    this.detectors.get(z.id)?.snapshot(head);
    this.lastKeyframeTs.set(z.id, head.ts);
    this.frames.push({ zone: z.id, run: this.run, kind: 'keyframe', ts: head.ts, seq: head.seq, body });
  }

  /** Commits what is buffered; flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.frames.length === 0 && this.events.length === 0 && this.readings.length === 0) return;
      const { frames, events, readings } = this;
      this.frames = [];
      this.events = [];
      this.readings = [];
      try {
        await this.o.store.append(frames, events, readings);
        this.stats.framesWritten += frames.length;
        this.stats.keyframesWritten += frames.filter((f) => f.kind === 'keyframe').length;
        this.stats.eventsWritten += events.length;
        this.stats.readingsWritten += readings.length;
        this.stats.bytesHeld = await this.o.store.bytes();
        this.stats.lastFlushMs = this.o.now();
      } catch (e) {
        this.failed('write', e);
      }
    });
    return this.flushing;
  }

  async pruneNow(): Promise<void> {
    try {
      const r = await prune(this.o.store, this.o.retention, this.o.now());
      this.stats.pruned += r.byAge + r.bySize;
      this.stats.bytesHeld = await this.o.store.bytes();
    } catch (e) {
      this.failed('prune', e);
    }
  }

  private failed(what: string, e: unknown): void {
    this.stats.writeErrors++;
    const text = `recorder ${what} failed: ${e instanceof Error ? e.message : String(e)}`;
    if (text !== this.lastErrorText) this.o.log?.(text);
    this.lastErrorText = text;
  }

  health(): RecorderHealth {
    return { run: this.run, ...this.stats, pending: this.frames.length + this.events.length + this.readings.length };
  }

  /** Stops recording, commits what is buffered and closes the store. */
  async stop(): Promise<void> {
    for (const d of this.detach.splice(0)) d();
    this.o.timers.clearTimeout(this.flushTimer);
    this.o.timers.clearTimeout(this.pruneTimer);
    await this.flush();
    await this.o.store.close();
  }
}
