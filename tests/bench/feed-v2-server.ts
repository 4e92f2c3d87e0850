/**
 * Feed-server cost of protocol v2 next to v1, per delta: what the server does once per zone tick
 * (v1: JSON.stringify into a Buffer; v2: ZoneEncoderV2.encodeDelta), measured on the same deltas,
 * interleaved A B / B A tick by tick so machine noise hits both alike. Reports encode CPU ms and
 * bytes per delta (p50 / p95) and the v1 / v2 ratios, for the Jiading zone's real roads at the
 * morning peak and for scaled fleets (the background fleet is overridden past its cap to reach the
 * target; what the road network actually holds is reported). Writes bench/results/feed-v2-server.json.
 *
 *   npx tsx tests/bench/feed-v2-server.ts [--ticks 60] [--warmup 15] [--targets 10000,50000]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnuFrame } from '../../src/core/geodesy';
import type { RoadGraph } from '../../src/core/roadGraph';
import { SimDriver } from '../../src/feed/producer/SimDriver';
import { ZoneEncoderV2 } from '../../src/feed/protocol/v2/ZoneEncoderV2';
import { Simulation } from '../../src/sim/Simulation';
import { loadZoneInput } from '../../src/tiler/zones';
import { percentile, round } from './stats';

const { values } = parseArgs({ options: { ticks: { type: 'string' }, warmup: { type: 'string' }, targets: { type: 'string' } } });
const TICKS = Number(values.ticks ?? 60);
const WARMUP = Number(values.warmup ?? 15);
const TARGETS = (values.targets ?? '10000,50000').split(',').map(Number).filter((n) => n > 0);
const RATE_HZ = 5;
const START = Date.parse('2025-11-20T08:00:00+08:00');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Case { name: string; fleet?: { backgroundPeak: number } }

async function runCase(c: Case, origin: { lonDeg: number; latDeg: number; heightM: number }, graph: RoadGraph) {
  let nowMs = START;
  const sim = new Simulation({ graph, zoneId: 'jiading', seed: 1, startSimMs: START, ...(c.fleet ? { fleet: c.fleet } : {}) });
  const frame = new EnuFrame(origin);
  const driver = new SimDriver(sim, frame, () => nowMs, 1);
  const enc = new ZoneEncoderV2('jiading', frame);
  const step = () => {
    nowMs += 1000 / RATE_HZ;
    return driver.tick();
  };
  step();
  // Warm-up: the fleet spawns in and both paths get JIT-compiled; the encoder sees every delta.
  for (let i = 0; i < WARMUP; i++) {
    const d = step();
    if (d) enc.encodeDelta(d);
  }
  const snap = driver.snapshot();
  let t = performance.now();
  const snapV1 = Buffer.from(JSON.stringify(snap)).length;
  const snapV1Ms = performance.now() - t;
  t = performance.now();
  const snapV2 = enc.encodeSnapshot(snap).byteLength;
  const snapV2Ms = performance.now() - t;
  const v1Ms: number[] = [], v2Ms: number[] = [], v1B: number[] = [], v2B: number[] = [], vehiclesPerDelta: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const d = step();
    if (!d) continue;
    vehiclesPerDelta.push(d.vehicles?.length ?? 0);
    const a = () => {
      const t0 = performance.now();
      const b = Buffer.from(JSON.stringify(d));
      v1Ms.push(performance.now() - t0);
      v1B.push(b.length);
    };
    const b = () => {
      const t0 = performance.now();
      const out = enc.encodeDelta(d);
      v2Ms.push(performance.now() - t0);
      v2B.push(out.byteLength);
    };
    if (i % 2 === 0) { a(); b(); } else { b(); a(); }
  }
  const p = (xs: number[], q: number, dg = 3) => round(percentile(xs, q), dg);
  return {
    name: c.name, vehicles: sim.traffic.count, vehiclesPerDeltaP50: percentile(vehiclesPerDelta, 50), deltas: v1Ms.length, skipped: enc.skipped,
    v1: { msP50: p(v1Ms, 50), msP95: p(v1Ms, 95), bytesP50: percentile(v1B, 50), bytesP95: percentile(v1B, 95) },
    v2: { msP50: p(v2Ms, 50), msP95: p(v2Ms, 95), bytesP50: percentile(v2B, 50), bytesP95: percentile(v2B, 95) },
    ratio: { bytesV1OverV2: round(percentile(v1B, 50) / percentile(v2B, 50), 2), msV2OverV1: round(percentile(v2Ms, 50) / percentile(v1Ms, 50), 2) },
    snapshot: { v1Bytes: snapV1, v2Bytes: snapV2, v1Ms: round(snapV1Ms, 2), v2Ms: round(snapV2Ms, 2) },
  };
}

async function main(): Promise<void> {
  const input = await loadZoneInput('jiading', ROOT);
  const probe = new Simulation({ graph: input.roads, zoneId: 'jiading', seed: 1, startSimMs: START });
  const others = probe.fleet.robotaxi + probe.fleet.special + probe.fleet.bus;
  const cases: Case[] = [{ name: 'jiading' }, ...TARGETS.map((n) => ({ name: `fleet-${n}`, fleet: { backgroundPeak: Math.max(0, n - others) } }))];
  const results = [];
  for (const c of cases) {
    const r = await runCase(c, input.origin, input.roads);
    results.push(r);
    console.log(`${r.name}: ${r.vehicles} vehicles (${r.vehiclesPerDeltaP50} per delta), ${r.deltas} deltas`);
  }
  console.table(Object.fromEntries(results.map((r) => [r.name, {
    vehicles: r.vehicles, 'v1 ms p50': r.v1.msP50, 'v1 ms p95': r.v1.msP95, 'v2 ms p50': r.v2.msP50, 'v2 ms p95': r.v2.msP95,
    'v1 B p50': r.v1.bytesP50, 'v2 B p50': r.v2.bytesP50, 'bytes v1/v2': r.ratio.bytesV1OverV2, 'ms v2/v1': r.ratio.msV2OverV1,
  }])));
  const summary = {
    bench: 'feed-v2-server', rateHz: RATE_HZ, ticks: TICKS, warmup: WARMUP, simStart: new Date(START).toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version }, results,
  };
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'feed-v2-server.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

void main();
