/** The one interface every feed transport implements; the runtime wires it to the ingest. */
import { trackInterval, trackTimeout } from '../../runtime/tracked';
import type { ScenarioParams } from '../../sim/scenarios/scenarios';
import type { ScenarioName } from '../../sim/types';
import type { DropReason } from '../protocol/dropReasons';
import type { WallState } from '../protocol/messages';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import type { ConnectionState, FeedAccess, FeedKind } from '../summary';

export interface FeedSink {
  /**
   * A raw frame arrived, with the client-clock receive time: a string (v1 JSON), bytes from MQTT
   * (v1 JSON), or a WebSocket binary frame (v2, ArrayBuffer).
   */
  message(raw: unknown, recvMs: number, topic?: string): void;
  /**
   * A v2 frame already decoded off the main thread (NetWorkerFeedSource); the ingest applies it
   * without decoding again. Only sources that decode call it (V2FeedSink), so other sinks may omit it.
   */
  frameV2?(frame: DecodedFrameV2, recvMs: number): void;
  /** A v2 frame the decoding source had to drop: counted, and 'inconsistent' asks for a resync. */
  frameRejectedV2?(reason: DropReason, detail: string, recvMs: number): void;
  /**
   * Transport state changed; nextRetryAtMs is set while waiting to reconnect, and attempt says
   * which retry of the current outage that will be (1 = first), so a user sees retries advance.
   */
  state(state: ConnectionState, detail: string | null, nextRetryAtMs?: number, attempt?: number): void;
}

/** What a source that decodes v2 itself needs of its sink. */
export type V2FeedSink = FeedSink & Required<Pick<FeedSink, 'frameV2' | 'frameRejectedV2'>>;

export interface SimControl {
  timeScale?: number;
  scenario?: ScenarioName;
  params?: ScenarioParams;
}

export interface FeedSource {
  readonly kind: FeedKind;
  readonly label: string;
  start(): void;
  /** Closes the transport and cancels every timer; a disposed source stays closed. */
  dispose(): void;
  /** Asks for a fresh full state (after a backlog overflow or a sequence gap). */
  requestSnapshot(): void;
  /** The server's announced heartbeat interval, which sets the half-open detection window. */
  setHeartbeatMs(ms: number): void;
  /** Simulator controls, where the transport supports them. */
  control?(c: SimControl): void;
  /** What access control said (who we are, or why we were refused), where the transport has it. */
  readonly access?: FeedAccess;
  /** Presents a new token and connects afresh, where the transport takes one. */
  setToken?(token: string): void;
  /** The video-wall sync channel, where the transport carries one (only our WebSocket server does). */
  readonly wall?: WallTransport;
}

export type WallRole = 'leader' | 'follower';

/**
 * Sending on the video-wall sync channel (docs/feed-protocol.md). Replies (wall-joined, wall-state,
 * wall-peers) arrive as ordinary frames; FeedRuntime hands them to its wall listener (FeedRuntime.wall).
 */
export interface WallTransport {
  /**
   * Joins now if connected, and again on every new connection until leave(): the server forgets a
   * socket's memberships when it closes, so a reconnect must not leave a screen out of its wall.
   */
  join(wall: string, as: WallRole): void;
  leave(wall: string): void;
  /** Sent only while connected, never queued: the leader sends its state afresh after each wall-joined. */
  publish(wall: string, state: WallState): void;
}

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

function dispose(handle: unknown): void {
  if (typeof handle === 'function') (handle as () => void)();
}

/**
 * The global timers, counted by runtime/tracked so the watchdog sees a feed timer left running;
 * a handle is the tracked disposer. Only setTimeout/setInterval are used, so this runs in Node too.
 */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => trackTimeout(fn, ms),
  clearTimeout: dispose,
  setInterval: (fn, ms) => trackInterval(fn, ms),
  clearInterval: dispose,
};

/** Starts a timeout on `timers`; returns the function that cancels it (harmless once fired). */
export function startTimeout(timers: Timers, fn: () => void, ms: number): () => void {
  const handle = timers.setTimeout(fn, ms);
  return () => timers.clearTimeout(handle);
}

/** Starts an interval on `timers`; returns the function that stops it. */
export function startInterval(timers: Timers, fn: () => void, ms: number): () => void {
  const handle = timers.setInterval(fn, ms);
  return () => timers.clearInterval(handle);
}

/** Heartbeats a server sends by default, and how many may be missed before the link is declared dead. */
export const DEFAULT_HEARTBEAT_MS = 2000;
export const MISSED_HEARTBEATS_FOR_DEAD = 3;
