/**
 * Gathers the vital-sign inputs from the feed's buffers (UI rate). Everything the KPIs are
 * computed from is read here, so a test can feed real buffers and check the numbers end to end.
 */
import type { RoadGraph } from '../../core/roadGraph';
import type { FeedBuffers } from '../../feed/FeedRuntime';
import { VEHICLE_CLASS_CODES } from '../../feed/ingest/VehicleBuffer';
import type { VehicleClass } from '../../sim/types';
import { VEHICLE_CLASSES } from '../../sim/types';
import type { LiveSensor } from './readSensors';
import type { SegmentSample, VitalsInput } from './vitals';

export interface EdgeInfo {
  lengthM: number;
  freeKmh: number;
}

/** Edge id → length and free-flow speed (the speed limit), from the zone's road graph. */
export type RoadIndex = ReadonlyMap<number, EdgeInfo>;

export function buildRoadIndex(graph: RoadGraph): RoadIndex {
  const m = new Map<number, EdgeInfo>();
  for (const e of graph.edges) m.set(e.id, { lengthM: e.lengthM, freeKmh: e.speedLimitKmh });
  return m;
}

/** Class name by the buffer's class code. */
export const CLASS_BY_CODE: readonly VehicleClass[] = (() => {
  const out: VehicleClass[] = [];
  for (const c of VEHICLE_CLASSES) out[VEHICLE_CLASS_CODES[c]] = c;
  return out;
})();

export interface VehicleCounts {
  byClass: Record<VehicleClass, number>;
  autonomous: number;
}

/** Vehicles alive and not stale, by class, and how many drive at SAE level ≥ fromLevel. */
export function countVehicles(v: FeedBuffers['vehicles'], fromLevel: number): VehicleCounts {
  const byClass = Object.fromEntries(VEHICLE_CLASSES.map((c) => [c, 0])) as Record<VehicleClass, number>;
  let autonomous = 0;
  for (let i = 0; i < v.highWater; i++) {
    if (!v.alive[i] || v.stale[i]) continue;
    const cls = CLASS_BY_CODE[v.classCode[i]!];
    if (!cls) continue;
    byClass[cls]++;
    if (v.automation[i]! >= fromLevel) autonomous++;
  }
  return { byClass, autonomous };
}

/** Fresh segment reports joined with their edge; segments of unknown edges are left out. */
export function segmentSamples(segments: FeedBuffers['segments'], roads: RoadIndex): SegmentSample[] {
  const out: SegmentSample[] = [];
  for (const [id, s] of segments.items) {
    if (segments.isStale(id)) continue;
    const e = roads.get(s.edgeId);
    if (!e) continue;
    out.push({ lengthM: e.lengthM, speedKmh: s.speedKmh, freeKmh: e.freeKmh });
  }
  return out;
}

export function gatherVitalsInput(
  b: FeedBuffers,
  roads: RoadIndex,
  sensors: readonly LiveSensor[],
  alerts: VitalsInput['alerts'],
  autonomousFromLevel: number,
  atMs: number,
): VitalsInput {
  const counts = countVehicles(b.vehicles, autonomousFromLevel);
  let signalsOnline = 0;
  for (const id of b.signals.items.keys()) if (!b.signals.isStale(id)) signalsOnline++;
  return {
    atMs,
    segments: segmentSamples(b.segments, roads),
    vehiclesByClass: counts.byClass,
    vehiclesAutonomous: counts.autonomous,
    signalsTotal: b.signals.items.size,
    signalsOnline,
    feedHasData: b.lastMessageAtMs !== null,
    sensors: sensors.map((s) => {
      const out: VitalsInput['sensors'][number] = { type: s.type, value: s.value, stale: s.stale, level: s.level, pending: s.pending };
      return s.capacity !== undefined ? { ...out, capacity: s.capacity } : out;
    }),
    alerts,
  };
}
