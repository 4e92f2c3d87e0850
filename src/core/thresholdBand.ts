/**
 * The band a reading falls in against warn/alarm thresholds: the one rule the viewer colours with,
 * the alert rules fire on (analysis/live/thresholds.ts) and the recorder ticks the time slider by
 * (feed/replay/streamEvents.ts). Here, below both, so they cannot drift apart.
 */
export interface Thresholds {
  warn: number;
  alarm: number;
  /** 'above': higher is worse (water, noise, AQI); 'below': lower is worse (device health). */
  direction: 'above' | 'below';
}

export type ThresholdBand = 'normal' | 'warning' | 'alarm';

/** Band of a finite value; a boundary value belongs to the worse band (25 cm at alarm 25 is an alarm). */
export function classifyValue(value: number, t: Thresholds | null): ThresholdBand {
  if (!t || !Number.isFinite(value)) return 'normal';
  if (t.direction === 'above') {
    if (value >= t.alarm) return 'alarm';
    if (value >= t.warn) return 'warning';
    return 'normal';
  }
  if (value <= t.alarm) return 'alarm';
  if (value <= t.warn) return 'warning';
  return 'normal';
}
