/**
 * Reads the feed's sensor buffer into plain records with their threshold state. Runs at UI rate
 * (alerts, vital signs, panels), never per frame; the 3D layers read the typed arrays directly.
 */
import type { SensorThresholdSpec } from '../../scene/schema';
import type { SensorBuffer } from '../../feed/ingest/SensorBuffer';
import { classifySensor, resolveThresholds, type SensorLevel, type Thresholds } from './thresholds';

const QUALITIES = ['good', 'suspect', 'bad'] as const;

export interface LiveSensor {
  slot: number;
  id: string;
  type: string;
  unit: string;
  name: { zh: string; en: string } | null;
  /** ENU metres; null when the catalogue has not placed the sensor. */
  x: number | null;
  y: number | null;
  value: number | null;
  quality: 'good' | 'suspect' | 'bad' | null;
  /** Server epoch ms of the last reading; null if never seen. */
  lastSeenMs: number | null;
  stale: boolean;
  /** Never reported and its first report is not yet overdue: waiting, not faulty. */
  pending: boolean;
  staleAfterMs: number;
  level: SensorLevel;
  thresholds: Thresholds | null;
  capacity?: number;
}

export function readSensor(buf: SensorBuffer, slot: number, sceneThresholds: Readonly<Record<string, SensorThresholdSpec>>): LiveSensor {
  const info = buf.infos[slot] ?? null;
  const has = buf.hasValue[slot] === 1;
  const type = buf.types[slot] ?? info?.type ?? 'unknown';
  const thresholds = resolveThresholds(type, info?.thresholds, info?.capacity, sceneThresholds);
  const value = has ? buf.values[slot]! : null;
  const quality = has ? QUALITIES[buf.quality[slot]!] ?? null : null;
  const stale = buf.stale[slot] === 1 || !has;
  const pending = !has && buf.pending[slot] === 1;
  const s: LiveSensor = {
    slot, id: buf.ids[slot]!, type, unit: buf.units[slot] ?? info?.unit ?? '', name: info?.name ?? null,
    x: buf.hasPosition[slot] ? buf.positions[slot * 3]! : null, y: buf.hasPosition[slot] ? buf.positions[slot * 3 + 1]! : null,
    value, quality, lastSeenMs: has ? buf.lastSeen[slot]! : null, stale, pending, staleAfterMs: buf.staleAfterMs(slot),
    level: classifySensor({ value, stale, quality, pending }, thresholds), thresholds,
  };
  if (info?.capacity !== undefined) s.capacity = info.capacity;
  return s;
}

export function readSensors(buf: SensorBuffer, sceneThresholds: Readonly<Record<string, SensorThresholdSpec>>): LiveSensor[] {
  const out: LiveSensor[] = [];
  for (let i = 0; i < buf.count; i++) out.push(readSensor(buf, i, sceneThresholds));
  return out;
}
