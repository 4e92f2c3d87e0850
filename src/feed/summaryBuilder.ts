/** Derives the status-bar summary from the ingest counters and the transport state. */
import type { FeedIngest } from './ingest/FeedIngest';
import { DROP_REASONS, type DropReason } from './protocol/dropReasons';
import type { ConnectionState, FeedAccess, FeedKind, FeedStatus, FeedSummary } from './summary';

/** Connected but silent for this many heartbeats reads as "stale" before the link is declared dead. */
const STALE_AFTER_HEARTBEATS = 2;

export interface SummaryInput {
  ingest: FeedIngest;
  kind: FeedKind;
  label: string;
  zone: string;
  state: ConnectionState;
  stateDetail: string | null;
  nextRetryAtMs: number | null;
  reconnects: number;
  retryAttempt: number;
  everConnected: boolean;
  /** Absent for transports without access control (the simulator). */
  access?: FeedAccess;
  heartbeatMs: number;
  nowMs: number;
}

export function deriveStatus(
  state: ConnectionState, lastAgeMs: number | null, heartbeatMs: number, publisherOnline: boolean | null, everConnected = true,
): { status: FeedStatus; detail: string | null } {
  switch (state) {
    case 'idle':
      return { status: 'idle', detail: null };
    case 'connecting':
      return { status: 'connecting', detail: null };
    case 'reconnecting':
      return { status: everConnected ? 'reconnecting' : 'unreachable', detail: null };
    case 'closed':
      return { status: 'offline', detail: null };
    case 'failed':
      return { status: 'failed', detail: null };
    case 'unauthorised':
      return { status: 'unauthorised', detail: null };
    case 'connected':
      if (publisherOnline === false) return { status: 'stale', detail: 'publisher offline' };
      if (lastAgeMs === null || lastAgeMs > heartbeatMs * STALE_AFTER_HEARTBEATS) return { status: 'stale', detail: lastAgeMs === null ? 'no data yet' : 'no recent data' };
      return { status: 'connected', detail: null };
  }
}

export function buildSummary(i: SummaryInput): FeedSummary {
  const ing = i.ingest;
  const lastAge = ing.lastMessageAtMs === null ? null : Math.max(0, i.nowMs - ing.lastMessageAtMs);
  const d = deriveStatus(i.state, lastAge, i.heartbeatMs, ing.publisherOnline, i.everConnected);
  const drops: Partial<Record<DropReason, number>> = {};
  for (const r of DROP_REASONS) if (ing.drops[r] > 0) drops[r] = ing.drops[r];
  let incidentsActive = 0;
  for (const inc of ing.incidents.items.values()) if (inc.status !== 'resolved') incidentsActive++;
  return {
    kind: i.kind, label: i.label, zone: i.zone, status: d.status, statusDetail: i.stateDetail ?? d.detail,
    msgPerSec: ing.messagesPerSecond(i.nowMs), lastMessageAtMs: ing.lastMessageAtMs, lastMessageAgeMs: lastAge,
    drops, dropsTotal: ing.dropsTotal, lastDrop: ing.lastDrop ? { reason: ing.lastDrop.reason, detail: ing.lastDrop.detail } : null,
    counts: {
      vehicles: ing.vehicles.count, vehiclesStale: ing.vehicles.staleCount, sensors: ing.sensors.count, sensorsStale: ing.sensors.staleCount,
      signals: ing.signals.items.size, signalsStale: ing.signals.staleCount, segments: ing.segments.items.size, incidentsActive,
    },
    serverOffsetMs: Math.round(ing.clock.offsetMs), simTimeMs: ing.simMs, timeScale: ing.timeScale, reconnects: i.reconnects,
    retryAttempt: i.retryAttempt, everConnected: i.everConnected, nextRetryAtMs: i.nextRetryAtMs,
    identity: i.access?.identity ?? null, authRefusal: i.state === 'unauthorised' ? (i.access?.refusal ?? null) : null, updatedAtMs: i.nowMs,
  };
}
