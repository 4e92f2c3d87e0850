/**
 * The synthetic city at scale (250,000 buildings, 20 km square; `npm run tiles -- --zone
 * synthetic-city` then `npx vite build`), in the built app in Chromium, with the real feed server.
 *
 * Tiles (feed dead, so nothing competes): time from navigation to settled tiles in the overview,
 * the overview's draw calls (peer: one draw call per building, what a per-building scene graph
 * would issue) and GPU cache bytes; then a fly-through of every viewpoint and back to the
 * overview, with the cache bytes after it against the tile budget.
 *
 * Feed: the feed server simulating a zone at 5 Hz, the viewer subscribed as v1 (JSON parsed on the
 * main thread) or v2 (binary, decoded in the network worker), interleaved v1 v2 / v2 v1 per run:
 * Jiading at 10k vehicles (v1 and v2), the city at 10k and 50k (v2; see CASES for why). For each: vehicles shown, the server's achieved tick
 * rate and mean tick cost, messages per second the viewer took in, and frame CPU (time inside
 * requestAnimationFrame callbacks) and rAF intervals p50 / p95 over --window seconds in the overview.
 * Writes bench/results/city-scale.json.
 *
 *   npx tsx tests/bench/city-scale.ts [--dist dist] [--runs 2] [--window 15] [--skip-tiles]
 *     [--case <zone>:<vehicles>]... [--tiles-from <dir>] [--compare <other dist>]
 *
 * --case runs only the named feed cases; --tiles-from takes the city's tiles from <dir>/synthetic-city
 * (built with `--out <dir>`) instead of building them into public/tiles; --compare serves a second
 * build (say, the commit before a change) and runs every feed case on both, interleaved per run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview } from 'vite';
import { parseRoadGraph } from '../../src/sim/graph/roadGraphSchema';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { DEFAULT_TILE_BUDGET_MB } from '../../src/views/three/tileBudget';
import { BENCH_FLAGS, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { median, percentile, round } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ZONE = 'synthetic-city';
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const DIST = resolve(ROOT, arg('dist', 'dist'));
const RUNS = Number(arg('runs', '2'));
const WINDOW_S = Number(arg('window', '15'));
/**
 * Feed cases: v1 against v2 where v1 can carry the zone at all. A v1 snapshot of the synthetic
 * city is 5 MB of JSON at 10k vehicles and 10 MB at 50k (the segment states of 19,600 road links
 * alone are 3.2 MB), past the viewer's 4 MB limit on a v1 message, so v1 is compared on Jiading
 * (whose network holds 10k) and the city runs v2 only.
 */
const CASES: { zone: string; target: number; encodings: ('v1' | 'v2')[] }[] = [
  { zone: 'jiading', target: 10_000, encodings: ['v1', 'v2'] },
  { zone: ZONE, target: 10_000, encodings: ['v2'] },
  { zone: ZONE, target: 50_000, encodings: ['v2'] },
];
const SKIP_TILES = process.argv.includes('--skip-tiles');
const argAll = (name: string): string[] => process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
const ONLY_CASES = argAll('case');
const TILES_FROM = process.argv.includes('--tiles-from') ? resolve(arg('tiles-from', '')) : null;
const COMPARE = process.argv.includes('--compare') ? resolve(arg('compare', '')) : null;
const VIEWPORT = { width: 1024, height: 640 };
const SETTLE_TIMEOUT_MS = 300_000;
const DEAD_FEED = 'ws://127.0.0.1:9/';
/** Morning peak, so the demand curve asks for the whole fleet. */
const PEAK = Date.parse('2025-11-20T08:30:00+08:00');
/** The zone profile's own fleet (src/sim/zones/zoneProfiles.ts) at 50k; scaled down for smaller targets. */
const FLEET_50K = { robotaxi: 600, special: 300, bus: 800, backgroundPeak: 48_300 };

interface Hook {
  ready: boolean; zoneId: string | null; zones: { id: string }[];
  tilesets: Record<string, { root: string }>; tiles: { loaded: number; settled: boolean };
  render: { drawCalls: number; triangles: number; cacheBytes: number; cacheBudgetBytes: number; geometries: number } | null;
  feed: { status: string; msgPerSec: number; counts: { vehicles: number }; dropsTotal: number; drops: Record<string, number> };
  cameraPose: unknown;
}
interface FrameLog { on: boolean; cpu: number[]; raf: number[] }
/** The page's globals this bench reads (not declared globally: the browser tests own `__shentwin`'s type). */
type BenchWindow = { __shentwin?: Hook; __frames?: FrameLog };

/**
 * Frame CPU = time inside requestAnimationFrame callbacks, summed per frame. Plain source text, not
 * a compiled function: tsx's transform adds helpers (`__name`) that do not exist inside the page.
 */
const INSTRUMENT = `(() => {
  const log = { on: false, cpu: [], raf: [] };
  window.__frames = log;
  const orig = window.requestAnimationFrame.bind(window);
  let curTs = -1, acc = 0, lastTs = -1;
  const flush = () => {
    if (curTs >= 0 && log.on) {
      log.cpu.push(acc);
      if (lastTs >= 0) log.raf.push(curTs - lastTs);
    }
    if (curTs >= 0) lastTs = curTs;
  };
  window.requestAnimationFrame = (cb) => orig((ts) => {
    if (ts !== curTs) { flush(); curTs = ts; acc = 0; }
    const t0 = performance.now();
    try { cb(ts); } finally { acc += performance.now() - t0; }
  });
})();`;

async function hook(page: Page): Promise<Hook> {
  return page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as BenchWindow).__shentwin)) as Hook);
}

/** Waits until settled, held for a second (a settle that immediately unsettles does not count). */
async function waitSettled(page: Page, t0: number, zone = ZONE): Promise<number> {
  let since: number | null = null;
  for (;;) {
    const ok = await page.evaluate((z) => {
      const h = (window as unknown as BenchWindow).__shentwin;
      return !!h && h.ready && h.zoneId === z && Object.keys(h.tilesets).length > 0
        && Object.values(h.tilesets).every((t) => t.root !== 'loading') && h.tiles.settled;
    }, zone);
    const now = Date.now();
    if (ok) { since ??= now; if (now - since >= 1000) return since - t0; } else since = null;
    if (now - t0 > SETTLE_TIMEOUT_MS) throw new Error('tiles did not settle in time');
    await page.waitForTimeout(100);
  }
}

async function flyTo(page: Page, params: URLSearchParams, vp: string): Promise<void> {
  params.set('vp', vp);
  await page.evaluate((q) => {
    history.pushState(null, '', `?${q}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, params.toString());
}

async function tilesPhase(browser: Browser, base: string, viewpoints: string[]) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const params = new URLSearchParams({ zone: ZONE, vp: 'overview', feed: 'ws', feedUrl: DEAD_FEED, test: '1' });
  const t0 = Date.now();
  await page.goto(`${base}?${params}`);
  const settledMs = await waitSettled(page, t0);
  await page.waitForTimeout(500);
  const overview = await hook(page);
  const stops: { vp: string; settledMs: number; drawCalls: number; cacheMB: number }[] = [];
  for (const vp of [...viewpoints.filter((v) => v !== 'overview'), 'overview']) {
    const t = Date.now();
    await flyTo(page, params, vp);
    await page.waitForTimeout(1500);
    const ms = await waitSettled(page, t);
    const h = await hook(page);
    stops.push({ vp, settledMs: ms, drawCalls: h.render?.drawCalls ?? NaN, cacheMB: round((h.render?.cacheBytes ?? NaN) / 2 ** 20, 1) });
    console.log(`  ${vp}: settled ${ms} ms, ${h.render?.drawCalls} draw calls, cache ${stops.at(-1)!.cacheMB} MB`);
  }
  const after = await hook(page);
  await ctx.close();
  return {
    overviewSettledMs: settledMs,
    overviewDrawCalls: overview.render?.drawCalls ?? NaN,
    overviewTriangles: overview.render?.triangles ?? NaN,
    overviewTilesLoaded: overview.tiles.loaded,
    overviewCacheMB: round((overview.render?.cacheBytes ?? NaN) / 2 ** 20, 1),
    budgetMB: round((overview.render?.cacheBudgetBytes ?? NaN) / 2 ** 20, 1),
    stops,
    cacheAfterFlyThroughMB: round((after.render?.cacheBytes ?? NaN) / 2 ** 20, 1),
  };
}

async function feedRun(browser: Browser, base: string, zoneId: string, feedUrl: string, encoding: 'v1' | 'v2', server: RunningFeedServer, target: number) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.addInitScript(INSTRUMENT);
  const params = new URLSearchParams({ zone: zoneId, vp: 'overview', feed: 'ws', feedUrl, feedEncoding: encoding === 'v1' ? 'json' : 'v2', test: '1' });
  await page.goto(`${base}?${params}`);
  await waitSettled(page, Date.now(), zoneId);
  // The whole fleet on screen first (the snapshot), then a steady window.
  const t0 = Date.now();
  while (Date.now() - t0 < 90_000) {
    const h = await hook(page);
    if (h.feed.counts.vehicles >= target * 0.95) break;
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(2000);
  const zone = server.zones[0]!;
  const ticks0 = zone.ticks;
  const w0 = Date.now();
  await page.evaluate(() => { (window as unknown as BenchWindow).__frames!.on = true; });
  await page.waitForTimeout(WINDOW_S * 1000);
  const frames = await page.evaluate(() => { const f = (window as unknown as BenchWindow).__frames!; f.on = false; return { cpu: f.cpu, raf: f.raf }; });
  const tickHz = ((zone.ticks - ticks0) * 1000) / (Date.now() - w0);
  const h = await hook(page);
  await ctx.close();
  return {
    zone: zoneId, encoding, vehicles: h.feed.counts.vehicles, msgPerSec: round(h.feed.msgPerSec, 2), drops: h.feed.dropsTotal, dropReasons: h.feed.drops,
    serverTickHz: round(tickHz, 2), serverTickMs: round(zone.tickMsAvg, 1),
    frameCpuP50: round(percentile(frames.cpu, 50), 2), frameCpuP95: round(percentile(frames.cpu, 95), 2),
    rafP50: round(percentile(frames.raf, 50), 1), rafP95: round(percentile(frames.raf, 95), 1), frames: frames.cpu.length,
  };
}

function fleetFor(zone: string, target: number) {
  // Jiading: its own plan fleet (a few hundred), the rest background.
  if (zone !== ZONE) return { backgroundPeak: target - 450 };
  const k = target / 50_000;
  return { robotaxi: Math.round(FLEET_50K.robotaxi * k), special: Math.round(FLEET_50K.special * k), bus: Math.round(FLEET_50K.bus * k), backgroundPeak: Math.round(FLEET_50K.backgroundPeak * k) };
}

/** Puts the city's tiles beside a built app (which `npm run build` leaves without them). */
function serveCityTiles(dist: string, built: string): void {
  const served = join(dist, 'tiles', ZONE);
  const hashOf = (dir: string) => (existsSync(join(dir, 'build-hash.txt')) ? readFileSync(join(dir, 'build-hash.txt'), 'utf8') : '');
  if (hashOf(served) !== hashOf(built)) {
    rmSync(served, { recursive: true, force: true });
    cpSync(built, served, { recursive: true });
  }
}

async function main(): Promise<void> {
  for (const d of [DIST, ...(COMPARE ? [COMPARE] : [])]) {
    if (!existsSync(join(d, 'index.html'))) throw new Error(`${d}/index.html is missing: run \`npm run build\` first`);
  }
  // The zone is optional: build its tiles (skipped when up to date, about 3 minutes otherwise).
  if (!TILES_FROM) execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/tiler/cli.ts', '--zone', ZONE], { cwd: ROOT, stdio: 'inherit' });
  const built = join(TILES_FROM ?? join(ROOT, 'public', 'tiles'), ZONE);
  for (const d of [DIST, ...(COMPARE ? [COMPARE] : [])]) serveCityTiles(d, built);
  const scene = JSON.parse(readFileSync(join(DIST, 'scenes', `${ZONE}.json`), 'utf8')) as { origin: { lonDeg: number; latDeg: number; heightM: number }; viewpoints: { id: string }[] };
  const zoneData = (id: string) => {
    const sc = JSON.parse(readFileSync(join(DIST, 'scenes', `${id}.json`), 'utf8')) as { origin: { lonDeg: number; latDeg: number; heightM: number } };
    const g = parseRoadGraph(JSON.parse(readFileSync(join(DIST, 'tiles', id, 'roads.json'), 'utf8')));
    if (!g.ok) throw new Error(g.error);
    return { id, origin: sc.origin, graph: g.graph };
  };
  const serve = async (outDir: string) => {
    const web = await preview({ configFile: false, root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
    return { web, base: `http://127.0.0.1:${(web.httpServer.address() as AddressInfo).port}/` };
  };
  const mine = await serve(DIST);
  const other = COMPARE ? await serve(COMPARE) : null;
  const web = mine.web, base = mine.base;
  /** Builds under test: 'this' (--dist) and, with --compare, 'peer'. */
  const builds = [{ build: 'this', base }, ...(other ? [{ build: 'peer', base: other.base }] : [])];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...BENCH_FLAGS] });
  const result: Record<string, unknown> = {
    machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, runs: RUNS, windowS: WINDOW_S, defaultBudgetMB: DEFAULT_TILE_BUDGET_MB,
    dist: DIST, compare: COMPARE,
  };
  try {
    if (!SKIP_TILES) {
      console.log('tiles (feed dead):');
      result.tiles = await tilesPhase(browser, base, scene.viewpoints.map((v) => v.id));
      console.log(JSON.stringify(result.tiles));
    }
    const feeds: unknown[] = [];
    for (const c of CASES.filter((k) => ONLY_CASES.length === 0 || ONLY_CASES.includes(`${k.zone}:${k.target}`))) {
      const server = await startFeedServer({
        zones: [zoneData(c.zone)], seed: 7, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: 2000,
        startSimMs: PEAK, fleet: fleetFor(c.zone, c.target), highWaterBytes: 64 << 20,
      });
      const feedUrl = `ws://127.0.0.1:${server.port}/`;
      const rows: (Awaited<ReturnType<typeof feedRun>> & { build: string })[] = [];
      try {
        for (let r = 0; r < RUNS; r++) {
          for (const enc of r % 2 === 0 ? c.encodings : [...c.encodings].reverse()) {
            for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
              const row = { build: b.build, ...(await feedRun(browser, b.base, c.zone, feedUrl, enc, server, c.target)) };
              rows.push(row);
              console.log(`  ${c.zone} ${c.target} ${enc} ${b.build}: ${JSON.stringify(row)}`);
            }
          }
        }
      } finally {
        await server.stop('hard');
      }
      const med = (enc: string, k: keyof (typeof rows)[number], build = 'this') => median(rows.filter((x) => x.encoding === enc && x.build === build).map((x) => Number(x[k])));
      const keys = ['vehicles', 'msgPerSec', 'serverTickHz', 'serverTickMs', 'frameCpuP50', 'frameCpuP95', 'rafP50', 'rafP95'] as const;
      const summarise = (build: string) => Object.fromEntries(c.encodings.map((enc) => [enc, Object.fromEntries(keys.map((k) => [k, round(med(enc, k, build), 2)]))]));
      const summary = { ...summarise('this'), ...(other ? { peer: summarise('peer') } : {}) };
      const ratio = {
        ...(c.encodings.length === 2 ? { frameCpuP95V1OverV2: round(med('v1', 'frameCpuP95') / med('v2', 'frameCpuP95'), 2) } : {}),
        ...(other ? Object.fromEntries(c.encodings.flatMap((enc) => [
          [`${enc}FrameCpuP95ThisOverPeer`, round(med(enc, 'frameCpuP95') / med(enc, 'frameCpuP95', 'peer'), 2)],
          [`${enc}RafP95ThisOverPeer`, round(med(enc, 'rafP95') / med(enc, 'rafP95', 'peer'), 2)],
        ])) : {}),
      };
      feeds.push({ ...c, rows, summary, ...ratio });
      console.log(`${c.zone} ${c.target} vehicles: ${JSON.stringify(summary)} ${JSON.stringify(ratio)}`);
    }
    result.feeds = feeds;
  } finally {
    await browser.close();
    await web.close();
    await other?.web.close();
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'city-scale.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('wrote bench/results/city-scale.json');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
