/** Helpers shared by the tiler tests: temp builds, GLB parsing, tileset walking. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeIO, type Accessor, type Document, type Primitive } from '@gltf-transform/core';
import validator from 'gltf-validator';
import { afterAll } from 'vitest';
import { gltfToEnu } from '../../../src/tiler/gltf/axes';
import { withMeshopt } from '../../../src/tiler/gltf/compressTile';
import { MeshFeaturesExtension } from '../../../src/tiler/gltf/extMeshFeatures';
import { StructuralMetadataExtension } from '../../../src/tiler/gltf/extStructuralMetadata';
import type { TileJson, TilesetJson } from '../../../src/tiler/tileset/tilesetJson';
import type { Aabb } from '../../../src/tiler/tileset/aabb';
import type { ZoneInput } from '../../../src/tiler/types';
import { writeZoneTiles, type ZoneTilesSummary } from '../../../src/tiler/writeZoneTiles';

const created: string[] = [];

// Registered while the importing test file is collected, so each file removes its own builds.
afterAll(async () => {
  await Promise.all(created.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shentwin-${prefix}-`));
  created.push(dir);
  return dir;
}

export async function buildZoneInTemp(zone: ZoneInput, prefix = 'zone'): Promise<{ dir: string; summary: ZoneTilesSummary }> {
  const dir = join(await tempDir(prefix), zone.zoneId);
  const summary = await writeZoneTiles(zone, dir);
  return { dir, summary };
}

export async function readTileset(path: string): Promise<TilesetJson> {
  return JSON.parse(await readFile(path, 'utf8')) as TilesetJson;
}

export interface TileVisit {
  tile: TileJson;
  parent: TileJson | null;
  depth: number;
}

export function walkTiles(root: TileJson): TileVisit[] {
  const out: TileVisit[] = [];
  const visit = (tile: TileJson, parent: TileJson | null, depth: number): void => {
    out.push({ tile, parent, depth });
    for (const c of tile.children ?? []) visit(c, tile, depth + 1);
  };
  visit(root, null, 0);
  return out;
}

export function boxToAabb(box: number[]): Aabb {
  const [cx, cy, cz, hx, , , , hy, , , , hz] = box as [number, number, number, number, number, number, number, number, number, number, number, number];
  return { min: [cx - hx, cy - hy, cz - hz], max: [cx + hx, cy + hy, cz + hz] };
}

/** Raw GLB chunks: the JSON as parsed object and the BIN chunk bytes. */
export function parseGlb(bytes: Uint8Array): { json: any; bin: Uint8Array } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== 0x46546c67 || dv.getUint32(4, true) !== 2) throw new Error('not a glTF 2 GLB');
  const jsonLength = dv.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  const binStart = 20 + jsonLength;
  const binLength = dv.getUint32(binStart, true);
  return { json, bin: bytes.subarray(binStart + 8, binStart + 8 + binLength) };
}

const ioReady = withMeshopt(new NodeIO().registerExtensions([MeshFeaturesExtension, StructuralMetadataExtension]));

/** Reads plain and compact (quantised + meshopt) tiles alike; accessors come back decoded. */
export async function readDocument(bytes: Uint8Array): Promise<Document> {
  return (await ioReady).readBinary(bytes);
}

export interface ReadPrimitive {
  role: string;
  mode: number;
  /** ENU metres (node translation and the y-up → z-up rotation applied). */
  enu: Float64Array;
  /** ENU unit normals, when the primitive has normals. */
  normals: Float64Array | null;
  featureIds: number[];
  featureCount: number;
  indices: number[];
}

/**
 * An accessor as plain floats: getElement denormalises KHR_mesh_quantization ints, so quantised
 * and float32 tiles read the same (meshopt is already decoded by readDocument).
 */
export function floatArray(a: Accessor): Float32Array {
  const n = a.getElementSize();
  const out = new Float32Array(a.getCount() * n);
  const el: number[] = [];
  for (let v = 0; v < a.getCount(); v++) out.set(a.getElement(v, el), v * n);
  return out;
}

/** POSITION in ENU metres: the full world matrix, since quantisation puts a scale in the nodes. */
export function enuPositions(prim: Primitive, m: readonly number[]): Float64Array {
  const pos = floatArray(prim.getAttribute('POSITION')!);
  const enu = new Float64Array(pos.length);
  for (let i = 0; i < pos.length; i += 3) {
    const px = pos[i]!, py = pos[i + 1]!, pz = pos[i + 2]!;
    enu.set(gltfToEnu(
      m[0]! * px + m[4]! * py + m[8]! * pz + m[12]!,
      m[1]! * px + m[5]! * py + m[9]! * pz + m[13]!,
      m[2]! * px + m[6]! * py + m[10]! * pz + m[14]!,
    ), i);
  }
  return enu;
}

/** NORMAL in ENU, re-normalised (8-bit octahedral normals are unit only to about 1e-2). */
export function enuNormals(prim: Primitive): Float64Array | null {
  const acc = prim.getAttribute('NORMAL');
  if (!acc) return null;
  const nrm = floatArray(acc);
  const out = new Float64Array(nrm.length);
  for (let i = 0; i < nrm.length; i += 3) {
    const n = gltfToEnu(nrm[i]!, nrm[i + 1]!, nrm[i + 2]!);
    const len = Math.hypot(n[0], n[1], n[2]) || 1;
    out.set([n[0] / len, n[1] / len, n[2] / len], i);
  }
  return out;
}

/** Every primitive of a tile's GLB, with vertices mapped back to the zone's ENU frame. */
export async function readPrimitives(bytes: Uint8Array): Promise<ReadPrimitive[]> {
  const doc = await readDocument(bytes);
  const out: ReadPrimitive[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const m = node.getWorldMatrix();
    for (const prim of mesh.listPrimitives()) {
      const enu = enuPositions(prim, m);
      const normals = enuNormals(prim);
      const features = prim.getExtension<any>('EXT_mesh_features');
      out.push({
        role: mesh.getName(),
        mode: prim.getMode(),
        enu,
        normals,
        featureIds: Array.from(prim.getAttribute('_FEATURE_ID_0')!.getArray()!),
        featureCount: features?.listFeatureIds()[0]?.featureCount ?? 0,
        indices: Array.from(prim.getIndices()!.getArray()!),
      });
    }
  }
  return out;
}

export async function listFilesRecursive(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFilesRecursive(p)));
    else out.push(p);
  }
  return out.sort();
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  /** Issue code → count, for the notices we accept (unknown extensions, unused buffer views). */
  codes: Record<string, number>;
}

export async function validateGlb(bytes: Uint8Array): Promise<ValidationSummary> {
  const report = await validator.validateBytes(new Uint8Array(bytes), { maxIssues: 0 });
  const codes: Record<string, number> = {};
  for (const m of report.issues.messages) codes[m.code] = (codes[m.code] ?? 0) + 1;
  return { errors: report.issues.numErrors, warnings: report.issues.numWarnings, codes };
}
