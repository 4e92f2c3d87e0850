/**
 * Bounds-checked reading of one v2 section: the prelude, 8-aligned columns copied into fresh typed
 * arrays (own ArrayBuffer each, so they can be transferred), and string tables. Anything that
 * would read past the section is a DecodeFail('truncated'); a bad string is DecodeFail('schema').
 */
import type { DropReason } from '../dropReasons';
import { MAX_ID_LENGTH } from '../limits';
import { ID_BYTE, KIND_BYTE, MAX_KIND_NAME } from './checks';
import { MAX_ROWS, pad8 } from './layout';

/** Thrown inside the decoder and turned into { ok: false } at its surface. */
export class DecodeFail {
  constructor(readonly reason: DropReason, readonly detail: string) {}
}

export function fail(reason: DropReason, detail: string): never {
  throw new DecodeFail(reason, detail);
}

interface Columns { u8: Uint8Array; u16: Uint16Array; u32: Uint32Array; i32: Int32Array; f32: Float32Array; f64: Float64Array }
type Kind = keyof Columns;
const CTOR: { [K in Kind]: { new (n: number): Columns[K]; BYTES_PER_ELEMENT: number } } = {
  u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array,
};
const GET: { [K in Kind]: (dv: DataView, at: number) => number } = {
  u8: (dv, at) => dv.getUint8(at), u16: (dv, at) => dv.getUint16(at, true), u32: (dv, at) => dv.getUint32(at, true),
  i32: (dv, at) => dv.getInt32(at, true), f32: (dv, at) => dv.getFloat32(at, true), f64: (dv, at) => dv.getFloat64(at, true),
};
/** Every browser and Node platform in use is little-endian; the DataView path keeps others correct. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class SectionReader {
  readonly n: number;
  readonly m: number;
  /** Payload bytes consumed so far (unpadded end of the last column). */
  private pos = 8;

  constructor(private readonly bytes: Uint8Array, private readonly dv: DataView, private readonly start: number, private readonly length: number, readonly name: string) {
    if (length < 8) fail('truncated', `${name}: no prelude`);
    this.n = dv.getUint32(start, true);
    this.m = dv.getUint32(start + 4, true);
    if (this.n > MAX_ROWS) fail('schema', `${name}: ${this.n} rows > ${MAX_ROWS}`);
  }

  /** Absolute offset of the next column of `byteCount` bytes. */
  private take(byteCount: number): number {
    const at = pad8(this.pos);
    if (at + byteCount > this.length) fail('truncated', `${this.name}: column past the end of the section`);
    this.pos = at + byteCount;
    return this.start + at;
  }

  column<K extends Kind>(kind: K, count: number): Columns[K] {
    const ctor = CTOR[kind];
    const at = this.take(count * ctor.BYTES_PER_ELEMENT);
    const out = new ctor(count);
    if (LITTLE_ENDIAN) {
      new Uint8Array(out.buffer).set(this.bytes.subarray(at, at + out.byteLength));
    } else {
      const get = GET[kind];
      for (let i = 0; i < count; i++) out[i] = get(this.dv, at + i * ctor.BYTES_PER_ELEMENT);
    }
    return out;
  }

  /** The section must end exactly after its last column. */
  end(): void {
    if (this.pos !== this.length) fail('schema', `${this.name}: ${this.length - this.pos} bytes after the last column`);
  }

  /** Validated offsets[n+1] of a string table and the absolute offset of its blob. */
  private table(count: number, minLen: number, maxLen: number, what: string): { offsets: Uint32Array; blob: number } {
    const offsets = this.column('u32', count + 1);
    if (offsets[0] !== 0) fail('schema', `${this.name}: ${what} offsets[0] ≠ 0`);
    for (let i = 0; i < count; i++) {
      const len = offsets[i + 1]! - offsets[i]!;
      if (len < minLen || len > maxLen) fail('schema', `${this.name}: ${what} ${i} has ${len} bytes`);
    }
    return { offsets, blob: this.take(offsets[count]!) };
  }

  /** ASCII strings whose every byte passes `allowed` (ids, sensor types): one decode, then slices. */
  private asciiTable(count: number, maxLen: number, allowed: Uint8Array, what: string): string[] {
    const { offsets, blob } = this.table(count, 1, maxLen, what);
    const end = blob + offsets[count]!;
    for (let p = blob; p < end; p++) if (allowed[this.bytes[p]!] !== 1) fail('schema', `${this.name}: ${what} has byte ${this.bytes[p]}`);
    const text = utf8.decode(this.bytes.subarray(blob, end));
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = text.substring(offsets[i]!, offsets[i + 1]!);
    return out;
  }

  /** idSchema strings. */
  ids(count: number): string[] {
    return this.asciiTable(count, MAX_ID_LENGTH, ID_BYTE, 'id');
  }

  /** Lower-case kind names (sensor types). */
  kinds(count: number): string[] {
    return this.asciiTable(count, MAX_KIND_NAME, KIND_BYTE, 'type');
  }

  /** UTF-8 strings of at most `maxChars` UTF-16 units (zod's string length). */
  texts(count: number, maxBytes: number, maxChars: number, what: string): string[] {
    const { offsets, blob } = this.table(count, 0, maxBytes, what);
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      let s: string;
      try {
        s = utf8.decode(this.bytes.subarray(blob + offsets[i]!, blob + offsets[i + 1]!));
      } catch {
        fail('schema', `${this.name}: ${what} ${i} is not UTF-8`);
      }
      if (s.length > maxChars) fail('schema', `${this.name}: ${what} ${i} longer than ${maxChars}`);
      out[i] = s;
    }
    return out;
  }
}

/** A whole section's payload as UTF-8 JSON. */
export function readJson(bytes: Uint8Array, start: number, length: number, name: string): unknown {
  try {
    return JSON.parse(utf8.decode(bytes.subarray(start, start + length))) as unknown;
  } catch {
    return fail('schema', `${name}: not UTF-8 JSON`);
  }
}
