/** Static description of a simulated sensor: what the catalogue in a snapshot is built from. */
import type { LocalizedName, SensorType } from '../types';

export interface Thresholds {
  warn: number;
  alarm: number;
  /** 'above': higher is worse (water level, noise); 'below': lower is worse (device health). */
  direction: 'above' | 'below';
}

export interface SensorSpec {
  id: string;
  type: SensorType;
  name: LocalizedName;
  /** ENU metres. */
  x: number;
  y: number;
  unit: string;
  reportEveryS: number;
  thresholds?: Thresholds;
  /** Spaces (parking) or connectors (EV chargers). */
  capacity?: number;
  /** Road-graph node the sensor stands at. */
  nodeId?: number;
  /** Sensors that share a station (PM2.5 and AQI of one monitor). */
  stationId?: string;
}

export const SENSOR_UNITS = {
  pm25: 'µg/m³', aqi: 'AQI', noise: 'dB(A)', water_level: 'cm', parking: 'spaces', rsu: '%', pole: '%', ev_charger: 'connectors',
} as const;

/** Shanghai closes an underpass at about 25 cm of standing water; 10 cm starts a warning. */
export const UNDERPASS_THRESHOLDS: Thresholds = { warn: 10, alarm: 25, direction: 'above' };
export const AQI_THRESHOLDS: Thresholds = { warn: 100, alarm: 150, direction: 'above' };
export const PM25_THRESHOLDS: Thresholds = { warn: 75, alarm: 115, direction: 'above' };
/** GB 3096-2008 class 4a (trunk road side) daytime limit is 70 dB(A). */
export const NOISE_THRESHOLDS: Thresholds = { warn: 70, alarm: 80, direction: 'above' };
export const DEVICE_HEALTH_THRESHOLDS: Thresholds = { warn: 90, alarm: 50, direction: 'below' };
