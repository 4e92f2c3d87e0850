/** What a FeedIngest is told (options) and whom it tells (listeners). */
import type { EnuFrame } from '../../core/geodesy';
import type { DropReason } from '../protocol/dropReasons';
import type { AuthOkMessage, DeltaEnvelope, ErrorMessage, HelloMessage, HistoryResultMessage, ReplayEndMessage, ReplayStartMessage, SnapshotEnvelope, WallServerMessage } from '../protocol/messages';
import type { EntityKind } from './EntityApplier';

export interface IngestOptions {
  zone: string;
  frame: EnuFrame;
  topicPrefix?: string;
  maxMessageChars?: number;
  maxQueued?: number;
  maxQueuedChars?: number;
  vehicleStaleMs?: number;
  vehicleEvictMs?: number;
  signalStaleMs?: number;
  segmentStaleMs?: number;
  futureToleranceMs?: number;
  maxAgeMs?: Partial<Record<EntityKind, number>>;
  maxDistanceM?: number;
  /** Most vehicles held at once (VehicleBuffer's capacity bound); beyond it, 'capacity' drops. */
  maxVehicles?: number;
  /** How often staleness is re-evaluated, ms. */
  ageEveryMs?: number;
  /**
   * This ingest holds a replayed stream (the time machine): its clock is the recorded time of the
   * data it applied (pinned, frozen while paused) rather than an estimate of the server's clock,
   * and data frames are applied only once the awaited `replay-start` arrived (expectReplay).
   */
  replay?: boolean;
}

export interface IngestListeners {
  onHello?(msg: HelloMessage): void;
  onResyncNeeded?(why: string): void;
  onServerError?(msg: ErrorMessage): void;
  /** The server accepted this client's token (name and role, never the token). */
  onAuthOk?(msg: AuthOkMessage): void;
  /** Video-wall sync traffic, for the wall client. */
  onWall?(msg: WallServerMessage): void;
  onDrop?(reason: DropReason, detail: string): void;
  /** Time machine: the bounds of a replayed stream. */
  onReplay?(msg: ReplayStartMessage | ReplayEndMessage): void;
  onHistory?(msg: HistoryResultMessage): void;
  /** A snapshot or delta was applied (the in-memory recording of the embedded simulator listens). */
  onData?(kind: 'snapshot' | 'delta', msg: SnapshotEnvelope | DeltaEnvelope): void;
}
