import { describe, expect, it } from 'vitest';
import { checkGlb, hasGlbMagic } from '../../../src/views/three/glbSanity';

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Minimal glb writer for the tests: header, JSON chunk, optional BIN chunk. */
function makeGlb(json: unknown, bin?: Uint8Array, opts: { version?: number; magic?: number } = {}): Uint8Array {
  const jsonBytes = new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json));
  const jsonLen = pad4(jsonBytes.length);
  const binLen = bin ? pad4(bin.length) : 0;
  const total = 12 + 8 + jsonLen + (bin ? 8 + binLen : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, opts.magic ?? 0x46546c67, true);
  dv.setUint32(4, opts.version ?? 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLen, true);
  dv.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.length, 20 + jsonLen);
  if (bin) {
    dv.setUint32(20 + jsonLen, binLen, true);
    dv.setUint32(24 + jsonLen, 0x004e4942, true);
    out.set(bin, 28 + jsonLen);
  }
  return out;
}

const bin = new Uint8Array(48);
const gltf = {
  asset: { version: '2.0' },
  buffers: [{ byteLength: 48 }],
  bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 36 }, { buffer: 0, byteOffset: 36, byteLength: 12 }],
  accessors: [
    { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
    { bufferView: 1, componentType: 5125, count: 3, type: 'SCALAR' },
  ],
};

describe('checkGlb', () => {
  it('accepts a well-formed glb', () => {
    const g = makeGlb(gltf, bin);
    expect(hasGlbMagic(g)).toBe(true);
    expect(checkGlb(g)).toEqual({ ok: true });
    expect(checkGlb(g.buffer as ArrayBuffer)).toEqual({ ok: true });
  });

  it.each([0, 11, 19])('rejects a file truncated to %i bytes', (n) => {
    const r = checkGlb(makeGlb(gltf, bin).slice(0, n));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/truncated|too small|no room/);
  });

  it('rejects wrong magic and names an HTML page', () => {
    const r = checkGlb(makeGlb(gltf, bin, { magic: 0x12345678 }));
    expect(r).toEqual({ ok: false, reason: 'not a glb: wrong magic (expected "glTF")' });
    const html = new TextEncoder().encode('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>');
    const h = checkGlb(html);
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.reason).toMatch(/HTML page/);
  });

  it('rejects version 1', () => {
    expect(checkGlb(makeGlb(gltf, bin, { version: 1 }))).toEqual({ ok: false, reason: 'unsupported glb version 1 (expected 2)' });
  });

  it('rejects a chunk length past the end', () => {
    const g = makeGlb(gltf, bin);
    const dv = new DataView(g.buffer);
    dv.setUint32(12, 10_000, true);
    const r = checkGlb(g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/runs past the end/);
    const g2 = makeGlb(gltf, bin);
    const jsonLen = new DataView(g2.buffer).getUint32(12, true);
    new DataView(g2.buffer).setUint32(20 + jsonLen, 4096, true);
    const r2 = checkGlb(g2);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.reason).toMatch(/chunk length 4096/);
  });

  it('rejects a header that claims more bytes than arrived', () => {
    const g = makeGlb(gltf, bin);
    const cut = g.slice(0, g.length - 8);
    const r = checkGlb(cut);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/truncated glb: header says/);
  });

  it('rejects a broken JSON chunk', () => {
    const r = checkGlb(makeGlb('{"asset": {"version": "2.0"', bin));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/JSON chunk does not parse/);
    const r2 = checkGlb(makeGlb({ asset: {} }, bin));
    expect(r2.ok).toBe(false);
  });

  it('rejects a bufferView out of range of the BIN chunk', () => {
    const bad = { ...gltf, bufferViews: [{ buffer: 0, byteOffset: 40, byteLength: 36 }, gltf.bufferViews[1]] };
    const r = checkGlb(makeGlb(bad, bin));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/bufferViews\[0\].*out of range/);
  });

  it('rejects an accessor that overruns its bufferView, or a missing bufferView', () => {
    const over = { ...gltf, accessors: [{ bufferView: 0, componentType: 5126, count: 4, type: 'VEC3' }] };
    const r = checkGlb(makeGlb(over, bin));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/accessors\[0\] needs 48 bytes/);
    const missing = { ...gltf, accessors: [{ bufferView: 7, componentType: 5126, count: 1, type: 'VEC3' }] };
    expect(checkGlb(makeGlb(missing, bin)).ok).toBe(false);
  });

  it('rejects a buffer that needs a BIN chunk the file lacks', () => {
    const r = checkGlb(makeGlb(gltf));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/BIN chunk/);
  });
});
