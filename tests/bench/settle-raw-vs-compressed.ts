/**
 * Time to settled tiles, raw against compressed: the same built app and the same tile tree, once
 * with the tiler's default glb (KHR_mesh_quantization + EXT_meshopt_compression, as in dist/) and
 * once with plain float32 glb (`npm run tiles -- --no-compress`), in one Chromium, runs interleaved
 * raw/compressed then compressed/raw, each run in a fresh browser context (empty HTTP cache).
 * Target: compressed no slower to settle than raw.
 *
 * One static server here answers `/c/…` from dist/ as is and `/r/…` from dist/ except
 * `/r/tiles/<zone>/…`, which comes from the raw build. The app's asset and tile URLs are relative
 * (vite base './', tileset URLs resolved against document.baseURI), so `/c/?zone=Z` and `/r/?zone=Z`
 * load the same app with compressed or raw tiles. The server counts what it served per run and
 * fails the run when a request escapes its prefix, or a raw run gets a compressed glb. It serves a
 * copy of dist/ taken at the start (others rebuild and swap dist/), and records the build it ran
 * (the entry script's hashed name).
 *
 * Per zone (jiading, westbund, yangpu) and view (the scene's overview and its first two other
 * viewpoints), feed dead (ws to a closed port, so the simulator does not compete): time from
 * navigation start to settled (window.__shentwin with ?test=1: ready, zone current, every tileset
 * root resolved, tiles.settled; the last unsettled→settled transition, held --hold ms), tiles loaded,
 * glb requests and bytes (Resource Timing in the page, cross-checked by the server's own count),
 * draw calls and the GPU cache bytes (`__shentwin.render`). Reports medians (for an even n, the mean
 * of the middle two) per zone/view and the
 * compressed/raw ratios of settle time (of the medians, and the median of per-pair ratios: pair i
 * shared the machine's load) and of bytes. Writes bench/results/settle-raw-vs-compressed.json.
 *
 *   npx tsx tests/bench/settle-raw-vs-compressed.ts [--runs 3] [--zones jiading,westbund,yangpu]
 *       [--dist dist] [--raw-dir <dir>] [--hold 1000] [--views overview,long-museum]
 *   --summarise <file.json>: no runs; re-print the tables and rewrite the result from a saved file.
 *   --raw-dir: where the raw tiles are built (<dir>/<zone>/; default <tmp>/shentwin-raw-tiles, kept
 *   between runs, so the tiler skips zones whose inputs did not change). When dist/tiles/<zone>'s
 *   build hash is not the current sources', the compressed tiles are also built (<dir>-compressed-check)
 *   and compared byte for byte with dist/, so both sides are known to come from the same inputs.
 * Take /tmp/st-browser.lock (flock) around it: it starts Chromium.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { zoneBuildHash } from '../../src/tiler/buildHash';
import { BENCH_FLAGS, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { round } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const RUNS = Number(arg('runs', '3'));
const ZONES = arg('zones', 'jiading,westbund,yangpu').split(',').filter(Boolean);
const DIST = resolve(ROOT, arg('dist', 'dist'));
const RAW_ROOT = resolve(arg('raw-dir', join(tmpdir(), 'shentwin-raw-tiles')));
/** Compressed tiles from the current sources, built only to check dist/tiles against them. */
const CHECK_ROOT = `${RAW_ROOT}-compressed-check`;
const HOLD_MS = Number(arg('hold', '1000'));
const ONLY_VIEWS = flag('views') ? arg('views', '').split(',').filter(Boolean) : null;
const VIEWPORT = { width: 1024, height: 640 };
const SETTLE_TIMEOUT_MS = 240_000;
const DEAD_FEED = 'ws://127.0.0.1:9/';

type Side = 'raw' | 'compressed';
const PREFIX: Record<Side, string> = { raw: '/r', compressed: '/c' };

// ---------------------------------------------------------------------------------------------
// Serving

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.glb': 'model/gltf-binary', '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.wasm': 'application/wasm', '.map': 'application/json', '.ktx2': 'image/ktx2',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff',
};

/** What the server sent while one run was going; reset before each run. */
interface ServedCount {
  requests: number; notFound: number;
  /** Requests outside /c/ and /r/: an absolute URL in the app would defeat the base-path trick. */
  unprefixed: string[];
  glb: { raw: number; compressed: number; rawBytes: number; compressedBytes: number };
  /** glb under /r/tiles/ answered from dist (the compressed build): must stay 0. */
  rawSideGotCompressed: number;
}
const freshCount = (): ServedCount => ({ requests: 0, notFound: 0, unprefixed: [], glb: { raw: 0, compressed: 0, rawBytes: 0, compressedBytes: 0 }, rawSideGotCompressed: 0 });

function serve(distDir: string, rawRoot: string, zones: readonly string[], count: () => ServedCount): Promise<Server> {
  const inside = (base: string, file: string) => file === base || file.startsWith(base + sep);
  const server = createServer((req, res) => {
    const c = count();
    c.requests++;
    const notFound = () => {
      c.notFound++;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : 'not found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    let p: string;
    try {
      p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      notFound();
      return;
    }
    const side: Side | null = p === '/r' || p.startsWith('/r/') ? 'raw' : p === '/c' || p.startsWith('/c/') ? 'compressed' : null;
    if (!side) {
      if (p !== '/favicon.ico') c.unprefixed.push(p);
      notFound();
      return;
    }
    if (p === PREFIX[side]) {
      res.writeHead(301, { location: `${PREFIX[side]}/${new URL(req.url ?? '/', 'http://x').search}`, 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    let rel = p.slice(PREFIX[side].length);
    if (rel.endsWith('/')) rel += 'index.html';
    let base = distDir;
    let fromRaw = false;
    if (side === 'raw') {
      const m = /^\/tiles\/([^/]+)\//.exec(rel);
      if (m && zones.includes(m[1]!)) {
        base = rawRoot;
        rel = rel.slice('/tiles'.length);
        fromRaw = true;
      }
    }
    const file = normalize(join(base, rel));
    if (!inside(base, file) || !existsSync(file) || !statSync(file).isFile()) {
      notFound();
      return;
    }
    const size = statSync(file).size;
    if (file.endsWith('.glb')) {
      if (fromRaw) { c.glb.raw++; c.glb.rawBytes += size; } else { c.glb.compressed++; c.glb.compressedBytes += size; }
      if (side === 'raw' && !fromRaw && rel.startsWith('/tiles/')) c.rawSideGotCompressed++;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---------------------------------------------------------------------------------------------
// In the page

interface Probe { transitions: number; settled: boolean; settledAtMs: number | null }

/** Plain source text (tsx's helpers such as `__name` do not exist inside the page). */
function instrument(zone: string): string {
  return `(() => {
  const zone = ${JSON.stringify(zone)};
  performance.setResourceTimingBufferSize(20000);
  const probe = { transitions: 0, settled: false, settledAtMs: null };
  window.__settleProbe = probe;
  setInterval(() => {
    const h = window.__shentwin;
    const s = !!h && h.ready && h.zoneId === zone && Object.keys(h.tilesets).length > 0 &&
      Object.values(h.tilesets).every((t) => t.root !== 'loading') && h.tiles.settled;
    if (s && !probe.settled) { probe.settledAtMs = performance.now(); probe.transitions++; }
    probe.settled = s;
  }, 20);
})();`;
}

interface RunResult {
  side: Side; zone: string; view: string; run: number;
  settledMs: number; transitions: number;
  tilesLoaded: number; tilesFailed: number;
  drawCalls: number; triangles: number; cacheBytes: number; geometries: number;
  /** Resource Timing, glb under tiles/: requests, body bytes (encodedBodySize), transferSize (with headers). */
  glbRequests: number; glbBodyBytes: number; glbTransferBytes: number;
  tileJsonRequests: number; allTransferBytes: number;
  firstGlbRequestMs: number; lastGlbResponseEndMs: number;
  served: ServedCount;
  glbFiles: string[];
  loadavg1: number;
  consoleErrors: string[];
}

interface ViewSpec { zone: string; view: string }

interface HookSnap {
  tiles: { loaded: number; failed: number };
  render: { drawCalls?: number; triangles?: number; cacheBytes?: number; geometries?: number } | null;
}

async function runOnce(browser: Browser, origin: string, v: ViewSpec, side: Side, run: number, counter: { current: ServedCount }): Promise<RunResult> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await ctx.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200)); });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message.slice(0, 200)}`));
    await page.addInitScript(instrument(v.zone));
    const q = new URLSearchParams({ zone: v.zone, vp: v.view, lang: 'en', test: '1', feed: 'ws', feedUrl: DEAD_FEED });
    const load1 = loadavg()[0]!;
    counter.current = freshCount();
    await page.goto(`${origin}${PREFIX[side]}/?${q.toString()}`);
    await page.waitForFunction(
      (hold) => {
        const p = (window as unknown as { __settleProbe?: Probe }).__settleProbe;
        return !!p && p.settled && p.settledAtMs !== null && performance.now() - p.settledAtMs >= hold;
      },
      HOLD_MS,
      { timeout: SETTLE_TIMEOUT_MS, polling: 100 },
    );
    const probe = await page.evaluate(() => (window as unknown as { __settleProbe: Probe }).__settleProbe);
    const hook = await page.evaluate(() => {
      const h = (window as unknown as { __shentwin: HookSnap }).__shentwin;
      return JSON.parse(JSON.stringify({ tiles: h.tiles, render: h.render })) as HookSnap;
    });
    const res = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        name: e.name, startTime: e.startTime, responseEnd: e.responseEnd,
        body: e.encodedBodySize, transfer: e.transferSize,
      })),
    );
    const served = counter.current;
    const tiles = res.filter((e) => new URL(e.name).pathname.includes('/tiles/'));
    const glb = tiles.filter((e) => new URL(e.name).pathname.endsWith('.glb'));
    const r: RunResult = {
      side, zone: v.zone, view: v.view, run,
      settledMs: probe.settledAtMs ?? NaN, transitions: probe.transitions,
      tilesLoaded: hook.tiles.loaded, tilesFailed: hook.tiles.failed,
      drawCalls: hook.render?.drawCalls ?? NaN, triangles: hook.render?.triangles ?? NaN,
      cacheBytes: hook.render?.cacheBytes ?? NaN, geometries: hook.render?.geometries ?? NaN,
      glbRequests: glb.length,
      glbBodyBytes: glb.reduce((s, e) => s + e.body, 0),
      glbTransferBytes: glb.reduce((s, e) => s + e.transfer, 0),
      tileJsonRequests: tiles.filter((e) => new URL(e.name).pathname.endsWith('.json')).length,
      allTransferBytes: res.reduce((s, e) => s + e.transfer, 0),
      firstGlbRequestMs: glb.length ? Math.min(...glb.map((e) => e.startTime)) : NaN,
      lastGlbResponseEndMs: glb.length ? Math.max(...glb.map((e) => e.responseEnd)) : NaN,
      served,
      glbFiles: glb.map((e) => new URL(e.name).pathname.replace(/^.*\/tiles\//, '')).sort(),
      loadavg1: round(load1, 2),
      consoleErrors,
    };
    // The base-path trick must hold: nothing outside the prefix, and each side got its own glb.
    if (served.unprefixed.length) throw new Error(`requests outside ${PREFIX[side]}/: ${served.unprefixed.slice(0, 5).join(', ')}`);
    if (side === 'raw' && (served.rawSideGotCompressed > 0 || served.glb.raw === 0)) throw new Error(`raw run got ${served.rawSideGotCompressed} compressed glb and ${served.glb.raw} raw glb`);
    if (side === 'compressed' && served.glb.raw > 0) throw new Error(`compressed run got ${served.glb.raw} raw glb`);
    return r;
  } finally {
    await ctx.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Tiles

function glbTree(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.glb')) out.set(relative(dir, f), statSync(f).size);
    }
  };
  walk(dir);
  return out;
}

/** Files (build-hash.txt aside) present in only one of the two trees or with different bytes. */
function sameBytes(a: string, b: string): string[] {
  const list = (root: string) => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const f = join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (e.name !== 'build-hash.txt') out.push(relative(root, f));
      }
    };
    walk(root);
    return out;
  };
  const la = list(a), lb = new Set(list(b)), sa = new Set(la);
  const differ = la.filter((f) => !lb.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  for (const f of lb) if (!sa.has(f)) differ.push(f);
  return differ;
}

interface ZoneTiles {
  zone: string;
  /** dist/tiles/<zone>/build-hash.txt against the hash of the current sources (compress on). */
  distHashMatchesSources: boolean;
  /** dist/tiles/<zone> byte for byte as the current sources build it (compressed), build-hash.txt aside. */
  distSameAsSources: boolean; distDiffers: string[];
  glbFiles: number; sameTree: boolean; onlyRaw: string[]; onlyCompressed: string[];
  allGlbBytes: { raw: number; compressed: number; ratio: number };
}

async function prepareRaw(zone: string, distDir: string): Promise<ZoneTiles> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/tiler/cli.ts', '--zone', zone, '--no-compress', '--out', RAW_ROOT], { cwd: ROOT, stdio: 'inherit' });
  const distZone = join(distDir, 'tiles', zone);
  if (!existsSync(distZone)) throw new Error(`${distZone} missing: build the tiles and the app (npm run tiles && npx vite build)`);
  const distHash = existsSync(join(distZone, 'build-hash.txt')) ? readFileSync(join(distZone, 'build-hash.txt'), 'utf8').trim() : '';
  const srcHash = await zoneBuildHash(ROOT, zone, { compress: true });
  // The raw tiles come from the current sources. When dist/'s hash is older, build the compressed
  // tiles from the same sources too (cached beside the raw ones) and compare bytes: a hash also
  // moves on source changes that leave this zone's output as it was.
  let distDiffers: string[] = [];
  if (distHash !== srcHash) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/tiler/cli.ts', '--zone', zone, '--out', CHECK_ROOT], { cwd: ROOT, stdio: 'inherit' });
    distDiffers = sameBytes(join(CHECK_ROOT, zone), distZone);
    if (distDiffers.length) console.warn(`[settle-raw] ${zone}: dist/tiles differs from the current sources in ${distDiffers.length} files (the raw tiles are built from the sources): rebuild with npm run tiles && npx vite build`);
  }
  const raw = glbTree(join(RAW_ROOT, zone)), comp = glbTree(distZone);
  const onlyRaw = [...raw.keys()].filter((k) => !comp.has(k)), onlyCompressed = [...comp.keys()].filter((k) => !raw.has(k));
  if (onlyRaw.length || onlyCompressed.length) console.warn(`[settle-raw] ${zone}: tile trees differ (${onlyRaw.length} glb only raw, ${onlyCompressed.length} only compressed)`);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
  return {
    zone, distHashMatchesSources: distHash === srcHash, distSameAsSources: distDiffers.length === 0, distDiffers: distDiffers.slice(0, 10), glbFiles: raw.size,
    sameTree: onlyRaw.length === 0 && onlyCompressed.length === 0, onlyRaw: onlyRaw.slice(0, 10), onlyCompressed: onlyCompressed.slice(0, 10),
    allGlbBytes: { raw: sum(raw), compressed: sum(comp), ratio: round(sum(comp) / sum(raw), 3) },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build the app first (npm run tiles && npx vite build), or pass --dist <dir>`);
  const zoneTiles: ZoneTiles[] = [];
  for (const zone of ZONES) zoneTiles.push(await prepareRaw(zone, DIST));
  // Serve a snapshot: another engineer's `vite build` would otherwise swap dist/ mid-run.
  const snap = mkdtempSync(join(tmpdir(), 'settle-raw-dist-'));
  cpSync(DIST, snap, { recursive: true });

  const specs: ViewSpec[] = [];
  for (const zone of ZONES) {
    const scene = JSON.parse(readFileSync(join(snap, 'scenes', `${zone}.json`), 'utf8')) as { viewpoints: { id: string }[]; defaultViewpoint: string };
    const others = scene.viewpoints.filter((vp) => vp.id !== scene.defaultViewpoint).slice(0, 2).map((vp) => vp.id);
    for (const view of [scene.defaultViewpoint, ...others]) if (!ONLY_VIEWS || ONLY_VIEWS.includes(view)) specs.push({ zone, view });
  }

  // Which build ran (dist/ is rebuilt and swapped by others): the entry script's hashed name.
  const appEntry = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(readFileSync(join(snap, 'index.html'), 'utf8'))?.[1] ?? '?';
  const counter = { current: freshCount() };
  const server = await serve(snap, RAW_ROOT, ZONES, () => counter.current);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadavgStart: loadavg().map((x) => round(x, 2)), loadavgEnd: [] as number[] };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...BENCH_FLAGS] });
  const raw: RunResult[] = [];
  const errors: { zone: string; view: string; side: Side; run: number; error: string }[] = [];
  const t0 = Date.now();
  try {
    for (const v of specs) {
      for (let i = 0; i < RUNS; i++) {
        for (const side of (i % 2 === 0 ? ['raw', 'compressed'] : ['compressed', 'raw']) as Side[]) {
          try {
            const r = await runOnce(browser, origin, v, side, i, counter);
            raw.push(r);
            console.log(`${v.zone}/${v.view} ${side} #${i}: settled ${round(r.settledMs, 0)} ms (${r.transitions} transitions), loaded ${r.tilesLoaded}, failed ${r.tilesFailed}, glb ${r.glbRequests} / ${round(r.glbBodyBytes / 1024, 0)} KiB, draw calls ${r.drawCalls}, cache ${round(r.cacheBytes / 2 ** 20, 1)} MiB, load ${r.loadavg1}${r.consoleErrors.length ? `, ${r.consoleErrors.length} console errors` : ''}`);
          } catch (e) {
            const msg = (e as Error).message.split('\n')[0]!;
            errors.push({ zone: v.zone, view: v.view, side, run: i, error: msg });
            console.warn(`${v.zone}/${v.view} ${side} #${i}: FAILED ${msg}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(snap, { recursive: true, force: true });
  }
  machine.loadavgEnd = loadavg().map((x) => round(x, 2));
  const loads = raw.map((r) => r.loadavg1);
  const load = { runs: raw.length, loadavg1Min: loads.length ? Math.min(...loads) : NaN, loadavg1Median: mid(loads), loadavg1Max: loads.length ? Math.max(...loads) : NaN, wallS: round((Date.now() - t0) / 1000, 0) };
  report({
    runs: RUNS, zones: ZONES, holdMs: HOLD_MS, viewport: VIEWPORT, dist: DIST, appEntry, rawDir: RAW_ROOT, machine, load,
    settledRule: `window.__shentwin (test=1): ready, zone current, every tileset root resolved, tiles.settled; polled at 20 ms; time = last unsettled→settled transition (ms since navigation start), held ${HOLD_MS} ms`,
    tiles: zoneTiles, specs, errors, raw,
  });
}

/**
 * The middle value, or the mean of the two middle values for an even count. (stats.ts's median is
 * the lower middle value, which for the n = 2 of a quick run is simply the faster run.)
 */
function mid(values: readonly number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

interface Saved {
  runs: number; zones: string[]; holdMs: number; viewport: typeof VIEWPORT; dist: string; appEntry?: string; rawDir: string;
  machine: { cpus: number; cpuModel: string; loadavgStart: number[]; loadavgEnd: number[] };
  load: { runs: number; loadavg1Min: number; loadavg1Median: number; loadavg1Max: number; wallS: number };
  settledRule: string; tiles: ZoneTiles[]; specs: ViewSpec[];
  errors: { zone: string; view: string; side: Side; run: number; error: string }[]; raw: RunResult[];
}

/** Tables and bench/results/settle-raw-vs-compressed.json from the runs (also from a saved file: --summarise). */
function report(d: Saved): void {
  const { raw, specs } = d;
  const summary: Record<string, unknown>[] = [];
  const ratios: Record<string, unknown>[] = [];
  for (const v of specs) {
    const pick = (side: Side) => raw.filter((r) => r.zone === v.zone && r.view === v.view && r.side === side);
    const rr = pick('raw'), cc = pick('compressed');
    if (!rr.length && !cc.length) continue;
    const row = (rs: RunResult[]) => ({
      n: rs.length,
      settledMs: round(mid(rs.map((r) => r.settledMs)), 0),
      settledMinMs: round(Math.min(...rs.map((r) => r.settledMs)), 0),
      settledMaxMs: round(Math.max(...rs.map((r) => r.settledMs)), 0),
      lastGlbMs: round(mid(rs.map((r) => r.lastGlbResponseEndMs)), 0),
      /** Settled minus the last glb's responseEnd: parse, upload and traversal after the network. */
      afterLastGlbMs: round(mid(rs.map((r) => r.settledMs - r.lastGlbResponseEndMs)), 0),
      loaded: mid(rs.map((r) => r.tilesLoaded)),
      failed: mid(rs.map((r) => r.tilesFailed)),
      glb: mid(rs.map((r) => r.glbRequests)),
      glbKiB: round(mid(rs.map((r) => r.glbBodyBytes)) / 1024, 0),
      glbTransferKiB: round(mid(rs.map((r) => r.glbTransferBytes)) / 1024, 0),
      drawCalls: mid(rs.map((r) => r.drawCalls)),
      cacheMiB: round(mid(rs.map((r) => r.cacheBytes)) / 2 ** 20, 2),
    });
    const a = row(rr), b = row(cc);
    summary.push({ zone: v.zone, view: v.view, side: 'raw', ...a });
    summary.push({ zone: v.zone, view: v.view, side: 'compressed', ...b });
    // Pair i ran back to back (same machine load): ratio per pair, then the median.
    const pairs = rr.map((r) => cc.find((c) => c.run === r.run)).map((c, k) => (c ? c.settledMs / rr[k]!.settledMs : NaN)).filter(Number.isFinite);
    const sameFiles = rr[0] && cc[0] ? rr[0].glbFiles.filter((f) => cc[0]!.glbFiles.includes(f)).length : NaN;
    ratios.push({
      zone: v.zone, view: v.view, nRaw: rr.length, nCompressed: cc.length,
      settledRawMs: a.settledMs, settledCompressedMs: b.settledMs,
      settledRatio: round(b.settledMs / a.settledMs), settledPairRatioMedian: round(mid(pairs)),
      pairRatios: pairs.map((x) => round(x)).join(' '), target: '<= 1',
      glbKiBRaw: a.glbKiB, glbKiBCompressed: b.glbKiB, bytesRatio: round(b.glbKiB / a.glbKiB, 3),
      cacheRatio: round(b.cacheMiB / a.cacheMiB, 3),
      glbSameFiles: sameFiles, glbRaw: a.glb, glbCompressed: b.glb,
    });
  }
  const { machine, load } = d;
  console.table(d.tiles.map((z) => ({ zone: z.zone, glbFiles: z.glbFiles, sameTree: z.sameTree, distSameAsSources: z.distSameAsSources, rawMiB: round(z.allGlbBytes.raw / 2 ** 20, 2), compressedMiB: round(z.allGlbBytes.compressed / 2 ** 20, 2), ratio: z.allGlbBytes.ratio })));
  console.table(summary);
  console.table(ratios);
  console.log(`app ${d.appEntry ?? '?'}; machine: ${machine.cpus} cpus (${machine.cpuModel}), loadavg start ${machine.loadavgStart.join(' ')}, end ${machine.loadavgEnd.join(' ')}; 1-min load at run starts min ${load.loadavg1Min} / median ${load.loadavg1Median} / max ${load.loadavg1Max}; ${load.wallS} s`);
  if (d.errors.length) console.log(`${d.errors.length} failed runs:`, d.errors);
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  const out = resolve(ROOT, 'bench/results/settle-raw-vs-compressed.json');
  writeFileSync(out, `${JSON.stringify({ ...d, summary, ratios }, null, 1)}\n`);
  console.log(`wrote ${out}`);
}

const SUMMARISE = flag('summarise') ? resolve(arg('summarise', '')) : null;
(SUMMARISE
  ? Promise.resolve().then(() => {
    const d = JSON.parse(readFileSync(SUMMARISE, 'utf8')) as Saved;
    // Files written before `specs` was saved: the zone/view pairs in run order.
    d.specs ??= [...new Map(d.raw.map((r) => [`${r.zone}/${r.view}`, { zone: r.zone, view: r.view }])).values()];
    report(d);
  })
  : main()
).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
