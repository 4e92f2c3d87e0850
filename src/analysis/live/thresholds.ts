/**
 * Threshold state of a sensor reading: normal, warning, alarm, or offline. Thresholds come from
 * the scene (per type, possibly relative to capacity) and otherwise from the feed's catalogue.
 * A silent sensor is "offline", never "0": its last value is kept for display, not classified.
 */
import type { SensorThresholdSpec } from '../../scene/schema';
import { classifyValue, type Thresholds } from '../../core/thresholdBand';

export type { Thresholds } from '../../core/thresholdBand';

/**
 * 'pending': catalogued, never reported, first report not yet overdue (SensorBuffer). It is
 * neither healthy nor faulty, so KPIs leave it out and alert rules do not fire on it.
 */
export const SENSOR_LEVELS = ['normal', 'warning', 'alarm', 'offline', 'pending'] as const;
export type SensorLevel = (typeof SENSOR_LEVELS)[number];

/** Compact codes for typed arrays; the order is the order of SENSOR_LEVELS. */
export const LEVEL_CODE: Record<SensorLevel, number> = { normal: 0, warning: 1, alarm: 2, offline: 3, pending: 4 };

export interface Reading {
  /** null when the sensor never reported. */
  value: number | null;
  stale: boolean;
  quality: 'good' | 'suspect' | 'bad' | null;
  /** Never reported, first report not yet overdue. */
  pending?: boolean;
}

/**
 * The thresholds that apply to one sensor: the scene's spec for its type wins over the catalogue;
 * a capacity-relative spec needs the sensor's capacity, and without one the catalogue applies.
 */
export function resolveThresholds(
  type: string,
  catalogue: Thresholds | undefined,
  capacity: number | undefined,
  sceneByType: Readonly<Record<string, SensorThresholdSpec>>,
): Thresholds | null {
  const spec = sceneByType[type];
  if (spec) {
    if (spec.relativeTo !== 'capacity') return { warn: spec.warn, alarm: spec.alarm, direction: spec.direction };
    if (capacity !== undefined && capacity > 0) {
      return { warn: spec.warn * capacity, alarm: spec.alarm * capacity, direction: spec.direction };
    }
  }
  return catalogue ? { warn: catalogue.warn, alarm: catalogue.alarm, direction: catalogue.direction } : null;
}

export { classifyValue } from '../../core/thresholdBand';

/**
 * Full state of a sensor. Never reported while its first report is not overdue → pending; never
 * reported after that, stale, or non-finite → offline. A reading the device
 * itself marks 'bad' is at least a warning: the device says something is wrong even when the
 * number looks fine.
 */
export function classifySensor(r: Reading, t: Thresholds | null): SensorLevel {
  if (r.value === null && r.pending) return 'pending';
  if (r.value === null || r.stale || !Number.isFinite(r.value)) return 'offline';
  const level = classifyValue(r.value, t);
  if (r.quality === 'bad' && level === 'normal') return 'warning';
  return level;
}

/** The threshold a value has crossed, for messages ("27 cm ≥ 25 cm"); null when normal. */
export function crossedThreshold(level: SensorLevel, t: Thresholds | null): number | null {
  if (!t) return null;
  if (level === 'alarm') return t.alarm;
  if (level === 'warning') return t.warn;
  return null;
}
