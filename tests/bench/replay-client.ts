/**
 * The viewer's side of the time machine, on a real zone's simulated stream (the simulator in
 * Node, the zone's road graph from the built tiles):
 *
 *   record  — cost of keeping the embedded simulator's in-memory recording (MemoryRecording.observe
 *             per delta, keyframe every 30 s; since it moved into the simulator's worker, paid
 *             there, not on the main thread), against the live ingest of the same delta.
 *   seek    — stateAt a random time (one keyframe parse + ≤ 30 s of deltas folded), p50/p95.
 *   replay  — a 60× replay as the viewer runs it: per 100 ms tick the ReplayStreamer reads and
 *             merges the kept seconds the cursor passed (a timer task), then the replay ingest
 *             decodes and applies the merged delta (in the next frame). Both reported, the frame
 *             against the 16.7 ms budget, beside a 1× live frame (one delta ingested).
 *
 * Interleaved where there are peers; medians of runs. Writes bench/results/replay-client.json.
 *
 *   npx tsx tests/bench/replay-client.ts [--zone jiading] [--minutes 10] [--runs 5]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EnuFrame } from '../../src/core/geodesy';
import { FeedIngest } from '../../src/feed/ingest/FeedIngest';
import { SimFeedProducer } from '../../src/feed/producer/SimFeedProducer';
import { MemoryRecording } from '../../src/feed/replay/MemoryRecording';
import { ReplayStreamer } from '../../src/feed/replay/ReplayStreamer';
import { decodeServerText } from '../../src/feed/protocol/decode';
import type { DeltaEnvelope, SnapshotEnvelope } from '../../src/feed/protocol/messages';
import type { Timers } from '../../src/feed/sources/FeedSource';
import { loadZone } from '../../src/server/loadZone';
import { Simulation } from '../../src/sim/Simulation';
import { median, percentile, round } from './stats';

const { values } = parseArgs({ options: { zone: { type: 'string' }, minutes: { type: 'string' }, runs: { type: 'string' } } });
const ZONE = values.zone ?? 'jiading';
const MINUTES = Number(values.minutes ?? 10);
const RUNS = Number(values.runs ?? 5);
const RATE_HZ = 5;
const FRAME_BUDGET_MS = 1000 / 60;
const T0 = 1_796_000_000_000;

async function makeStream(): Promise<{ frame: EnuFrame; texts: string[]; ts: number[] }> {
  const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve('dist', 'tiles', ZONE, 'roads.json'), null);
  const frame = new EnuFrame(z.origin);
  const sim = new Simulation({ graph: z.graph, zoneId: ZONE, seed: 7, startSimMs: T0 });
  const p = new SimFeedProducer(sim, frame, 1);
  const texts = [JSON.stringify(p.snapshot(T0))];
  const ts = [T0];
  const n = MINUTES * 60 * RATE_HZ;
  for (let i = 1; i <= n; i++) {
    const t = T0 + (i * 1000) / RATE_HZ;
    sim.advance(1000 / RATE_HZ);
    const d = p.delta(t);
    if (!d) continue;
    texts.push(JSON.stringify(d));
    ts.push(t);
  }
  return { frame, texts, ts };
}

/** Timers driven by hand: the bench calls `fire()` for each 100 ms tick. */
function manualTimers(): Timers & { fire(): void; pending: number } {
  let next: (() => void) | null = null;
  return {
    setTimeout: (fn) => ((next = fn), 1),
    clearTimeout: () => void (next = null),
    setInterval: () => 0,
    clearInterval: () => undefined,
    fire: () => {
      const f = next;
      next = null;
      f?.();
    },
    get pending() {
      return next ? 1 : 0;
    },
  };
}

async function main(): Promise<void> {
  const { frame, texts, ts } = await makeStream();
  const avgDeltaBytes = texts.slice(1).reduce((s, t) => s + t.length, 0) / (texts.length - 1);
  const runs: { recordUs: number; ingestUs: number; seekMs: number[]; replayFrameMs: number[]; replayTickMs: number[]; liveFrameMs: number[]; bytesKept: number; spanS: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    // record vs live ingest, interleaved per delta: the recording sees exactly what the ingest applied.
    const rec = new MemoryRecording({ zone: ZONE });
    const live = new FeedIngest({ zone: ZONE, frame });
    let recordNs = 0n, ingestNs = 0n;
    const parsed: { kind: 'snapshot' | 'delta'; msg: SnapshotEnvelope | DeltaEnvelope }[] = [];
    for (const text of texts) {
      const a = process.hrtime.bigint();
      live.enqueue(text, Date.now());
      live.flush(Date.now());
      const b = process.hrtime.bigint();
      const d = decodeServerText(text);
      if (!d.ok || (d.value.kind !== 'snapshot' && d.value.kind !== 'delta')) continue;
      parsed.push({ kind: d.value.kind, msg: d.value.msg });
      const c = process.hrtime.bigint();
      rec.observe(d.value.kind, d.value.msg);
      const e = process.hrtime.bigint();
      ingestNs += b - a;
      recordNs += e - c;
    }
    const range = rec.rangeNow()!;
    // seek: random times over the recorded range
    const seekMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = range.fromTs + ((i * 7919) % 1000) / 1000 * (range.toTs - range.fromTs);
      const a = performance.now();
      await rec.stateAt(ZONE, t);
      seekMs.push(performance.now() - a);
    }
    // replay at 60× from the start of the range: each tick is one frame's work.
    const timers = manualTimers();
    const replayIngest = new FeedIngest({ zone: ZONE, frame, replay: true });
    replayIngest.expectReplay(1);
    let wall = 0;
    const streamer = new ReplayStreamer({
      archive: rec, zone: ZONE, request: { id: 1, from: range.fromTs, speed: 60 }, now: () => wall, timers,
      send: (m) => replayIngest.enqueue(JSON.stringify(m), wall),
    });
    await streamer.start();
    replayIngest.flush(wall);
    // The streamer's tick (read, merge, serialise) runs as a timer task of its own; the ingest's
    // flush runs in the next animation frame. Both are main-thread work, measured apart.
    const replayFrameMs: number[] = [];
    const replayTickMs: number[] = [];
    for (let i = 0; i < 50 && !streamer.done; i++) {
      wall += 100;
      const a = performance.now();
      timers.fire();
      await new Promise((res) => setImmediate(res));
      const b = performance.now();
      replayIngest.flush(wall);
      replayFrameMs.push(performance.now() - b);
      replayTickMs.push(b - a);
    }
    // peer: a live 1× frame that ingests one delta
    const liveFrameMs: number[] = [];
    const peer = new FeedIngest({ zone: ZONE, frame });
    peer.enqueue(texts[0]!, T0);
    peer.flush(T0);
    for (let i = 1; i < Math.min(texts.length, 200); i++) {
      const a = performance.now();
      peer.enqueue(texts[i]!, ts[i]!);
      peer.flush(ts[i]!);
      liveFrameMs.push(performance.now() - a);
    }
    runs.push({
      recordUs: Number(recordNs / BigInt(texts.length)) / 1000, ingestUs: Number(ingestNs / BigInt(texts.length)) / 1000,
      seekMs, replayFrameMs, replayTickMs, liveFrameMs, bytesKept: rec.budgetBytes, spanS: (range.toTs - range.fromTs) / 1000,
    });
    void parsed;
  }
  const med = (f: (r: (typeof runs)[number]) => number) => round(median(runs.map(f)));
  const result = {
    zone: ZONE, minutes: MINUTES, deltas: texts.length - 1, avgDeltaBytes: Math.round(avgDeltaBytes), runs: RUNS, cpus: cpus().length,
    recordUsPerDelta: med((r) => r.recordUs), liveIngestUsPerDelta: med((r) => r.ingestUs),
    recordOverIngest: round(median(runs.map((r) => r.recordUs / r.ingestUs))),
    recordedSpanS: med((r) => r.spanS), budgetMB: round(runs[0]!.bytesKept / 1048576, 1),
    seekMsP50: med((r) => percentile(r.seekMs, 50)), seekMsP95: med((r) => percentile(r.seekMs, 95)),
    replay60xFrameMsP50: med((r) => percentile(r.replayFrameMs, 50)), replay60xFrameMsP95: med((r) => percentile(r.replayFrameMs, 95)),
    replay60xTickTaskMsP50: med((r) => percentile(r.replayTickMs, 50)), replay60xTickTaskMsP95: med((r) => percentile(r.replayTickMs, 95)),
    replay60xMainThreadShare: round(median(runs.map((r) => (median(r.replayTickMs) + median(r.replayFrameMs)) / 100))),
    live1xFrameMsP50: med((r) => percentile(r.liveFrameMs, 50)), live1xFrameMsP95: med((r) => percentile(r.liveFrameMs, 95)),
    frameBudgetMs: round(FRAME_BUDGET_MS),
  };
  console.table(result);
  const out = join(fileURLToPath(new URL('../..', import.meta.url)), 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'replay-client.json'), JSON.stringify(result, null, 2));
}

void main();
