/**
 * Structural check of a binary glTF before GLTFLoader parses it. The loader reads lengths and
 * offsets as given, so a truncated file or a bufferView past the end of the BIN chunk ends in a
 * RangeError deep inside the parser, or in garbage geometry. This check names the problem so the
 * tile fails with a message a person can act on.
 */

export type GlbCheck = { ok: true } | { ok: false; reason: string };

const GLB_MAGIC = 0x46546c67; // 'glTF' little-endian
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'
const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const TYPE_COMPONENTS: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };

/** True when the bytes start with the glb magic; used to decide whether the check applies. */
export function hasGlbMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === GLB_MAGIC;
}

function describeForeign(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 48)).trimStart();
  if (head.startsWith('<')) return `not a glb: looks like an HTML page ("${head.slice(0, 24).replace(/\s+/g, ' ')}…")`;
  if (head.startsWith('{')) return 'not a glb: looks like JSON';
  return 'not a glb: wrong magic (expected "glTF")';
}

function fail(reason: string): GlbCheck {
  return { ok: false, reason };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonNegInt(v: unknown, fallback: number | null): number | null {
  if (v === undefined) return fallback;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** Checks bufferViews and accessors against the bytes that actually exist. */
function checkJsonRanges(json: Record<string, unknown>, binLength: number | null): string | null {
  const buffers = Array.isArray(json.buffers) ? json.buffers : [];
  const views = Array.isArray(json.bufferViews) ? json.bufferViews : [];
  const accessors = Array.isArray(json.accessors) ? json.accessors : [];
  const bufferLengths = buffers.map((b, i) => {
    if (!isObject(b)) return null;
    // In a glb, buffer 0 without a uri is the BIN chunk; others are external and cannot be sized here.
    if (i === 0 && b.uri === undefined) return binLength;
    return Infinity;
  });
  for (let i = 0; i < buffers.length; i++) {
    const b = buffers[i];
    if (!isObject(b)) return `buffers[${i}] is not an object`;
    const declared = nonNegInt(b.byteLength, null);
    if (declared === null) return `buffers[${i}].byteLength is not a non-negative integer`;
    const actual = bufferLengths[i];
    if (actual === null) return `buffers[${i}] refers to a BIN chunk the file does not have`;
    if (actual !== undefined && declared > actual) return `buffers[${i}].byteLength ${declared} is past the end of the BIN chunk (${actual} bytes)`;
  }
  const viewLengths: number[] = [];
  for (let i = 0; i < views.length; i++) {
    const v = views[i];
    if (!isObject(v)) return `bufferViews[${i}] is not an object`;
    const buffer = nonNegInt(v.buffer, null);
    const offset = nonNegInt(v.byteOffset, 0);
    const length = nonNegInt(v.byteLength, null);
    if (buffer === null || offset === null || length === null) return `bufferViews[${i}] has a bad buffer, byteOffset or byteLength`;
    if (buffer >= buffers.length) return `bufferViews[${i}].buffer ${buffer} does not exist`;
    const b = buffers[buffer] as Record<string, unknown>;
    const limit = Math.min(bufferLengths[buffer] ?? 0, typeof b.byteLength === 'number' ? b.byteLength : 0);
    if (offset + length > limit) return `bufferViews[${i}] (bytes ${offset}–${offset + length}) is out of range of buffer ${buffer} (${limit} bytes)`;
    viewLengths.push(length);
  }
  for (let i = 0; i < accessors.length; i++) {
    const a = accessors[i];
    if (!isObject(a)) return `accessors[${i}] is not an object`;
    if (a.bufferView === undefined) continue;
    const view = nonNegInt(a.bufferView, null);
    if (view === null || view >= views.length) return `accessors[${i}].bufferView ${String(a.bufferView)} does not exist`;
    const comp = COMPONENT_BYTES[a.componentType as number];
    const n = TYPE_COMPONENTS[a.type as string];
    const count = nonNegInt(a.count, null);
    const offset = nonNegInt(a.byteOffset, 0);
    if (comp === undefined || n === undefined || count === null || offset === null) return `accessors[${i}] has a bad componentType, type, count or byteOffset`;
    const stride = nonNegInt((views[view] as Record<string, unknown>).byteStride, comp * n) ?? comp * n;
    const needed = count === 0 ? 0 : offset + (count - 1) * stride + comp * n;
    const available = viewLengths[view] ?? 0;
    if (needed > available) return `accessors[${i}] needs ${needed} bytes but bufferViews[${view}] has ${available}`;
  }
  return null;
}

export function checkGlb(input: ArrayBuffer | Uint8Array): GlbCheck {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const size = bytes.byteLength;
  if (size < HEADER_BYTES) return fail(`truncated glb: ${size} bytes, the header alone needs ${HEADER_BYTES}`);
  if (!hasGlbMagic(bytes)) return fail(describeForeign(bytes));
  const dv = new DataView(bytes.buffer, bytes.byteOffset, size);
  const version = dv.getUint32(4, true);
  if (version !== 2) return fail(`unsupported glb version ${version} (expected 2)`);
  const declared = dv.getUint32(8, true);
  if (declared > size) return fail(`truncated glb: header says ${declared} bytes, got ${size}`);
  if (declared < HEADER_BYTES + CHUNK_HEADER_BYTES) return fail(`glb header length ${declared} is too small for a JSON chunk`);
  if (size < HEADER_BYTES + CHUNK_HEADER_BYTES) return fail(`truncated glb: ${size} bytes, no room for the JSON chunk header`);

  const jsonLength = dv.getUint32(12, true);
  const jsonType = dv.getUint32(16, true);
  if (jsonType !== CHUNK_JSON) return fail('first glb chunk is not JSON');
  const jsonStart = HEADER_BYTES + CHUNK_HEADER_BYTES;
  if (jsonStart + jsonLength > declared) return fail(`JSON chunk length ${jsonLength} runs past the end of the file (${declared} bytes)`);

  let json: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(jsonStart, jsonStart + jsonLength));
    json = JSON.parse(text);
  } catch (e) {
    return fail(`glb JSON chunk does not parse: ${(e as Error).message}`);
  }
  if (!isObject(json)) return fail('glb JSON chunk is not an object');
  const asset = json.asset;
  if (!isObject(asset) || typeof asset.version !== 'string' || !asset.version.startsWith('2.')) {
    return fail('glb JSON has no asset.version "2.x"');
  }

  let binLength: number | null = null;
  let at = jsonStart + jsonLength;
  // Chunks are 4-byte aligned; anything after the JSON must be whole chunks.
  while (at < declared) {
    if (at + CHUNK_HEADER_BYTES > declared) return fail(`truncated chunk header at byte ${at}`);
    const len = dv.getUint32(at, true);
    const type = dv.getUint32(at + 4, true);
    if (at + CHUNK_HEADER_BYTES + len > declared) return fail(`chunk length ${len} at byte ${at} runs past the end of the file (${declared} bytes)`);
    if (type === CHUNK_BIN && binLength === null) binLength = len;
    at += CHUNK_HEADER_BYTES + len;
  }

  const rangeProblem = checkJsonRanges(json, binLength);
  return rangeProblem ? fail(rangeProblem) : { ok: true };
}
