/**
 * Growable little-endian byte writer for v2 frames: sections with a patched length, columns that
 * start 8-aligned, string tables. DataView with explicit endianness, so the output is the same on
 * any host. Zero padding is written explicitly because the buffer is reused between frames.
 */
import { pad8, SECTION_HEADER_BYTES } from './layout';

const utf8 = new TextEncoder();

export class FrameWriter {
  private buf = new Uint8Array(64 * 1024);
  private dv = new DataView(this.buf.buffer);
  pos = 0;
  private sectionStart = -1;

  /** Starts a new frame in the same buffer. */
  reset(): void {
    this.pos = 0;
    this.sectionStart = -1;
  }

  /** A copy of the frame, exactly `pos` bytes, with its own ArrayBuffer. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  private ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.dv = new DataView(next.buffer);
  }

  align8(): void {
    const to = pad8(this.pos);
    this.ensure(to - this.pos);
    this.buf.fill(0, this.pos, to);
    this.pos = to;
  }

  u8(v: number): void { this.ensure(1); this.dv.setUint8(this.pos, v); this.pos += 1; }
  u16(v: number): void { this.ensure(2); this.dv.setUint16(this.pos, v, true); this.pos += 2; }
  u32(v: number): void { this.ensure(4); this.dv.setUint32(this.pos, v, true); this.pos += 4; }
  f32(v: number): void { this.ensure(4); this.dv.setFloat32(this.pos, v, true); this.pos += 4; }
  f64(v: number): void { this.ensure(8); this.dv.setFloat64(this.pos, v, true); this.pos += 8; }
  zeros(n: number): void { this.ensure(n); this.buf.fill(0, this.pos, this.pos + n); this.pos += n; }
  patchU16(at: number, v: number): void { this.dv.setUint16(at, v, true); }
  raw(b: Uint8Array): void { this.ensure(b.length); this.buf.set(b, this.pos); this.pos += b.length; }

  /** Section header with a placeholder length; the payload follows, 8-aligned. */
  beginSection(tag: number): void {
    this.align8();
    this.u16(tag);
    this.u16(0);
    this.u32(0);
    this.sectionStart = this.pos;
  }

  /** Patches byteLength (payload bytes, trailing pad excluded) and pads to 8. */
  endSection(): void {
    this.dv.setUint32(this.sectionStart - SECTION_HEADER_BYTES + 4, this.pos - this.sectionStart, true);
    this.align8();
  }

  /** The binary prelude: u32 n, u32 m. */
  prelude(n: number, m: number): void {
    this.u32(n);
    this.u32(m);
  }

  column(kind: 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64', values: ArrayLike<number>): void {
    this.align8();
    const n = values.length;
    const size = { u8: 1, u16: 2, u32: 4, i32: 4, f32: 4, f64: 8 }[kind];
    this.ensure(n * size);
    const dv = this.dv;
    let p = this.pos;
    switch (kind) {
      case 'u8': for (let i = 0; i < n; i++, p += 1) dv.setUint8(p, values[i]!); break;
      case 'u16': for (let i = 0; i < n; i++, p += 2) dv.setUint16(p, values[i]!, true); break;
      case 'u32': for (let i = 0; i < n; i++, p += 4) dv.setUint32(p, values[i]!, true); break;
      case 'i32': for (let i = 0; i < n; i++, p += 4) dv.setInt32(p, values[i]!, true); break;
      case 'f32': for (let i = 0; i < n; i++, p += 4) dv.setFloat32(p, values[i]!, true); break;
      case 'f64': for (let i = 0; i < n; i++, p += 8) dv.setFloat64(p, values[i]!, true); break;
    }
    this.pos = p;
  }

  /** String table of strings already validated as ASCII (ids): one byte per char. */
  asciiTable(strings: readonly string[]): void {
    const offsets = new Uint32Array(strings.length + 1);
    for (let i = 0; i < strings.length; i++) offsets[i + 1] = offsets[i]! + strings[i]!.length;
    this.column('u32', offsets);
    this.align8();
    this.ensure(offsets[strings.length]!);
    for (const s of strings) for (let k = 0; k < s.length; k++) this.buf[this.pos++] = s.charCodeAt(k);
  }

  /** String table of arbitrary text (units, JSON). */
  utf8Table(strings: readonly string[]): void {
    const encoded = strings.map((s) => utf8.encode(s));
    const offsets = new Uint32Array(strings.length + 1);
    for (let i = 0; i < encoded.length; i++) offsets[i + 1] = offsets[i]! + encoded[i]!.length;
    this.column('u32', offsets);
    this.align8();
    for (const b of encoded) this.raw(b);
  }

  utf8(s: string): void {
    this.raw(utf8.encode(s));
  }
}
