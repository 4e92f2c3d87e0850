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
/**
 * The same sensor or incident ticks again only after this long: a noise sensor hovering at its
 * warning band flips every report, and a slider striped with its ticks hides the one alarm that
 * matters. A rise to alarm always ticks (its own kind).
 */
export const TICK_REPEAT_MS = 10 * 60_000;
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
  const all: TimelineTick[] = [];
  for (const e of events) {
    const t = tickOf(e);
    if (t && t.id) all.push(t);
  }
  all.sort((a, b) => a.ts - b.ts);
  const lastOf = new Map<string, number>();
  const out: TimelineTick[] = [];
  for (const t of all) {
    const key = `${t.kind}|${t.id}`;
    const last = lastOf.get(key);
    if (last !== undefined && t.ts - last < TICK_REPEAT_MS) continue;
    lastOf.set(key, t.ts);
    out.push(t);
  }
  return out.length > MAX_TICKS ? out.slice(out.length - MAX_TICKS) : out;
}

/**
 * The tick before or after `ts` (for "previous/next alert"), alarms and incidents only. A jump to
 * a tick shows the moment TICK_JUMP_AFTER_MS after it, so that tick is the one shown, not the
 * previous one: else "previous" from there chose the same tick again and never got further back.
 */
export const TICK_JUMP_AFTER_MS = 1000;
export function adjacentTick(ticks: readonly TimelineTick[], ts: number, dir: -1 | 1): TimelineTick | null {
  const alerting = ticks.filter((t) => t.kind !== 'drill');
  if (dir > 0) return alerting.find((t) => t.ts > ts + 500) ?? null;
  for (let i = alerting.length - 1; i >= 0; i--) if (alerting[i]!.ts < ts - TICK_JUMP_AFTER_MS - 500) return alerting[i]!;
  return null;
}
