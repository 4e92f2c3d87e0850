/**
 * Compact tiles: every zone built twice, plain float32 (--no-compress) and quantised +
 * meshopt-compressed, in temp dirs. Reports bytes per building and per zone, and the Node-side
 * cost of reading a tile back (glTF-Transform read + meshopt decode; GLTFLoader is browser-only),
 * raw vs compact, interleaved A B A B, medians. Writes bench/results/tiles-compression.json.
 * Bytes are counts and do not depend on the machine; decode ms only make sense as the ratio.
 *
 *   npx tsx tests/bench/tiles-compression.ts [--rounds N]
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import { withMeshopt } from '../../src/tiler/gltf/compressTile';
import { MeshFeaturesExtension } from '../../src/tiler/gltf/extMeshFeatures';
import { StructuralMetadataExtension } from '../../src/tiler/gltf/extStructuralMetadata';
import { writeZoneTiles } from '../../src/tiler/writeZoneTiles';
import { loadZoneInput, ZONE_IDS } from '../../src/tiler/zones/index';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

async function glbBytes(dir: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.glb')) out.set(`${rel}${e.name}`, new Uint8Array(await readFile(join(d, e.name))));
    }
  };
  await walk(dir, '');
  return out;
}

const sum = (m: Map<string, Uint8Array>, prefix: string): number =>
  [...m].filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v.byteLength, 0);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--rounds');
  const rounds = arg > 0 ? Number(process.argv[arg + 1]) : 5;
  const io = await withMeshopt(new NodeIO().registerExtensions([MeshFeaturesExtension, StructuralMetadataExtension]));
  const tmp = await mkdtemp(join(tmpdir(), 'shentwin-bench-compress-'));
  const zones = [];
  try {
    for (const zoneId of ZONE_IDS) {
      const zone = await loadZoneInput(zoneId, repoRoot);
      const rawDir = join(tmp, 'raw', zoneId), compactDir = join(tmp, 'compact', zoneId);
      const rawSummary = await writeZoneTiles(zone, rawDir, { compress: false });
      const compactSummary = await writeZoneTiles(zone, compactDir, { compress: true });
      const raw = await glbBytes(rawDir), compact = await glbBytes(compactDir);
      // Building glb only (buildings/ + schemes/), tileset.json excluded: the target is geometry.
      const rawB = sum(raw, 'buildings/'), compactB = sum(compact, 'buildings/');
      const n = rawSummary.buildings;
      const rawMs: number[] = [], compactMs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (const [files, acc] of [[raw, rawMs], [compact, compactMs]] as const) {
          const t0 = performance.now();
          for (const bytes of files.values()) await io.readBinary(bytes);
          acc.push((performance.now() - t0) / files.size);
        }
      }
      const zoneRow = {
        zoneId,
        buildings: n,
        tiles: raw.size,
        buildingGlbBytes: { raw: rawB, compact: compactB },
        bytesPerBuilding: { raw: Math.round(rawB / n), compact: Math.round(compactB / n) },
        allGlbBytes: { raw: sum(raw, ''), compact: sum(compact, '') },
        zoneBytes: { raw: rawSummary.bytes, compact: compactSummary.bytes },
        ratio: Number((compactB / rawB).toFixed(3)),
        decodeMsPerTile: { raw: Number(median(rawMs).toFixed(3)), compact: Number(median(compactMs).toFixed(3)) },
        decodeRatio: Number((median(compactMs) / median(rawMs)).toFixed(2)),
      };
      zones.push(zoneRow);
      await rm(join(tmp, 'raw', zoneId), { recursive: true, force: true });
      await rm(join(tmp, 'compact', zoneId), { recursive: true, force: true });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  console.table(Object.fromEntries(zones.map((z) => [z.zoneId, {
    buildings: z.buildings,
    tiles: z.tiles,
    'B/bldg raw': z.bytesPerBuilding.raw,
    'B/bldg compact': z.bytesPerBuilding.compact,
    ratio: z.ratio,
    'zone KiB raw': Math.round(z.zoneBytes.raw / 1024),
    'zone KiB compact': Math.round(z.zoneBytes.compact / 1024),
    'decode ms/tile raw': z.decodeMsPerTile.raw,
    'decode ms/tile compact': z.decodeMsPerTile.compact,
    'decode ratio': z.decodeRatio,
  }])));
  const result = { benchmark: 'tiles-compression', rounds, targetBytesPerBuilding: 1200, zones, node: process.version };
  const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'tiles-compression.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
