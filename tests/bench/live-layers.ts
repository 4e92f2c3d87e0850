/**
 * Live layers at scale: 10k vehicles and 5k sensors updating at the feed rate, drawn by our
 * instanced layers (the app's TrafficInstances and SensorInstances) against a naive one-mesh-per-
 * vehicle-and-sensor layer, in one Chromium, runs interleaved A B A B. Reports frame CPU (layer
 * update + render call) p50/p95, rAF deltas, draw calls, and the ratio; and the main-thread cost
 * of one feed batch at 10k vehicles (JSON → validation → typed buffers). Not a test.
 * Usage: tsx tests/bench/live-layers.ts [--runs 5] [--frames 60] [--vehicles 10000] [--sensors 5000]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { BENCH_FLAGS, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { median, percentile, round, shareOver } from './stats';

interface PageResult {
  done: boolean; error?: string; mode: string; cpuMs: number[]; updateMs: number[]; renderMs: number[]; rafMs: number[];
  drawCalls: number; triangles: number; objects: number; feedBatchMs: number[]; feedBatchChars: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const runs = Number(arg('runs', '5'));
const frames = Number(arg('frames', '60'));
const vehicles = Number(arg('vehicles', '10000'));
const sensors = Number(arg('sensors', '5000'));
const MODES = ['instanced', 'naive'] as const;

async function main(): Promise<void> {
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const addr = server.httpServer?.address();
  if (!addr || typeof addr === 'string') throw new Error('no server address');
  const base = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...BENCH_FLAGS] });
  const out: Record<string, PageResult[]> = { instanced: [], naive: [] };
  try {
    for (let r = 0; r < runs; r++) {
      for (const mode of MODES) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        await page.goto(`${base}/tests/bench/pages/live-layers.html?mode=${mode}&vehicles=${vehicles}&sensors=${sensors}&frames=${frames}`);
        await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 900_000, polling: 500 });
        const res = await page.evaluate(() => (window as unknown as { __bench: PageResult }).__bench);
        await page.close();
        if (res.error) throw new Error(`${mode}: ${res.error}`);
        out[mode]!.push(res);
        console.log(`run ${r + 1}/${runs} ${mode}: frame cpu p50 ${round(median(res.cpuMs))} ms (update ${round(median(res.updateMs))}, render ${round(median(res.renderMs))}), draw calls ${res.drawCalls}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const row = (mode: string) => {
    const rs = out[mode] ?? [];
    return {
      drawCalls: median(rs.map((r) => r.drawCalls)),
      meshes: median(rs.map((r) => r.objects)),
      triangles: median(rs.map((r) => r.triangles)),
      cpuP50: median(rs.map((r) => median(r.cpuMs))),
      cpuP95: median(rs.map((r) => percentile(r.cpuMs, 95))),
      updateP50: median(rs.map((r) => median(r.updateMs))),
      renderP50: median(rs.map((r) => median(r.renderMs))),
      rafP50: median(rs.map((r) => median(r.rafMs))),
      rafP95: median(rs.map((r) => percentile(r.rafMs, 95))),
      rafOver16_7: median(rs.map((r) => shareOver(r.rafMs, 16.7))),
    };
  };
  const a = row('instanced'), n = row('naive');
  const rounded = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
  const summary = [
    { side: 'instanced (ours)', ...rounded(a) },
    { side: 'naive mesh/object', ...rounded(n) },
    { side: 'ratio naive/instanced', drawCalls: round(n.drawCalls / a.drawCalls, 1), cpuP50: round(n.cpuP50 / a.cpuP50, 1), cpuP95: round(n.cpuP95 / a.cpuP95, 1), rafP50: round(n.rafP50 / a.rafP50, 2) },
  ];
  console.table(summary);
  const batches = out.instanced!.flatMap((r) => r.feedBatchMs);
  const feed = { vehicles, sensors, chars: out.instanced![0]?.feedBatchChars ?? 0, p50Ms: round(median(batches)), p95Ms: round(percentile(batches, 95)), samples: batches.length };
  console.log(`one feed batch (${vehicles} vehicles + ${sensors} sensor readings, ${(feed.chars / 1e6).toFixed(2)} MB JSON) on the main thread: p50 ${feed.p50Ms} ms, p95 ${feed.p95Ms} ms over ${feed.samples} batches`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/live-layers.json', JSON.stringify({ runs, frames, vehicles, sensors, summary, feedBatch: feed, raw: out }, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
