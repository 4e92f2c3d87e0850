/**
 * Fault injection material for the browser tests: broken variants of a real glb and of a real
 * tileset.json, served through Playwright's request interception (`page.route`). Each variant is
 * built from the genuine file so that only the one defect under test differs.
 */

export interface FaultResponse {
  name: string;
  status: number;
  contentType: string;
  body: Buffer;
}

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

const GLB = 'model/gltf-binary';
const JSON_TYPE = 'application/json';

interface GlbParts {
  json: Record<string, unknown>;
  /** Everything after the JSON chunk (the BIN chunk with its header), kept byte for byte. */
  rest: Buffer;
}

function splitGlb(glb: Buffer): GlbParts {
  if (glb.length < HEADER_BYTES + CHUNK_HEADER_BYTES || glb.readUInt32LE(0) !== GLB_MAGIC) {
    throw new Error('fault material: the source file is not a glb');
  }
  const jsonLen = glb.readUInt32LE(HEADER_BYTES);
  if (glb.readUInt32LE(HEADER_BYTES + 4) !== CHUNK_JSON) throw new Error('fault material: first chunk is not JSON');
  const start = HEADER_BYTES + CHUNK_HEADER_BYTES;
  const json = JSON.parse(glb.subarray(start, start + jsonLen).toString('utf8')) as Record<string, unknown>;
  return { json, rest: glb.subarray(start + jsonLen) };
}

function joinGlb(json: Record<string, unknown>, rest: Buffer): Buffer {
  let text = JSON.stringify(json);
  while (text.length % 4 !== 0) text += ' ';
  const jsonBytes = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(HEADER_BYTES + CHUNK_HEADER_BYTES);
  header.writeUInt32LE(GLB_MAGIC, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(header.length + jsonBytes.length + rest.length, 8);
  header.writeUInt32LE(jsonBytes.length, 12);
  header.writeUInt32LE(CHUNK_JSON, 16);
  return Buffer.concat([header, jsonBytes, rest]);
}

/** The bad-glb row of TESTING.md's fault matrix, each derived from `real`. */
export function badGlbVariants(real: Buffer): FaultResponse[] {
  const glb = (name: string, body: Buffer): FaultResponse => ({ name, status: 200, contentType: GLB, body });

  const wrongMagic = Buffer.from(real);
  wrongMagic.write('glTX', 0, 'latin1');

  const wrongVersion = Buffer.from(real);
  wrongVersion.writeUInt32LE(1, 4);

  const chunkPastEnd = Buffer.from(real);
  chunkPastEnd.writeUInt32LE(real.length + 4096, HEADER_BYTES);

  // Same length, so only the JSON text is wrong: it stops mid-object.
  const brokenJson = Buffer.from(real);
  const jsonLen = real.readUInt32LE(HEADER_BYTES);
  const cut = Buffer.alloc(jsonLen, ' ');
  cut.write('{"asset":{"version":"2.0"},"meshes":[{', 0, 'utf8');
  cut.copy(brokenJson, HEADER_BYTES + CHUNK_HEADER_BYTES);

  const { json, rest } = splitGlb(real);
  const buffers = (json.buffers as { byteLength: number }[] | undefined) ?? [];
  const binLength = buffers[0]?.byteLength ?? 0;
  const views = (json.bufferViews as { byteOffset?: number; byteLength: number }[] | undefined) ?? [];
  if (views.length === 0) throw new Error('fault material: the glb has no bufferViews to corrupt');
  const outOfRange = joinGlb(
    { ...json, bufferViews: views.map((v) => ({ ...v, byteOffset: binLength + 4096 })) },
    rest,
  );

  return [
    glb('wrong magic', wrongMagic),
    glb('wrong version', wrongVersion),
    glb('0 bytes', Buffer.alloc(0)),
    glb('11 bytes', real.subarray(0, 11)),
    glb('19 bytes', real.subarray(0, 19)),
    glb('chunk length past the end', chunkPastEnd),
    glb('broken JSON chunk', brokenJson),
    glb('bufferView out of range', outOfRange),
    {
      name: 'HTML error page with 200',
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: Buffer.from('<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>'),
    },
  ];
}

/**
 * The bad-tileset.json row. JSON has no NaN, but Python's json module writes a bare `NaN`, so
 * that is what a broken exporter produces; `1e999` is valid JSON that parses to Infinity, so it
 * reaches the app's own validation rather than the JSON parser.
 */
export function badTilesetVariants(realText: string): FaultResponse[] {
  const real = JSON.parse(realText) as { root: Record<string, unknown> } & Record<string, unknown>;
  const json = (name: string, text: string): FaultResponse => ({
    name,
    status: 200,
    contentType: JSON_TYPE,
    body: Buffer.from(text, 'utf8'),
  });
  const withRoot = (patch: Record<string, unknown>) => JSON.stringify({ ...real, root: { ...real.root, ...patch } });
  const { root: _root, ...rootless } = real;
  const box = (real.root.boundingVolume as { box?: number[] } | undefined)?.box;
  const nanBox = box ? `{"box":[${box.map((v, i) => (i === 3 ? 'NaN' : String(v))).join(',')}]}` : '{"box":[NaN,0,0,1,0,0,0,1,0,0,0,1]}';
  const infBox = box ? `{"box":[${box.map((v, i) => (i === 0 ? '1e999' : String(v))).join(',')}]}` : '{"box":[1e999,0,0,1,0,0,0,1,0,0,0,1]}';
  return [
    json('invalid JSON', realText.slice(0, Math.floor(realText.length / 2))),
    json('no root', JSON.stringify(rootless)),
    json('NaN geometricError', withRoot({ geometricError: '__NAN__' }).replace('"__NAN__"', 'NaN')),
    json('Infinity geometricError', withRoot({ geometricError: '__INF__' }).replace('"__INF__"', '1e999')),
    json('NaN bounds', withRoot({ boundingVolume: '__BOX__' }).replace('"__BOX__"', nanBox)),
    json('Infinity bounds', withRoot({ boundingVolume: '__BOX__' }).replace('"__BOX__"', infBox)),
  ];
}

/**
 * External tilesets in a cycle: the root's content opens `a`, `a` opens `b`, and `b` opens `a`
 * again. Only the root carries the real transform; `a` and `b` inherit it, so every level has
 * the real bounds in place and the renderer keeps wanting to open the next one.
 */
export function cyclicTilesets(realText: string, aFile: string, bFile: string): { root: string; a: string; b: string } {
  const real = JSON.parse(realText) as { asset: unknown; geometricError: number; root: Record<string, unknown> };
  const node = (uri: string, withTransform: boolean) => ({
    boundingVolume: real.root.boundingVolume,
    ...(withTransform && real.root.transform ? { transform: real.root.transform } : {}),
    geometricError: real.geometricError,
    refine: 'REPLACE',
    content: { uri },
  });
  const file = (uri: string, withTransform: boolean) =>
    JSON.stringify({ asset: real.asset, geometricError: real.geometricError, root: node(uri, withTransform) });
  return { root: file(aFile, true), a: file(bFile, false), b: file(aFile, false) };
}
