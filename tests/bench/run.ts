/**
 * `npm run bench`: every benchmark in its own process, one after another (they must not compete
 * for the two cores). Each prints its table and writes JSON under bench/results/. Extra
 * arguments are passed to every benchmark; `--only name[,name]` picks some.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHES = [
  { name: 'tiler-throughput', file: 'tests/bench/tiler-throughput.ts' },
  { name: 'render-tiles-vs-naive', file: 'tests/bench/render-tiles-vs-naive.ts' },
  { name: 'feed-ingest', file: 'tests/bench/feed-ingest.ts' },
  { name: 'feed-fanout', file: 'tests/bench/feed-fanout.ts' },
  { name: 'recorder', file: 'tests/bench/recorder.ts' },
  { name: 'recorder-postgres', file: 'tests/bench/recorder-postgres.ts' },
  { name: 'replay-client', file: 'tests/bench/replay-client.ts' },
  { name: 'live-layers', file: 'tests/bench/live-layers.ts' },
  { name: 'sunlight', file: 'tests/bench/sunlight.ts' },
  { name: 'tiles-compression', file: 'tests/bench/tiles-compression.ts' },
  { name: 'feed-v2-server', file: 'tests/bench/feed-v2-server.ts' },
  { name: 'feed-v2-client', file: 'tests/bench/feed-v2-client.ts' },
  { name: 'settle-vs-cesium', file: 'tests/bench/settle-vs-cesium.ts' },
  { name: 'frame-gpu-cost', file: 'tests/bench/frame-gpu-cost.ts' },
  { name: 'city-scale', file: 'tests/bench/city-scale.ts' },
  { name: 'settle-raw-vs-compressed', file: 'tests/bench/settle-raw-vs-compressed.ts' },
];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
const passThrough = onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv;

// Render benchmarks read the built tiles; building is a no-op when sources are unchanged.
const tiles = spawnSync('npx', ['tsx', 'src/tiler/cli.ts'], { stdio: 'inherit' });
if (tiles.status !== 0) process.exit(tiles.status ?? 1);

let failed = 0;
for (const b of BENCHES) {
  if (only && !only.has(b.name)) continue;
  if (!existsSync(b.file)) {
    console.log(`\n[bench] ${b.name}: ${b.file} not present, skipped`);
    continue;
  }
  console.log(`\n[bench] ${b.name}`);
  const r = spawnSync('npx', ['tsx', b.file, ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`[bench] ${b.name} exited with ${r.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
