/**
 * Client ingest cost at 10,000 messages per second (2,000 vehicles × 5 Hz, one vehicle update per
 * message, like per-entity MQTT traffic). Three paths over the same pre-generated one-second
 * stream, interleaved A B C A B C … and reported as medians:
 *
 *   batched  — ours: enqueue per message, FeedIngest.flush once per 16.7 ms frame into typed
 *              buffers, summary pushed to a zustand store every 250 ms.
 *   naive    — the anti-pattern: parse + validate + store.setState on every message with an
 *              immutable Map update, one subscriber (a status component).
 *   naive-inplace — the same per-message setState, but mutating the Map (no copy), to show what
 *              the per-message set and notification alone cost.
 *
 * Validation is identical in all three (zod per entity), so the ratio isolates the state path.
 * Writes bench/results/feed-ingest.json.
 *
 *   npx tsx tests/bench/feed-ingest.ts [--runs 7] [--messages 10000] [--vehicles 2000]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStore } from 'zustand/vanilla';
import { EnuFrame, type Vec3 } from '../../src/core/geodesy';
import { FeedIngest } from '../../src/feed/ingest/FeedIngest';
import { decodeServerText } from '../../src/feed/protocol/decode';
import { vehicleSchema } from '../../src/feed/protocol/entities';
import { buildSummary } from '../../src/feed/summaryBuilder';
import { createErrorsSlice, type ErrorsSlice } from '../../src/state/errorsSlice';
import { createFeedSlice, type FeedSlice } from '../../src/state/feedSlice';
import { median, percentile, round } from './stats';

const { values } = parseArgs({ options: { runs: { type: 'string' }, messages: { type: 'string' }, vehicles: { type: 'string' } } });
const RUNS = Number(values.runs ?? 7);
const MESSAGES = Number(values.messages ?? 10_000);
const VEHICLES = Number(values.vehicles ?? 2000);
const FRAME_MS = 1000 / 60;
const PUBLISH_MS = 250;
const FRAME = new EnuFrame({ lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 });
const T0 = 1_763_600_000_000;

interface Msg {
  text: string;
  recvMs: number;
}

/** One second of traffic: message k arrives at T0 + k × (1000 / MESSAGES) ms. */
function makeStream(): Msg[] {
  const out: Msg[] = [{ text: JSON.stringify({ v: 1, type: 'hello', server: 'bench', ts: T0, heartbeatMs: 2000, zones: ['jiading'] }), recvMs: T0 }];
  for (let k = 0; k < MESSAGES; k++) {
    const i = k % VEHICLES;
    const g = FRAME.enuToLonLat((i % 50) * 40 + Math.floor(k / VEHICLES) * 2, Math.floor(i / 50) * 40, 0);
    const ts = T0 + Math.floor((k * 1000) / MESSAGES);
    const v = { id: `V${i}`, cls: 'car', lonDeg: Math.round(g.lonDeg * 1e7) / 1e7, latDeg: Math.round(g.latDeg * 1e7) / 1e7, headingDeg: 90, speedMps: 11.1, ts };
    out.push({ text: JSON.stringify({ v: 1, type: 'delta', zone: 'jiading', ts, seq: k + 1, vehicles: [v] }), recvMs: ts });
  }
  return out;
}

interface RunResult {
  ms: number;
  cpuMs: number;
  storeSets: number;
  flushMs?: number[];
}

function timed(fn: () => { storeSets: number; flushMs?: number[] }): RunResult {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, ...r };
}

function batched(stream: Msg[]): RunResult {
  return timed(() => {
    const store = createStore<FeedSlice & ErrorsSlice>()((...a) => ({ ...createFeedSlice(...a), ...createErrorsSlice(...a) }));
    let sets = 0;
    store.subscribe(() => sets++);
    const ing = new FeedIngest({ zone: 'jiading', frame: FRAME });
    store.getState().setFeedBuffers(ing);
    let nextFrame = T0 + FRAME_MS;
    let lastPublish = -Infinity;
    const flushMs: number[] = [];
    const frame = (now: number) => {
      const f0 = performance.now();
      ing.flush(now);
      if (now - lastPublish >= PUBLISH_MS) {
        lastPublish = now;
        store.getState().setFeedSummary(buildSummary({
          ingest: ing, kind: 'ws', label: 'bench', zone: 'jiading', state: 'connected', stateDetail: null, nextRetryAtMs: null,
          reconnects: 0, retryAttempt: 0, everConnected: true, heartbeatMs: 2000, nowMs: now,
        }));
      }
      flushMs.push(performance.now() - f0);
    };
    for (const m of stream) {
      while (m.recvMs >= nextFrame) {
        frame(nextFrame);
        nextFrame += FRAME_MS;
      }
      ing.enqueue(m.text, m.recvMs);
    }
    frame(nextFrame);
    if (ing.vehicles.count !== VEHICLES || ing.dropsTotal !== 0) throw new Error(`batched path wrong: ${ing.vehicles.count} vehicles, ${ing.dropsTotal} drops`);
    return { storeSets: sets, flushMs };
  });
}

interface NaiveVehicle {
  x: number;
  y: number;
  yaw: number;
  speed: number;
  ts: number;
}

function naive(stream: Msg[], copy: boolean): RunResult {
  return timed(() => {
    const store = createStore<{ vehicles: Map<string, NaiveVehicle>; lastMessageAt: number; messages: number }>()(() => ({ vehicles: new Map(), lastMessageAt: 0, messages: 0 }));
    let sets = 0, shown = 0;
    // One component subscribed, as a status bar or vehicle count would be.
    store.subscribe((s) => {
      sets++;
      shown = s.vehicles.size;
    });
    const p: Vec3 = [0, 0, 0];
    for (const m of stream) {
      const d = decodeServerText(m.text);
      if (!d.ok || d.value.kind !== 'delta') continue;
      for (const e of d.value.msg.vehicles ?? []) {
        const r = vehicleSchema.safeParse(e);
        if (!r.success) continue;
        const v = r.data;
        FRAME.lonLatToEnu(v.lonDeg, v.latDeg, 0, p);
        const entry = { x: p[0], y: p[1], yaw: ((90 - v.headingDeg) * Math.PI) / 180, speed: v.speedMps, ts: v.ts ?? d.value.msg.ts };
        if (copy) store.setState((s) => ({ vehicles: new Map(s.vehicles).set(v.id, entry), lastMessageAt: m.recvMs, messages: s.messages + 1 }));
        else store.setState((s) => ({ vehicles: s.vehicles.set(v.id, entry), lastMessageAt: m.recvMs, messages: s.messages + 1 }));
      }
    }
    if (shown !== VEHICLES) throw new Error(`naive path wrong: ${shown}`);
    return { storeSets: sets };
  });
}

async function main(): Promise<void> {
  const stream = makeStream();
  // Warm-up so the JIT has compiled all three paths before anything is measured.
  batched(stream);
  naive(stream, true);
  naive(stream, false);
  const res = { batched: [] as RunResult[], naive: [] as RunResult[], naiveInplace: [] as RunResult[] };
  for (let r = 0; r < RUNS; r++) {
    res.batched.push(batched(stream));
    res.naive.push(naive(stream, true));
    res.naiveInplace.push(naive(stream, false));
  }
  const per1k = (rs: RunResult[]) => median(rs.map((x) => (x.ms * 1000) / MESSAGES));
  const cpuPer1k = (rs: RunResult[]) => median(rs.map((x) => (x.cpuMs * 1000) / MESSAGES));
  const flush = res.batched.flatMap((r) => r.flushMs ?? []);
  const summary = {
    bench: 'feed-ingest',
    messagesPerSecond: MESSAGES, vehicles: VEHICLES, runsEach: RUNS, order: 'interleaved batched, naive, naive-inplace; medians',
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    msPer1kMessages: { batched: round(per1k(res.batched), 3), naive: round(per1k(res.naive), 3), naiveInplace: round(per1k(res.naiveInplace), 3) },
    cpuMsPer1kMessages: { batched: round(cpuPer1k(res.batched), 3), naive: round(cpuPer1k(res.naive), 3), naiveInplace: round(cpuPer1k(res.naiveInplace), 3) },
    ratio: { naiveOverBatched: round(per1k(res.naive) / per1k(res.batched), 2), naiveInplaceOverBatched: round(per1k(res.naiveInplace) / per1k(res.batched), 2) },
    storeSetsPerSecond: { batched: median(res.batched.map((r) => r.storeSets)), naive: median(res.naive.map((r) => r.storeSets)) },
    batchedFlushPerFrameMs: { p50: round(percentile(flush, 50), 3), p95: round(percentile(flush, 95), 3), max: round(Math.max(...flush), 3), framesPerRun: flush.length / RUNS },
    runsMs: Object.fromEntries(Object.entries(res).map(([k, rs]) => [k, rs.map((r) => round(r.ms, 1))])),
  };
  console.log(`feed ingest: ${MESSAGES} msg/s, ${VEHICLES} vehicles, ${RUNS} interleaved runs each (median)`);
  console.table({
    batched: { 'ms / 1k msg': summary.msPer1kMessages.batched, 'CPU ms / 1k': summary.cpuMsPer1kMessages.batched, 'store sets / s': summary.storeSetsPerSecond.batched },
    naive: { 'ms / 1k msg': summary.msPer1kMessages.naive, 'CPU ms / 1k': summary.cpuMsPer1kMessages.naive, 'store sets / s': summary.storeSetsPerSecond.naive },
    'naive-inplace': { 'ms / 1k msg': summary.msPer1kMessages.naiveInplace, 'CPU ms / 1k': summary.cpuMsPer1kMessages.naiveInplace, 'store sets / s': summary.storeSetsPerSecond.naive },
  });
  console.log(`ratio naive / batched: ${summary.ratio.naiveOverBatched}×  (naive-inplace / batched: ${summary.ratio.naiveInplaceOverBatched}×)`);
  console.log(`batched flush per 60 Hz frame: p50 ${summary.batchedFlushPerFrameMs.p50} ms, p95 ${summary.batchedFlushPerFrameMs.p95} ms`);
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'feed-ingest.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

void main();
