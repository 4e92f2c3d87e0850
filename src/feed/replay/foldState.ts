/**
 * The state of one zone's stream as a client would hold it: a keyframe (a snapshot) with the
 * deltas after it folded in. Pure; used to answer "what did the city look like at t" from a
 * recording, and checked against the simulator's own snapshot at the same moment.
 *
 * Folding follows the stream's meaning (docs/feed-protocol.md): an entity in a delta replaces
 * the fields it carries and keeps the others (a moving vehicle's delta omits its route and
 * automation level), `removed.vehicles` deletes, and an incident that reaches `resolved` leaves
 * the state, as it leaves the simulator's snapshot.
 */
import type { WireCatalogue, WireIncident, WireSegment, WireSensorReading, WireSignal, WireVehicle } from '../protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../protocol/messages';
import { PROTOCOL_VERSION } from '../protocol/limits';

export interface FoldedState {
  zone: string;
  ts: number;
  seq: number;
  simMs?: number;
  timeScale?: number;
  catalogue?: WireCatalogue;
  vehicles: Map<string, WireVehicle>;
  sensors: Map<string, WireSensorReading>;
  signals: Map<string, WireSignal>;
  segments: Map<string, WireSegment>;
  incidents: Map<string, WireIncident>;
}

const byId = <T extends { id: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [x.id, { ...x }]));

export function fromSnapshot(s: SnapshotMessage): FoldedState {
  return {
    zone: s.zone, ts: s.ts, seq: s.seq, simMs: s.simMs, timeScale: s.timeScale, catalogue: s.catalogue,
    vehicles: byId(s.vehicles), sensors: byId(s.sensors), signals: byId(s.signals), segments: byId(s.segments),
    incidents: byId(s.incidents.filter((i) => i.status !== 'resolved')),
  };
}

function merge<T extends { id: string }>(into: Map<string, T>, xs: readonly T[] | undefined): void {
  if (!xs) return;
  for (const x of xs) {
    const prev = into.get(x.id);
    into.set(x.id, prev ? { ...prev, ...x } : { ...x });
  }
}

/** Folds one delta in place. A delta older than the state (by seq) is ignored, as the ingest does. */
export function applyDelta(state: FoldedState, d: DeltaMessage): void {
  if (d.zone !== state.zone || d.seq <= state.seq) return;
  state.ts = d.ts;
  state.seq = d.seq;
  if (d.simMs !== undefined) state.simMs = d.simMs;
  if (d.timeScale !== undefined) state.timeScale = d.timeScale;
  merge(state.vehicles, d.vehicles);
  for (const id of d.removed?.vehicles ?? []) state.vehicles.delete(id);
  merge(state.sensors, d.sensors);
  merge(state.signals, d.signals);
  merge(state.segments, d.segments);
  merge(state.incidents, d.incidents);
  for (const i of d.incidents ?? []) if (i.status === 'resolved') state.incidents.delete(i.id);
}

/** The folded state as a snapshot message, the form a replaying client starts from. */
export function toSnapshot(state: FoldedState): SnapshotMessage {
  return {
    v: PROTOCOL_VERSION, type: 'snapshot', zone: state.zone, ts: state.ts, seq: state.seq,
    ...(state.simMs !== undefined ? { simMs: state.simMs } : {}),
    ...(state.timeScale !== undefined ? { timeScale: state.timeScale } : {}),
    ...(state.catalogue ? { catalogue: state.catalogue } : {}),
    vehicles: [...state.vehicles.values()], sensors: [...state.sensors.values()], signals: [...state.signals.values()],
    segments: [...state.segments.values()], incidents: [...state.incidents.values()],
  };
}

/**
 * Several consecutive deltas as one, so that a fast replay sends one message per tick instead of
 * dozens: folding the merged delta gives the same state as folding each in turn. An entity keeps
 * its latest fields; a vehicle removed and seen again afterwards is present, one seen and then
 * removed is removed. `seq` and `ts` are the last delta's.
 */
export function mergeDeltas(ds: readonly DeltaMessage[]): DeltaMessage | null {
  const last = ds[ds.length - 1];
  if (!last) return null;
  const vehicles = new Map<string, WireVehicle>();
  const removed = new Set<string>();
  const sensors = new Map<string, WireSensorReading>();
  const signals = new Map<string, WireSignal>();
  const segments = new Map<string, WireSegment>();
  const incidents = new Map<string, WireIncident>();
  let simMs: number | undefined;
  let timeScale: number | undefined;
  for (const d of ds) {
    if (d.simMs !== undefined) simMs = d.simMs;
    if (d.timeScale !== undefined) timeScale = d.timeScale;
    for (const v of d.vehicles ?? []) removed.delete(v.id);
    merge(vehicles, d.vehicles);
    for (const id of d.removed?.vehicles ?? []) {
      vehicles.delete(id);
      removed.add(id);
    }
    merge(sensors, d.sensors);
    merge(signals, d.signals);
    merge(segments, d.segments);
    merge(incidents, d.incidents);
  }
  const out: DeltaMessage = { v: PROTOCOL_VERSION, type: 'delta', zone: last.zone, ts: last.ts, seq: last.seq };
  if (simMs !== undefined) out.simMs = simMs;
  if (timeScale !== undefined) out.timeScale = timeScale;
  if (vehicles.size) out.vehicles = [...vehicles.values()];
  if (removed.size) out.removed = { vehicles: [...removed] };
  if (sensors.size) out.sensors = [...sensors.values()];
  if (signals.size) out.signals = [...signals.values()];
  if (segments.size) out.segments = [...segments.values()];
  if (incidents.size) out.incidents = [...incidents.values()];
  return out;
}
