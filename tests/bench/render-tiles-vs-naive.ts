/**
 * Same zone, two ways: our baked 3D Tiles (3d-tiles-renderer, batched per tile) against a naive
 * scene with one mesh per building, in one Chromium, runs interleaved A B A B. Reports draw calls,
 * triangles, frame CPU (render-call time) p50/p95, rAF deltas and the ratios.
 * Usage: tsx tests/bench/render-tiles-vs-naive.ts [--zone jiading] [--runs 5] [--frames 40]
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { BENCH_FLAGS, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { median, percentile, round, shareOver } from './stats';

interface PageResult {
  done: boolean; error?: string; mode: string; view: string; setupMs: number;
  cpuMs: number[]; rafMs: number[]; drawCalls: number; triangles: number; meshes: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const zone = arg('zone', 'jiading');
const runs = Number(arg('runs', '5'));
const frames = Number(arg('frames', '40'));

async function main(): Promise<void> {
  if (!existsSync(`public/tiles/${zone}/buildings/tileset.json`)) throw new Error('run `npm run tiles` first');
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const addr = server.httpServer?.address();
  if (!addr || typeof addr === 'string') throw new Error('no server address');
  const base = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...BENCH_FLAGS] });
  const out: Record<string, PageResult[]> = {};
  try {
    for (const view of ['overview', 'street']) {
      for (let r = 0; r < runs; r++) {
        for (const mode of ['tiles', 'naive']) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
          await page.goto(`${base}/tests/bench/pages/render.html?mode=${mode}&zone=${zone}&view=${view}&frames=${frames}`);
          await page.waitForFunction(() => (window as unknown as { __bench?: { done: boolean } }).__bench?.done === true, null, { timeout: 600_000, polling: 500 });
          const res = await page.evaluate(() => (window as unknown as { __bench: PageResult }).__bench);
          await page.close();
          if (res.error) throw new Error(`${mode}/${view}: ${res.error}`);
          (out[`${mode}/${view}`] ??= []).push(res);
          console.log(`${view} run ${r + 1}/${runs} ${mode}: cpu p50 ${round(median(res.cpuMs))} ms, calls ${res.drawCalls}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const summary: Record<string, unknown>[] = [];
  for (const view of ['overview', 'street']) {
    const row = (mode: string) => {
      const rs = out[`${mode}/${view}`] ?? [];
      return {
        drawCalls: median(rs.map((r) => r.drawCalls)),
        triangles: median(rs.map((r) => r.triangles)),
        meshes: median(rs.map((r) => r.meshes)),
        cpuP50: median(rs.map((r) => median(r.cpuMs))),
        cpuP95: median(rs.map((r) => percentile(r.cpuMs, 95))),
        rafP50: median(rs.map((r) => median(r.rafMs))),
        rafP95: median(rs.map((r) => percentile(r.rafMs, 95))),
        rafOver16_7: median(rs.map((r) => shareOver(r.rafMs, 16.7))),
        setupMs: median(rs.map((r) => r.setupMs)),
      };
    };
    const t = row('tiles'), n = row('naive');
    summary.push({ view, side: 'baked tiles', ...mapRound(t) });
    summary.push({ view, side: 'naive mesh/building', ...mapRound(n) });
    summary.push({
      view, side: 'ratio naive/tiles',
      drawCalls: round(n.drawCalls / t.drawCalls, 1), cpuP50: round(n.cpuP50 / t.cpuP50, 1), cpuP95: round(n.cpuP95 / t.cpuP95, 1),
      rafP50: round(n.rafP50 / t.rafP50, 2),
    });
  }
  console.table(summary);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/render-tiles-vs-naive.json', JSON.stringify({ zone, runs, frames, summary, raw: out }, null, 1));
}

function mapRound(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
