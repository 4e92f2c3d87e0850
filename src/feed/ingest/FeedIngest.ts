/**
 * Batched feed ingest. Transports only enqueue raw frames (cheap, bounded); `flush(nowMs)`, called
 * at most once per animation frame, decodes, validates and applies them into typed buffers. Every
 * rejected message or entity is counted by reason; nothing non-finite is ever written to a buffer.
 *
 * Two encodings arrive, in any mix: v1 JSON text (or MQTT bytes, UTF-8 JSON) and v2 binary frames
 * (bytes opening with "STF2", or any WebSocket ArrayBuffer), decoded here by the ingest's own
 * FrameDecoderV2, or already decoded by the network worker (frameV2). A v2 frame leads to the
 * same state as the v1 message it encodes. MQTT v2 frames come tagged with their stream
 * (enqueueStream): each stream has its own decoder, seq and snapshots (StreamReceiverV2), and
 * V2FrameApplier keeps track of which stream speaks for each vehicle.
 */
import type { EnuFrame } from '../../core/geodesy';
import { DROP_REASONS, type DropReason } from '../protocol/dropReasons';
import { catalogueSchema } from '../protocol/entities';
import { decodeMqtt, decodeServerText, type Decoded } from '../protocol/decode';
import { DEFAULT_TOPIC_PREFIX, MAX_MESSAGE_CHARS } from '../protocol/limits';
import { FrameDecoderV2 } from '../protocol/v2/FrameDecoderV2';
import { MAGIC, MAX_V2_FRAME_BYTES } from '../protocol/v2/layout';
import { decodedToV1 } from '../protocol/v2/toV1';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import type { DeltaEnvelope, ReplayStartMessage, SnapshotEnvelope } from '../protocol/messages';
import { applyCatalogue } from './catalogue';
import { ClockOffset } from './ClockOffset';
import type { BusLineEntry, BusStopEntry, IncidentEntry, SegmentEntry, SignalEntry } from './entities';
import { EntityApplier, type EntityKind } from './EntityApplier';
import { EntityTable } from './EntityTable';
import type { IngestListeners, IngestOptions } from './ingestOptions';
import { RateMeter } from './RateMeter';
import { SensorBuffer } from './SensorBuffer';
import { decodeStatusV2 } from './statusV2';
import { StreamReceiverV2 } from './StreamReceiverV2';
import { V2FrameApplier, type StreamOrigin } from './V2FrameApplier';
import { VehicleBuffer } from './VehicleBuffer';

export type { IngestListeners, IngestOptions } from './ingestOptions';

interface Queued {
  raw: unknown;
  recvMs: number;
  topic: string | undefined;
  size: number;
  /** A v2 frame already decoded (by the network worker). */
  decoded?: DecodedFrameV2;
  /** MQTT v2: the stream a frame came on. */
  from?: StreamOrigin;
  /** MQTT v2: the status document, or the start of a new broker session (ordered with the frames). */
  control?: 'status' | 'session';
}

/** v2 bytes: a WebSocket binary frame (our server sends only v2 as binary), or bytes with the magic. */
function isV2Bytes(raw: unknown, topic: string | undefined): raw is ArrayBuffer | Uint8Array {
  if (topic !== undefined) return false;
  if (raw instanceof ArrayBuffer) return true;
  if (!(raw instanceof Uint8Array) || raw.byteLength < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (raw[i] !== MAGIC[i]) return false;
  return true;
}

const DEFAULT_MAX_AGE: Record<EntityKind, number> = {
  vehicle: 120_000, signal: 120_000, segment: 3_600_000, sensor: 86_400_000, incident: 7 * 86_400_000,
};
/** Resolved incidents stay visible this long, then leave the table. */
const RESOLVED_INCIDENT_LINGER_MS = 120_000;

/** Gate value after a replay ended: nothing is applied until the next awaited replay-start. */
const REPLAY_ENDED = -1;

const utf8 = new TextDecoder('utf-8', { fatal: false });

export class FeedIngest {
  readonly vehicles: VehicleBuffer;
  readonly sensors = new SensorBuffer();
  readonly signals = new EntityTable<SignalEntry>();
  readonly segments = new EntityTable<SegmentEntry>();
  readonly incidents = new EntityTable<IncidentEntry>();
  readonly lines = new Map<string, BusLineEntry>();
  readonly stops = new Map<string, BusStopEntry>();
  readonly clock = new ClockOffset();
  readonly drops = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  readonly listeners: IngestListeners = {};
  lastDrop: { reason: DropReason; detail: string; atMs: number } | null = null;
  /** Client-clock time the last raw message arrived. */
  lastMessageAtMs: number | null = null;
  received = 0;
  simMs: number | null = null;
  timeScale = 1;
  heartbeatMs: number | null = null;
  publisherOnline: boolean | null = null;
  /** Message time of the newest snapshot or delta applied. */
  lastDataTs: number | null = null;
  /** Replay only: the request whose replay-start is awaited; data before it belongs to an older one. */
  private replayGate: number | null = null;
  private replayRate = 0;
  /** The replay whose frames are being applied. */
  private replayId = -1;
  private readonly rate = new RateMeter();
  private queue: Queued[] = [];
  private head = 0;
  private queuedChars = 0;
  private lastSeq: number | null = null;
  private lastAgeMs = -Infinity;
  private readonly o: Required<Omit<IngestOptions, 'maxAgeMs' | 'replay' | 'maxVehicles'>> & { replay: boolean; maxAgeMs: Record<EntityKind, number> };
  private readonly applier: EntityApplier;
  private readonly v2: V2FrameApplier;
  /** Created on the first v2 frame; its dictionaries live as long as one connection's stream. */
  private decoderV2: FrameDecoderV2 | null = null;
  /** MQTT v2: one decoder per stream; created when the first stream frame is queued. */
  private streamsV2: StreamReceiverV2 | null = null;

  constructor(opts: IngestOptions) {
    this.o = {
      topicPrefix: DEFAULT_TOPIC_PREFIX, maxMessageChars: MAX_MESSAGE_CHARS, maxQueued: 20_000, maxQueuedChars: 32_000_000,
      vehicleStaleMs: 5_000, vehicleEvictMs: 60_000, signalStaleMs: 15_000, segmentStaleMs: 180_000, futureToleranceMs: 60_000,
      maxDistanceM: 100_000, ageEveryMs: 250, ...opts, replay: opts.replay ?? false, maxAgeMs: { ...DEFAULT_MAX_AGE, ...opts.maxAgeMs },
    };
    this.vehicles = new VehicleBuffer(1024, opts.maxVehicles);
    this.applier = new EntityApplier({
      frame: this.o.frame, futureToleranceMs: this.o.futureToleranceMs, maxAgeMs: this.o.maxAgeMs, maxDistanceM: this.o.maxDistanceM,
      vehicles: this.vehicles, sensors: this.sensors, signals: this.signals, segments: this.segments, incidents: this.incidents,
      drop: (reason, detail) => this.drop(reason, detail),
    });
    this.v2 = new V2FrameApplier({
      frame: this.o.frame, clock: this.clock, vehicles: this.vehicles, sensors: this.sensors, signals: this.signals, segments: this.segments,
      incidents: this.incidents, lines: this.lines, stops: this.stops, applier: this.applier, drop: (reason, detail) => this.drop(reason, detail),
    });
  }

  get zone(): string {
    return this.o.zone;
  }

  get frame(): EnuFrame {
    return this.o.frame;
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  get dropsTotal(): number {
    let n = 0;
    for (const r of DROP_REASONS) n += this.drops[r];
    return n;
  }

  messagesPerSecond(nowMs: number): number {
    return this.rate.rate(nowMs);
  }

  /**
   * Queues a raw frame: a string (WebSocket, worker), bytes (MQTT, v1 JSON) or a v2 binary frame
   * (ArrayBuffer, or bytes opening with the magic). Oversized frames (v1's character limit, v2's
   * 10 MB) are dropped here, before they are held or parsed; when the queue is full the oldest
   * frame makes room.
   */
  enqueue(raw: unknown, recvMs: number, topic?: string): void {
    this.noteArrival(recvMs);
    const v2 = isV2Bytes(raw, topic);
    const size = typeof raw === 'string' ? raw.length : raw instanceof Uint8Array || raw instanceof ArrayBuffer ? raw.byteLength : 0;
    const max = v2 ? MAX_V2_FRAME_BYTES : this.o.maxMessageChars;
    if (size > max) return this.drop('too-large', `${size} > ${max}`);
    this.push({ raw, recvMs, topic, size });
  }

  /** Queues a v2 frame the network worker decoded (and validated) already. */
  frameV2(frame: DecodedFrameV2, recvMs: number): void {
    this.noteArrival(recvMs);
    this.push({ raw: null, recvMs, topic: undefined, size: frame.byteLength, decoded: frame });
  }

  /**
   * Queues an MQTT v2 frame from stream `stream` (a cell `e<i>n<j>` or `all`); `ordered` when it
   * came on the stream's delta topic, false for the retained copy on its snapshot topic.
   */
  enqueueStream(raw: Uint8Array, recvMs: number, stream: string, ordered: boolean): void {
    this.noteArrival(recvMs);
    if (raw.byteLength > MAX_V2_FRAME_BYTES) return this.drop('too-large', `${stream}: ${raw.byteLength} > ${MAX_V2_FRAME_BYTES}`);
    this.streamsV2 ??= new StreamReceiverV2(this.o.zone, this.o.frame);
    this.push({ raw, recvMs, topic: undefined, size: raw.byteLength, from: { stream, ordered } });
  }

  /** Queues the MQTT v2 tree's status document. */
  enqueueStatusV2(raw: Uint8Array, recvMs: number): void {
    this.noteArrival(recvMs);
    this.push({ raw, recvMs, topic: undefined, size: raw.byteLength, control: 'status' });
  }

  /** The network worker could not decode a v2 frame: counted like one that failed here. */
  frameRejectedV2(reason: DropReason, detail: string, recvMs: number): void {
    this.noteArrival(recvMs);
    this.rejectV2(reason, detail);
  }

  private noteArrival(recvMs: number): void {
    this.received++;
    this.lastMessageAtMs = recvMs;
    this.sensors.noteListening(recvMs);
    this.rate.add(recvMs);
  }

  private push(item: Queued): void {
    this.queue.push(item);
    this.queuedChars += item.size;
    let overflowed = 0;
    while (this.queued > this.o.maxQueued || (this.queuedChars > this.o.maxQueuedChars && this.queued > 1)) {
      const old = this.queue[this.head]!;
      this.queue[this.head++] = undefined as unknown as Queued;
      this.queuedChars -= old.size;
      overflowed++;
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (overflowed > 0) {
      this.drop('backlog', 'ingest queue full', overflowed);
      this.listeners.onResyncNeeded?.('backlog');
    }
  }

  /** Applies everything queued; call from the frame loop. Returns the number of frames processed. */
  flush(nowMs: number): number {
    const q = this.queue;
    const end = q.length;
    let n = 0;
    for (let i = this.head; i < end; i++) {
      const item = q[i]!;
      this.process(item);
      n++;
    }
    this.queue = [];
    this.head = 0;
    this.queuedChars = 0;
    if (nowMs - this.lastAgeMs >= this.o.ageEveryMs) {
      this.lastAgeMs = nowMs;
      this.age(this.clock.serverNow(nowMs), nowMs);
    }
    return n;
  }

  /** Applies a catalogue supplied by the scene file (untrusted like any input). */
  applySceneCatalogue(raw: unknown): string | null {
    const r = catalogueSchema.safeParse(raw);
    if (!r.success) return r.error.issues[0]?.message ?? 'invalid catalogue';
    applyCatalogue(r.data, this.o.frame, this.sensors, this.lines, this.stops);
    return null;
  }

  /** Forgets all state (zone switch). Counters are kept: they describe the session. */
  reset(): void {
    this.queue = [];
    this.head = 0;
    this.queuedChars = 0;
    this.vehicles.clear();
    this.sensors.clear();
    this.signals.clear();
    this.segments.clear();
    this.incidents.clear();
    this.lines.clear();
    this.stops.clear();
    this.lastSeq = null;
    this.decoderV2?.reset();
    this.streamsV2?.reset();
    this.v2.owners.clear();
    this.clock.reset();
  }

  /**
   * Replay: data frames are ignored until the `replay-start` of request `id` arrives, which then
   * clears the entities (the catalogue stays): what follows is the state at its `from`.
   */
  expectReplay(id: number): void {
    this.replayGate = id;
  }

  /** The request a replay ingest waits for, or null when its stream is current. */
  get awaitingReplay(): number | null {
    return this.replayGate === REPLAY_ENDED ? null : this.replayGate;
  }

  private startReplay(msg: ReplayStartMessage): void {
    if (this.replayGate !== null && msg.id !== this.replayGate) return;
    this.replayGate = null;
    this.replayId = msg.id;
    this.vehicles.clear();
    this.sensors.forgetReadings();
    this.signals.clear();
    this.segments.clear();
    this.incidents.clear();
    this.lastSeq = null;
    this.decoderV2?.reset();
    this.clock.reset();
    // A seek (to = from) shows one moment: its clock stands still from the start.
    this.replayRate = msg.to !== null && msg.to <= msg.from ? 0 : msg.speed;
  }

  /**
   * A new connection starts a new stream: sequence numbers and clock samples restart. MQTT v2
   * streams restart in queue order, after the old session's frames still queued. Vehicle owners
   * stay: each stream's first snapshot of the new session then removes what it no longer holds.
   */
  onReconnected(): void {
    this.lastSeq = null;
    this.decoderV2?.reset();
    if (this.streamsV2) this.push({ raw: null, recvMs: this.lastMessageAtMs ?? 0, topic: undefined, size: 0, control: 'session' });
    this.clock.reset();
    this.sensors.restartListening();
  }

  private process(item: Queued): void {
    if (item.decoded) return this.applyV2(item.decoded, item.recvMs);
    if (item.from || item.control) return this.processMqttV2(item);
    let raw = item.raw;
    if (isV2Bytes(raw, item.topic)) {
      this.decoderV2 ??= new FrameDecoderV2(this.o.zone, this.o.frame);
      const r = this.decoderV2.decode(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
      if (r.ok) this.applyV2(r.frame, item.recvMs);
      else this.rejectV2(r.reason, r.detail);
      return;
    }
    if (raw instanceof Uint8Array) raw = utf8.decode(raw);
    const r = item.topic !== undefined ? decodeMqtt(item.topic, raw, this.o.topicPrefix, this.o.maxMessageChars) : decodeServerText(raw, this.o.maxMessageChars);
    if (!r.ok) {
      this.drop(r.reason, r.detail);
      return;
    }
    this.apply(r.value, item.recvMs);
  }

  private apply(d: Decoded, recvMs: number): void {
    switch (d.kind) {
      case 'hello':
        this.heartbeatMs = d.msg.heartbeatMs;
        this.clock.addOneWay(d.msg.ts, recvMs);
        this.listeners.onHello?.(d.msg);
        return;
      case 'heartbeat':
        this.clock.addOneWay(d.msg.ts, recvMs);
        return;
      case 'pong':
        this.clock.addRoundTrip(d.msg.clientTs, d.msg.ts, recvMs);
        return;
      case 'error':
        this.listeners.onServerError?.(d.msg);
        return;
      case 'auth-ok':
        this.listeners.onAuthOk?.(d.msg);
        return;
      case 'wall':
        this.listeners.onWall?.(d.msg);
        return;
      case 'status':
        this.publisherOnline = d.msg.state === 'online';
        return;
      case 'replay':
        if (this.o.replay) {
          if (d.msg.type === 'replay-start') this.startReplay(d.msg);
          else if (this.replayGate === null && d.msg.id === this.replayId) {
            // Paused at the end: the clock stops where the data stopped, and what the server sends
            // after a replay (the live snapshot it resumes with) is not part of it.
            this.replayRate = 0;
            if (this.lastDataTs !== null) this.clock.pin(this.lastDataTs, recvMs, 0);
            this.replayGate = REPLAY_ENDED;
          }
        }
        this.listeners.onReplay?.(d.msg);
        return;
      case 'history':
        this.listeners.onHistory?.(d.msg);
        return;
      case 'catalogue':
        if (d.zone !== this.o.zone) this.drop('wrong-zone', d.zone);
        else applyCatalogue(d.catalogue, this.o.frame, this.sensors, this.lines, this.stops);
        return;
      case 'snapshot':
        if (this.o.replay && !this.replayTime(d.msg.ts, recvMs)) return;
        this.applySnapshot(d.msg, recvMs);
        this.lastDataTs = d.msg.ts;
        this.listeners.onData?.('snapshot', d.msg);
        return;
      case 'delta':
        if (this.o.replay && !this.replayTime(d.msg.ts, recvMs)) return;
        this.applyDelta(d.msg, d.sequenced, recvMs);
        this.lastDataTs = Math.max(this.lastDataTs ?? d.msg.ts, d.msg.ts);
        this.listeners.onData?.('delta', d.msg);
        return;
      case 'ignored':
        return;
    }
  }

  private processMqttV2(item: Queued): void {
    if (item.control === 'session') return this.streamsV2?.reset();
    if (item.control === 'status') {
      const r = decodeStatusV2(item.raw, this.o.maxMessageChars);
      if (!r.ok) this.drop(r.reason, `status: ${r.detail}`);
      else if (r.msg) this.publisherOnline = r.msg.state === 'online';
      return;
    }
    const from = item.from!;
    const r = this.streamsV2!.receive(from.stream, item.raw as Uint8Array, from.ordered);
    if (!r.ok) this.rejectV2(r.reason, r.detail);
    else if (!r.repeat) this.applyV2(r.frame, item.recvMs, from);
  }

  private rejectV2(reason: DropReason, detail: string): void {
    this.drop(reason, detail);
    // The decoder's dictionaries no longer match the server's: only a fresh snapshot helps.
    if (reason === 'inconsistent') this.listeners.onResyncNeeded?.(detail);
  }

  /**
   * A v2 frame, by the same rules (and in the same order) as a v1 snapshot or sequenced delta. An
   * MQTT v2 stream's seq is its own, not the zone's; and a retained copy, older than what other
   * streams delivered, must not turn the simulated clock back.
   */
  private applyV2(f: DecodedFrameV2, recvMs: number, from?: StreamOrigin): void {
    if (this.o.replay && !this.replayTime(f.ts, recvMs)) return;
    if (f.zone !== this.o.zone) return this.drop('wrong-zone', f.zone);
    const newest = this.lastDataTs === null || f.ts >= this.lastDataTs;
    this.v2.apply(f, recvMs, from);
    if (from) this.lastDataTs = Math.max(this.lastDataTs ?? f.ts, f.ts);
    else if (f.kind === 'snapshot') {
      this.lastSeq = f.seq;
      this.lastDataTs = f.ts;
    } else {
      if (this.lastSeq === null || f.seq > this.lastSeq) this.lastSeq = f.seq;
      this.lastDataTs = Math.max(this.lastDataTs ?? f.ts, f.ts);
    }
    if (!from || newest) this.noteSim(f.simMs, f.timeScale);
    // Only the embedded simulator's recording listens; it keeps a zone's v1 messages, which no stream's frame is.
    if (this.listeners.onData && !from) {
      const m = decodedToV1(f, this.o.frame);
      if (m.type === 'snapshot') this.listeners.onData('snapshot', m);
      else this.listeners.onData('delta', m);
    }
  }

  /** Replay: false while an older request's frames drain; else pins the clock to this frame. */
  private replayTime(ts: number, recvMs: number): boolean {
    if (this.replayGate !== null) return false;
    this.clock.pin(ts, recvMs, this.replayRate);
    return true;
  }

  private applySnapshot(m: SnapshotEnvelope, recvMs: number): void {
    if (m.zone !== this.o.zone) return this.drop('wrong-zone', m.zone);
    this.clock.addOneWay(m.ts, recvMs);
    if (m.catalogue) applyCatalogue(m.catalogue, this.o.frame, this.sensors, this.lines, this.stops);
    this.applyEntities(m, recvMs);
    // A snapshot is the whole truth for vehicles, signals, segments and incidents as of m.ts.
    const present = new Set(m.vehicles.map((v) => (v as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string'));
    for (const id of this.vehicles.idList()) {
      const slot = this.vehicles.slot(id)!;
      if (!present.has(id) && this.vehicles.updatedAt[slot]! <= m.ts) this.vehicles.remove(id);
    }
    const idsOf = (arr: unknown[]) => new Set(arr.map((e) => (e as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string'));
    this.signals.retain(idsOf(m.signals));
    this.segments.retain(idsOf(m.segments));
    this.incidents.retain(idsOf(m.incidents));
    this.lastSeq = m.seq;
    this.noteSim(m.simMs, m.timeScale);
  }

  private applyDelta(m: DeltaEnvelope, sequenced: boolean, recvMs: number): void {
    if (m.zone !== this.o.zone) return this.drop('wrong-zone', m.zone);
    if (sequenced) {
      this.clock.addOneWay(m.ts, recvMs);
      if (this.lastSeq !== null && m.seq > this.lastSeq + 1) this.listeners.onResyncNeeded?.(`sequence gap ${this.lastSeq}→${m.seq}`);
      if (this.lastSeq === null || m.seq > this.lastSeq) this.lastSeq = m.seq;
    }
    this.applyEntities(m, recvMs);
    if (m.removed?.vehicles) for (const id of m.removed.vehicles) this.vehicles.remove(id, m.ts);
    this.noteSim(m.simMs, m.timeScale);
  }

  private noteSim(simMs: number | undefined, timeScale: number | undefined): void {
    if (simMs !== undefined) this.simMs = simMs;
    if (timeScale !== undefined) {
      this.timeScale = timeScale;
      this.sensors.timeScale = Number.isFinite(timeScale) && timeScale > 0 ? timeScale : 1;
    }
  }

  private applyEntities(m: Parameters<EntityApplier['entities']>[0], recvMs: number): void {
    this.applier.entities(m, this.clock.serverNow(recvMs), this.clock.hasEstimate);
  }

  private age(serverNow: number, clientNow: number): void {
    this.vehicles.age(serverNow, this.o.vehicleStaleMs, this.o.vehicleEvictMs);
    this.v2.pruneOwners();
    this.sensors.age(serverNow, clientNow);
    this.signals.age(serverNow, this.o.signalStaleMs);
    this.segments.age(serverNow, this.o.segmentStaleMs);
    // Incidents are events, not a stream: they never go stale, but resolved ones leave after a while.
    this.incidents.age(serverNow, Infinity, (i, ageMs) => i.status === 'resolved' && ageMs > RESOLVED_INCIDENT_LINGER_MS);
  }

  private drop(reason: DropReason, detail: string, n = 1): void {
    this.drops[reason] += n;
    this.lastDrop = { reason, detail, atMs: this.lastMessageAtMs ?? 0 };
    this.listeners.onDrop?.(reason, detail);
  }
}

