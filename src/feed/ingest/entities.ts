/** Client-side shapes of the low-count entities, in the zone's ENU frame. */
import type { WireApproach } from '../protocol/entities';

export interface SignalEntry {
  id: string;
  ts: number;
  nodeId?: number;
  x: number;
  y: number;
  cycleS?: number;
  timeScale: number;
  approaches: WireApproach[];
}

export interface SegmentEntry {
  id: string;
  ts: number;
  edgeId: number;
  dir: 'f' | 'r';
  speedKmh: number;
  flowVph: number;
  congestion: number;
}

export interface IncidentEntry {
  id: string;
  ts: number;
  type: string;
  severity: number;
  x: number;
  y: number;
  status: 'active' | 'clearing' | 'resolved';
  startedTs?: number;
  description?: { zh: string; en: string };
  edgeId?: number;
  sensorId?: string;
}

export interface BusStopEntry {
  id: string;
  lineId: string;
  name: { zh: string; en: string };
  x: number;
  y: number;
}

export interface BusLineEntry {
  id: string;
  name: { zh: string; en: string };
  stopIds: string[];
  lengthM: number;
}

/**
 * Seconds left on an approach at server time `serverNowMs`, counting down between messages with
 * the signal's time scale (a 60× simulator runs its countdowns 60 times faster).
 */
export function remainingAt(signal: SignalEntry, approach: WireApproach, serverNowMs: number): number {
  return Math.max(0, approach.remainingS - ((serverNowMs - signal.ts) / 1000) * signal.timeScale);
}
