/**
 * Decodes one subscription's v2 frames (layout.ts). Stateful: it holds the dictionaries the
 * frames refer to. A frame is trusted only once all of it validated; defs and removals reach the
 * dictionaries only then (decoded into a scratch, committed at the end), so a dropped frame
 * leaves no trace. Never throws; never returns NaN.
 *
 * Dictionary state is only meaningful over an unbroken stream: a snapshot resets it, and a delta
 * is accepted only as the direct successor (seq + 1) of the last accepted frame. Anything else is
 * dropped as 'inconsistent', meaning "resubscribe for a fresh snapshot".
 */
import type { EnuFrame } from '../../../core/geodesy';
import { MAX_EPOCH_MS, MIN_EPOCH_MS } from '../limits';
import { fromF32, isIntIn, isTs, inRange } from './checks';
import { decodeSections, type Dictionaries, type Scratch } from './decodeSections';
import { FLAG_SIM_MS, FLAG_TIME_SCALE, FRAME_KIND, F32_DIGITS, HEADER, MAGIC, MAX_V2_FRAME_BYTES, MAX_ZONE_BYTES, ORIGIN_TOLERANCE_DEG, ORIGIN_TOLERANCE_M, pad8, SECTION, SECTION_HEADER_BYTES, V2_VERSION } from './layout';
import { DecodeFail, fail } from './SectionReader';
import type { DecodedFrameV2, DecodeResultV2 } from './types';

const KNOWN_TAGS = new Set<number>(Object.values(SECTION));
const lenient = new TextDecoder('utf-8');

export type { DecodeResultV2 };

export class FrameDecoderV2 {
  private dict: Dictionaries = emptyDictionaries();
  private lastSeq = -1;
  private synced = false;
  private readonly zoneBytes: Uint8Array;

  constructor(readonly zone: string, private readonly frame: EnuFrame) {
    this.zoneBytes = new TextEncoder().encode(zone);
  }

  /** Forgets all dictionary state: the next frame must be a snapshot. */
  reset(): void {
    this.dict = emptyDictionaries();
    this.lastSeq = -1;
    this.synced = false;
  }

  decode(bytes: Uint8Array): DecodeResultV2 {
    try {
      return { ok: true, frame: this.decodeOrFail(bytes) };
    } catch (e) {
      if (e instanceof DecodeFail) return { ok: false, reason: e.reason, detail: e.detail };
      // Not reachable by any input the tests know; still a drop, never an exception in the frame loop.
      return { ok: false, reason: 'schema', detail: `v2: ${String(e).slice(0, 120)}` };
    }
  }

  private decodeOrFail(bytes: Uint8Array): DecodedFrameV2 {
    if (!(bytes instanceof Uint8Array)) fail('schema', 'v2: not a byte array');
    const len = bytes.byteLength;
    if (len > MAX_V2_FRAME_BYTES) fail('too-large', `v2: ${len} bytes > ${MAX_V2_FRAME_BYTES}`);
    for (let i = 0; i < MAGIC.length; i++) {
      if (i >= len) fail('truncated', `v2: ${len} bytes, no header`);
      if (bytes[i] !== MAGIC[i]) fail('schema', 'v2: bad magic');
    }
    if (len <= HEADER.version) fail('truncated', `v2: ${len} bytes, no header`);
    if (bytes[HEADER.version] !== V2_VERSION) fail('version', `v2: version ${bytes[HEADER.version]}`);
    if (len < HEADER.bytes) fail('truncated', `v2: ${len} bytes < header`);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
    const h = this.header(bytes, dv);

    const sections = new Map<number, { start: number; length: number }>();
    let off = h.end;
    for (let i = 0; i < h.sectionCount; i++) {
      if (off + SECTION_HEADER_BYTES > len) fail('truncated', `v2: section ${i} header past the end`);
      const tag = dv.getUint16(off, true);
      const length = dv.getUint32(off + 4, true);
      const start = off + SECTION_HEADER_BYTES;
      if (pad8(start + length) > len) fail('truncated', `v2: section ${tag} past the end`);
      if (KNOWN_TAGS.has(tag)) {
        if (sections.has(tag)) fail('schema', `v2: section ${tag} twice`);
        sections.set(tag, { start, length });
      }
      off = pad8(start + length);
    }
    if (off !== len) fail('schema', `v2: ${len - off} bytes after the last section`);

    const scratch: Scratch = { vehicles: new Map(), sensors: new Map(), segments: new Map(), signals: new Map(), removed: [] };
    const body = decodeSections(bytes, dv, sections, h.snapshot ? emptyDictionaries() : this.dict, scratch, h.ts);
    this.commit(h.snapshot, scratch, h.seq);
    const out: DecodedFrameV2 = { kind: h.snapshot ? 'snapshot' : 'delta', zone: this.zone, ts: h.ts, seq: h.seq, ...body, byteLength: len };
    if (h.simMs !== undefined) out.simMs = h.simMs;
    if (h.timeScale !== undefined) out.timeScale = h.timeScale;
    return out;
  }

  private header(bytes: Uint8Array, dv: DataView) {
    const kind = bytes[HEADER.kind];
    if (kind !== FRAME_KIND.snapshot && kind !== FRAME_KIND.delta) fail('schema', `v2: frame kind ${kind}`);
    const snapshot = kind === FRAME_KIND.snapshot;
    const flags = dv.getUint16(HEADER.flags, true);
    const zoneLength = bytes[HEADER.zoneLength]!;
    if (zoneLength < 1 || zoneLength > MAX_ZONE_BYTES) fail('schema', `v2: zone length ${zoneLength}`);
    const end = pad8(HEADER.bytes + zoneLength);
    if (end > bytes.byteLength) fail('truncated', 'v2: zone id past the end');
    const zone = bytes.subarray(HEADER.bytes, HEADER.bytes + zoneLength);
    if (zoneLength !== this.zoneBytes.length || zone.some((b, i) => b !== this.zoneBytes[i])) {
      fail('wrong-zone', lenient.decode(zone).slice(0, 40));
    }
    const o = this.frame.origin;
    const lon = dv.getFloat64(HEADER.originLonDeg, true), lat = dv.getFloat64(HEADER.originLatDeg, true), hM = dv.getFloat32(HEADER.originHeightM, true);
    if (!(Math.abs(lon - o.lonDeg) <= ORIGIN_TOLERANCE_DEG && Math.abs(lat - o.latDeg) <= ORIGIN_TOLERANCE_DEG && Math.abs(hM - o.heightM) <= ORIGIN_TOLERANCE_M)) {
      fail('wrong-zone', `v2: origin ${lon},${lat},${hM} is not this zone's`);
    }
    const ts = dv.getFloat64(HEADER.ts, true);
    if (!isTs(ts)) fail('schema', `v2: ts ${ts}`);
    const seq = dv.getFloat64(HEADER.seq, true);
    if (!isIntIn(seq, 0, Number.MAX_SAFE_INTEGER)) fail('schema', `v2: seq ${seq}`);
    let simMs: number | undefined;
    if (flags & FLAG_SIM_MS) {
      simMs = dv.getFloat64(HEADER.simMs, true);
      if (!(simMs >= MIN_EPOCH_MS && simMs <= MAX_EPOCH_MS && Number.isInteger(simMs))) fail('schema', `v2: simMs ${simMs}`);
    }
    let timeScale: number | undefined;
    if (flags & FLAG_TIME_SCALE) {
      timeScale = fromF32(dv.getFloat32(HEADER.timeScale, true), F32_DIGITS);
      if (!inRange(timeScale, 1, 60)) fail('schema', `v2: timeScale ${timeScale}`);
    }
    if (!snapshot && !this.synced) fail('inconsistent', `v2: delta ${seq} before any snapshot`);
    if (!snapshot && seq !== this.lastSeq + 1) fail('inconsistent', `v2: sequence gap ${this.lastSeq}→${seq}`);
    return { snapshot, ts, seq, simMs, timeScale, sectionCount: dv.getUint16(HEADER.sectionCount, true), end };
  }

  /** The frame validated: its defs and removals become the dictionary state. */
  private commit(snapshot: boolean, s: Scratch, seq: number): void {
    if (snapshot) this.dict = emptyDictionaries();
    const d = this.dict;
    for (const [i, id] of s.vehicles) {
      while (d.vehicles.length <= i) d.vehicles.push('');
      d.vehicles[i] = id;
    }
    for (const [i, def] of s.sensors) d.sensors.set(i, def);
    for (const [i, def] of s.segments) d.segments.set(i, def);
    for (const [i, def] of s.signals) d.signals.set(i, def);
    for (const i of s.removed) if (i < d.vehicles.length) d.vehicles[i] = '';
    this.lastSeq = seq;
    this.synced = true;
  }
}

function emptyDictionaries(): Dictionaries {
  return { vehicles: [], sensors: new Map(), segments: new Map(), signals: new Map() };
}
