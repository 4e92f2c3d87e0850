/**
 * Time to settled tiles, ours (the built app, three.js + 3d-tiles-renderer) against CesiumJS
 * (tests/bench/pages/cesium-settle.ts) on the same tilesets, camera pose, vertical field of view,
 * canvas size and screen-space error (16), in one Chromium, runs interleaved A B A B, each run in a
 * fresh browser context (empty HTTP cache). Both pages are served by one static server here, so
 * tiles come from the same origin with the same headers.
 *
 * Per zone (jiading, westbund, yangpu) and viewpoint (overview + the scene's first two close
 * viewpoints): time from navigation start to settled (last unsettled→settled transition, held for
 * --hold ms), tiles loaded / visible on each side, tile requests, the same-tiles check (the sets of
 * glb files each side fetched), and frame CPU (time inside requestAnimationFrame callbacks) p50/p95
 * and rAF deltas while orbiting 90° in --orbit ms. Also: ours with the feed dead (ws to a closed
 * port) once per viewpoint, and one CPU-profiled load per zone overview on each side, mapped through
 * source maps to a breakdown (glb parse, traversal, render, React, feed/simulator, …), plus request
 * timing (boot → first tile request, concurrency, queueing, order).
 *
 * Usage: tsx tests/bench/settle-vs-cesium.ts [--runs 5] [--zones jiading,westbund,yangpu]
 *          [--dist dist] [--build] [--compare <dist>] [--close 2] [--hold 1500] [--orbit 2500]
 *          [--no-profile] [--no-feed-off] [--help]
 *   --build builds the app (vite build --sourcemap) into a temporary folder instead of using --dist;
 *   with a dist/ built without source maps the profile falls back to per-bundle attribution.
 *   --compare serves a second build (e.g. one of an earlier commit) from its own port and runs it
 *   interleaved with the others (ours, compare, cesium, ours, …), reported as side "compare", so a
 *   change is measured against its baseline in the same run rather than across noisy runs.
 *   --close: how many of each scene's close viewpoints to run besides the overview (0: overview only).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { EnuFrame } from '../../src/core/geodesy';
import { CAMERA_FAR_M, CAMERA_FOV_DEG, CAMERA_NEAR_M, sanitizePose } from '../../src/views/three/cameraModel';
import { DEFAULT_TILE_BUDGET_MB } from '../../src/views/three/tileBudget';
import { BENCH_FLAGS, CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { median, percentile, round, shareOver } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

if (flag('help')) {
  console.log(`tsx tests/bench/settle-vs-cesium.ts [options]
  --runs N          runs per side and viewpoint, interleaved (default 5)
  --zones a,b       zones (default jiading,westbund,yangpu)
  --dist DIR        built app to measure (default dist)
  --build           build the app (with source maps) into a temporary folder instead of --dist
  --compare DIR     a second build, run interleaved as side "compare" (e.g. the baseline of a change)
  --close N         close viewpoints per zone besides the overview (default 2; 0 = overview only)
  --hold MS         how long "settled" must hold (default 1500)
  --orbit MS        orbit duration for frame timing after settle (default 2500)
  --no-profile      skip the CPU-profiled load per zone
  --profile-orbit   profile the orbit after settle instead of the load (frame CPU: where it goes)
  --no-feed-off     skip the run with the feed dead
  --vsync           keep the display's frame pacing (as the browser tests do) instead of BENCH_FLAGS
Writes bench/results/settle-vs-cesium.json.`);
  process.exit(0);
}

const runs = Number(arg('runs', '5'));
const zones = arg('zones', 'jiading,westbund,yangpu').split(',').filter(Boolean);
const holdMs = Number(arg('hold', '1500'));
const orbitMs = Number(arg('orbit', '2500'));
const closeViews = Number(arg('close', '2'));
const compareArg = arg('compare', '');
/** What the profiled run records: the load up to settled, or the orbit after it. */
const profilePhase: 'load' | 'orbit' = flag('profile-orbit') ? 'orbit' : 'load';
const ORBIT_DEG = 90;
const VIEWPORT = { width: 1024, height: 640 };
const SETTLE_TIMEOUT_MS = 240_000;
const DEAD_FEED = 'ws://127.0.0.1:9/';

// ---------------------------------------------------------------------------------------------
// Serving: the built app at /, the Cesium peer page at /__bench/.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.glb': 'model/gltf-binary', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.wasm': 'application/wasm', '.map': 'application/json', '.ktx2': 'image/ktx2',
  '.xml': 'application/xml', '.txt': 'text/plain',
};

function serve(distDir: string, benchDir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    let base = distDir, p = decodeURIComponent(u.pathname);
    if (p.startsWith('/__bench/')) { base = benchDir; p = p.slice('/__bench'.length); }
    if (p.endsWith('/')) p += 'index.html';
    const file = normalize(join(base, p));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function buildCesiumPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'settle-cesium-'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [resolve(ROOT, 'tests/bench/pages/cesium-settle.ts')],
    bundle: true, format: 'esm', minify: true, sourcemap: true, target: 'es2022',
    outfile: join(dir, 'cesium-settle.js'), logLevel: 'error',
  });
  copyFileSync(resolve(ROOT, 'tests/bench/pages/cesium-settle.html'), join(dir, 'index.html'));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation shared by both sides (installed before any page script runs).

interface FrameLog { on: boolean; cpu: number[]; raf: number[]; all: number[] }
interface OursProbe { transitions: number; settled: boolean; settledAtMs: number | null }

/**
 * Plain source text, not a compiled function: tsx's transform adds helpers (`__name`) that do not
 * exist inside the page.
 */
function instrument(kind: 'ours' | 'cesium', zone: string): string {
  return `(() => {
  const kind = ${JSON.stringify(kind)}, zone = ${JSON.stringify(zone)};
  performance.setResourceTimingBufferSize(20000);
  const log = { on: false, cpu: [], raf: [], all: [] };
  window.__frames = log;
  // Frame CPU: time spent inside requestAnimationFrame callbacks, summed per frame.
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
    if (ts !== curTs) { flush(); curTs = ts; acc = 0; if (log.all.length < 100000) log.all.push(ts); }
    const t0 = performance.now();
    try { cb(ts); } finally { acc += performance.now() - t0; }
  });
  if (kind !== 'ours') return;
  // Ours: the app's own "tiles settled" rule, read from its test hook (published at 4 Hz).
  const probe = { transitions: 0, settled: false, settledAtMs: null };
  window.__oursProbe = probe;
  setInterval(() => {
    const h = window.__shentwin;
    const s = !!h && h.ready && h.zoneId === zone && Object.keys(h.tilesets).length > 0 &&
      Object.values(h.tilesets).every((t) => t.root !== 'loading') && h.tiles.settled;
    if (s && !probe.settled) { probe.settledAtMs = performance.now(); probe.transitions++; }
    probe.settled = s;
  }, 20);
})();`;
}

// ---------------------------------------------------------------------------------------------

interface Res { name: string; startTime: number; requestStart: number; responseStart: number; responseEnd: number; transferSize: number; initiatorType: string }

interface RunResult {
  side: 'ours' | 'ours-feed-off' | 'compare' | 'cesium';
  zone: string; view: string;
  settledMs: number; transitions: number;
  /** Animation frames drawn from navigation to settled: loading advances once per frame on both sides. */
  loadFrames: number;
  /** Last tile file's responseEnd (ms since navigation), a hook-independent lower bound. */
  lastTileResponseEndMs: number;
  tilesLoaded: number; tilesVisible: number; drawCalls?: number;
  glbRequests: number; jsonRequests: number; tileBytes: number;
  glbFiles: string[];
  canvas: { css: [number, number]; buffer: [number, number] };
  frameCpu: number[]; rafMs: number[];
  net: ReturnType<typeof netProfile>;
  poseSeen?: unknown;
  consoleErrors: string[];
}

function netProfile(entries: Res[]) {
  const tiles = entries.filter((e) => e.name.includes('/tiles/'));
  const glb = tiles.filter((e) => e.name.endsWith('.glb'));
  const js = entries.filter((e) => /\.js(\?|$)/.test(e.name));
  const maxOverlap = (iv: [number, number][]) => {
    const ev = iv.flatMap(([a, b]) => [[a, 1], [b, -1]] as [number, number][]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let c = 0, m = 0;
    for (const [, d] of ev) { c += d; m = Math.max(m, c); }
    return m;
  };
  const span = tiles.length ? Math.max(...tiles.map((e) => e.responseEnd)) - Math.min(...tiles.map((e) => e.startTime)) : 0;
  const busy = tiles.reduce((s, e) => s + (e.responseEnd - e.startTime), 0);
  return {
    jsBytes: js.reduce((s, e) => s + e.transferSize, 0),
    lastScriptResponseEndMs: round(js.length ? Math.max(...js.map((e) => e.responseEnd)) : 0),
    firstTilesetJsonMs: round(tiles.find((e) => e.name.endsWith('.json'))?.startTime ?? NaN),
    firstGlbRequestMs: round(glb.length ? Math.min(...glb.map((e) => e.startTime)) : NaN),
    lastGlbResponseEndMs: round(glb.length ? Math.max(...glb.map((e) => e.responseEnd)) : NaN),
    /** Requests the page had issued at once (fetch started, not yet finished). */
    maxInFlightIssued: maxOverlap(tiles.map((e) => [e.startTime, e.responseEnd])),
    /** On the wire (request sent, response not finished): Chromium caps HTTP/1.1 at 6 per host. */
    maxOnWire: maxOverlap(tiles.map((e) => [e.requestStart || e.startTime, e.responseEnd])),
    meanInFlight: round(span > 0 ? busy / span : 0),
    /** Time a request waited in the browser for a connection (requestStart − startTime), median. */
    queuedMsP50: round(median(tiles.map((e) => Math.max(0, (e.requestStart || e.startTime) - e.startTime)))),
    ttfbMsP50: round(median(glb.map((e) => e.responseStart - (e.requestStart || e.startTime)))),
    downloadMsP50: round(median(glb.map((e) => e.responseEnd - e.responseStart))),
    /** First 12 glb files in request order (file name only: the tiler names tiles by quadtree path). */
    order: glb.sort((a, b) => a.startTime - b.startTime).slice(0, 12).map((e) => e.name.replace(/^.*\/tiles\//, '')),
  };
}

async function collectResources(page: Page): Promise<Res[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: e.name, startTime: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart,
      responseEnd: e.responseEnd, transferSize: e.transferSize || e.encodedBodySize, initiatorType: e.initiatorType,
    })),
  );
}

const framesBefore = (page: Page, ms: number): Promise<number> =>
  page.evaluate((t) => (window as unknown as { __frames: FrameLog }).__frames.all.filter((x) => x <= t).length, ms);

async function waitStable(page: Page, read: string): Promise<void> {
  // `read` is an expression giving { settled, at } inside the page.
  await page.waitForFunction(
    ({ expr, hold }) => {
      const r = (0, eval)(expr) as { settled: boolean; at: number | null; error?: string } | null;
      if (r?.error) return true;
      return !!r && r.settled && r.at !== null && performance.now() - r.at >= hold;
    },
    { expr: read, hold: holdMs },
    { timeout: SETTLE_TIMEOUT_MS, polling: 100 },
  );
}

async function orbitOurs(page: Page, css: [number, number]): Promise<void> {
  const box = await page.locator('.st-view canvas').first().boundingBox();
  if (!box) throw new Error('no canvas');
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  // camera-controls: azimuth turns 2π·dx/canvasHeight; right button = ROTATE in the app.
  const dx = (css[1] * ORBIT_DEG) / 360;
  await page.mouse.move(cx - dx / 2, cy);
  await page.mouse.down({ button: 'right' });
  const steps = Math.max(10, Math.round(orbitMs / 40));
  const t0 = Date.now();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(cx - dx / 2 + (dx * i) / steps, cy);
    const wait = t0 + (orbitMs * i) / steps - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.mouse.up({ button: 'right' });
}

async function startProfiler(cdp: CDPSession, now: boolean): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  if (now) await cdp.send('Profiler.start');
}

interface ViewSpec { zone: string; view: string; pose: { position: [number, number, number]; target: [number, number, number] }; tilesetUrls: string[]; enu: number[] }

async function runOurs(browser: Browser, base: string, v: ViewSpec, feedOff: boolean, profile = false, compare = false): Promise<{ r: RunResult; cpuProfile?: unknown }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200)); });
  await page.addInitScript(instrument('ours', v.zone));
  const cdp = profile ? await ctx.newCDPSession(page) : null;
  if (cdp) await startProfiler(cdp, profilePhase === 'load');
  const q = new URLSearchParams({ zone: v.zone, vp: v.view, lang: 'en', test: '1' });
  if (feedOff) { q.set('feed', 'ws'); q.set('feedUrl', DEAD_FEED); }
  await page.goto(`${base}/?${q.toString()}`);
  await waitStable(page, 'window.__oursProbe && { settled: window.__oursProbe.settled, at: window.__oursProbe.settledAtMs }');
  let cpuProfile = cdp && profilePhase === 'load' ? (await cdp.send('Profiler.stop')).profile : undefined;
  const probe = await page.evaluate(() => (window as unknown as { __oursProbe: OursProbe }).__oursProbe);
  const loadFrames = await framesBefore(page, probe.settledAtMs ?? 0);
  const hook = await page.evaluate(() => {
    const h = (window as unknown as { __shentwin: { tilesets: Record<string, { loaded: number }>; tiles: { loaded: number }; render: { drawCalls: number }; cameraPose: unknown } }).__shentwin;
    const c = document.querySelector('.st-view canvas') as HTMLCanvasElement;
    return { tiles: h.tiles, render: h.render, cameraPose: h.cameraPose, css: [c.clientWidth, c.clientHeight] as [number, number], buffer: [c.width, c.height] as [number, number] };
  });
  const res = await collectResources(page);
  let frameCpu: number[] = [], rafMs: number[] = [];
  if (!profile || profilePhase === 'orbit') {
    if (cdp) await cdp.send('Profiler.start');
    await page.evaluate(() => { (window as unknown as { __frames: FrameLog }).__frames.on = true; });
    await orbitOurs(page, hook.css);
    await page.waitForTimeout(300);
    ({ cpu: frameCpu, raf: rafMs } = await page.evaluate(() => { const f = (window as unknown as { __frames: FrameLog }).__frames; f.on = false; return { cpu: f.cpu, raf: f.raf }; }));
    if (cdp) cpuProfile = (await cdp.send('Profiler.stop')).profile;
  }
  await ctx.close();
  const tileRes = res.filter((e) => e.name.includes('/tiles/') && /\/(buildings|ground)\//.test(e.name));
  const glb = tileRes.filter((e) => e.name.endsWith('.glb'));
  return {
    cpuProfile,
    r: {
      side: compare ? 'compare' : feedOff ? 'ours-feed-off' : 'ours', zone: v.zone, view: v.view,
      settledMs: probe.settledAtMs ?? NaN, transitions: probe.transitions, loadFrames,
      lastTileResponseEndMs: Math.max(0, ...tileRes.map((e) => e.responseEnd)),
      tilesLoaded: hook.tiles.loaded, tilesVisible: hook.render.drawCalls, drawCalls: hook.render.drawCalls,
      glbRequests: glb.length, jsonRequests: tileRes.length - glb.length, tileBytes: tileRes.reduce((s, e) => s + e.transferSize, 0),
      glbFiles: glb.map((e) => new URL(e.name).pathname).sort(),
      canvas: { css: hook.css, buffer: hook.buffer }, frameCpu, rafMs, net: netProfile(tileRes.concat(res.filter((e) => /\.js(\?|$)/.test(e.name)))),
      poseSeen: hook.cameraPose, consoleErrors: consoleErrors.slice(0, 5),
    },
  };
}

async function runCesium(browser: Browser, base: string, v: ViewSpec, css: [number, number], profile = false): Promise<{ r: RunResult; cpuProfile?: unknown }> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200)); });
  await page.addInitScript(instrument('cesium', v.zone));
  const cdp = profile ? await ctx.newCDPSession(page) : null;
  if (cdp) await startProfiler(cdp, profilePhase === 'load');
  const p = v.pose;
  const q = new URLSearchParams({
    tilesets: v.tilesetUrls.map((u) => `${base}/${u}`).join(','), enu: v.enu.join(','),
    pose: [...p.position, ...p.target].join(','), w: String(css[0]), h: String(css[1]), fov: String(CAMERA_FOV_DEG),
    near: String(CAMERA_NEAR_M), far: String(CAMERA_FAR_M), cacheMB: String(DEFAULT_TILE_BUDGET_MB / v.tilesetUrls.length),
  });
  await page.goto(`${base}/__bench/?${q.toString()}`);
  await waitStable(page, 'window.__bench && (window.__bench.error ? { error: window.__bench.error } : { settled: window.__bench.settled, at: window.__bench.settledAtMs })');
  let cpuProfile = cdp && profilePhase === 'load' ? (await cdp.send('Profiler.stop')).profile : undefined;
  const b = await page.evaluate(() => {
    const s = (window as unknown as { __bench: { error?: string; settledAtMs: number; settledTransitions: number; tiles: { loadedContent: number; selected: number }; drawingBuffer: [number, number] } }).__bench;
    return { error: s.error, settledAtMs: s.settledAtMs, transitions: s.settledTransitions, tiles: s.tiles, buffer: s.drawingBuffer };
  });
  if (b.error) throw new Error(`cesium page: ${b.error}`);
  const loadFrames = await framesBefore(page, b.settledAtMs);
  const res = await collectResources(page);
  let frameCpu: number[] = [], rafMs: number[] = [];
  if (!profile || profilePhase === 'orbit') {
    if (cdp) await cdp.send('Profiler.start');
    await page.evaluate(() => { (window as unknown as { __frames: FrameLog }).__frames.on = true; });
    await page.evaluate(([ms, deg]) => (window as unknown as { __bench: { orbit(ms: number, deg: number): Promise<void> } }).__bench.orbit(ms, deg), [orbitMs, ORBIT_DEG] as const);
    await page.waitForTimeout(300);
    ({ cpu: frameCpu, raf: rafMs } = await page.evaluate(() => { const f = (window as unknown as { __frames: FrameLog }).__frames; f.on = false; return { cpu: f.cpu, raf: f.raf }; }));
    if (cdp) cpuProfile = (await cdp.send('Profiler.stop')).profile;
  }
  await ctx.close();
  const tileRes = res.filter((e) => e.name.includes('/tiles/'));
  const glb = tileRes.filter((e) => e.name.endsWith('.glb'));
  return {
    cpuProfile,
    r: {
      side: 'cesium', zone: v.zone, view: v.view, settledMs: b.settledAtMs, transitions: b.transitions, loadFrames,
      lastTileResponseEndMs: Math.max(0, ...tileRes.map((e) => e.responseEnd)),
      tilesLoaded: b.tiles.loadedContent, tilesVisible: b.tiles.selected,
      glbRequests: glb.length, jsonRequests: tileRes.length - glb.length, tileBytes: tileRes.reduce((s, e) => s + e.transferSize, 0),
      glbFiles: glb.map((e) => new URL(e.name).pathname).sort(),
      canvas: { css, buffer: b.buffer }, frameCpu, rafMs, net: netProfile(tileRes.concat(res.filter((e) => /\.js(\?|$)/.test(e.name)))),
      consoleErrors: consoleErrors.slice(0, 5),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profile → categories, through the bundles' source maps when present.

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const RULES: [RegExp, string][] = [
  [/three\/examples\/jsm\/loaders\/GLTFLoader|three\/examples\/jsm\/.*(Draco|Meshopt|KTX2)/, 'glb parse (three GLTFLoader)'],
  [/3d-tiles-renderer\/.*(loaders|Loader|GLTF|B3DM|I3DM|PNTS|CMPT|plugins\/.*gltf)/i, 'glb parse (3d-tiles-renderer loaders/plugins)'],
  [/3d-tiles-renderer\//, 'tiles traversal/queues (3d-tiles-renderer)'],
  [/three\/src\/renderers\//, 'three.js render'],
  [/three\/src\//, 'three.js scene/math'],
  [/three\/build\/three\.(module|core|webgpu)/, 'three.js core bundle (WebGLRenderer, GL calls, shader compile, math)'],
  [/three-mesh-bvh/, 'BVH (three-mesh-bvh)'],
  [/camera-controls/, 'camera controls'],
  [/react-dom|scheduler|react-reconciler|@react-three|its-fine|zustand|\/react\//, 'React / r3f / store'],
  [/\/src\/(sim|feed)\//, 'feed + simulator'],
  [/\/src\/layers\//, 'app layers'],
  [/\/src\/views\//, 'app views'],
  [/\/src\/(scene|core|state|app|ui|runtime|analysis|modes)\//, 'app other'],
  [/i18next|zod/, 'i18n / validation'],
  [/@cesium\/engine\/Source\/Scene\/(Model|GltfLoader|Gltf|B3dm|I3dm|Pnts|Composite|ResourceCache|Vector|Primitive)/, 'cesium glTF/model load'],
  [/@cesium\/engine\/Source\/Scene\/(Cesium3DTile|Tileset|TileMetadata|ImplicitTile|Cesium3DTilesetTraversal|Cesium3DTilesetBaseTraversal|Cesium3DTilesetStatistics)/, 'cesium 3D Tiles traversal'],
  [/@cesium\/engine\/Source\/Renderer\//, 'cesium renderer (WebGL)'],
  [/@cesium\/engine\/Source\/Scene\//, 'cesium scene'],
  [/@cesium\/engine\/Source\/Core\//, 'cesium core'],
  [/@cesium\/(engine|widgets)\//, 'cesium other'],
  [/node_modules\/cesium\/|Cesium/i, 'cesium other'],
];

function categorise(source: string, fn: string): string {
  if (!source) return fn.startsWith('(') ? fn : `native ${fn || '(anonymous)'}`.slice(0, 60);
  for (const [re, name] of RULES) if (re.test(source)) return name;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? `pkg ${pkg[1]}` : source.replace(/^.*\/(src|tests)\//, '$1/').slice(0, 60);
}

function profileBreakdown(profile: CpuProfile, base: string, dirs: { prefix: string; dir: string }[]) {
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapFor = (url: string): SourceMapConsumer | null => {
    if (maps.has(url)) return maps.get(url)!;
    let c: SourceMapConsumer | null = null;
    try {
      const path = new URL(url).pathname;
      const d = dirs.find((x) => path.startsWith(x.prefix));
      if (d && url.startsWith(base)) {
        const f = join(d.dir, path.slice(d.prefix.length)) + '.map';
        if (existsSync(f)) c = new SourceMapConsumer(JSON.parse(readFileSync(f, 'utf8')));
      }
    } catch { c = null; }
    maps.set(url, c);
    return c;
  };
  const cat = new Map<number, string>();
  /** Per node, "file:function" through the source map: which functions, not only which packages. */
  const fn = new Map<number, string>();
  for (const n of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = n.callFrame;
    let source = url, name = functionName;
    const m = url ? mapFor(url) : null;
    if (m) {
      const o = m.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      source = o.source ?? url;
      name = o.name ?? functionName;
    }
    cat.set(n.id, categorise(source, functionName));
    fn.set(n.id, `${source.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${name || '(anonymous)'}`);
  }
  const totals = new Map<string, number>(), byFn = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const c = cat.get(profile.samples[i]!) ?? '?';
    totals.set(c, (totals.get(c) ?? 0) + dt);
    const f = fn.get(profile.samples[i]!) ?? '?';
    byFn.set(f, (byFn.get(f) ?? 0) + dt);
  }
  const wall = (profile.endTime - profile.startTime) / 1000;
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const fns = [...byFn.entries()].filter(([k]) => !k.includes('(idle)')).sort((a, b) => b[1] - a[1]);
  return {
    wallMs: round(wall), busyMs: round(rows.filter(([k]) => k !== '(idle)').reduce((s, [, v]) => s + v, 0)),
    selfMs: Object.fromEntries(rows.slice(0, 18).map(([k, v]) => [k, round(v, 0)])),
    topFunctionsMs: Object.fromEntries(fns.slice(0, 25).map(([k, v]) => [k, round(v, 1)])),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  let distDir = resolve(ROOT, arg('dist', 'dist'));
  if (flag('build')) {
    distDir = mkdtempSync(join(tmpdir(), 'settle-dist-'));
    execFileSync('npx', ['vite', 'build', '--sourcemap', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html missing: run \`npm run build\` or pass --build`);
  const benchDir = await buildCesiumPage();
  const server = await serve(distDir, benchDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const compareDir = compareArg ? resolve(ROOT, compareArg) : null;
  if (compareDir && !existsSync(join(compareDir, 'index.html'))) throw new Error(`${compareDir}/index.html missing`);
  const compareServer = compareDir ? await serve(compareDir, benchDir) : null;
  const compareBase = compareServer ? `http://127.0.0.1:${(compareServer.address() as AddressInfo).port}` : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS, ...(flag('vsync') ? [] : BENCH_FLAGS)] });

  const specs: ViewSpec[] = [];
  for (const zone of zones) {
    const scene = JSON.parse(readFileSync(join(distDir, 'scenes', `${zone}.json`), 'utf8')) as {
      origin: { lonDeg: number; latDeg: number; heightM: number }; tilesets: { url: string }[];
      viewpoints: { id: string; position: [number, number, number]; target: [number, number, number] }[]; defaultViewpoint: string;
    };
    const frame = new EnuFrame(scene.origin);
    const enu = frame.enuToEcefMatrix();
    // Cross-check against the tiles' own root transform: both sides must put tiles in the same place.
    const root = (JSON.parse(readFileSync(join(distDir, scene.tilesets[0]!.url), 'utf8')) as { root: { transform?: number[] } }).root.transform;
    if (root) {
      const diff = Math.max(...root.map((v, i) => Math.abs(v - enu[i]!)));
      if (diff > 1e-3) console.warn(`[settle] ${zone}: ENU frame and tileset root transform differ by ${diff}`);
    }
    const close = scene.viewpoints.filter((vp) => vp.id !== scene.defaultViewpoint).slice(0, Math.max(0, closeViews));
    const def = scene.viewpoints.find((vp) => vp.id === scene.defaultViewpoint)!;
    for (const vp of [def, ...close]) {
      const pose = sanitizePose({ position: vp.position, target: vp.target });
      if (!pose) throw new Error(`${zone}/${vp.id}: bad pose`);
      specs.push({ zone, view: vp.id, pose: pose as ViewSpec['pose'], tilesetUrls: scene.tilesets.map((t) => t.url), enu });
    }
  }

  const raw: RunResult[] = [];
  const profiles: Record<string, unknown> = {};
  const errors: { zone: string; view: string; what: string; error: string }[] = [];
  const log = (r: RunResult) =>
    console.log(`${r.zone}/${r.view} ${r.side}: settled ${round(r.settledMs, 0)} ms in ${r.loadFrames} frames (last tile ${round(r.lastTileResponseEndMs, 0)}), loaded ${r.tilesLoaded}, visible ${r.tilesVisible}, glb ${r.glbRequests}, cpu p50 ${round(median(r.frameCpu))} ms`);
  try {
    for (const v of specs) {
      let css: [number, number] = [VIEWPORT.width, VIEWPORT.height];
      const attempt = async (what: string, f: () => Promise<{ r: RunResult }>) => {
        try {
          const { r } = await f();
          raw.push(r); log(r);
          return r;
        } catch (e) {
          const msg = (e as Error).message.split('\n')[0]!;
          errors.push({ zone: v.zone, view: v.view, what, error: msg });
          console.warn(`${v.zone}/${v.view} ${what}: FAILED ${msg}`);
          return null;
        }
      };
      for (let i = 0; i < runs; i++) {
        const a = await attempt('ours', () => runOurs(browser, base, v, false));
        if (a) css = a.canvas.css;
        if (compareBase) await attempt('compare', () => runOurs(browser, compareBase, v, false, false, true));
        await attempt('cesium', () => runCesium(browser, base, v, css));
      }
      if (!flag('no-feed-off')) await attempt('ours-feed-off', () => runOurs(browser, base, v, true));
      if (!flag('no-profile') && v.view === specs.find((s) => s.zone === v.zone)!.view) try {
        const dirs = [{ prefix: '/__bench/', dir: benchDir }, { prefix: '/', dir: distDir }];
        const po = await runOurs(browser, base, v, false, true);
        const pc = await runCesium(browser, base, v, css, true);
        // The raw profiles too, to open in DevTools' Performance panel.
        mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
        for (const [side, pr] of [['ours', po], ['cesium', pc]] as const)
          writeFileSync(resolve(ROOT, `bench/results/settle-vs-cesium-${v.zone}-${profilePhase}-${side}.cpuprofile`), JSON.stringify(pr.cpuProfile));
        profiles[v.zone] = {
          view: v.view, phase: profilePhase,
          frameCpuP50: { ours: round(median(po.r.frameCpu)), cesium: round(median(pc.r.frameCpu)) },
          ours: { settledMs: round(po.r.settledMs), ...profileBreakdown(po.cpuProfile as CpuProfile, base, dirs), net: po.r.net },
          cesium: { settledMs: round(pc.r.settledMs), ...profileBreakdown(pc.cpuProfile as CpuProfile, base, dirs), net: pc.r.net },
        };
        console.log(`[profile] ${v.zone}: ours`, JSON.stringify(profiles[v.zone]).slice(0, 400));
      } catch (e) {
        errors.push({ zone: v.zone, view: v.view, what: 'profile', error: (e as Error).message.split('\n')[0]! });
      }
      writeReport(specs, raw, profiles, errors, distDir, true);
    }
  } finally {
    await browser.close();
    server.close();
    compareServer?.close();
  }
  writeReport(specs, raw, profiles, errors, distDir);
}

function writeReport(specs: ViewSpec[], raw: RunResult[], profiles: Record<string, unknown>, errors: unknown[], distDir: string, quiet = false): void {
  const summary: Record<string, unknown>[] = [];
  const ratios: Record<string, unknown>[] = [];
  for (const v of specs) {
    const pick = (side: string) => raw.filter((r) => r.zone === v.zone && r.view === v.view && r.side === side);
    const row = (rs: RunResult[]) => ({
      settledMs: round(median(rs.map((r) => r.settledMs)), 0),
      loadFrames: median(rs.map((r) => r.loadFrames)),
      lastTileMs: round(median(rs.map((r) => r.lastTileResponseEndMs)), 0),
      firstGlbMs: round(median(rs.map((r) => r.net.firstGlbRequestMs)), 0),
      loaded: median(rs.map((r) => r.tilesLoaded)),
      visible: median(rs.map((r) => r.tilesVisible)),
      glb: median(rs.map((r) => r.glbRequests)),
      tileKB: round(median(rs.map((r) => r.tileBytes)) / 1024, 0),
      cpuP50: round(median(rs.map((r) => median(r.frameCpu)))),
      cpuP95: round(median(rs.map((r) => percentile(r.frameCpu, 95)))),
      rafP50: round(median(rs.map((r) => median(r.rafMs)))),
      rafOver16_7: round(median(rs.map((r) => shareOver(r.rafMs, 16.7)))),
    });
    const o = pick('ours'), c = pick('cesium'), off = pick('ours-feed-off'), cmp = pick('compare');
    if (!o.length && !c.length) continue;
    const ro = row(o), rc = row(c);
    summary.push({ zone: v.zone, view: v.view, side: 'ours', ...ro });
    summary.push({ zone: v.zone, view: v.view, side: 'cesium', ...rc });
    if (off.length) summary.push({ zone: v.zone, view: v.view, side: 'ours feed off', ...row(off) });
    const rcmp = cmp.length ? row(cmp) : null;
    if (rcmp) summary.push({ zone: v.zone, view: v.view, side: 'compare', ...rcmp });
    // Same tiles? Compare the glb files fetched (first run of each side).
    const so = new Set(o[0]?.glbFiles ?? []), sc = new Set(c[0]?.glbFiles ?? []);
    const both = [...so].filter((f) => sc.has(f)).length;
    ratios.push({
      zone: v.zone, view: v.view,
      settledOursOverCesium: round(ro.settledMs / rc.settledMs), target: '<= 0.5',
      lastTileOursOverCesium: round(ro.lastTileMs / rc.lastTileMs),
      cpuP50OursOverCesium: round(ro.cpuP50 / rc.cpuP50), cpuP95OursOverCesium: round(ro.cpuP95 / rc.cpuP95),
      glbSameFiles: both, glbOnlyOurs: so.size - both, glbOnlyCesium: sc.size - both,
      feedShareOfSettle: off.length ? round(1 - row(off).settledMs / ro.settledMs) : null,
      ...(rcmp ? { settledCompareOverCesium: round(rcmp.settledMs / rc.settledMs), settledOursOverCompare: round(ro.settledMs / rcmp.settledMs) } : {}),
    });
  }
  if (!quiet) console.table(summary);
  if (!quiet) console.table(ratios);
  if (!quiet) for (const [z, p] of Object.entries(profiles)) {
    const pp = p as { ours: { selfMs: Record<string, number> }; cesium: { selfMs: Record<string, number> } };
    console.log(`[profile] ${z} ours (self ms):`, pp.ours.selfMs);
    console.log(`[profile] ${z} cesium (self ms):`, pp.cesium.selfMs);
    console.log(`[profile] ${z} ours (top functions, self ms):`, (pp.ours as { topFunctionsMs?: unknown }).topFunctionsMs);
    console.log(`[profile] ${z} cesium (top functions, self ms):`, (pp.cesium as { topFunctionsMs?: unknown }).topFunctionsMs);
  }
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  const out = resolve(ROOT, 'bench/results/settle-vs-cesium.json');
  writeFileSync(out, JSON.stringify({
    runs, zones, holdMs, orbitMs, orbitDeg: ORBIT_DEG, viewport: VIEWPORT, dist: distDir, compare: compareArg || null,
    settledRule: {
      ours: 'window.__shentwin (test=1): ready, zone current, every tileset root resolved, tiles.settled (no queued/downloading/parsing tile, renderer not loading, ≥2 traversals since root); published at 4 Hz, polled at 20 ms; time = last unsettled→settled transition held ' + holdMs + ' ms',
      cesium: 'every Cesium3DTileset.tilesLoaded with 0 pending requests and 0 tiles processing, checked in scene.postRender; same transition/hold rule',
    },
    summary, ratios, profiles, errors, raw,
  }, null, 1));
  if (!quiet) console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
