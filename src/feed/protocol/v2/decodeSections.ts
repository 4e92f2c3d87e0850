/**
 * The sections of one v2 frame → DecodedFrameV2's body. Defs go into `scratch` (committed by the
 * decoder only if everything here passes); indices resolve through the scratch first, then `base`
 * (the decoder's dictionaries; empty for a snapshot, which starts them afresh).
 *
 * Validation runs as plain loops over the column arrays; zod is used only for the low-rate JSON
 * parts (signal defs, vehicle extras, incidents, catalogue).
 */
import { z } from 'zod';
import { SIGNAL_COLORS, VEHICLE_CLASSES } from '../../../sim/types';
import { approachSchema, catalogueSchema, incidentSchema, signalSchema, vehicleSchema, type WireSegment, type WireSensorReading, type WireSignal } from '../entities';
import { MAX_EPOCH_MS, MIN_EPOCH_MS } from '../limits';
import { fromF32, MAX_UNIT_LENGTH } from './checks';
import {
  AUTOMATION_ABSENT, COLUMN_TS, DIR_CODES, F32_DIGITS, HEADING_PER_DEG, MAX_APPROACHES, MAX_AUTOMATION, MAX_DICT_ENTRIES, MAX_ENU_M,
  MAX_HEADING_CODE, MAX_ROWS, MAX_SPEED_CODE, QUALITY_CODES, SECTION, SPEED_PER_MPS,
} from './layout';
import { fail, readJson, SectionReader } from './SectionReader';
import type { DecodedFrameV2, DecodedVehiclesV2, VehicleExtrasV2 } from './types';

export interface SensorDefV2 { id: string; type: string; unit: string }
export interface SegmentDefV2 { id: string; edgeId: number; dir: WireSegment['dir'] }
export type SignalDefV2 = z.infer<typeof signalDefSchema>;

export interface Dictionaries {
  /** Index → id; '' where the index is free. */
  vehicles: string[];
  sensors: Map<number, SensorDefV2>;
  segments: Map<number, SegmentDefV2>;
  signals: Map<number, SignalDefV2>;
}
export interface Scratch {
  vehicles: Map<number, string>;
  sensors: Map<number, SensorDefV2>;
  segments: Map<number, SegmentDefV2>;
  signals: Map<number, SignalDefV2>;
  /** Vehicle indices freed once the frame commits. */
  removed: number[];
}
type Body = Pick<DecodedFrameV2, 'vehicles' | 'removedVehicles' | 'sensors' | 'segments' | 'signals' | 'incidents' | 'catalogue'>;
type Sections = ReadonlyMap<number, { start: number; length: number }>;

const signalDefSchema = signalSchema.pick({ id: true, nodeId: true, lonDeg: true, latDeg: true, cycleS: true })
  .extend({ approaches: z.array(approachSchema.pick({ id: true, bearingDeg: true, road: true })).min(1).max(MAX_APPROACHES) });
const extrasSchema = z.record(z.string().regex(/^(0|[1-9][0-9]{0,6})$/), vehicleSchema.pick({ route: true, line: true }));
const jsonSchema = z.object({ incidents: z.array(incidentSchema).max(MAX_ROWS).optional(), catalogue: catalogueSchema.optional() });
const MAX_SIGNAL_DEF_BYTES = 16 * 1024;
const MAX_UNIT_BYTES = MAX_UNIT_LENGTH * 4;

function isTsValue(t: number): boolean {
  return t >= MIN_EPOCH_MS && t <= MAX_EPOCH_MS && Math.floor(t) === t;
}

export function decodeSections(bytes: Uint8Array, dv: DataView, sections: Sections, base: Dictionaries, scratch: Scratch, frameTs: number): Body {
  const reader = (tag: number, name: string): SectionReader | null => {
    const s = sections.get(tag);
    return s ? new SectionReader(bytes, dv, s.start, s.length, name) : null;
  };
  /** A defs section's index column, checked for bounds and duplicates. */
  const defIndices = (r: SectionReader): Uint32Array => {
    const idx = r.column('u32', r.n);
    const seen = new Set<number>();
    for (let i = 0; i < r.n; i++) {
      if (idx[i]! >= MAX_DICT_ENTRIES) fail('schema', `${r.name}: index ${idx[i]} ≥ ${MAX_DICT_ENTRIES}`);
      if (seen.has(idx[i]!)) fail('schema', `${r.name}: index ${idx[i]} defined twice`);
      seen.add(idx[i]!);
    }
    return idx;
  };
  const resolve = <T>(r: SectionReader, idx: Uint32Array, own: Map<number, T>, from: (i: number) => T | undefined): T[] => {
    const out = new Array<T>(idx.length);
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i]!;
      const v = own.size > 0 && own.has(k) ? own.get(k) : from(k);
      if (v === undefined || v === '') fail('inconsistent', `${r.name}: unknown index ${k}`);
      out[i] = v;
    }
    return out;
  };

  // Defs first, whatever the order of the sections on the wire.
  let r = reader(SECTION.VEHICLE_DEFS, 'vehicle defs');
  if (r) {
    const idx = defIndices(r);
    const ids = r.ids(r.n);
    r.end();
    for (let i = 0; i < r.n; i++) scratch.vehicles.set(idx[i]!, ids[i]!);
  }
  r = reader(SECTION.SENSOR_DEFS, 'sensor defs');
  if (r) {
    const idx = defIndices(r);
    const ids = r.ids(r.n), types = r.kinds(r.n), units = r.texts(r.n, MAX_UNIT_BYTES, MAX_UNIT_LENGTH, 'unit');
    r.end();
    for (let i = 0; i < r.n; i++) scratch.sensors.set(idx[i]!, { id: ids[i]!, type: types[i]!, unit: units[i]! });
  }
  r = reader(SECTION.SEGMENT_DEFS, 'segment defs');
  if (r) {
    const idx = defIndices(r);
    const edge = r.column('i32', r.n), dir = r.column('u8', r.n), ids = r.ids(r.n);
    r.end();
    for (let i = 0; i < r.n; i++) {
      if (dir[i]! >= DIR_CODES.length) fail('schema', `segment defs: dir code ${dir[i]}`);
      scratch.segments.set(idx[i]!, { id: ids[i]!, edgeId: edge[i]!, dir: DIR_CODES[dir[i]!]! });
    }
  }
  r = reader(SECTION.SIGNAL_DEFS, 'signal defs');
  if (r) {
    const idx = defIndices(r);
    const texts = r.texts(r.n, MAX_SIGNAL_DEF_BYTES, MAX_SIGNAL_DEF_BYTES, 'def');
    r.end();
    for (let i = 0; i < r.n; i++) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(texts[i]!);
      } catch {
        fail('schema', `signal defs: def ${i} is not JSON`);
      }
      const d = signalDefSchema.safeParse(parsed);
      if (!d.success) fail('schema', `signal defs: def ${i}: ${d.error.issues[0]?.message ?? 'invalid'}`);
      scratch.signals.set(idx[i]!, d.data);
    }
  }

  const vehicles = decodeVehicles(reader(SECTION.VEHICLES, 'vehicles'), frameTs, (rr, idx) => resolve(rr, idx, scratch.vehicles, (k) => base.vehicles[k]));
  const ex = sections.get(SECTION.VEHICLE_EXTRAS);
  if (ex) vehicles.out.extras = decodeExtras(readJson(bytes, ex.start, ex.length, 'vehicle extras'), vehicles.index);

  const removedVehicles: string[] = [];
  r = reader(SECTION.VEHICLES_REMOVED, 'removed vehicles');
  if (r) {
    const idx = r.column('u32', r.n);
    r.end();
    removedVehicles.push(...resolve(r, idx, scratch.vehicles, (k) => base.vehicles[k]));
    scratch.removed.push(...idx);
  }

  const sensors: WireSensorReading[] = [];
  r = reader(SECTION.SENSORS, 'sensors');
  if (r) {
    const idx = r.column('u32', r.n), value = r.column('f64', r.n), ts = r.column('f64', r.n), quality = r.column('u8', r.n);
    r.end();
    const defs = resolve(r, idx, scratch.sensors, (k) => base.sensors.get(k));
    for (let i = 0; i < r.n; i++) {
      if (!(value[i]! >= -1e6 && value[i]! <= 1e6)) fail('schema', `sensors: value ${value[i]}`);
      if (!isTsValue(ts[i]!)) fail('schema', `sensors: ts ${ts[i]}`);
      if (quality[i]! >= QUALITY_CODES.length) fail('schema', `sensors: quality code ${quality[i]}`);
      const d = defs[i]!;
      sensors.push({ id: d.id, type: d.type, value: value[i]!, unit: d.unit, ts: ts[i]!, quality: QUALITY_CODES[quality[i]!]! });
    }
  }

  const segments: WireSegment[] = [];
  r = reader(SECTION.SEGMENTS, 'segments');
  if (r) {
    const idx = r.column('u32', r.n);
    const ts = r.m & COLUMN_TS ? r.column('f64', r.n) : null;
    const speed = r.column('f32', r.n), flow = r.column('f32', r.n), congestion = r.column('u8', r.n);
    r.end();
    const defs = resolve(r, idx, scratch.segments, (k) => base.segments.get(k));
    for (let i = 0; i < r.n; i++) {
      const t = ts ? ts[i]! : frameTs;
      if (!isTsValue(t)) fail('schema', `segments: ts ${t}`);
      if (!(speed[i]! >= 0 && speed[i]! <= 200)) fail('schema', `segments: speedKmh ${speed[i]}`);
      if (!(flow[i]! >= 0 && flow[i]! <= 20_000)) fail('schema', `segments: flowVph ${flow[i]}`);
      if (congestion[i]! > 3) fail('schema', `segments: congestion ${congestion[i]}`);
      const d = defs[i]!;
      segments.push({ id: d.id, edgeId: d.edgeId, dir: d.dir, speedKmh: fromF32(speed[i]!, F32_DIGITS), flowVph: fromF32(flow[i]!, F32_DIGITS), congestion: congestion[i]!, ts: t });
    }
  }

  const signals = decodeSignals(reader(SECTION.SIGNALS, 'signals'), (rr, idx) => resolve(rr, idx, scratch.signals, (k) => base.signals.get(k)));

  const body: Body = { vehicles: vehicles.out, removedVehicles, sensors, segments, signals, incidents: [] };
  const js = sections.get(SECTION.JSON);
  if (js) {
    const p = jsonSchema.safeParse(readJson(bytes, js.start, js.length, 'json'));
    if (!p.success) fail('schema', `json: ${p.error.issues[0]?.path.join('.') ?? ''} ${p.error.issues[0]?.message ?? 'invalid'}`);
    if (p.data.incidents) body.incidents = p.data.incidents;
    if (p.data.catalogue) body.catalogue = p.data.catalogue;
  }
  return body;
}

function decodeVehicles(r: SectionReader | null, frameTs: number, resolve: (r: SectionReader, idx: Uint32Array) => string[]): { out: DecodedVehiclesV2; index: Uint32Array } {
  const n = r?.n ?? 0;
  const out: DecodedVehiclesV2 = {
    count: n, ids: [], east: new Float32Array(0), north: new Float32Array(0), ts: new Float64Array(n), headingDeg: new Float32Array(n),
    speedMps: new Float32Array(n), cls: new Uint8Array(0), automation: new Uint8Array(0), extras: [],
  };
  if (!r) return { out, index: new Uint32Array(0) };
  const idx = r.column('u32', n);
  out.east = r.column('f32', n);
  out.north = r.column('f32', n);
  const ts = r.m & COLUMN_TS ? r.column('f64', n) : null;
  const heading = r.column('u16', n), speed = r.column('u16', n);
  out.cls = r.column('u8', n);
  out.automation = r.column('u8', n);
  r.end();
  const { east, north, cls, automation } = out;
  const classes = VEHICLE_CLASSES.length;
  for (let i = 0; i < n; i++) {
    // Written so NaN fails every test: !(|x| <= max) is true for NaN.
    if (!(Math.abs(east[i]!) <= MAX_ENU_M && Math.abs(north[i]!) <= MAX_ENU_M)) fail('schema', `vehicles: position ${east[i]},${north[i]}`);
    if (heading[i]! > MAX_HEADING_CODE || speed[i]! > MAX_SPEED_CODE) fail('schema', `vehicles: heading/speed code ${heading[i]}/${speed[i]}`);
    if (cls[i]! >= classes) fail('schema', `vehicles: class code ${cls[i]}`);
    if (automation[i]! > MAX_AUTOMATION && automation[i] !== AUTOMATION_ABSENT) fail('schema', `vehicles: automation ${automation[i]}`);
  }
  if (ts) {
    for (let i = 0; i < n; i++) if (!isTsValue(ts[i]!)) fail('schema', `vehicles: ts ${ts[i]}`);
    out.ts = ts;
  } else out.ts.fill(frameTs);
  for (let i = 0; i < n; i++) {
    out.headingDeg[i] = heading[i]! / HEADING_PER_DEG;
    out.speedMps[i] = speed[i]! / SPEED_PER_MPS;
  }
  out.ids = resolve(r, idx);
  return { out, index: idx };
}

function decodeExtras(json: unknown, index: Uint32Array): VehicleExtrasV2[] {
  const p = extrasSchema.safeParse(json);
  if (!p.success) fail('schema', `vehicle extras: ${p.error.issues[0]?.message ?? 'invalid'}`);
  const keys = Object.keys(p.data);
  if (keys.length > MAX_ROWS) fail('schema', 'vehicle extras: too many');
  const rowOf = new Map<number, number>();
  for (let i = 0; i < index.length; i++) rowOf.set(index[i]!, i);
  const out: VehicleExtrasV2[] = [];
  for (const k of keys) {
    const row = rowOf.get(Number(k));
    if (row === undefined) fail('schema', `vehicle extras: index ${k} not in this frame`);
    const e = p.data[k]!;
    out.push({ row, ...(e.route !== undefined ? { route: e.route } : {}), ...(e.line !== undefined ? { line: e.line } : {}) });
  }
  return out;
}

function decodeSignals(r: SectionReader | null, resolve: (r: SectionReader, idx: Uint32Array) => SignalDefV2[]): WireSignal[] {
  if (!r) return [];
  const { n, m } = r;
  if (m > n * MAX_APPROACHES) fail('schema', `signals: ${m} approaches for ${n} signals`);
  const idx = r.column('u32', n), ts = r.column('f64', n), scale = r.column('f32', n), start = r.column('u32', n + 1);
  const state = r.column('u8', m), remaining = r.column('f32', m);
  r.end();
  if (start[0] !== 0 || start[n] !== m) fail('schema', 'signals: approach offsets do not span the approaches');
  for (let i = 0; i < n; i++) if (start[i + 1]! < start[i]!) fail('schema', 'signals: approach offsets decrease');
  for (let i = 0; i < n; i++) {
    if (!isTsValue(ts[i]!)) fail('schema', `signals: ts ${ts[i]}`);
    if (!(scale[i] === 0 || (scale[i]! >= 1 && scale[i]! <= 60))) fail('schema', `signals: timeScale ${scale[i]}`);
  }
  for (let k = 0; k < m; k++) {
    if (state[k]! >= SIGNAL_COLORS.length) fail('schema', `signals: state code ${state[k]}`);
    if (!(remaining[k]! >= 0 && remaining[k]! <= 600)) fail('schema', `signals: remainingS ${remaining[k]}`);
  }
  const defs = resolve(r, idx);
  const out: WireSignal[] = [];
  for (let i = 0; i < n; i++) {
    const d = defs[i]!;
    const a0 = start[i]!;
    if (start[i + 1]! - a0 !== d.approaches.length) fail('inconsistent', `signals: ${d.id} has ${start[i + 1]! - a0} approaches, its def ${d.approaches.length}`);
    const s: WireSignal = {
      id: d.id, lonDeg: d.lonDeg, latDeg: d.latDeg, ts: ts[i]!,
      approaches: d.approaches.map((a, k) => ({ ...a, state: SIGNAL_COLORS[state[a0 + k]!]!, remainingS: fromF32(remaining[a0 + k]!, F32_DIGITS) })),
    };
    if (d.nodeId !== undefined) s.nodeId = d.nodeId;
    if (d.cycleS !== undefined) s.cycleS = d.cycleS;
    if (scale[i] !== 0) s.timeScale = fromF32(scale[i]!, F32_DIGITS);
    out.push(s);
  }
  return out;
}
