/**
 * Plays one recorded stretch of a zone's stream to one client, paced at `speed`: the state at
 * `from` as a snapshot, then the recorded deltas as their time comes. The same code serves the
 * feed server (over its RecordingStore) and the viewer's in-memory recording of the embedded
 * simulator, so both speak the protocol of docs/feed-protocol.md "Replay and history" alike.
 *
 * Pacing: every `tickMs` of wall time the cursor advances by `tickMs × speed` of recorded time and
 * the deltas it passed go out merged into one (mergeDeltas), so a 60× replay sends 10 messages a
 * second, not 300. Replayed messages are numbered afresh from 0 (a recording spans server
 * restarts, whose own numbers restart), and a keyframe from a later run is sent as a snapshot:
 * that run's simulator started over.
 */
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { DeltaMessage, ReplayEndReason, SnapshotMessage } from '../protocol/messages';
import type { Timers } from '../sources/FeedSource';
import { mergeDeltas } from './foldState';

export interface ReplayRange {
  fromTs: number;
  toTs: number;
}

export interface ReplayFrame {
  kind: 'keyframe' | 'delta';
  run: number;
  ts: number;
  msg: SnapshotMessage | DeltaMessage;
}

/** What a replay reads: the recorded range, a folded state, and frames in time order. */
export interface ReplayArchive {
  range(zone: string): Promise<ReplayRange | null>;
  /** The state at `ts` (keyframe + deltas folded), and the run it belongs to. */
  stateAt(zone: string, ts: number): Promise<{ snapshot: SnapshotMessage; run: number } | null>;
  /** Frames (keyframes included) with afterTs < ts <= toTs, in time order, at most `limit`. */
  framesAfter(zone: string, afterTs: number, toTs: number, limit: number): Promise<ReplayFrame[]>;
}

export interface ReplayRequestLike {
  id: number;
  from: number;
  to?: number | undefined;
  speed: number;
}

export interface ReplayStreamerOptions {
  archive: ReplayArchive;
  zone: string;
  request: ReplayRequestLike;
  /** Sends one protocol message (the server serialises it; the viewer enqueues its JSON). */
  send(msg: object): void;
  now: () => number;
  timers: Timers;
  tickMs?: number;
  /** Frames read per tick; a slower tick is caught up on the next one. */
  maxFramesPerTick?: number;
  /**
   * Backpressure: while false, ticks send nothing and the cursor's deltas wait; the next tick that
   * may send merges them into one message, so a slow client costs one state's worth, not a backlog.
   */
  canSend?(): boolean;
  /** Called once when the replay ends, for any reason. */
  onEnd?(reason: ReplayEndReason): void;
}

export const REPLAY_TICK_MS = 100;
const MAX_FRAMES_PER_TICK = 2000;

export class ReplayStreamer {
  private timer: unknown = null;
  private seq = 0;
  private run = -1;
  private sentTs = 0;
  private startWall = 0;
  private from = 0;
  /** The end of the replay, clamped to what was recorded when it started; null: on to the live end. */
  private to: number | null = null;
  /** The newest recorded moment known: everything up to it is in the archive. */
  private liveEnd = 0;
  private busy = false;
  private ended = false;

  constructor(private readonly o: ReplayStreamerOptions) {}

  get done(): boolean {
    return this.ended;
  }

  /** Where the replay has got to (recorded ms), for health and tests. */
  get cursorTs(): number {
    return this.sentTs;
  }

  async start(): Promise<void> {
    const { archive, zone, request } = this.o;
    let range: ReplayRange | null;
    try {
      range = await archive.range(zone);
    } catch (e) {
      return this.end('error', null, (e as Error).message);
    }
    if (this.ended) return;
    if (!range) return this.end('no-recording', null, `nothing is recorded for zone "${zone}"`);
    const from = Math.min(Math.max(request.from, range.fromTs), range.toTs);
    let state: { snapshot: SnapshotMessage; run: number } | null;
    try {
      state = await archive.stateAt(zone, from);
    } catch (e) {
      return this.end('error', null, (e as Error).message);
    }
    if (this.ended) return;
    if (!state) return this.end('no-recording', null, `no keyframe at or before ${new Date(from).toISOString()}`);
    const to = request.to === undefined ? null : Math.max(from, Math.min(request.to, range.toTs));
    this.from = from;
    this.to = to;
    this.sentTs = from;
    this.run = state.run;
    this.liveEnd = range.toTs;
    this.o.send({ v: PROTOCOL_VERSION, type: 'replay-start', zone, id: request.id, from, to, speed: request.speed, range });
    this.o.send({ ...state.snapshot, ts: Math.max(state.snapshot.ts, 0), seq: this.seq++ });
    if (to !== null && to <= from) return this.end('reached-to', from);
    this.startWall = this.o.now();
    this.schedule();
  }

  /** Ends the replay now (the client asked, left, or started another one). */
  stop(): void {
    // Stopped before it started (sentTs still 0): no replayed moment to name.
    if (!this.ended) this.end('stopped', this.sentTs > 0 ? this.sentTs : null);
  }

  private schedule(): void {
    this.timer = this.o.timers.setTimeout(() => void this.tick(), this.o.tickMs ?? REPLAY_TICK_MS);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.ended || this.busy) return;
    this.busy = true;
    try {
      await this.step();
    } catch (e) {
      this.end('error', this.sentTs, (e as Error).message);
    } finally {
      this.busy = false;
    }
    if (!this.ended) this.schedule();
  }

  private async step(): Promise<void> {
    const { archive, zone, request } = this.o;
    if (this.o.canSend && !this.o.canSend()) return;
    const wall = this.o.now();
    const toLive = this.to === null;
    const cursor = Math.min(this.to ?? Infinity, this.from + (wall - this.startWall) * request.speed);
    if (toLive && cursor > this.liveEnd) {
      const r = await archive.range(zone);
      if (this.ended) return;
      if (r) this.liveEnd = Math.max(this.liveEnd, r.toTs);
    }
    // Never past what is recorded: frames still being written (the recorder commits every 250 ms)
    // would otherwise be skipped by a replay that runs at 1× just behind the live end.
    const upTo = toLive ? Math.min(cursor, this.liveEnd) : cursor;
    const limit = this.o.maxFramesPerTick ?? MAX_FRAMES_PER_TICK;
    let frames = await archive.framesAfter(zone, this.sentTs, upTo, limit);
    if (this.ended) return;
    const full = frames.length >= limit;
    if (full) {
      // More are due at this cursor: the next tick takes up after the last whole moment read, so
      // frames sharing the page's last timestamp are not lost.
      const lastTs = frames[frames.length - 1]!.ts;
      const cut = frames.findIndex((f) => f.ts === lastTs);
      if (cut > 0) frames = frames.slice(0, cut);
    }
    let pending: DeltaMessage[] = [];
    const flush = () => {
      const merged = mergeDeltas(pending);
      pending = [];
      if (merged) this.o.send({ ...merged, seq: this.seq++ });
    };
    for (const f of frames) {
      if (f.kind === 'keyframe') {
        if (f.run !== this.run) {
          flush();
          this.run = f.run;
          this.o.send({ ...f.msg, seq: this.seq++ });
        }
      } else if (f.run === this.run) {
        pending.push(f.msg as DeltaMessage);
      }
    }
    flush();
    if (full) {
      this.sentTs = frames[frames.length - 1]!.ts;
      return;
    }
    this.sentTs = Math.max(this.sentTs, upTo);
    if (!toLive && cursor >= this.to!) return this.end('reached-to', this.sentTs);
    // Caught up with what is being recorded: the client goes back to live. At 1× a replay stays
    // as far behind the live end as it started, so it plays on until stopped.
    if (toLive && cursor >= this.liveEnd && request.speed > 1) this.end('reached-live', this.sentTs);
  }

  private end(reason: ReplayEndReason, ts: number | null, message?: string): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer !== null) this.o.timers.clearTimeout(this.timer);
    this.timer = null;
    this.o.send({ v: PROTOCOL_VERSION, type: 'replay-end', zone: this.o.zone, id: this.o.request.id, reason, ts, ...(message ? { message: message.slice(0, 300) } : {}) });
    this.o.onEnd?.(reason);
  }
}
