/**
 * How sensors look: a shape per type (so a glance tells a flood gauge from an air station) and a
 * colour per threshold state, shared by the 3D layer and the legend.
 */
import type { SensorLevel } from '../../analysis/live/thresholds';

export type SensorShape = 'sphere' | 'octahedron' | 'cone' | 'gauge' | 'sign' | 'cabinet' | 'pole' | 'pillar' | 'tetra';

export interface SensorTypeStyle {
  shape: SensorShape;
  /** Nominal marker height, m; kept at least MIN_SENSOR_PX tall on screen. */
  sizeM: number;
  /** Offset east/north so sensors of one station (PM2.5 and AQI) do not overlap, m. */
  offset: [number, number];
}

export const SENSOR_TYPE_STYLE: Record<string, SensorTypeStyle> = {
  aqi: { shape: 'sphere', sizeM: 14, offset: [0, 0] },
  pm25: { shape: 'octahedron', sizeM: 14, offset: [9, 0] },
  noise: { shape: 'cone', sizeM: 12, offset: [0, 0] },
  water_level: { shape: 'gauge', sizeM: 12, offset: [0, 0] },
  parking: { shape: 'sign', sizeM: 12, offset: [0, 0] },
  rsu: { shape: 'cabinet', sizeM: 12, offset: [0, 0] },
  pole: { shape: 'pole', sizeM: 14, offset: [0, 0] },
  ev_charger: { shape: 'pillar', sizeM: 10, offset: [0, 0] },
};

/** Any type the feed invents later still gets a marker. */
export const OTHER_SENSOR_STYLE: SensorTypeStyle = { shape: 'tetra', sizeM: 10, offset: [0, 0] };

export const SENSOR_LEVEL_COLORS: Record<SensorLevel, string> = {
  normal: '#2dd4bf',
  warning: '#fbbf24',
  alarm: '#ef4444',
  offline: '#6b7280',
  // Calm blue-grey: waiting for a first report is not a fault, and must not read as one.
  pending: '#94a3b8',
};

export const MIN_SENSOR_PX = 18;

export function sensorStyle(type: string): SensorTypeStyle {
  return SENSOR_TYPE_STYLE[type] ?? OTHER_SENSOR_STYLE;
}

/** The marker types drawn, one instanced mesh each ("other" collects unknown types). */
export const SENSOR_MESH_TYPES = [...Object.keys(SENSOR_TYPE_STYLE), 'other'] as const;
