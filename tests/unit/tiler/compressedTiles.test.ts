/**
 * Compact tiles (KHR_mesh_quantization + EXT_meshopt_compression) against the same zone written
 * with --no-compress: same geometry within one quantisation step, the same feature id on every
 * vertex, the same property tables, valid glTF, and fewer bytes.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zoneBuildHash } from '../../../src/tiler/buildHash';
import { POSITION_BITS } from '../../../src/tiler/gltf/compressTile';
import type { StructuralMetadata } from '../../../src/tiler/gltf/extStructuralMetadata';
import { writeZoneTiles, type ZoneTilesSummary } from '../../../src/tiler/writeZoneTiles';
import { syntheticZone } from './syntheticZone';
import { listFilesRecursive, parseGlb, readDocument, readPrimitives, tempDir, validateGlb, type ReadPrimitive } from './tilerSupport';

const QUANT = ['KHR_mesh_quantization', 'EXT_meshopt_compression'];
const zone = syntheticZone();

interface Build { dir: string; summary: ZoneTilesSummary; glbs: string[] }
let raw: Build, compact: Build;

async function build(compress: boolean): Promise<Build> {
  const dir = join(await tempDir(compress ? 'compact' : 'raw'), zone.zoneId);
  const summary = await writeZoneTiles(zone, dir, { compress });
  const glbs = (await listFilesRecursive(dir)).filter((f) => f.endsWith('.glb')).map((f) => relative(dir, f));
  return { dir, summary, glbs };
}

const bytesOf = async (b: Build, f: string): Promise<Uint8Array> => new Uint8Array(await readFile(join(b.dir, f)));

/** Largest extent of a primitive's ENU positions: quantisation's grid spans the tile, at least this. */
function extentOf(prims: ReadPrimitive[]): number {
  let ext = 0;
  for (let k = 0; k < 3; k++) {
    let lo = Infinity, hi = -Infinity;
    for (const p of prims) for (let i = k; i < p.enu.length; i += 3) { lo = Math.min(lo, p.enu[i]!); hi = Math.max(hi, p.enu[i]!); }
    ext = Math.max(ext, hi - lo);
  }
  return ext;
}

/**
 * Every vertex that `a` draws has a vertex in `b` with the same feature id within `tol` metres.
 * Only drawn vertices: meshopt's vertex-fetch reorder drops ones no index refers to.
 */
function unmatched(a: ReadPrimitive, b: ReadPrimitive, tol: number): number {
  const cell = (v: number): number => Math.floor(v / tol);
  const grid = new Map<string, number[]>();
  for (let i = 0; i < b.featureIds.length; i++) {
    const key = `${cell(b.enu[3 * i]!)},${cell(b.enu[3 * i + 1]!)},${cell(b.enu[3 * i + 2]!)}`;
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(i);
  }
  let missing = 0;
  for (const i of new Set(a.indices)) {
    const [x, y, z] = [a.enu[3 * i]!, a.enu[3 * i + 1]!, a.enu[3 * i + 2]!];
    let found = false;
    for (let dx = -1; dx <= 1 && !found; dx++) for (let dy = -1; dy <= 1 && !found; dy++) for (let dz = -1; dz <= 1 && !found; dz++) {
      for (const j of grid.get(`${cell(x) + dx},${cell(y) + dy},${cell(z) + dz}`) ?? []) {
        if (b.featureIds[j] === a.featureIds[i]
          && Math.abs(b.enu[3 * j]! - x) <= tol && Math.abs(b.enu[3 * j + 1]! - y) <= tol && Math.abs(b.enu[3 * j + 2]! - z) <= tol) { found = true; break; }
      }
    }
    if (!found) missing++;
  }
  return missing;
}

beforeAll(async () => {
  [raw, compact] = [await build(false), await build(true)];
}, 120_000);

describe('compact tiles', () => {
  it('writes the same tiles, each declaring and requiring both extensions, and valid', async () => {
    expect(compact.glbs).toEqual(raw.glbs);
    expect(compact.glbs.length).toBeGreaterThan(2);
    for (const f of compact.glbs) {
      const { json } = parseGlb(await bytesOf(compact, f));
      for (const ext of QUANT) {
        expect(json.extensionsUsed, f).toContain(ext);
        expect(json.extensionsRequired, f).toContain(ext);
      }
      expect(json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']));
      const report = await validateGlb(await bytesOf(compact, f));
      expect(report.errors, `${f}: ${JSON.stringify(report.codes)}`).toBe(0);
    }
  });

  it('--no-compress writes the plain float32 tiles', async () => {
    for (const f of raw.glbs) {
      const { json } = parseGlb(await bytesOf(raw, f));
      for (const ext of QUANT) expect(json.extensionsUsed ?? []).not.toContain(ext);
      for (const mesh of json.meshes) expect(json.accessors[mesh.primitives[0].attributes.POSITION].componentType).toBe(5126);
      expect((await validateGlb(await bytesOf(raw, f))).errors).toBe(0);
    }
  });

  it('decodes to the raw positions within one quantisation step, with identical feature ids', async () => {
    for (const f of raw.glbs) {
      const a = await readPrimitives(await bytesOf(raw, f));
      const b = await readPrimitives(await bytesOf(compact, f));
      expect(b.map((p) => p.role), f).toEqual(a.map((p) => p.role));
      const tol = 1e-4 + extentOf(a) / (2 ** POSITION_BITS - 2);
      a.forEach((pa, i) => {
        const pb = b[i]!;
        expect(pb.featureCount).toBe(pa.featureCount);
        expect(new Set(pb.featureIds), `${f} ${pa.role}`).toEqual(new Set(pa.indices.map((v) => pa.featureIds[v]!)));
        expect(unmatched(pa, pb, tol), `${f} ${pa.role}: raw vertices with no match`).toBe(0);
        expect(unmatched(pb, pa, tol), `${f} ${pa.role}: compact vertices with no match`).toBe(0);
        expect(pb.indices.length).toBe(pa.indices.length);
      });
    }
  });

  it('keeps the property tables identical', async () => {
    for (const f of raw.glbs) {
      const tables = async (b: Build): Promise<unknown> =>
        (await readDocument(await bytesOf(b, f))).getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata')!.listPropertyTables();
      expect(await tables(compact), f).toEqual(await tables(raw));
    }
  });

  it('is smaller, and the build hash changes with the option', async () => {
    expect(compact.summary.bytes).toBeLessThan(raw.summary.bytes);
    const repo = join(import.meta.dirname, '..', '..', '..');
    expect(await zoneBuildHash(repo, 'x', { compress: true })).not.toBe(await zoneBuildHash(repo, 'x', { compress: false }));
    expect(await zoneBuildHash(repo, 'x')).toBe(await zoneBuildHash(repo, 'x', { compress: true }));
  });
});
