/** Vocabulary shared by the simulator, the wire protocol and the client buffers. */

export const VEHICLE_CLASSES = ['robotaxi', 'special', 'bus', 'car', 'truck'] as const;
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

export const SENSOR_TYPES = ['pm25', 'aqi', 'noise', 'water_level', 'parking', 'rsu', 'pole', 'ev_charger'] as const;
export type SensorType = (typeof SENSOR_TYPES)[number];

export const SIGNAL_COLORS = ['green', 'amber', 'red'] as const;
export type SignalColor = (typeof SIGNAL_COLORS)[number];

export const INCIDENT_TYPES = ['crash', 'breakdown', 'underpass_flood', 'rsu_fault'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_STATUSES = ['active', 'clearing', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SCENARIOS = ['rainstorm', 'crash', 'sensor-silent', 'rsu-fail'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Congestion levels by ratio of mean speed to the speed limit (see traffic/segmentStats.ts). */
export const CONGESTION_LEVELS = ['free', 'slow', 'congested', 'jammed'] as const;
export type CongestionLevel = 0 | 1 | 2 | 3;

export type ReadingQuality = 'good' | 'suspect' | 'bad';

export interface LocalizedName {
  zh: string;
  en: string;
}
