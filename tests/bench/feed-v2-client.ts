/**
 * Client cost of feed protocol v2 against v1, per batch (one delta moving every vehicle), at 10k
 * and 50k vehicles. Interleaved v1, v2 v1, v2 … over the same pre-built stream; medians of runs.
 *
 *   v1 main      — what the main thread does today: FeedIngest.enqueue(text) + flush (JSON.parse,
 *                  zod per vehicle, geodesy, apply).
 *   v2 main      — what the main thread does when the network worker decodes: the ids back from
 *                  their keys (IdKeyTable), FeedIngest.frameV2 (an already-decoded frame) + flush
 *                  (columnar apply, no parse, no zod).
 *   v2 worker    — what the worker does per batch: FrameDecoderV2.decode(bytes).
 *   v2 clone     — structuredClone of the posted message without a transfer list: an upper bound
 *                  on the postMessage hand-off (serialise in the worker + deserialise on the main
 *                  thread; transferred arrays move instead of being copied). `keys` is what
 *                  netWorker posts (ids as a Uint32Array of keys); `strings` is the same frame
 *                  with its id strings, for comparison.
 *
 * Also the bytes per batch of each encoding. Targets (the v2 issue): v2 main ≤ 2 ms p95 per
 * 10k-vehicle batch, and ≥ 15× less than v1 main. Writes bench/results/feed-v2-client.json.
 *
 *   npx tsx tests/bench/feed-v2-client.ts [--runs 5] [--batches 20] [--sizes 10000,50000]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnuFrame } from '../../src/core/geodesy';
import { FeedIngest } from '../../src/feed/ingest/FeedIngest';
import type { WireVehicle } from '../../src/feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../src/feed/protocol/v2/FrameDecoderV2';
import type { DecodedFrameV2 } from '../../src/feed/protocol/v2/types';
import { ZoneEncoderV2 } from '../../src/feed/protocol/v2/ZoneEncoderV2';
import { IdKeyEncoder, type EncodedIds } from '../../src/feed/worker/IdKeyEncoder';
import { IdKeyTable } from '../../src/feed/worker/IdKeyTable';
import { VEHICLE_CLASSES } from '../../src/sim/types';
import { median, percentile, round } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string' }, batches: { type: 'string' }, sizes: { type: 'string' } } });
const RUNS = Number(values.runs ?? 5);
const BATCHES = Number(values.batches ?? 20);
const SIZES = (values.sizes ?? '10000,50000').split(',').map(Number);
const FRAME = new EnuFrame({ lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 });
const T0 = 1_763_600_000_000;
const BATCH_MS = 200;
const ZONE = 'jiading';

interface Stream {
  n: number;
  snapshotText: string;
  snapshotBytes: Uint8Array;
  texts: string[];
  bytes: Uint8Array[];
  /** Decoded once: applying a frame does not change it, so every run reuses them. */
  decoded: DecodedFrameV2[];
  decodedSnapshot: DecodedFrameV2;
  /** What netWorker posts for each frame's ids (snapshot first). */
  keys: EncodedIds[];
}

const r7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** n synthetic vehicles on a grid within ±4 km, every one moving 2 m per batch; 1 % carry a route. */
function vehiclesAt(n: number, k: number, ts: number): WireVehicle[] {
  const side = Math.ceil(Math.sqrt(n));
  const step = 8000 / side;
  const out: WireVehicle[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = FRAME.enuToLonLat(-4000 + (i % side) * step + k * 2, -4000 + Math.floor(i / side) * step, 0);
    const v: WireVehicle = { id: `V${i}`, cls: VEHICLE_CLASSES[i % VEHICLE_CLASSES.length]!, lonDeg: r7(g.lonDeg), latDeg: r7(g.latDeg), headingDeg: (i * 7 + k) % 360, speedMps: 5 + (i % 20), ts };
    if (i % 100 === 0) v.route = `R${i % 37}`;
    if (i % 3 === 0) v.automation = 4;
    out[i] = v;
  }
  return out;
}

function buildStream(n: number): Stream {
  const enc = new ZoneEncoderV2(ZONE, FRAME);
  const env = (k: number) => ({ v: 1 as const, zone: ZONE, ts: T0 + k * BATCH_MS, seq: k });
  const snap: SnapshotMessage = { ...env(0), type: 'snapshot', vehicles: vehiclesAt(n, 0, T0), sensors: [], signals: [], segments: [], incidents: [] };
  const snapshotBytes = enc.encodeSnapshot(snap);
  const texts: string[] = [], bytes: Uint8Array[] = [];
  for (let k = 1; k <= BATCHES; k++) {
    const d: DeltaMessage = { ...env(k), type: 'delta', vehicles: vehiclesAt(n, k, T0 + k * BATCH_MS) };
    texts.push(JSON.stringify(d));
    bytes.push(enc.encodeDelta(d));
  }
  if (enc.skipped) throw new Error(`encoder skipped ${enc.skipped}`);
  const dec = new FrameDecoderV2(ZONE, FRAME);
  const ok = (b: Uint8Array) => {
    const r = dec.decode(b);
    if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
    return r.frame;
  };
  const decodedSnapshot = ok(snapshotBytes);
  const decoded = bytes.map(ok);
  const ke = new IdKeyEncoder();
  const keys = [decodedSnapshot, ...decoded].map((f) => ke.encode(f.vehicles.ids));
  return { n, snapshotText: JSON.stringify(snap), snapshotBytes, texts, bytes, decoded, decodedSnapshot, keys };
}

const ingestFor = (n: number) => new FeedIngest({ zone: ZONE, frame: FRAME, maxVehicles: Math.max(16_384, n), maxMessageChars: 64_000_000, maxQueuedChars: 256_000_000 });

function check(ing: FeedIngest, n: number, what: string): void {
  if (ing.dropsTotal !== 0 || ing.vehicles.count !== n) throw new Error(`${what}: ${ing.dropsTotal} drops (${ing.lastDrop?.reason}), ${ing.vehicles.count}/${n} vehicles`);
}

/** ms per batch for each of the stream's deltas. */
function v1Main(s: Stream): number[] {
  const ing = ingestFor(s.n);
  ing.enqueue(s.snapshotText, T0);
  ing.flush(T0);
  const out = s.texts.map((t, k) => {
    const now = T0 + (k + 1) * BATCH_MS;
    const t0 = performance.now();
    ing.enqueue(t, now);
    ing.flush(now);
    return performance.now() - t0;
  });
  check(ing, s.n, 'v1');
  return out;
}

function v2Main(s: Stream): number[] {
  const ing = ingestFor(s.n);
  const table = new IdKeyTable();
  const withIds = (f: DecodedFrameV2, e: EncodedIds): DecodedFrameV2 => ({ ...f, vehicles: { ...f.vehicles, ids: table.decode(e)! } });
  ing.frameV2(withIds(s.decodedSnapshot, s.keys[0]!), T0);
  ing.flush(T0);
  const out = s.decoded.map((f, k) => {
    const now = T0 + (k + 1) * BATCH_MS;
    const t0 = performance.now();
    ing.frameV2(withIds(f, s.keys[k + 1]!), now);
    ing.flush(now);
    return performance.now() - t0;
  });
  check(ing, s.n, 'v2');
  return out;
}

function v2Worker(s: Stream): number[] {
  const dec = new FrameDecoderV2(ZONE, FRAME);
  dec.decode(s.snapshotBytes);
  return s.bytes.map((b) => {
    const t0 = performance.now();
    const r = dec.decode(b);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.reason);
    return ms;
  });
}

function v2Clone(s: Stream, keys: boolean): number[] {
  return s.decoded.map((f, k) => {
    const msg = keys ? { type: 'frame', frame: { ...f, vehicles: { ...f.vehicles, ids: [] } }, ids: s.keys[k + 1] } : { type: 'frame', frame: f };
    const t0 = performance.now();
    structuredClone(msg);
    return performance.now() - t0;
  });
}

const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50), 3), p95: round(percentile(xs, 95), 3) });

async function main(): Promise<void> {
  const results: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    const s = buildStream(n);
    v1Main(s); v2Main(s); v2Worker(s); v2Clone(s, true); v2Clone(s, false);
    const runs = { v1Main: [] as number[][], v2Main: [] as number[][], v2Worker: [] as number[][], v2Clone: [] as number[][], v2CloneStrings: [] as number[][] };
    for (let r = 0; r < RUNS; r++) {
      runs.v1Main.push(v1Main(s));
      runs.v2Main.push(v2Main(s));
      runs.v2Worker.push(v2Worker(s));
      runs.v2Clone.push(v2Clone(s, true));
      runs.v2CloneStrings.push(v2Clone(s, false));
    }
    // Per run: p50 and p95 over its batches; reported: the median of those over runs.
    const agg = (rs: number[][]) => ({ p50: round(median(rs.map((x) => percentile(x, 50))), 3), p95: round(median(rs.map((x) => percentile(x, 95))), 3) });
    const v1 = agg(runs.v1Main), v2 = agg(runs.v2Main), w = agg(runs.v2Worker), c = agg(runs.v2Clone), cs = agg(runs.v2CloneStrings);
    const v1Bytes = median(s.texts.map((t) => Buffer.byteLength(t))), v2Bytes = median(s.bytes.map((b) => b.byteLength));
    results.push({
      vehicles: n,
      msPerBatch: { v1Main: v1, v2Main: v2, v2WorkerDecode: w, v2CloneUpperBound: { keys: c, strings: cs } },
      allBatches: { v1Main: stats(runs.v1Main.flat()), v2Main: stats(runs.v2Main.flat()), v2WorkerDecode: stats(runs.v2Worker.flat()) },
      ratio: { v1MainOverV2MainP50: round(v1.p50 / v2.p50, 1), v1MainOverV2MainP95: round(v1.p95 / v2.p95, 1), v1MainOverV2WorkerP50: round(v1.p50 / w.p50, 1) },
      bytesPerBatch: { v1: v1Bytes, v2: v2Bytes, ratio: round(v1Bytes / v2Bytes, 2) },
      targets: { v2MainP95Under2msAt10k: n === 10_000 ? v2.p95 <= 2 : null, atLeast15xLessThanV1: v1.p95 / v2.p95 >= 15 },
    });
  }
  const summary = {
    bench: 'feed-v2-client', batches: BATCHES, batchMs: BATCH_MS, runsEach: RUNS,
    order: 'interleaved v1 main, v2 main, v2 worker decode per run; p50/p95 over batches per run, median over runs',
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    results,
  };
  console.log(`feed v2 client: ${BATCHES} batches (every vehicle per batch), ${RUNS} interleaved runs each (median of per-run p50 / p95)`);
  console.table(Object.fromEntries(results.map((r) => {
    const m = r.msPerBatch as Record<string, { p50: number; p95: number }> & { v2CloneUpperBound: Record<string, { p50: number; p95: number }> }, b = r.bytesPerBatch as { v1: number; v2: number }, q = r.ratio as Record<string, number>;
    return [`${r.vehicles}`, {
      'v1 main p50/p95 ms': `${m.v1Main!.p50} / ${m.v1Main!.p95}`, 'v2 main p50/p95 ms': `${m.v2Main!.p50} / ${m.v2Main!.p95}`,
      'v2 worker decode p50/p95 ms': `${m.v2WorkerDecode!.p50} / ${m.v2WorkerDecode!.p95}`, 'v2 clone keys | strings p50 ms': `${m.v2CloneUpperBound.keys!.p50} | ${m.v2CloneUpperBound.strings!.p50}`, 'v1/v2 main (p95)': q.v1MainOverV2MainP95, 'bytes v1 / v2': `${b.v1} / ${b.v2}`,
    }];
  })));
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'feed-v2-client.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

void main();
