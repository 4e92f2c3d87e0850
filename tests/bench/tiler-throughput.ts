/**
 * Tiler throughput: 100,000 seeded synthetic footprints (rectangles and pentagons, random
 * orientation) over a ~20 × 20 km area, through the full buildings tileset writer
 * (validate → plan LOD → geometry → GLB → disk). Prints a table and writes
 * bench/results/tiler-throughput.json. Speed depends on the machine; counts and bytes do not.
 * On a shared box wall-clock time includes waiting for the CPU, so CPU seconds are reported too.
 *
 *   npx tsx tests/bench/tiler-throughput.ts [--buildings N]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAND_USE_CLASSES } from '../../src/core/landUse';
import { createRng } from '../../src/core/rng';
import { writeBuildingsTileset } from '../../src/tiler/buildingsTileset';
import type { BuildingInput, Ring } from '../../src/tiler/types';

const SEED = 'tiler-throughput-v1';
const AREA_M = 20_000;
const SIGNATURE_EVERY = 5000;
const ORIGIN = { lonDeg: 121.47, latDeg: 31.23, heightM: 4 };

function footprint(rng: ReturnType<typeof createRng>, cx: number, cy: number): Ring {
  const angle = rng.range(0, Math.PI);
  const c = Math.cos(angle), s = Math.sin(angle);
  const local: [number, number][] = [];
  if (rng.next() < 0.7) {
    const w = rng.range(8, 40) / 2, h = rng.range(8, 30) / 2;
    local.push([-w, -h], [w, -h], [w, h], [-w, h]);
  } else {
    const r = rng.range(8, 25);
    for (let k = 0; k < 5; k++) {
      const a = (2 * Math.PI * k) / 5;
      const rr = r * rng.range(0.8, 1.1);
      local.push([rr * Math.cos(a), rr * Math.sin(a)]);
    }
  }
  return local.map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
}

function syntheticBuildings(count: number): BuildingInput[] {
  const rng = createRng(SEED);
  const out: BuildingInput[] = [];
  for (let i = 0; i < count; i++) {
    const cx = rng.range(-AREA_M / 2, AREA_M / 2), cy = rng.range(-AREA_M / 2, AREA_M / 2);
    // Mostly mid-rise, a long tail of towers.
    const heightM = Math.round(Math.min(300, 6 + Math.exp(rng.normal(2.8, 0.7))) * 10) / 10;
    out.push({
      id: `gen:bench:${i}`,
      name: `基准楼${i}`,
      nameEn: `Bench building ${i}`,
      footprint: footprint(rng, cx, cy),
      heightM,
      baseM: 0,
      floors: Math.max(1, Math.round(heightM / 3.3)),
      landUse: rng.pick(LAND_USE_CLASSES),
      status: 'existing',
      source: 'generated',
      osmId: '',
      roof: rng.next() < 0.15 ? 'gable' : 'flat',
      signature: i % SIGNATURE_EVERY === 0,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--buildings');
  const count = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
  if (!Number.isInteger(count) || count <= 0) throw new Error('--buildings needs a positive integer');
  const t0 = performance.now();
  const inputs = syntheticBuildings(count);
  const tGen = performance.now();
  const cpu0 = process.cpuUsage();
  const out = await mkdtemp(join(tmpdir(), 'shentwin-bench-tiles-'));
  try {
    const r = await writeBuildingsTileset(inputs, ORIGIN, out);
    const tWrite = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const seconds = (tWrite - tGen) / 1000;
    const result = {
      benchmark: 'tiler-throughput',
      seed: SEED,
      inputBuildings: count,
      builtBuildings: r.buildings,
      rejected: r.rejected,
      signatureBuildings: r.signatureBuildings,
      tiles: r.tiles,
      totalBytes: r.bytes,
      bytesPerBuilding: Math.round(r.bytes / r.buildings),
      generateSeconds: Number(((tGen - t0) / 1000).toFixed(2)),
      writeSeconds: Number(seconds.toFixed(2)),
      buildingsPerSecond: Math.round(r.buildings / seconds),
      writeCpuSeconds: Number(cpuSeconds.toFixed(2)),
      buildingsPerCpuSecond: Math.round(r.buildings / cpuSeconds),
      loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
      cpus: cpus().length,
    };
    console.table({
      buildings: result.builtBuildings,
      tiles: result.tiles,
      'total MiB': Number((result.totalBytes / 2 ** 20).toFixed(1)),
      'bytes / building': result.bytesPerBuilding,
      'write s': result.writeSeconds,
      'buildings / s': result.buildingsPerSecond,
      'write CPU s': result.writeCpuSeconds,
      'buildings / CPU s': result.buildingsPerCpuSecond,
      'load avg (1 min)': result.loadAverage1m,
      'peak RSS MiB': result.peakRssMiB,
    });
    const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, 'tiler-throughput.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
