/**
 * Splits one zone's v1 stream into independent per-topic streams for MQTT v2: one per 1 km cell
 * of the zone's ENU frame (vehicles) and one `all` stream (sensors, signals, segments, incidents,
 * catalogue). Each stream numbers its own messages contiguously (a v2 decoder accepts a delta only
 * as seq = last + 1) and keeps the state its snapshot needs. A vehicle that moves from cell A to
 * B is a removal in A and an add in B; its route and line travel with the add, because a viewer
 * of B never saw them.
 */
import type { EnuFrame, Vec3 } from '../../core/geodesy';
import { PROTOCOL_VERSION } from '../../feed/protocol/limits';
import type { WireVehicle } from '../../feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../feed/protocol/messages';

import { ALL_STREAM, cellName } from '../../feed/protocol/v2/mqttTopics';

export { ALL_STREAM, CELL_M, cellName } from '../../feed/protocol/v2/mqttTopics';

interface CellState {
  seq: number;
  vehicles: Map<string, WireVehicle>;
}

export class CellSharder {
  /** Vehicles that crossed from one cell into another. */
  moves = 0;
  private readonly cells = new Map<string, CellState>();
  private readonly cellOf = new Map<string, string>();
  private allSeq = 0;
  private readonly enu: Vec3 = [0, 0, 0];

  constructor(readonly zone: string, private readonly frame: EnuFrame) {}

  /** Every cell stream that has existed: an emptied cell keeps its stream, so its snapshot says "empty". */
  get streams(): string[] {
    return [...this.cells.keys(), ALL_STREAM];
  }

  /** The per-stream deltas for one zone delta; streams with nothing new are absent. */
  split(d: DeltaMessage): Map<string, DeltaMessage> {
    const adds = new Map<string, WireVehicle[]>();
    const removes = new Map<string, string[]>();
    const push = <T>(m: Map<string, T[]>, k: string, x: T) => {
      const a = m.get(k);
      if (a) a.push(x);
      else m.set(k, [x]);
    };
    for (const v of d.vehicles ?? []) {
      const cell = this.cellFor(v);
      if (cell === null) continue;
      const was = this.cellOf.get(v.id);
      const prev = was !== undefined ? this.cells.get(was)!.vehicles.get(v.id) : undefined;
      const merged: WireVehicle = { ...prev, ...v, ts: v.ts ?? d.ts };
      if (was !== undefined && was !== cell) {
        this.cells.get(was)!.vehicles.delete(v.id);
        push(removes, was, v.id);
        this.moves++;
      }
      this.cellOf.set(v.id, cell);
      this.cell(cell).vehicles.set(v.id, merged);
      // An add carries the whole record; an update in place only what the zone delta had.
      push(adds, cell, was === cell ? v : merged);
    }
    for (const id of d.removed?.vehicles ?? []) {
      const was = this.cellOf.get(id);
      if (was === undefined) continue;
      this.cellOf.delete(id);
      this.cells.get(was)!.vehicles.delete(id);
      push(removes, was, id);
    }
    const env = { v: PROTOCOL_VERSION as typeof PROTOCOL_VERSION, type: 'delta' as const, zone: d.zone, ts: d.ts, ...(d.simMs !== undefined ? { simMs: d.simMs } : {}), ...(d.timeScale !== undefined ? { timeScale: d.timeScale } : {}) };
    const out = new Map<string, DeltaMessage>();
    for (const cell of new Set([...adds.keys(), ...removes.keys()])) {
      const st = this.cells.get(cell)!;
      const m: DeltaMessage = { ...env, seq: ++st.seq };
      const a = adds.get(cell), r = removes.get(cell);
      if (a) m.vehicles = a;
      if (r) m.removed = { vehicles: r };
      out.set(cell, m);
    }
    if (d.sensors?.length || d.signals?.length || d.segments?.length || d.incidents?.length) {
      const m: DeltaMessage = { ...env, seq: ++this.allSeq };
      if (d.sensors?.length) m.sensors = d.sensors;
      if (d.signals?.length) m.signals = d.signals;
      if (d.segments?.length) m.segments = d.segments;
      if (d.incidents?.length) m.incidents = d.incidents;
      out.set(ALL_STREAM, m);
    }
    return out;
  }

  /** The snapshot of one stream (seq = its last delta's); `zone` supplies ts and the low-rate kinds. */
  snapshot(stream: string, zone: SnapshotMessage): SnapshotMessage {
    const base = {
      v: PROTOCOL_VERSION as typeof PROTOCOL_VERSION, type: 'snapshot' as const, zone: zone.zone, ts: zone.ts,
      ...(zone.simMs !== undefined ? { simMs: zone.simMs } : {}), ...(zone.timeScale !== undefined ? { timeScale: zone.timeScale } : {}),
    };
    if (stream === ALL_STREAM) {
      return {
        ...base, seq: this.allSeq, ...(zone.catalogue ? { catalogue: zone.catalogue } : {}),
        vehicles: [], sensors: zone.sensors, signals: zone.signals, segments: zone.segments, incidents: zone.incidents,
      };
    }
    const st = this.cells.get(stream);
    return { ...base, seq: st?.seq ?? 0, vehicles: st ? [...st.vehicles.values()] : [], sensors: [], signals: [], segments: [], incidents: [] };
  }

  /** What a cell stream holds before its first delta: nothing, at seq 0. */
  emptySnapshot(d: DeltaMessage): SnapshotMessage {
    return { v: PROTOCOL_VERSION, type: 'snapshot', zone: d.zone, ts: d.ts, seq: 0, vehicles: [], sensors: [], signals: [], segments: [], incidents: [] };
  }

  private cell(name: string): CellState {
    let c = this.cells.get(name);
    if (!c) {
      c = { seq: 0, vehicles: new Map() };
      this.cells.set(name, c);
    }
    return c;
  }

  /** Null for a position that is not a number (the v1 rules drop such a vehicle anyway). */
  private cellFor(v: WireVehicle): string | null {
    if (!Number.isFinite(v.lonDeg) || !Number.isFinite(v.latDeg)) return null;
    const p = this.frame.lonLatToEnu(v.lonDeg, v.latDeg, 0, this.enu);
    return cellName(p[0], p[1]);
  }
}
