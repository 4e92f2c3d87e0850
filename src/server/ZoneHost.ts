/**
 * One simulated zone on the server: a SimDriver ticked at the delta rate. Each delta is serialised
 * at most once and the same bytes go to every subscriber; the v1 JSON only when some listener asks
 * for it (at 50k vehicles it is ~50 ms a tick that a v2-only server need not spend); snapshots are
 * built lazily and cached per tick.
 *
 * Protocol v2 (binary, src/feed/protocol/v2): one ZoneEncoderV2 per zone. Its dictionaries must see
 * every delta in stream order, so encoding is switched on by the first v2 subscriber and from then
 * on every delta is encoded, once, whoever is subscribed. Starting late is sound: a v2 subscriber
 * always starts from a v2 snapshot, which carries the def of every live entry, and the deltas after
 * it are encoded by the same encoder. Until a v2 client appears, a v1-only server pays nothing.
 */
import type { EnuFrame } from '../core/geodesy';
import type { SimDriver } from '../feed/producer/SimDriver';
import type { DeltaMessage, SnapshotMessage } from '../feed/protocol/messages';
import { ZoneEncoderV2 } from '../feed/protocol/v2/ZoneEncoderV2';
import type { Timers } from '../feed/sources/FeedSource';

/**
 * `v1`: the delta as v1 JSON bytes, serialised on the first call and shared by every later one.
 * `v2`: the delta as a v2 frame; undefined while no v2 client ever subscribed, null when the
 * encoder failed on this delta (v2 subscribers must then resync from a snapshot).
 */
export type DeltaListener = (zone: string, v1: () => Buffer, msg: DeltaMessage, v2?: Uint8Array | null) => void;

export interface ZoneV2Counters {
  /** Deltas and snapshots encoded to v2. */
  framesEncoded: number;
  /** Encoder exceptions (each one restarts the encoder; its v2 subscribers resync). */
  encodeErrors: number;
  /** Entities the encoder left out because they broke a v1 rule. */
  entitiesSkipped: number;
  /** Running mean of the v2 encode time of a delta, ms. */
  encodeMsAvg: number;
}

export class ZoneHost {
  readonly listeners = new Set<DeltaListener>();
  ticks = 0;
  /** Mean wall time of a tick (simulate + serialise), ms. */
  tickMsAvg = 0;
  /** Size of the last delta serialised to v1 (stays 0 while nothing consumes v1). */
  lastDeltaBytes = 0;
  lastDeltaBytesV2 = 0;
  readonly v2: ZoneV2Counters = { framesEncoded: 0, encodeErrors: 0, entitiesSkipped: 0, encodeMsAvg: 0 };
  private timer: unknown = null;
  private snapshotMsg: { tick: number; msg: SnapshotMessage } | null = null;
  private snapshotCache: { tick: number; bytes: Buffer } | null = null;
  private snapshotCacheV2: { tick: number; bytes: Uint8Array | null; encoder: ZoneEncoderV2 } | null = null;
  private encoder: ZoneEncoderV2 | null = null;

  /** `frame`: the zone's ENU frame, needed for v2; without it the zone serves v1 only. */
  constructor(
    readonly id: string, readonly driver: SimDriver, private readonly rateHz: number, private readonly clock: () => number,
    readonly frame: EnuFrame | null = null, private readonly log?: (line: string) => void,
  ) {}

  /** Whether this zone can send v2 frames at all. */
  get v2Capable(): boolean {
    return this.frame !== null;
  }

  /** Whether deltas are being encoded to v2 (a v2 client subscribed at some point). */
  get v2Active(): boolean {
    return this.encoder !== null;
  }

  /** Starts v2 encoding (idempotent); false when the zone has no frame to encode against. */
  enableV2(): boolean {
    if (!this.frame) return false;
    this.encoder ??= new ZoneEncoderV2(this.id, this.frame);
    return true;
  }

  /**
   * Ticks on a deadline schedule rather than setInterval: a tick that runs late (a busy host) is
   * followed by a shorter wait, so the delta rate holds on average; after a long stall the
   * schedule restarts instead of bursting to catch up.
   */
  start(timers: Timers): void {
    const period = 1000 / this.rateHz;
    let due = this.clock() + period;
    let stopped = false;
    const loop = () => {
      if (stopped) return;
      this.tick();
      const now = this.clock();
      due += period;
      if (now - due > period) due = now + period;
      // At least half a period apart: a back-to-back tick would advance the simulation by almost
      // nothing and send an empty delta.
      this.timer = timers.setTimeout(loop, Math.max(period / 2, due - now));
    };
    // The first tick goes out like any other: a client that subscribed before it (the server
    // listens first) holds a snapshot whose seq this delta continues, which a v2 decoder requires.
    this.tick();
    this.timer = timers.setTimeout(loop, period);
    this.stopTimers = () => {
      stopped = true;
      timers.clearTimeout(this.timer);
    };
  }

  stop(): void {
    this.stopTimers();
    this.timer = null;
  }

  /** Runs one tick now (also used by tests and benchmarks without timers). */
  tick(): void {
    const t0 = this.clock();
    const delta = this.driver.tick();
    this.ticks++;
    if (delta) {
      let bytes: Buffer | null = null;
      const v1 = (): Buffer => {
        if (!bytes) {
          bytes = Buffer.from(JSON.stringify(delta));
          this.lastDeltaBytes = bytes.length;
        }
        return bytes;
      };
      const v2 = this.encoder ? this.encodeV2(delta) : undefined;
      for (const l of this.listeners) l(this.id, v1, delta, v2);
    }
    this.tickMsAvg += (this.clock() - t0 - this.tickMsAvg) * 0.05;
  }

  /** The zone's state now as a v1 message, shared by both encodings within a tick. */
  snapshot(): SnapshotMessage {
    if (this.snapshotMsg && this.snapshotMsg.tick === this.ticks) return this.snapshotMsg.msg;
    const msg = this.driver.snapshot();
    this.snapshotMsg = { tick: this.ticks, msg };
    return msg;
  }

  snapshotBytes(): Buffer {
    if (this.snapshotCache && this.snapshotCache.tick === this.ticks) return this.snapshotCache.bytes;
    const bytes = Buffer.from(JSON.stringify(this.snapshot()));
    this.snapshotCache = { tick: this.ticks, bytes };
    return bytes;
  }

  /**
   * The state now as a v2 snapshot frame (enables v2), cached per tick; null when the zone has no
   * frame or the encoder failed (the caller keeps the client behind and tries again next tick).
   */
  snapshotBytesV2(): Uint8Array | null {
    if (!this.enableV2()) return null;
    const c = this.snapshotCacheV2;
    if (c && c.tick === this.ticks && c.encoder === this.encoder) return c.bytes;
    const encoder = this.encoder!;
    let bytes: Uint8Array | null = null;
    try {
      bytes = this.counted(encoder, () => encoder.encodeSnapshot(this.snapshot()));
    } catch (e) {
      // Nothing was committed (a snapshot never broadcasts nor frees), so the encoder stays.
      this.encoderFailed('snapshot', e, false);
    }
    this.snapshotCacheV2 = { tick: this.ticks, bytes, encoder };
    return bytes;
  }

  private encodeV2(delta: DeltaMessage): Uint8Array | null {
    const encoder = this.encoder!;
    const t0 = performance.now();
    try {
      const out = this.counted(encoder, () => encoder.encodeDelta(delta));
      this.lastDeltaBytesV2 = out.byteLength;
      this.v2.encodeMsAvg += (performance.now() - t0 - this.v2.encodeMsAvg) * 0.05;
      return out;
    } catch (e) {
      this.encoderFailed(`delta ${delta.seq}`, e, true);
      return null;
    }
  }

  private counted(encoder: ZoneEncoderV2, encode: () => Uint8Array): Uint8Array {
    const skippedBefore = encoder.skipped;
    const out = encode();
    this.v2.framesEncoded++;
    this.v2.entitiesSkipped += encoder.skipped - skippedBefore;
    return out;
  }

  /**
   * A delta that throws may leave the dictionaries half-updated (indices assigned, removals not
   * released), so the encoder is replaced: its v2 subscribers all got `null` for this delta and
   * resync from a snapshot of the new one.
   */
  private encoderFailed(what: string, e: unknown, replace: boolean): void {
    this.v2.encodeErrors++;
    this.log?.(`v2 encoder (${this.id}): ${what} failed: ${String((e as Error)?.message ?? e).slice(0, 200)}; v2 subscribers resync`);
    if (replace) this.encoder = new ZoneEncoderV2(this.id, this.frame!);
  }

  private stopTimers: () => void = () => {};
}
