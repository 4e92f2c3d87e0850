/**
 * The viewer's own black box for the embedded simulator (no feed server to record it): the last
 * stretch of the stream in memory, as keyframes every `keyframeEveryMs` plus the deltas between,
 * with the events worth a tick (streamEvents.ts). It answers the same ReplayArchive queries as the
 * server's store, so one ReplayStreamer plays either.
 *
 * Memory is a fixed budget taken once: the messages are kept as UTF-8 text in one ring of
 * `budgetBytes` (default 48 MB), not as parsed objects. The deltas of each `coalesceMs` (1 s) are
 * merged into one before they are kept (mergeDeltas: the same state at the end of each second),
 * because every moving vehicle is in every delta: Jiading's 5 Hz stream is ~200 KB a delta, ~1 MB/s
 * as sent and ~200 KB/s merged. So a seek lands on whole seconds. When the ring is full the oldest
 * frames make room, a keyframe interval at a time, so what is left always starts at a keyframe;
 * `windowMs` bounds the span as well. How far back it reaches depends on the zone (measured by
 * `npm run bench -- --only replay-client`); the slider shows the range it holds. A kiosk running
 * for weeks holds the same bytes on day 30 as after the first minutes. Reading parses the frames
 * a replay needs, when it needs them.
 */
import type { DeltaEnvelope, DeltaMessage, SnapshotEnvelope, SnapshotMessage } from '../protocol/messages';
import { applyDelta, fromSnapshot, mergeDeltas, toSnapshot, type FoldedState } from './foldState';
import type { ReplayArchive, ReplayFrame, ReplayRange } from './ReplayStreamer';
import { StreamEventDetector, type StreamEvent } from './streamEvents';

export interface MemoryRecordingOptions {
  zone: string;
  windowMs?: number;
  keyframeEveryMs?: number;
  budgetBytes?: number;
  coalesceMs?: number;
  maxEvents?: number;
}

export const MEMORY_WINDOW_MS = 15 * 60_000;
export const MEMORY_BUDGET_BYTES = 48 * 1024 * 1024;
const COALESCE_MS = 1000;
const KEYFRAME_EVERY_MS = 30_000;
const MAX_EVENTS = 2000;

interface Slot {
  kind: 'keyframe' | 'delta';
  run: number;
  ts: number;
  off: number;
  len: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class MemoryRecording implements ReplayArchive {
  private readonly ring: Uint8Array;
  private slots: Slot[] = [];
  private head = 0;
  private writeAt = 0;
  private events: StreamEvent[] = [];
  private fold: FoldedState | null = null;
  private run = 0;
  private lastKeyframeTs = -Infinity;
  private readonly detector = new StreamEventDetector();
  /** Deltas of the current second, merged and kept when it is over. */
  private pending: DeltaMessage[] = [];
  /** Frames too large for the whole ring (never expected; counted, not kept). */
  oversized = 0;
  readonly windowMs: number;

  constructor(private readonly o: MemoryRecordingOptions) {
    this.windowMs = o.windowMs ?? MEMORY_WINDOW_MS;
    this.ring = new Uint8Array(o.budgetBytes ?? MEMORY_BUDGET_BYTES);
  }

  get zone(): string {
    return this.o.zone;
  }

  get frameCount(): number {
    return this.slots.length - this.head;
  }

  get budgetBytes(): number {
    return this.ring.byteLength;
  }

  /**
   * Feeds one applied message of the live stream (FeedIngest's onData): `raw` is its text as it
   * arrived, kept as is; the parsed `msg` keeps the fold (for keyframes) and the events current.
   */
  observe(kind: 'snapshot' | 'delta', msg: SnapshotEnvelope | DeltaEnvelope): void {
    if (msg.zone !== this.o.zone) return;
    if (kind === 'snapshot') {
      this.pending = [];
      // A snapshot (the first, or a resync) is the whole truth: a new run starts from it.
      this.run++;
      this.fold = fromSnapshot(msg as unknown as SnapshotMessage);
      this.detector.snapshot(msg);
      this.keyframe();
      return;
    }
    if (!this.fold) return;
    const d = msg as unknown as DeltaMessage;
    applyDelta(this.fold, d);
    this.pending.push(d);
    // A second is counted from the last frame kept, not from its own first delta (which comes a
    // tick after that frame): else a 5 Hz stream was kept every 1.2 s and a 1 Hz one every 2 s.
    const since = this.slots[this.slots.length - 1]?.ts ?? this.pending[0]!.ts;
    if (d.ts - since >= (this.o.coalesceMs ?? COALESCE_MS) - 1) this.keepPending();
    for (const e of this.detector.delta(msg)) this.events.push(e);
    const maxEvents = this.o.maxEvents ?? MAX_EVENTS;
    if (this.events.length > maxEvents) this.events.splice(0, this.events.length - maxEvents);
    if (d.ts - this.lastKeyframeTs >= (this.o.keyframeEveryMs ?? KEYFRAME_EVERY_MS)) this.keyframe();
  }

  private keepPending(): void {
    const merged = mergeDeltas(this.pending);
    this.pending = [];
    if (merged) this.write('delta', merged.ts, JSON.stringify(merged));
  }

  private keyframe(): void {
    if (this.pending.length) this.keepPending();
    const snap = toSnapshot(this.fold!);
    this.lastKeyframeTs = snap.ts;
    this.write('keyframe', snap.ts, JSON.stringify(snap));
  }

  private write(kind: Slot['kind'], ts: number, text: string): void {
    const bytes = encoder.encode(text);
    const len = bytes.byteLength;
    if (len > this.ring.byteLength) {
      this.oversized++;
      return;
    }
    if (this.writeAt + len > this.ring.byteLength) {
      // Wrapping: frames left in the tail beyond the write position are the oldest; they go first.
      while (this.head < this.slots.length && this.slots[this.head]!.off >= this.writeAt) this.head++;
      this.writeAt = 0;
    }
    const start = this.writeAt;
    const end = start + len;
    // Evict every kept frame the new one overwrites.
    while (this.head < this.slots.length) {
      const s = this.slots[this.head]!;
      if (s.off < end && start < s.off + s.len) this.head++;
      else break;
    }
    this.ring.set(bytes, start);
    this.writeAt = end;
    this.slots.push({ kind, run: this.run, ts, off: start, len });
    this.trimFront(ts);
  }

  /** The kept frames start at a keyframe and span at most the window. */
  private trimFront(newestTs: number): void {
    const cutoff = newestTs - this.windowMs;
    for (;;) {
      const first = this.slots[this.head];
      if (!first) break;
      if (first.kind !== 'keyframe') {
        this.head++;
        continue;
      }
      // Drop a whole keyframe interval when the next keyframe is itself older than the window.
      let next = this.head + 1;
      while (next < this.slots.length && this.slots[next]!.kind !== 'keyframe') next++;
      if (next < this.slots.length && this.slots[next]!.ts <= cutoff) this.head = next;
      else break;
    }
    if (this.head > 1024 && this.head * 2 > this.slots.length) {
      this.slots = this.slots.slice(this.head);
      this.head = 0;
    }
    const firstTs = this.slots[this.head]?.ts;
    if (firstTs === undefined) return;
    let e = 0;
    while (e < this.events.length && this.events[e]!.ts < firstTs) e++;
    if (e > 0) this.events.splice(0, e);
  }

  private read(s: Slot): ReplayFrame {
    const msg = JSON.parse(decoder.decode(this.ring.subarray(s.off, s.off + s.len))) as SnapshotMessage | DeltaMessage;
    return { kind: s.kind, run: s.run, ts: s.ts, msg };
  }

  async range(): Promise<ReplayRange | null> {
    return this.rangeNow();
  }

  rangeNow(): ReplayRange | null {
    const first = this.slots[this.head];
    const last = this.slots[this.slots.length - 1];
    return first && last ? { fromTs: first.ts, toTs: last.ts } : null;
  }

  async stateAt(_zone: string, ts: number): Promise<{ snapshot: SnapshotMessage; run: number } | null> {
    let k = -1;
    for (let i = this.upperBound(ts) - 1; i >= this.head; i--) {
      if (this.slots[i]!.kind === 'keyframe') {
        k = i;
        break;
      }
    }
    if (k < 0) return null;
    const kf = this.slots[k]!;
    const state = fromSnapshot(this.read(kf).msg as SnapshotMessage);
    for (let i = k + 1; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (s.ts > ts) break;
      if (s.kind === 'delta' && s.run === kf.run) applyDelta(state, this.read(s).msg as DeltaMessage);
    }
    return { snapshot: toSnapshot(state), run: kf.run };
  }

  async framesAfter(_zone: string, afterTs: number, toTs: number, limit: number): Promise<ReplayFrame[]> {
    const out: ReplayFrame[] = [];
    for (let i = this.upperBound(afterTs); i < this.slots.length && out.length < limit; i++) {
      const s = this.slots[i]!;
      if (s.ts > toTs) break;
      out.push(this.read(s));
    }
    return out;
  }

  /** Events with fromTs <= ts <= toTs. */
  eventsBetween(fromTs: number, toTs: number): StreamEvent[] {
    return this.events.filter((e) => e.ts >= fromTs && e.ts <= toTs);
  }

  /** Index of the first kept frame with ts > t (frames are in time order). */
  private upperBound(t: number): number {
    let lo = this.head, hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.slots[mid]!.ts <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.pending = [];
    this.slots = [];
    this.head = 0;
    this.writeAt = 0;
    this.events = [];
    this.fold = null;
    this.lastKeyframeTs = -Infinity;
  }
}
