/**
 * What the status bar shows about the feed, as plain data: pushed into the zustand feed slice a
 * few times per second, never per message.
 */
import type { DropReason } from './protocol/dropReasons';

export type FeedKind = 'sim' | 'ws' | 'mqtt';

/**
 * Transport-level state reported by a FeedSource. `unauthorised` is terminal like `failed`: the
 * server refused access, so retrying with the same credentials would only hammer it; a new token
 * restarts the source.
 */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed' | 'failed' | 'unauthorised';

/** Who the feed server says this viewer is, after it accepted a token. Never the token itself. */
export interface FeedIdentity {
  name: string;
  role: string;
}

/** Why a feed is unauthorised: no credentials were offered, or the ones offered were refused. */
export type AuthRefusal = 'token-required' | 'token-rejected';

/** What a source with access control knows; the runtime copies it into the summary. */
export interface FeedAccess {
  identity: FeedIdentity | null;
  refusal: AuthRefusal | null;
}

/**
 * What the user is told: `stale` means connected but nothing has arrived for longer than the
 * staleness window, or the publisher announced it went offline. `unreachable` means retrying a
 * feed that has never connected in this session: nothing was lost, because nothing ever arrived;
 * `reconnecting` is reserved for a feed that was connected and dropped.
 */
export type FeedStatus = 'idle' | 'connecting' | 'connected' | 'stale' | 'reconnecting' | 'unreachable' | 'offline' | 'failed' | 'unauthorised';

export interface FeedCounts {
  vehicles: number;
  vehiclesStale: number;
  sensors: number;
  sensorsStale: number;
  signals: number;
  signalsStale: number;
  segments: number;
  incidentsActive: number;
}

export interface FeedSummary {
  kind: FeedKind;
  /** "simulator", or the URL the viewer connects to. */
  label: string;
  zone: string;
  status: FeedStatus;
  statusDetail: string | null;
  msgPerSec: number;
  /** Client-clock ms of the last message, and its age at the time of the summary. */
  lastMessageAtMs: number | null;
  lastMessageAgeMs: number | null;
  drops: Partial<Record<DropReason, number>>;
  dropsTotal: number;
  lastDrop: { reason: DropReason; detail: string } | null;
  counts: FeedCounts;
  /** Estimated server clock minus client clock. */
  serverOffsetMs: number;
  simTimeMs: number | null;
  timeScale: number;
  /** Successful reconnections after the first connection. */
  reconnects: number;
  /** The retry under way in the current outage (1 = first retry); 0 while connected. Advances with every failed attempt. */
  retryAttempt: number;
  /** Whether the transport has ever opened in this session (distinguishes unreachable from lost). */
  everConnected: boolean;
  /** Client-clock ms of the next reconnect attempt while reconnecting. */
  nextRetryAtMs: number | null;
  /** Set once the server accepted this viewer's token. */
  identity: FeedIdentity | null;
  /** Set while unauthorised, so the UI can say "sign in" or "token refused". */
  authRefusal: AuthRefusal | null;
  updatedAtMs: number;
}

export const EMPTY_COUNTS: FeedCounts = {
  vehicles: 0, vehiclesStale: 0, sensors: 0, sensorsStale: 0, signals: 0, signalsStale: 0, segments: 0, incidentsActive: 0,
};

export function emptyFeedSummary(kind: FeedKind = 'sim', label = 'simulator', zone = ''): FeedSummary {
  return {
    kind, label, zone, status: 'idle', statusDetail: null, msgPerSec: 0, lastMessageAtMs: null, lastMessageAgeMs: null,
    drops: {}, dropsTotal: 0, lastDrop: null, counts: { ...EMPTY_COUNTS }, serverOffsetMs: 0, simTimeMs: null, timeScale: 1,
    reconnects: 0, retryAttempt: 0, everConnected: false, nextRetryAtMs: null, identity: null, authRefusal: null, updatedAtMs: 0,
  };
}
