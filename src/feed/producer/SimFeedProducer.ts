/**
 * Turns a running Simulation into protocol messages: a full snapshot on demand, and deltas that
 * carry only what changed since the previous delta (plus keep-alives so nothing parked looks stale).
 * One producer serves all subscribers of a zone; it keeps no per-client state.
 */
import type { EnuFrame } from '../../core/geodesy';
import type { Simulation } from '../../sim/Simulation';
import { loopDistance, type BusLine } from '../../sim/traffic/busLines';
import type { SimVehicle } from '../../sim/traffic/vehicle';
import type { WireCatalogue, WireIncident, WireSegment, WireSensorReading, WireSignal, WireVehicle } from '../protocol/entities';
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { DeltaMessage, HelloMessage, SnapshotMessage } from '../protocol/messages';
import { round1, round2, toLonLat, yawToHeadingDeg } from './wireFormat';

/** A vehicle standing still is re-sent this often so clients do not mark it stale. */
const VEHICLE_KEEPALIVE_MS = 2000;
const SIGNAL_KEEPALIVE_MS = 5000;
const BUS_ETA_EVERY_MS = 5000;
/** Dwell assumed per intermediate stop in arrival predictions, s. */
const STOP_DWELL_S = 30;
const MIN_BUS_SPEED_MPS = 3;

interface Sent {
  x: number;
  y: number;
  v: number;
  ts: number;
  etaTs: number;
  nextStop: number;
  route: string | null;
}

const INCIDENT_TEXT: Record<string, { zh: string; en: string }> = {
  crash: { zh: '交通事故', en: 'Crash' },
  breakdown: { zh: '车辆故障', en: 'Breakdown' },
  underpass_flood: { zh: '下立交积水超警', en: 'Underpass flooding' },
  rsu_fault: { zh: '路侧单元故障', en: 'RSU fault' },
};

export class SimFeedProducer {
  private seq = 0;
  private readonly sent = new Map<string, Sent>();
  private readonly signalSent: { seq: number; ts: number }[];
  private readonly readingTs = new Map<string, number>();
  private readonly lineSpeed = new Map<string, number>();
  private catalogueCache: WireCatalogue | null = null;
  private readonly pos = [0, 0, 0];

  constructor(private readonly sim: Simulation, private readonly frame: EnuFrame, private timeScale = 1) {
    this.signalSent = sim.signals.junctions.map(() => ({ seq: -1, ts: 0 }));
  }

  setTimeScale(x: number): void {
    this.timeScale = x;
  }

  hello(ts: number, heartbeatMs: number, zones: string[], server = 'shentwin-sim'): HelloMessage {
    return { v: PROTOCOL_VERSION, type: 'hello', server, ts, heartbeatMs, zones };
  }

  catalogue(): WireCatalogue {
    if (this.catalogueCache) return this.catalogueCache;
    const f = this.frame;
    const sensors = this.sim.sensors.specs.map((s) => ({
      id: s.id, type: s.type, name: s.name, ...toLonLat(f, s.x, s.y), unit: s.unit, reportEveryS: s.reportEveryS,
      ...(s.thresholds ? { thresholds: s.thresholds } : {}), ...(s.capacity !== undefined ? { capacity: s.capacity } : {}),
      ...(s.stationId ? { stationId: s.stationId } : {}),
    }));
    const lines = this.sim.busLines.map((l) => ({ id: l.id, name: l.name, stopIds: l.stops.map((s) => s.id), lengthM: Math.round(l.lengthM) }));
    const stops = this.sim.busLines.flatMap((l) => l.stops.map((s) => ({ id: s.id, lineId: s.lineId, name: s.name, ...toLonLat(f, s.x, s.y) })));
    this.catalogueCache = { sensors, lines, stops };
    return this.catalogueCache;
  }

  snapshot(ts: number): SnapshotMessage {
    const sim = this.sim;
    const vehicles: WireVehicle[] = [];
    for (const v of sim.traffic.byId.values()) vehicles.push(this.vehicle(v, ts, true));
    const sensors: WireSensorReading[] = [];
    // Readings not yet sent in a delta are stamped just before this snapshot, so the delta that
    // carries them next is strictly newer rather than a duplicate.
    for (const r of sim.sensors.latest.values()) sensors.push(this.reading(r.id, r.value, r.quality, this.readingTs.get(r.id) ?? ts - 1));
    const signals = sim.signals.junctions.map((_, ji) => this.signal(ji, ts));
    const segments: WireSegment[] = sim.net.links.map((l) => this.segment(l.index));
    const incidents = sim.activeIncidents().map((i) => this.incident(i.id, ts)).filter((x): x is WireIncident => x !== null);
    return {
      v: PROTOCOL_VERSION, type: 'snapshot', zone: sim.zoneId, ts, seq: this.seq, simMs: sim.simMs, timeScale: this.timeScale,
      catalogue: this.catalogue(), vehicles, sensors, signals, segments, incidents,
    };
  }

  /** Changes since the previous call, or null when nothing changed. */
  delta(ts: number): DeltaMessage | null {
    const sim = this.sim;
    const vehicles: WireVehicle[] = [];
    for (const v of sim.traffic.byId.values()) {
      const prev = this.sent.get(v.id);
      if (!prev) {
        vehicles.push(this.vehicle(v, ts, true));
        continue;
      }
      sim.traffic.position(v, this.pos);
      const moved = Math.abs(this.pos[0]! - prev.x) + Math.abs(this.pos[1]! - prev.y) > 0.2 || Math.abs(v.v - prev.v) > 0.1;
      const busDue = v.bus !== null && (ts - prev.etaTs >= BUS_ETA_EVERY_MS || v.bus.nextStop !== prev.nextStop);
      if (moved || busDue || ts - prev.ts >= VEHICLE_KEEPALIVE_MS || v.route !== prev.route) vehicles.push(this.vehicle(v, ts, v.route !== prev.route));
    }
    const removedIds = sim.traffic.removed.splice(0);
    for (const id of removedIds) this.sent.delete(id);
    // A fast time scale can produce several readings of one sensor per tick; the latest wins.
    const latestPending = new Map<string, (typeof sim.sensors.pending)[number]>();
    for (const r of sim.sensors.pending.splice(0)) latestPending.set(r.id, r);
    const sensors = [...latestPending.values()].map((r) => {
      this.readingTs.set(r.id, ts);
      return this.reading(r.id, r.value, r.quality, ts);
    });
    const signals: WireSignal[] = [];
    sim.signals.junctions.forEach((_, ji) => {
      const last = this.signalSent[ji]!;
      if (last.seq !== sim.signals.changeSeq[ji] || ts - last.ts >= SIGNAL_KEEPALIVE_MS) signals.push(this.signal(ji, ts));
    });
    const segments = [...sim.segments.dirty].map((li) => this.segment(li));
    sim.segments.dirty.clear();
    const incidents = [...sim.incidents.changed].map((id) => this.incident(id, ts)).filter((x): x is WireIncident => x !== null);
    sim.incidents.changed.clear();
    if (vehicles.length + removedIds.length + sensors.length + signals.length + segments.length + incidents.length === 0) return null;
    const d: DeltaMessage = { v: PROTOCOL_VERSION, type: 'delta', zone: sim.zoneId, ts, seq: ++this.seq, simMs: sim.simMs, timeScale: this.timeScale };
    if (vehicles.length) d.vehicles = vehicles;
    if (removedIds.length) d.removed = { vehicles: removedIds };
    if (sensors.length) d.sensors = sensors;
    if (signals.length) d.signals = signals;
    if (segments.length) d.segments = segments;
    if (incidents.length) d.incidents = incidents;
    return d;
  }

  private vehicle(v: SimVehicle, ts: number, full: boolean): WireVehicle {
    this.sim.traffic.position(v, this.pos);
    const [x, y, yaw] = this.pos as [number, number, number];
    const w: WireVehicle = { id: v.id, cls: v.cls, ...toLonLat(this.frame, x, y), headingDeg: yawToHeadingDeg(yaw), speedMps: round2(v.v) };
    const prev = this.sent.get(v.id);
    if (full) {
      w.automation = v.automation;
      if (v.route) w.route = v.route;
    }
    let etaTs = prev?.etaTs ?? 0;
    if (v.bus && (full || !prev || ts - prev.etaTs >= BUS_ETA_EVERY_MS || v.bus.nextStop !== prev.nextStop)) {
      w.line = { id: v.bus.line.id, nextStops: this.predictArrivals(v) };
      etaTs = ts;
    }
    this.sent.set(v.id, { x, y, v: v.v, ts, etaTs, nextStop: v.bus?.nextStop ?? -1, route: v.route });
    return w;
  }

  /** Arrival predictions for the next three stops: distance over the line's recent mean speed plus dwell. */
  private predictArrivals(v: SimVehicle): { stopId: string; etaS: number }[] {
    const bus = v.bus!;
    const line: BusLine = bus.line;
    if (line.stops.length === 0) return [];
    const along = line.startAlong[bus.pathIndex]! + v.s;
    const prevSpeed = this.lineSpeed.get(line.id) ?? 6;
    const speed = Math.max(MIN_BUS_SPEED_MPS, prevSpeed * 0.98 + v.v * 0.02);
    this.lineSpeed.set(line.id, speed);
    const out: { stopId: string; etaS: number }[] = [];
    const dwellLeft = bus.dwellUntilS > 0 ? Math.max(0, bus.dwellUntilS - this.sim.tS) : 0;
    for (let k = 0; k < Math.min(3, line.stops.length); k++) {
      const stop = line.stops[(bus.nextStop + k) % line.stops.length]!;
      const d = k === 0 && bus.dwellUntilS > 0 ? 0 : loopDistance(line, along, stop.along);
      out.push({ stopId: stop.id, etaS: Math.min(86_400, Math.round(d / speed + dwellLeft + k * STOP_DWELL_S)) });
    }
    return out;
  }

  private reading(id: string, value: number, quality: WireSensorReading['quality'], ts: number): WireSensorReading {
    const spec = this.sim.sensors.spec(id)!;
    return { id, type: spec.type, value, unit: spec.unit, ts, quality };
  }

  private signal(ji: number, ts: number): WireSignal {
    const sim = this.sim;
    const j = sim.signals.junctions[ji]!;
    const node = sim.net.nodes[j.nodeIndex]!;
    this.signalSent[ji] = { seq: sim.signals.changeSeq[ji]!, ts };
    return {
      id: `sig-${j.nodeId}`, nodeId: j.nodeId, ...toLonLat(this.frame, node.x, node.y), cycleS: j.cycleS, timeScale: this.timeScale, ts,
      approaches: sim.signals.approaches(ji).map(({ link, state }) => {
        const l = sim.net.links[link]!;
        return { id: `${l.edgeId}:${l.reverse ? 'r' : 'f'}`, bearingDeg: yawToHeadingDeg(l.endYaw), road: l.name, state: state.color, remainingS: round1(state.remainingS) };
      }),
    };
  }

  private segment(li: number): WireSegment {
    const s = this.sim.segments.state(li);
    const l = this.sim.net.links[li]!;
    return {
      id: `${l.edgeId}:${l.reverse ? 'r' : 'f'}`, edgeId: l.edgeId, dir: l.reverse ? 'r' : 'f',
      speedKmh: Math.min(200, round1(s.speedMps * 3.6)), flowVph: Math.min(20_000, Math.round(s.flowVph)), congestion: s.level,
    };
  }

  private incident(id: string, ts: number): WireIncident | null {
    const i = this.sim.incidents.list.find((x) => x.id === id);
    if (!i) return null;
    const road = i.link !== undefined ? this.sim.net.links[i.link]! : undefined;
    const text = INCIDENT_TEXT[i.type] ?? { zh: i.type, en: i.type };
    const w: WireIncident = {
      id: i.id, type: i.type, severity: i.severity, ...toLonLat(this.frame, i.x, i.y), status: i.status, ts,
      startedTs: ts - Math.max(0, Math.round((this.sim.simMs - i.startedSimMs) / this.timeScale)),
      description: { zh: road?.name ? `${road.name} ${text.zh}` : text.zh, en: road?.nameEn ? `${text.en} on ${road.nameEn}` : text.en },
    };
    if (road) w.edgeId = road.edgeId;
    if (i.sensorId) w.sensorId = i.sensorId;
    return w;
  }
}
