/**
 * Validates and applies single entities into the buffers: schema, time window (in server time),
 * position plausibility, then newest-wins. Every rejection goes to `drop` with a reason.
 */
import { DEG, type EnuFrame, type Vec3 } from '../../core/geodesy';
import type { DropReason } from '../protocol/dropReasons';
import { incidentSchema, segmentSchema, sensorReadingSchema, signalSchema, vehicleSchema, type WireVehicle } from '../protocol/entities';
import { isPlainVehicle } from '../protocol/v2/checks';
import type { IncidentEntry, SegmentEntry, SignalEntry } from './entities';
import type { EntityTable } from './EntityTable';
import type { SensorBuffer } from './SensorBuffer';
import type { ColumnWindow, VehicleBuffer } from './VehicleBuffer';

export type EntityKind = 'vehicle' | 'sensor' | 'signal' | 'segment' | 'incident';

export interface ApplierDeps {
  frame: EnuFrame;
  futureToleranceMs: number;
  maxAgeMs: Record<EntityKind, number>;
  maxDistanceM: number;
  vehicles: VehicleBuffer;
  sensors: SensorBuffer;
  signals: EntityTable<SignalEntry>;
  segments: EntityTable<SegmentEntry>;
  incidents: EntityTable<IncidentEntry>;
  drop(reason: DropReason, detail: string): void;
}

/** Until the first server-time sample arrives, accept clocks this far apart rather than drop everything. */
const UNSYNCED_SLACK_MS = 15 * 60_000;
const scratch: Vec3 = [0, 0, 0];

export class EntityApplier {
  constructor(private readonly o: ApplierDeps) {}

  private timeVerdict(kind: EntityKind, ts: number, serverNow: number, synced: boolean): DropReason | null {
    const slack = synced ? 0 : UNSYNCED_SLACK_MS;
    if (ts > serverNow + this.o.futureToleranceMs + slack) return 'future';
    if (serverNow - ts > this.o.maxAgeMs[kind] + slack) return 'too-old';
    return null;
  }

  /** The same checks as vehicle(), as bounds for a columnar batch (VehicleBuffer.upsertColumns). */
  vehicleWindow(serverNow: number, synced: boolean): ColumnWindow {
    const slack = synced ? 0 : UNSYNCED_SLACK_MS;
    return { maxTs: serverNow + this.o.futureToleranceMs + slack, minTs: serverNow - this.o.maxAgeMs.vehicle - slack, maxDistanceM: this.o.maxDistanceM };
  }

  /** Converts to ENU; null when the point is non-finite or implausibly far from the zone. */
  private toEnu(lonDeg: number, latDeg: number): Vec3 | null {
    const p = this.o.frame.lonLatToEnu(lonDeg, latDeg, 0, scratch);
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.hypot(p[0], p[1]) > this.o.maxDistanceM) return null;
    return p;
  }

  /** Every entity of a message (snapshot, delta or decoded v2 frame), kind by kind. */
  entities(m: { ts: number; vehicles?: unknown[]; sensors?: unknown[]; signals?: unknown[]; segments?: unknown[]; incidents?: unknown[] }, serverNow: number, synced: boolean): void {
    if (m.vehicles) for (const e of m.vehicles) this.vehicle(e, m.ts, serverNow, synced);
    if (m.sensors) for (const e of m.sensors) this.sensor(e, serverNow, synced);
    if (m.signals) for (const e of m.signals) this.signal(e, m.ts, serverNow, synced);
    if (m.segments) for (const e of m.segments) this.segment(e, m.ts, serverNow, synced);
    if (m.incidents) for (const e of m.incidents) this.incident(e, m.ts, serverNow, synced);
  }

  vehicle(e: unknown, envTs: number, serverNow: number, synced: boolean): void {
    let v: WireVehicle;
    // Most vehicles are plain; zod per entity cost the default feed ~0.1 s of main thread per 16 s orbit.
    if (isPlainVehicle(e)) v = e;
    else {
      const r = vehicleSchema.safeParse(e);
      if (!r.success) return this.o.drop('schema', `vehicle: ${issue(r.error)}`);
      v = r.data;
    }
    const ts = v.ts ?? envTs;
    const t = this.timeVerdict('vehicle', ts, serverNow, synced);
    if (t) return this.o.drop(t, `vehicle ${v.id}`);
    const p = this.toEnu(v.lonDeg, v.latDeg);
    if (!p) return this.o.drop('out-of-zone', `vehicle ${v.id}`);
    const verdict = this.o.vehicles.upsert({
      id: v.id, ts, x: p[0], y: p[1], z: 0, yaw: (90 - v.headingDeg) * DEG, speedMps: v.speedMps, cls: v.cls,
      automation: v.automation, route: v.route, lineId: v.line?.id, nextStops: v.line?.nextStops,
    });
    if (verdict) this.o.drop(verdict, `vehicle ${v.id}`);
  }

  sensor(e: unknown, serverNow: number, synced: boolean): void {
    const r = sensorReadingSchema.safeParse(e);
    if (!r.success) return this.o.drop('schema', `sensor: ${issue(r.error)}`);
    const s = r.data;
    const t = this.timeVerdict('sensor', s.ts, serverNow, synced);
    if (t) return this.o.drop(t, `sensor ${s.id}`);
    const verdict = this.o.sensors.upsertReading(s.id, s.type, s.unit, s.value, s.quality, s.ts);
    if (verdict) this.o.drop(verdict, `sensor ${s.id}`);
  }

  signal(e: unknown, envTs: number, serverNow: number, synced: boolean): void {
    const r = signalSchema.safeParse(e);
    if (!r.success) return this.o.drop('schema', `signal: ${issue(r.error)}`);
    const s = r.data;
    const ts = s.ts ?? envTs;
    const t = this.timeVerdict('signal', ts, serverNow, synced);
    if (t) return this.o.drop(t, `signal ${s.id}`);
    const p = this.toEnu(s.lonDeg, s.latDeg);
    if (!p) return this.o.drop('out-of-zone', `signal ${s.id}`);
    const entry: SignalEntry = { id: s.id, ts, x: p[0], y: p[1], timeScale: s.timeScale ?? 1, approaches: s.approaches };
    if (s.nodeId !== undefined) entry.nodeId = s.nodeId;
    if (s.cycleS !== undefined) entry.cycleS = s.cycleS;
    const verdict = this.o.signals.upsert(entry);
    if (verdict) this.o.drop(verdict, `signal ${s.id}`);
  }

  segment(e: unknown, envTs: number, serverNow: number, synced: boolean): void {
    const r = segmentSchema.safeParse(e);
    if (!r.success) return this.o.drop('schema', `segment: ${issue(r.error)}`);
    const s = r.data;
    const ts = s.ts ?? envTs;
    const t = this.timeVerdict('segment', ts, serverNow, synced);
    if (t) return this.o.drop(t, `segment ${s.id}`);
    const verdict = this.o.segments.upsert({ id: s.id, ts, edgeId: s.edgeId, dir: s.dir, speedKmh: s.speedKmh, flowVph: s.flowVph, congestion: s.congestion });
    if (verdict) this.o.drop(verdict, `segment ${s.id}`);
  }

  incident(e: unknown, envTs: number, serverNow: number, synced: boolean): void {
    const r = incidentSchema.safeParse(e);
    if (!r.success) return this.o.drop('schema', `incident: ${issue(r.error)}`);
    const i = r.data;
    const ts = i.ts ?? envTs;
    const t = this.timeVerdict('incident', ts, serverNow, synced);
    if (t) return this.o.drop(t, `incident ${i.id}`);
    const p = this.toEnu(i.lonDeg, i.latDeg);
    if (!p) return this.o.drop('out-of-zone', `incident ${i.id}`);
    const entry: IncidentEntry = { id: i.id, ts, type: i.type, severity: i.severity, x: p[0], y: p[1], status: i.status };
    if (i.startedTs !== undefined) entry.startedTs = i.startedTs;
    if (i.description) entry.description = i.description;
    if (i.edgeId !== undefined) entry.edgeId = i.edgeId;
    if (i.sensorId) entry.sensorId = i.sensorId;
    const verdict = this.o.incidents.upsert(entry);
    if (verdict) this.o.drop(verdict, `incident ${i.id}`);
  }
}

function issue(err: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = err.issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}
