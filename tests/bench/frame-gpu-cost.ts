/**
 * What one frame of the settled app costs the machine, not only its main thread: frames per
 * second, and CPU time of Chromium's GPU process and of the renderer process per frame (from
 * /proc, Linux only), in a steady view after the zone's tiles settled, with the built-in
 * simulator running. On SwiftShader the GPU process is the CPU rasterising the frame, and it
 * shares the two cores with the page's JavaScript: a cheaper frame leaves more for tile parsing
 * and the feed. Vsync stays on (the display paces frames, as in use), so the figures are per
 * frame drawn.
 *
 * Usage: tsx tests/bench/frame-gpu-cost.ts [--dist dist] [--compare <dist>] [--zones a,b]
 *          [--runs 2] [--window 15000]
 * --compare runs a second build (e.g. a baseline commit's) interleaved: A B A B per zone.
 * Writes bench/results/frame-gpu-cost.json.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { median, round } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '2'));
const windowMs = Number(arg('window', '15000'));
const zones = arg('zones', 'jiading,westbund,yangpu').split(',').filter(Boolean);
const builds = [{ side: 'ours', dir: resolve(ROOT, arg('dist', 'dist')) }];
if (arg('compare', '')) builds.push({ side: 'compare', dir: resolve(ROOT, arg('compare', '')) });
/** Lets the feed start and the live layers mount before the window opens. */
const WARMUP_MS = 3000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.glb': 'model/gltf-binary', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = normalize(join(dir, p));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** User + system CPU of a process, ms (clock ticks of 10 ms, the Linux default). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function pidsOf(type: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `type=${type}`]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const sumCpu = (pids: number[]) => pids.reduce((s, p) => { try { return s + cpuMs(p); } catch { return s; } }, 0);

interface Sample { side: string; zone: string; fps: number; gpuMsPerFrame: number; rendererMsPerFrame: number; frames: number; shadows: unknown }

async function measure(base: string, side: string, zone: string): Promise<Sample> {
  // A browser per run: the GPU process measured is this page's alone.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
    await page.goto(`${base}/?zone=${zone}&lang=en&test=1`);
    await page.waitForFunction('window.__shentwin && window.__shentwin.zoneId === ' + JSON.stringify(zone) + ' && window.__shentwin.tiles.settled', null, { timeout: 180_000, polling: 200 });
    await page.waitForTimeout(WARMUP_MS);
    const gpu = pidsOf('gpu-process'), renderers = pidsOf('renderer');
    const read = () => page.evaluate('({ frames: window.__shentwin.render.frames, shadows: window.__shentwin.shadows ?? null, t: performance.now() })') as Promise<{ frames: number; shadows: unknown; t: number }>;
    const a = await read();
    const g0 = sumCpu(gpu), r0 = sumCpu(renderers);
    await page.waitForTimeout(windowMs);
    const b = await read();
    const g1 = sumCpu(gpu), r1 = sumCpu(renderers);
    const frames = Math.max(1, b.frames - a.frames);
    return {
      side, zone, frames, shadows: b.shadows,
      fps: round(frames / ((b.t - a.t) / 1000), 2),
      gpuMsPerFrame: round((g1 - g0) / frames, 1),
      rendererMsPerFrame: round((r1 - r0) / frames, 1),
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  for (const b of builds) if (!existsSync(join(b.dir, 'index.html'))) throw new Error(`${b.dir}/index.html missing: run \`npm run build\``);
  const servers = await Promise.all(builds.map((b) => serve(b.dir)));
  const bases = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  const raw: Sample[] = [];
  try {
    for (const zone of zones) {
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < builds.length; k++) {
          const s = await measure(bases[k]!, builds[k]!.side, zone);
          raw.push(s);
          console.log(JSON.stringify(s));
        }
      }
    }
  } finally {
    for (const s of servers) s.close();
  }
  const summary = zones.flatMap((zone) => builds.map(({ side }) => {
    const rs = raw.filter((r) => r.zone === zone && r.side === side);
    return { zone, side, runs: rs.length, fps: median(rs.map((r) => r.fps)), gpuMsPerFrame: median(rs.map((r) => r.gpuMsPerFrame)), rendererMsPerFrame: median(rs.map((r) => r.rendererMsPerFrame)) };
  }));
  console.table(summary);
  if (builds.length > 1) {
    console.table(zones.map((zone) => {
      const [o, c] = ['ours', 'compare'].map((side) => summary.find((r) => r.zone === zone && r.side === side)!);
      return { zone, fpsOursOverCompare: round(o!.fps / c!.fps, 2), gpuMsOursOverCompare: round(o!.gpuMsPerFrame / c!.gpuMsPerFrame, 2), rendererMsOursOverCompare: round(o!.rendererMsPerFrame / c!.rendererMsPerFrame, 2) };
    }));
  }
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/results/frame-gpu-cost.json'), JSON.stringify({ runs, windowMs, builds, summary, raw }, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
