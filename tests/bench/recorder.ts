/**
 * The recorder's cost and the seek it buys, SQLite store (the PostgreSQL store is not built).
 *
 * (a) Recording cost: the feed server in this process (startFeedServer) on a zone's real road
 *     graph at 5 Hz, 1×, the morning peak, no clients; runs with and without `--data-dir`
 *     interleaved (A B A B …, a fresh directory per run). Reports process CPU seconds per wall
 *     minute (process.cpuUsage: simulation, serialisation and, in B, recording) and the recorded
 *     bytes per hour, **extrapolated** from the bytes a run's window added.
 * (b) Seek latency: one hour of recorded time made fast (the same zone ticked by hand on an
 *     injected clock at 5 Hz, 1×, through the real Recorder into SQLite), then `stateAt` to random
 *     times: p50 / p95 / max, with the deltas each folded. Also a 1 h history query (events and
 *     five sensors' readings). The hour's bytes here are measured, not extrapolated.
 * Writes bench/results/recorder.json.
 *
 *   npx tsx tests/bench/recorder.ts [--zone jiading] [--duration 40] [--runs 5] [--warmup 5]
 *     [--seek-hours 1] [--seeks 200] [--roads <path>|synthetic]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnuFrame } from '../../src/core/geodesy';
import { SimDriver } from '../../src/feed/producer/SimDriver';
import type { Timers } from '../../src/feed/sources/FeedSource';
import { loadZone } from '../../src/server/loadZone';
import { RECORDING_FILE } from '../../src/server/recorder/openRecordingStore';
import { Recorder } from '../../src/server/recorder/Recorder';
import { stateAt } from '../../src/server/recorder/seek';
import { SqliteRecordingStore } from '../../src/server/recorder/SqliteRecordingStore';
import { startFeedServer } from '../../src/server/startFeedServer';
import { ZoneHost } from '../../src/server/ZoneHost';
import { Simulation } from '../../src/sim/Simulation';
import { median, percentile, round } from './stats';

const { values } = parseArgs({
  options: {
    zone: { type: 'string' }, duration: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' },
    'seek-hours': { type: 'string' }, seeks: { type: 'string' }, roads: { type: 'string' },
  },
});
const ZONE = values.zone ?? 'jiading';
const DURATION_S = Number(values.duration ?? 40);
const RUNS = Number(values.runs ?? 5);
const WARMUP_S = Number(values.warmup ?? 5);
const SEEK_HOURS = Number(values['seek-hours'] ?? 1);
const SEEKS = Number(values.seeks ?? 200);
const RATE_HZ = 5;
// The morning peak, so the zone runs its largest fleet whatever the wall-clock time is.
const START_SIM_MS = Date.parse('2025-11-20T08:00:00+08:00');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

interface CostRun {
  recording: boolean;
  cpuSPerMin: number;
  wallS: number;
  bytesPerHourExtrapolated: number | null;
  framesPerMin: number | null;
  readingsPerMin: number | null;
  eventsPerMin: number | null;
  vehicles: number;
}

async function costRun(zone: Awaited<ReturnType<typeof loadZone>>, recording: boolean): Promise<CostRun> {
  const dir = recording ? mkdtempSync(join(tmpdir(), 'st-bench-rec-')) : null;
  const srv = await startFeedServer({
    zones: [{ id: zone.id, origin: zone.origin, graph: zone.graph }], seed: 20211231, timeScale: 1, rateHz: RATE_HZ, port: 0,
    heartbeatMs: 2000, startSimMs: START_SIM_MS, dataDir: dir,
  });
  try {
    await sleep(WARMUP_S * 1000);
    const h0 = srv.recorder?.health();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await sleep(DURATION_S * 1000);
    const wallS = (performance.now() - t0) / 1000;
    const cpu = cpuS(process.cpuUsage(c0));
    const h1 = srv.recorder?.health();
    const perMin = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? null : round(((b - a) / wallS) * 60, 1));
    return {
      recording, cpuSPerMin: round((cpu / wallS) * 60, 3), wallS: round(wallS, 1),
      bytesPerHourExtrapolated: h0 && h1 ? Math.round(((h1.bytesHeld - h0.bytesHeld) / wallS) * 3600) : null,
      framesPerMin: perMin(h0?.framesWritten, h1?.framesWritten), readingsPerMin: perMin(h0?.readingsWritten, h1?.readingsWritten),
      eventsPerMin: perMin(h0?.eventsWritten, h1?.eventsWritten), vehicles: srv.zones[0]!.driver.sim.traffic.count,
    };
  } finally {
    await srv.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function seekBench(zone: Awaited<ReturnType<typeof loadZone>>) {
  const dir = mkdtempSync(join(tmpdir(), 'st-bench-seek-'));
  const idle: Timers = { setTimeout: () => 0, clearTimeout: () => {}, setInterval: () => 0, clearInterval: () => {} };
  let nowMs = Date.parse('2026-01-05T00:00:00Z');
  const sim = new Simulation({ graph: zone.graph, zoneId: zone.id, seed: 20211231, startSimMs: START_SIM_MS });
  const host = new ZoneHost(zone.id, new SimDriver(sim, new EnuFrame(zone.origin), () => nowMs, 1), RATE_HZ, () => nowMs);
  const store = new SqliteRecordingStore(join(dir, RECORDING_FILE));
  const rec = new Recorder({ store, zones: [host], retention: { maxAgeMs: 30 * 86_400_000, maxBytes: 64 * 1024 ** 3 }, now: () => nowMs, timers: idle });
  await rec.start();
  const ticks = Math.round(SEEK_HOURS * 3600 * RATE_HZ);
  const b0 = performance.now();
  for (let i = 1; i <= ticks; i++) {
    nowMs += 1000 / RATE_HZ;
    host.tick();
    if (i % RATE_HZ === 0) await rec.flush();
    if (i % Math.round(ticks / 4) === 0) console.log(`  seek bench: recorded ${Math.round((i / ticks) * 100)}% of ${SEEK_HOURS} h`);
  }
  await rec.flush();
  const buildS = (performance.now() - b0) / 1000;
  const range = (await store.range(zone.id))!;
  const health = rec.health();
  const latencies: number[] = [];
  const folded: number[] = [];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < SEEKS; i++) {
    const t = range.fromTs + rnd() * (range.toTs - range.fromTs);
    const s0 = performance.now();
    const r = (await stateAt(store, zone.id, t))!;
    latencies.push(performance.now() - s0);
    folded.push(r.folded);
  }
  const sensors = sim.sensors.specs.slice(0, 5).map((s) => s.id);
  const q0 = performance.now();
  const events = await store.events(zone.id, range.fromTs, range.toTs, 5001);
  const readings = await store.readings(zone.id, sensors, range.fromTs, range.toTs, 16_001);
  const historyMs = performance.now() - q0;
  const fileBytes = statSync(join(dir, RECORDING_FILE)).size + (statSync(join(dir, `${RECORDING_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0);
  await rec.stop();
  rmSync(dir, { recursive: true, force: true });
  const hours = (range.toTs - range.fromTs) / 3_600_000;
  return {
    recordedHours: round(hours, 3), buildS: round(buildS, 1), vehicles: sim.traffic.count,
    frames: health.framesWritten, keyframes: health.keyframesWritten, readings: health.readingsWritten, events: health.eventsWritten,
    bytesPerRecordedHour: Math.round(health.bytesHeld / hours), fileBytesPerRecordedHour: Math.round(fileBytes / hours),
    seekMs: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2), max: round(Math.max(...latencies), 2), samples: latencies.length },
    deltasFolded: { median: median(folded), max: Math.max(...folded) },
    history1h: { ms: round(historyMs, 1), events: events.length, sensors: sensors.length, readings: Object.values(readings).reduce((a, r) => a + r.length, 0) },
  };
}

async function main(): Promise<void> {
  const zone = await loadZone(ZONE, 'scenes/{zone}.json', values.roads ?? 'public/tiles/{zone}/roads.json', null);
  console.log(`recorder bench: zone ${ZONE}, ${RATE_HZ} Hz, 1×; ${RUNS} × (${WARMUP_S} s warm-up + ${DURATION_S} s) without and with recording, interleaved`);
  // One run thrown away first: the first simulator in a process also pays for JIT warm-up.
  await costRun(zone, false);
  const runs: CostRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const recording of [false, true]) {
      const r = await costRun(zone, recording);
      runs.push(r);
      console.log(`  run ${i + 1} ${recording ? 'B recording' : 'A no recording'}: ${r.cpuSPerMin} CPU s/min, ${r.vehicles} vehicles${recording ? `, ${(r.bytesPerHourExtrapolated! / 2 ** 20).toFixed(1)} MB/h` : ''}`);
    }
  }
  const a = runs.filter((r) => !r.recording).map((r) => r.cpuSPerMin);
  const b = runs.filter((r) => r.recording);
  const bCpu = b.map((r) => r.cpuSPerMin);
  const diffs = a.map((x, i) => bCpu[i]! - x);
  const seek = await seekBench(zone);
  const summary = {
    bench: 'recorder', store: 'sqlite', zone: ZONE, rateHz: RATE_HZ, timeScale: 1, durationS: DURATION_S, warmupS: WARMUP_S, runs: RUNS,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    cost: {
      cpuSPerMin: { withoutRecording: round(median(a), 3), withRecording: round(median(bCpu), 3), pairedDiffMedian: round(median(diffs), 3) },
      overheadPercent: round((100 * median(diffs)) / median(a), 1),
      bytesPerHourExtrapolated: Math.round(median(b.map((r) => r.bytesPerHourExtrapolated!))),
      perMin: { frames: median(b.map((r) => r.framesPerMin!)), readings: median(b.map((r) => r.readingsPerMin!)), events: median(b.map((r) => r.eventsPerMin!)) },
      runs,
    },
    seek,
  };
  console.log('');
  console.table({
    'CPU s / wall min': { without: summary.cost.cpuSPerMin.withoutRecording, with: summary.cost.cpuSPerMin.withRecording, 'paired diff': summary.cost.cpuSPerMin.pairedDiffMedian, 'overhead %': summary.cost.overheadPercent },
  });
  console.log(`recorded: ${(summary.cost.bytesPerHourExtrapolated / 2 ** 20).toFixed(1)} MB/h (extrapolated from ${DURATION_S} s windows); per minute ${summary.cost.perMin.frames} frames, ${summary.cost.perMin.readings} readings, ${summary.cost.perMin.events} events`);
  console.log(`seek over ${seek.recordedHours} h recorded (built in ${seek.buildS} s; ${(seek.bytesPerRecordedHour / 2 ** 20).toFixed(1)} MB/h recorded, file ${(seek.fileBytesPerRecordedHour / 2 ** 20).toFixed(1)} MB/h): p50 ${seek.seekMs.p50} ms, p95 ${seek.seekMs.p95} ms, max ${seek.seekMs.max} ms; deltas folded median ${seek.deltasFolded.median}, max ${seek.deltasFolded.max}`);
  console.log(`history over the hour: ${seek.history1h.events} events + ${seek.history1h.readings} readings of ${seek.history1h.sensors} sensors in ${seek.history1h.ms} ms`);
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'recorder.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

void main();
