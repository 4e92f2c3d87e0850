/**
 * City vital signs (城市生命体征) of a zone, computed from plain inputs gathered from the live
 * feed (see gather.ts). Each definition here is written out in docs/kpis.md and pinned by
 * tests/unit/analysis/vitals.test.ts; change all three together.
 */
import type { AlertSeverity } from '../../scene/schema';
import { ALERT_SEVERITIES } from '../../scene/schema';
import type { VehicleClass } from '../../sim/types';
import { VEHICLE_CLASSES } from '../../sim/types';
import type { SensorLevel } from './thresholds';

/** Speeds below this count as this in travel times, so a stopped queue does not make the index infinite. */
export const TTI_SPEED_FLOOR_KMH = 1;

export interface SegmentSample {
  lengthM: number;
  speedKmh: number;
  /** Free-flow speed: the edge's speed limit. */
  freeKmh: number;
}

export interface SensorSample {
  type: string;
  value: number | null;
  stale: boolean;
  level: SensorLevel;
  /** Catalogued, never reported, first report not yet overdue: left out of every KPI, counted apart. */
  pending?: boolean;
  /** From the catalogue, so it is known before the sensor reports. */
  capacity?: number;
}

/** Sensor kinds whose KPIs can be warming up (some of their sensors still pending). */
export const WARMING_KINDS = ['rsu', 'aqi', 'noise', 'parking'] as const;
export type WarmingKind = (typeof WARMING_KINDS)[number];

export interface VitalsInput {
  atMs: number;
  /** Fresh segment reports joined with their edge's length and speed limit. */
  segments: readonly SegmentSample[];
  /** Vehicles alive and not stale, by class; and how many of them drive at the autonomous level. */
  vehiclesByClass: Readonly<Record<VehicleClass, number>>;
  vehiclesAutonomous: number;
  signalsTotal: number;
  signalsOnline: number;
  sensors: readonly SensorSample[];
  /**
   * Whether the feed has delivered anything at all. Without data a count of vehicles is not
   * zero but unknown ("—"); absent means true (inputs built by hand).
   */
  feedHasData?: boolean;
  /** Severity and status of every alert the engine holds. */
  alerts: readonly { severity: AlertSeverity; status: 'new' | 'acknowledged' | 'closed' }[];
}

export interface Vitals {
  atMs: number;
  avgSpeedKmh: number | null;
  congestionIndex: number | null;
  congestedShare: number | null;
  vehiclesByClass: Record<VehicleClass, number>;
  /** null while the feed has never delivered anything: unknown, not zero. */
  vehiclesOnline: number | null;
  autonomousShare: number | null;
  signalsOnline: number;
  signalsTotal: number;
  signalHealth: number | null;
  rsuNormal: number;
  /** RSUs in the catalogue, pending ones included. */
  rsuTotal: number;
  /** Normal RSUs over RSUs that are judged (not pending). */
  rsuHealth: number | null;
  aqi: number | null;
  aqiMax: number | null;
  noiseDb: number | null;
  /** Free spaces at the car parks reporting fresh. */
  parkingFree: number | null;
  /** Capacity of every catalogued car park, reporting or not: the zone's real total. */
  parkingCapacity: number | null;
  /** Free spaces over the capacity of the car parks reporting fresh. */
  parkingAvailability: number | null;
  /** Sensors per kind still waiting for their first report; a KPI with any is warming up. */
  pending: Record<WarmingKind, number>;
  alertsOpen: Record<AlertSeverity, number>;
  alertsOpenTotal: number;
}

/** Length-weighted mean speed of the reporting segments, km/h. */
export function averageSpeedKmh(segments: readonly SegmentSample[]): number | null {
  let l = 0, lv = 0;
  for (const s of segments) {
    if (!(s.lengthM > 0) || !Number.isFinite(s.speedKmh)) continue;
    l += s.lengthM;
    lv += s.lengthM * s.speedKmh;
  }
  return l > 0 ? lv / l : null;
}

/**
 * Travel time index (拥堵延时指数): the time to drive every reporting segment at its measured
 * speed over the time at free-flow speed. 1.0 is free flow; 2.0 means trips take twice as long.
 * Never below 1: driving above the limit is not "negative congestion".
 */
export function travelTimeIndex(segments: readonly SegmentSample[]): number | null {
  let actual = 0, free = 0;
  for (const s of segments) {
    if (!(s.lengthM > 0) || !(s.freeKmh > 0) || !Number.isFinite(s.speedKmh)) continue;
    actual += s.lengthM / Math.max(TTI_SPEED_FLOOR_KMH, s.speedKmh);
    free += s.lengthM / s.freeKmh;
  }
  return free > 0 ? Math.max(1, actual / free) : null;
}

/** Share of reporting length that is congested or jammed (speed below 30 % of free flow). */
export function congestedShare(segments: readonly SegmentSample[], below = 0.3): number | null {
  let l = 0, bad = 0;
  for (const s of segments) {
    if (!(s.lengthM > 0) || !(s.freeKmh > 0) || !Number.isFinite(s.speedKmh)) continue;
    l += s.lengthM;
    if (s.speedKmh / s.freeKmh < below) bad += s.lengthM;
  }
  return l > 0 ? bad / l : null;
}

/** Energy average of sound levels: 10·log10(mean(10^(L/10))). Decibels do not average linearly. */
export function energyMeanDb(levels: readonly number[]): number | null {
  if (levels.length === 0) return null;
  let sum = 0;
  for (const l of levels) sum += 10 ** (l / 10);
  return 10 * Math.log10(sum / levels.length);
}

function fresh(sensors: readonly SensorSample[], type: string): SensorSample[] {
  return sensors.filter((s) => s.type === type && !s.stale && s.value !== null && Number.isFinite(s.value));
}

export function computeVitals(input: VitalsInput): Vitals {
  const byClass = Object.fromEntries(VEHICLE_CLASSES.map((c) => [c, input.vehiclesByClass[c] ?? 0])) as Record<VehicleClass, number>;
  const counted = VEHICLE_CLASSES.reduce((a, c) => a + byClass[c], 0);
  const online = input.feedHasData === false ? null : counted;

  const rsus = input.sensors.filter((s) => s.type === 'rsu');
  const rsuNormal = rsus.filter((s) => s.level === 'normal').length;
  const pendingOf = (type: string) => input.sensors.filter((s) => s.type === type && s.pending === true).length;
  const pending: Record<WarmingKind, number> = { rsu: pendingOf('rsu'), aqi: pendingOf('aqi'), noise: pendingOf('noise'), parking: pendingOf('parking') };
  const rsuJudged = rsus.length - pending.rsu;

  const aqiValues = fresh(input.sensors, 'aqi').map((s) => s.value!);
  const noiseValues = fresh(input.sensors, 'noise').map((s) => s.value!);

  let catalogueCap = 0;
  for (const s of input.sensors) if (s.type === 'parking' && s.capacity !== undefined && s.capacity > 0) catalogueCap += s.capacity;
  let free = 0, cap = 0;
  for (const s of fresh(input.sensors, 'parking')) {
    if (s.capacity === undefined || !(s.capacity > 0)) continue;
    cap += s.capacity;
    free += Math.max(0, s.capacity - s.value!);
  }

  const alertsOpen = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, 0])) as Record<AlertSeverity, number>;
  for (const a of input.alerts) if (a.status !== 'closed') alertsOpen[a.severity]++;

  return {
    atMs: input.atMs,
    avgSpeedKmh: averageSpeedKmh(input.segments),
    congestionIndex: travelTimeIndex(input.segments),
    congestedShare: congestedShare(input.segments),
    vehiclesByClass: byClass,
    vehiclesOnline: online,
    autonomousShare: online !== null && online > 0 ? input.vehiclesAutonomous / online : null,
    signalsOnline: input.signalsOnline,
    signalsTotal: input.signalsTotal,
    signalHealth: input.signalsTotal > 0 ? input.signalsOnline / input.signalsTotal : null,
    rsuNormal,
    rsuTotal: rsus.length,
    rsuHealth: rsuJudged > 0 ? rsuNormal / rsuJudged : null,
    aqi: aqiValues.length > 0 ? aqiValues.reduce((a, v) => a + v, 0) / aqiValues.length : null,
    aqiMax: aqiValues.length > 0 ? Math.max(...aqiValues) : null,
    noiseDb: energyMeanDb(noiseValues),
    parkingFree: cap > 0 ? free : null,
    parkingCapacity: catalogueCap > 0 ? catalogueCap : null,
    parkingAvailability: cap > 0 ? free / cap : null,
    pending,
    alertsOpen,
    alertsOpenTotal: ALERT_SEVERITIES.reduce((a, s) => a + alertsOpen[s], 0),
  };
}

/** The KPIs that carry a trend line, and how each is read from a Vitals record. */
export const TREND_KPIS = [
  'avgSpeedKmh', 'congestionIndex', 'vehiclesOnline', 'autonomousShare', 'signalHealth', 'rsuHealth', 'aqi', 'noiseDb',
  'parkingAvailability', 'alertsOpenTotal',
] as const;
export type TrendKpi = (typeof TREND_KPIS)[number];

export function trendValue(v: Vitals, k: TrendKpi): number | null {
  return v[k];
}
