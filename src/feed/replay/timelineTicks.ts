/**
 * Which recorded events become ticks on the time slider: a sensor rising into warning or alarm,
 * an incident appearing, a drill started. Falling back to normal and status changes of an incident
 * already ticked are left out: a tick marks where something began. Pure.
 */
import type { RecordedEvent } from '../protocol/messages';

export type TickKind = 'alarm' | 'warning' | 'incident' | 'drill';

export interface TimelineTick {
  ts: number;
  kind: TickKind;
  /** Sensor or incident id (the scenario name for a drill). */
  id: string;
  assetKind: 'sensor' | 'incident' | null;
  /** Sensor or incident type (water_level, crash, …). */
  type: string;
  lonDeg: number | null;
  latDeg: number | null;
}

export const MAX_TICKS = 500;
const LEVEL_RANK: Record<string, number> = { normal: 0, warning: 1, alarm: 2 };

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

function tickOf(e: RecordedEvent): TimelineTick | null {
  const d = e.detail;
  if (e.kind === 'sensor-level') {
    const level = str(d.level);
    if (level !== 'alarm' && level !== 'warning') return null;
    if ((LEVEL_RANK[str(d.from)] ?? 0) >= LEVEL_RANK[level]!) return null;
    return { ts: e.ts, kind: level, id: str(d.id), assetKind: 'sensor', type: str(d.type), lonDeg: num(d.lonDeg), latDeg: num(d.latDeg) };
  }
  if (e.kind === 'incident') {
    if (d.from !== null && d.from !== undefined) return null;
    if (d.status === 'resolved') return null;
    return { ts: e.ts, kind: 'incident', id: str(d.id), assetKind: 'incident', type: str(d.type), lonDeg: num(d.lonDeg), latDeg: num(d.latDeg) };
  }
  if (e.kind === 'control' && typeof d.scenario === 'string') {
    return { ts: e.ts, kind: 'drill', id: d.scenario, assetKind: null, type: d.scenario, lonDeg: null, latDeg: null };
  }
  return null;
}

export function timelineTicks(events: readonly RecordedEvent[]): TimelineTick[] {
  const out: TimelineTick[] = [];
  for (const e of events) {
    const t = tickOf(e);
    if (t && t.id) out.push(t);
  }
  out.sort((a, b) => a.ts - b.ts);
  return out.length > MAX_TICKS ? out.slice(out.length - MAX_TICKS) : out;
}

/** The tick before or after `ts` (for "previous/next alert"), alarms and incidents only. */
export function adjacentTick(ticks: readonly TimelineTick[], ts: number, dir: -1 | 1): TimelineTick | null {
  const alerting = ticks.filter((t) => t.kind !== 'drill');
  if (dir > 0) return alerting.find((t) => t.ts > ts + 500) ?? null;
  for (let i = alerting.length - 1; i >= 0; i--) if (alerting[i]!.ts < ts - 500) return alerting[i]!;
  return null;
}
