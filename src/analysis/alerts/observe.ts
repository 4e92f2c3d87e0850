/**
 * Finds the conditions that hold now, rule by rule, from plain readings of the live feed. Pure:
 * the host gathers sensors and incidents at 2 Hz and hands them here with its clocks.
 */
import type { AlertRule, AlertSeverity } from '../../scene/schema';
import type { IncidentEntry } from '../../feed/ingest/entities';
import type { LiveSensor } from '../live/readSensors';
import { crossedThreshold } from '../live/thresholds';
import type { AssetRef, Observation } from './types';

export interface ObserveContext {
  /** Change per client millisecond of a sensor slot over a client-time window (SensorHistory.rate). */
  rate(slot: number, windowMs: number): number | null;
  /** Feed seconds per client second: 60 for a 60× simulator, 1 for a real feed. */
  timeScale: number;
}

function sensorAsset(s: LiveSensor): AssetRef | null {
  if (s.x === null || s.y === null) return null;
  return { kind: 'sensor', id: s.id, x: s.x, y: s.y, type: s.type, name: s.name };
}

function watches(rule: { sensorTypes: string[]; sensorIds?: string[] | undefined }, s: LiveSensor): boolean {
  if (!rule.sensorTypes.includes(s.type)) return false;
  return !rule.sensorIds || rule.sensorIds.includes(s.id);
}

/**
 * Offline: reported before and now stale, or never reported and its first report overdue. A
 * pending sensor (first report not yet due, see SensorBuffer) gets its chance first.
 */
export function isOffline(s: LiveSensor): boolean {
  if (s.value === null) return !s.pending;
  return s.stale;
}

export function observe(rules: readonly AlertRule[], sensors: readonly LiveSensor[], incidents: Iterable<IncidentEntry>, ctx: ObserveContext): Observation[] {
  const out: Observation[] = [];
  const incidentList = [...incidents];
  for (const rule of rules) {
    if (rule.kind === 'incident') {
      for (const inc of incidentList) {
        if (inc.status === 'resolved' || !rule.incidentTypes.includes(inc.type)) continue;
        const severity: AlertSeverity = rule.severityByLevel[Math.min(4, Math.max(1, inc.severity)) - 1]!;
        const asset: AssetRef = { kind: 'incident', id: inc.id, x: inc.x, y: inc.y, type: inc.type, name: inc.description ?? null };
        out.push({ ruleId: rule.id, cause: 'incident', asset, severity, value: null, unit: '', threshold: null });
      }
      continue;
    }
    for (const s of sensors) {
      if (!watches(rule, s)) continue;
      const asset = sensorAsset(s);
      if (!asset) continue;
      if (rule.kind === 'stale') {
        if (isOffline(s)) out.push({ ruleId: rule.id, cause: 'stale', asset, severity: rule.severity, value: null, unit: s.unit, threshold: null });
      } else if (rule.kind === 'threshold') {
        const severity = s.level === 'alarm' ? rule.severity.alarm : s.level === 'warning' ? rule.severity.warning : undefined;
        if (severity) out.push({ ruleId: rule.id, cause: 'threshold', asset, severity, value: s.value, unit: s.unit, threshold: crossedThreshold(s.level, s.thresholds) });
      } else if (!s.stale && ctx.timeScale > 0) {
        const windowClientMs = (rule.windowS * 1000) / ctx.timeScale;
        const perClientMs = ctx.rate(s.slot, windowClientMs);
        if (perClientMs === null) continue;
        const perMinute = (perClientMs * 60_000) / ctx.timeScale;
        const hit = rule.direction === 'rise' ? perMinute >= rule.perMinute : -perMinute >= rule.perMinute;
        if (hit) out.push({ ruleId: rule.id, cause: 'rate', asset, severity: rule.severity, value: Math.round(perMinute * 100) / 100, unit: `${s.unit}/min`, threshold: rule.perMinute });
      }
    }
  }
  return out;
}
