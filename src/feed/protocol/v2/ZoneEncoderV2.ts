/**
 * Transcodes a zone's v1 snapshots and deltas into v2 frames (layout.ts). One encoder per zone,
 * fed every delta in stream order: its dictionaries are shared by all v2 subscribers, so each
 * delta is encoded once and the same bytes fan out. A snapshot carries the def of every live
 * dictionary entry, so a subscriber that starts from it can follow the deltas that come next.
 *
 * An entity that fails the v1 rules is left out and counted in `skipped` (a v1 viewer would drop
 * it alone), so one bad vehicle never spoils a frame. An invalid envelope or a frame over the
 * 10 MB rule throws: those are the caller's bugs, and no subscriber should get such a frame.
 */
import type { EnuFrame, Vec3 } from '../../../core/geodesy';
import { SIGNAL_COLORS, VEHICLE_CLASSES } from '../../../sim/types';
import { catalogueSchema, incidentSchema, signalSchema, vehicleSchema, type WireCatalogue, type WireIncident, type WireSegment, type WireSensorReading, type WireSignal, type WireVehicle } from '../entities';
import type { DeltaMessage, SnapshotMessage } from '../messages';
import { inRange, isId, isIntIn, isTs, isVehicleCore, KIND_NAME_PATTERN, MAX_KIND_NAME, MAX_UNIT_LENGTH, ZONE_PATTERN } from './checks';
import { DictionaryFull, EncoderDictionary } from './EncoderDictionary';
import { FrameWriter } from './FrameWriter';
import {
  AUTOMATION_ABSENT, COLUMN_TS, DIR_CODES, FLAG_SIM_MS, FLAG_TIME_SCALE, FRAME_KIND, HEADER, HEADING_PER_DEG, MAGIC, MAX_DICT_ENTRIES,
  MAX_ENU_M, MAX_HEADING_CODE, MAX_ROWS, MAX_V2_FRAME_BYTES, MAX_ZONE_BYTES, QUALITY_CODES, SECTION, SPEED_PER_MPS, V2_VERSION,
} from './layout';

export interface ZoneEncoderOptions {
  /** Dictionary bound per kind (tests use a small one to exercise the reset). */
  maxDictEntries?: number;
}

interface SensorDef { type: string; unit: string }
interface SegmentDef { edgeId: number; dir: number }
interface SignalDef { json: string; approaches: number }

type Msg = SnapshotMessage | DeltaMessage;
const CLASS_CODE = new Map<string, number>(VEHICLE_CLASSES.map((c, i) => [c, i]));
const COLOR_CODE = new Map<string, number>(SIGNAL_COLORS.map((c, i) => [c, i]));
const QUALITY_CODE = new Map<string, number>(QUALITY_CODES.map((c, i) => [c, i]));
const extrasSchema = vehicleSchema.pick({ route: true, line: true });
const I32_MAX = 2 ** 31 - 1;

/** Rows of one frame, gathered before anything is written. */
class Rows {
  idx: number[] = [];
  ts: number[] = [];
  explicitTs = false;
}

export class ZoneEncoderV2 {
  /** Entities left out because they failed validation. */
  skipped = 0;
  private readonly vehicles: EncoderDictionary<null>;
  private readonly sensors: EncoderDictionary<SensorDef>;
  private readonly segments: EncoderDictionary<SegmentDef>;
  private readonly signals: EncoderDictionary<SignalDef>;
  private readonly w = new FrameWriter();
  private readonly zoneBytes: Uint8Array;
  private readonly enu: Vec3 = [0, 0, 0];

  constructor(readonly zone: string, private readonly frame: EnuFrame, opts: ZoneEncoderOptions = {}) {
    if (!ZONE_PATTERN.test(zone) || zone.length > MAX_ZONE_BYTES) throw new RangeError(`bad zone id ${JSON.stringify(zone)}`);
    this.zoneBytes = new TextEncoder().encode(zone);
    const bound = opts.maxDictEntries ?? MAX_DICT_ENTRIES;
    this.vehicles = new EncoderDictionary(bound);
    this.sensors = new EncoderDictionary(bound);
    this.segments = new EncoderDictionary(bound);
    this.signals = new EncoderDictionary(bound);
  }

  encodeSnapshot(msg: SnapshotMessage): Uint8Array {
    return this.encode(msg, true);
  }

  encodeDelta(msg: DeltaMessage): Uint8Array {
    return this.encode(msg, false);
  }

  private encode(msg: Msg, snapshot: boolean): Uint8Array {
    checkEnvelope(msg, this.zone);
    const reset = new Set<EncoderDictionary<unknown>>();
    for (;;) {
      try {
        return this.build(msg, snapshot);
      } catch (e) {
        // Past the bound: start that dictionary afresh. Every index is then reassigned and its def
        // travels again (decoders overwrite), so nothing stale is ever referenced.
        if (!(e instanceof DictionaryFull) || reset.has(e.dictionary)) throw e instanceof DictionaryFull ? new RangeError('v2 frame has more ids than the dictionary bound') : e;
        reset.add(e.dictionary);
        e.dictionary.reset();
      }
    }
  }

  private build(msg: Msg, snapshot: boolean): Uint8Array {
    let skipped = 0;
    const frameTs = msg.ts;
    // Vehicles.
    const veh = new Rows();
    const east: number[] = [], north: number[] = [], heading: number[] = [], speed: number[] = [], cls: number[] = [], automation: number[] = [];
    const extras: Record<string, { route?: string; line?: WireVehicle['line'] }> = {};
    let extrasCount = 0;
    for (const v of rows(msg.vehicles)) {
      const p = this.vehicleEnu(v);
      if (!p) { skipped++; continue; }
      const hasExtras = v.route !== undefined || v.line !== undefined;
      if (hasExtras && !extrasSchema.safeParse(v).success) { skipped++; continue; }
      const index = this.vehicles.use(v.id, '', nullDef).index;
      veh.idx.push(index);
      east.push(p[0]);
      north.push(p[1]);
      pushTs(veh, v.ts, frameTs);
      heading.push(Math.round(v.headingDeg * HEADING_PER_DEG) % (MAX_HEADING_CODE + 1));
      speed.push(Math.round(v.speedMps * SPEED_PER_MPS));
      cls.push(CLASS_CODE.get(v.cls)!);
      automation.push(v.automation ?? AUTOMATION_ABSENT);
      if (hasExtras) {
        extras[index] = { ...(v.route !== undefined ? { route: v.route } : {}), ...(v.line !== undefined ? { line: v.line } : {}) };
        extrasCount++;
      }
    }
    const removedIds: string[] = [];
    const removedIdx: number[] = [];
    for (const id of rows((msg as DeltaMessage).removed?.vehicles)) {
      if (!isId(id)) { skipped++; continue; }
      removedIds.push(id);
      removedIdx.push(this.vehicles.use(id, '', nullDef).index);
    }
    // Sensors, segments, signals: small sets whose static part goes in the defs.
    const sen = new Rows();
    const senValue: number[] = [], senQuality: number[] = [];
    for (const s of rows(msg.sensors)) {
      if (!sensorOk(s)) { skipped++; continue; }
      sen.idx.push(this.sensors.use(s.id, `${s.type}\n${s.unit}`, () => ({ type: s.type, unit: s.unit })).index);
      senValue.push(s.value);
      sen.ts.push(s.ts);
      senQuality.push(QUALITY_CODE.get(s.quality)!);
    }
    const seg = new Rows();
    const segSpeed: number[] = [], segFlow: number[] = [], segCongestion: number[] = [];
    for (const s of rows(msg.segments)) {
      if (!segmentOk(s)) { skipped++; continue; }
      const dir = s.dir === 'r' ? 1 : 0;
      seg.idx.push(this.segments.use(s.id, `${s.edgeId}:${dir}`, () => ({ edgeId: s.edgeId, dir })).index);
      pushTs(seg, s.ts, frameTs);
      segSpeed.push(s.speedKmh);
      segFlow.push(s.flowVph);
      segCongestion.push(s.congestion);
    }
    const sig = new Rows();
    const sigScale: number[] = [], approachStart: number[] = [0], states: number[] = [], remaining: number[] = [];
    for (const raw of rows(msg.signals)) {
      const r = signalSchema.safeParse(raw);
      if (!r.success) { skipped++; continue; }
      const s = r.data;
      const json = signalStaticJson(s);
      sig.idx.push(this.signals.use(s.id, json, () => ({ json, approaches: s.approaches.length })).index);
      sig.ts.push(s.ts ?? frameTs);
      sigScale.push(s.timeScale ?? 0);
      for (const a of s.approaches) {
        states.push(COLOR_CODE.get(a.state)!);
        remaining.push(a.remainingS);
      }
      approachStart.push(states.length);
    }
    const incidents: WireIncident[] = [];
    for (const raw of rows(msg.incidents)) {
      const r = incidentSchema.safeParse(raw);
      if (r.success) incidents.push(r.data);
      else skipped++;
    }
    let catalogue: WireCatalogue | undefined;
    const cat = (msg as SnapshotMessage).catalogue;
    if (cat !== undefined) {
      const r = catalogueSchema.safeParse(cat);
      if (r.success) catalogue = r.data;
      else skipped++;
    }

    // Write.
    const w = this.w;
    w.reset();
    const sectionCountAt = this.header(msg, snapshot);
    let sections = 0;
    const vehDefs = this.vehicles.defsFor(snapshot);
    if (vehDefs.length) {
      sections++;
      w.beginSection(SECTION.VEHICLE_DEFS);
      w.prelude(vehDefs.length, 0);
      w.column('u32', vehDefs.map((e) => e.index));
      w.asciiTable(vehDefs.map((e) => e.id));
      w.endSection();
    }
    if (veh.idx.length) {
      sections++;
      w.beginSection(SECTION.VEHICLES);
      w.prelude(veh.idx.length, veh.explicitTs ? COLUMN_TS : 0);
      w.column('u32', veh.idx);
      w.column('f32', east);
      w.column('f32', north);
      if (veh.explicitTs) w.column('f64', veh.ts);
      w.column('u16', heading);
      w.column('u16', speed);
      w.column('u8', cls);
      w.column('u8', automation);
      w.endSection();
    }
    if (extrasCount) sections += this.json(SECTION.VEHICLE_EXTRAS, extras);
    if (removedIdx.length) {
      sections++;
      w.beginSection(SECTION.VEHICLES_REMOVED);
      w.prelude(removedIdx.length, 0);
      w.column('u32', removedIdx);
      w.endSection();
    }
    const senDefs = this.sensors.defsFor(snapshot);
    if (senDefs.length) {
      sections++;
      w.beginSection(SECTION.SENSOR_DEFS);
      w.prelude(senDefs.length, 0);
      w.column('u32', senDefs.map((e) => e.index));
      w.asciiTable(senDefs.map((e) => e.id));
      w.asciiTable(senDefs.map((e) => e.def.type));
      w.utf8Table(senDefs.map((e) => e.def.unit));
      w.endSection();
    }
    if (sen.idx.length) {
      sections++;
      w.beginSection(SECTION.SENSORS);
      w.prelude(sen.idx.length, 0);
      w.column('u32', sen.idx);
      w.column('f64', senValue);
      w.column('f64', sen.ts);
      w.column('u8', senQuality);
      w.endSection();
    }
    const segDefs = this.segments.defsFor(snapshot);
    if (segDefs.length) {
      sections++;
      w.beginSection(SECTION.SEGMENT_DEFS);
      w.prelude(segDefs.length, 0);
      w.column('u32', segDefs.map((e) => e.index));
      w.column('i32', segDefs.map((e) => e.def.edgeId));
      w.column('u8', segDefs.map((e) => e.def.dir));
      w.asciiTable(segDefs.map((e) => e.id));
      w.endSection();
    }
    if (seg.idx.length) {
      sections++;
      w.beginSection(SECTION.SEGMENTS);
      w.prelude(seg.idx.length, seg.explicitTs ? COLUMN_TS : 0);
      w.column('u32', seg.idx);
      if (seg.explicitTs) w.column('f64', seg.ts);
      w.column('f32', segSpeed);
      w.column('f32', segFlow);
      w.column('u8', segCongestion);
      w.endSection();
    }
    const sigDefs = this.signals.defsFor(snapshot);
    if (sigDefs.length) {
      sections++;
      w.beginSection(SECTION.SIGNAL_DEFS);
      w.prelude(sigDefs.length, 0);
      w.column('u32', sigDefs.map((e) => e.index));
      w.utf8Table(sigDefs.map((e) => e.def.json));
      w.endSection();
    }
    if (sig.idx.length) {
      sections++;
      w.beginSection(SECTION.SIGNALS);
      w.prelude(sig.idx.length, states.length);
      w.column('u32', sig.idx);
      w.column('f64', sig.ts);
      w.column('f32', sigScale);
      w.column('u32', approachStart);
      w.column('u8', states);
      w.column('f32', remaining);
      w.endSection();
    }
    if (incidents.length || catalogue) {
      sections += this.json(SECTION.JSON, { ...(incidents.length ? { incidents } : {}), ...(catalogue ? { catalogue } : {}) });
    }
    w.patchU16(sectionCountAt, sections);
    if (w.pos > MAX_V2_FRAME_BYTES) throw new RangeError(`v2 frame of ${w.pos} bytes breaks the 10 MB rule`);
    const out = w.finish();

    // Commit: only a delta reaches every subscriber, so only a delta broadcasts defs and frees indices.
    if (!snapshot) {
      this.vehicles.markBroadcast(vehDefs);
      this.sensors.markBroadcast(senDefs);
      this.segments.markBroadcast(segDefs);
      this.signals.markBroadcast(sigDefs);
      for (const id of removedIds) this.vehicles.release(id);
    }
    this.skipped += skipped;
    return out;
  }

  /** Writes the header; returns the offset of sectionCount, patched at the end. */
  private header(msg: Msg, snapshot: boolean): number {
    const w = this.w;
    const o = this.frame.origin;
    for (const b of MAGIC) w.u8(b);
    w.u8(V2_VERSION);
    w.u8(snapshot ? FRAME_KIND.snapshot : FRAME_KIND.delta);
    w.u16((msg.simMs !== undefined ? FLAG_SIM_MS : 0) | (msg.timeScale !== undefined ? FLAG_TIME_SCALE : 0));
    w.f64(msg.ts);
    w.f64(msg.seq);
    w.f64(msg.simMs ?? 0);
    w.f32(msg.timeScale ?? 0);
    w.u16(0);
    w.u8(this.zoneBytes.length);
    w.u8(0);
    w.f64(o.lonDeg);
    w.f64(o.latDeg);
    w.f32(o.heightM);
    w.zeros(HEADER.bytes - w.pos);
    w.raw(this.zoneBytes);
    w.align8();
    return HEADER.sectionCount;
  }

  private json(tag: number, value: unknown): number {
    this.w.beginSection(tag);
    this.w.utf8(JSON.stringify(value));
    this.w.endSection();
    return 1;
  }

  /** ENU of a valid vehicle, or null when it breaks a v1 rule or lies beyond MAX_ENU_M. */
  private readonly knownVehicle = (id: string): boolean => this.vehicles.has(id);

  private vehicleEnu(v: WireVehicle): Vec3 | null {
    if (!isVehicleCore(v, this.knownVehicle)) return null;
    const p = this.frame.lonLatToEnu(v.lonDeg, v.latDeg, 0, this.enu);
    return Math.abs(p[0]) <= MAX_ENU_M && Math.abs(p[1]) <= MAX_ENU_M ? p : null;
  }
}

const nullDef = (): null => null;

function rows<T>(arr: readonly T[] | undefined): readonly T[] {
  if (arr === undefined) return [];
  if (arr.length > MAX_ROWS) throw new RangeError(`${arr.length} entities of one kind > ${MAX_ROWS}`);
  return arr;
}

function pushTs(r: Rows, ts: number | undefined, frameTs: number): void {
  r.ts.push(ts ?? frameTs);
  if (ts !== undefined && ts !== frameTs) r.explicitTs = true;
}

function checkEnvelope(msg: Msg, zone: string): void {
  const bad = msg.zone !== zone ? `zone ${msg.zone}` : !isTs(msg.ts) ? 'ts' : !isIntIn(msg.seq, 0, Number.MAX_SAFE_INTEGER) ? 'seq'
    : msg.simMs !== undefined && !isTs(msg.simMs) ? 'simMs' : msg.timeScale !== undefined && !inRange(msg.timeScale, 1, 60) ? 'timeScale' : null;
  if (bad) throw new RangeError(`v2 encoder (${zone}): invalid envelope ${bad}`);
}

function sensorOk(s: WireSensorReading): boolean {
  return typeof s === 'object' && s !== null && isId(s.id) && typeof s.type === 'string' && s.type.length >= 1 && s.type.length <= MAX_KIND_NAME
    && KIND_NAME_PATTERN.test(s.type) && typeof s.unit === 'string' && s.unit.length <= MAX_UNIT_LENGTH
    && inRange(s.value, -1e6, 1e6) && isTs(s.ts) && QUALITY_CODE.has(s.quality);
}

function segmentOk(s: WireSegment): boolean {
  return typeof s === 'object' && s !== null && isId(s.id) && isIntIn(s.edgeId, -I32_MAX - 1, I32_MAX) && DIR_CODES.includes(s.dir)
    && inRange(s.speedKmh, 0, 200) && inRange(s.flowVph, 0, 20_000) && isIntIn(s.congestion, 0, 3) && (s.ts === undefined || isTs(s.ts));
}

/** The part of a signal that goes in its def, with a fixed key order so equal parts compare equal. */
function signalStaticJson(s: WireSignal): string {
  return JSON.stringify({
    id: s.id, ...(s.nodeId !== undefined ? { nodeId: s.nodeId } : {}), lonDeg: s.lonDeg, latDeg: s.latDeg,
    ...(s.cycleS !== undefined ? { cycleS: s.cycleS } : {}),
    approaches: s.approaches.map((a) => ({ id: a.id, bearingDeg: a.bearingDeg, ...(a.road !== undefined ? { road: a.road } : {}) })),
  });
}
