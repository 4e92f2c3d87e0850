/**
 * `npm run soak`: the long soak of an unattended screen (TESTING.md, fault case 13 at length).
 * Serves the BUILT app (dist/; run `npm run build` first: this tool builds nothing), opens it in
 * headless Chromium with the flags of the browser tests, lets the simulator run at --speed while
 * the screen's tour cycles the carousel, sends a drill to the simulator every --alarm-every-min
 * minutes, and samples every counter every --sample-s seconds. Writes, under --out:
 *   samples.csv   one row per sample (appended as it goes, so a killed run keeps its data)
 *   plot.svg      small multiples of heap, GPU objects, tile cache, DOM nodes, listeners, frame p95
 *   summary.json  options, URL, slopes per hour after warm-up, ranges, recoveries and reloads
 * and prints the summary table. Ctrl-C ends the run early and still writes everything.
 * `--report DIR` re-summarises an existing DIR/samples.csv. See docs/soak.md.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';
import { defaultOutDir, parseSoakArgs, SOAK_USAGE, SoakArgsError, soakQuery, type SoakOptions } from './args';
import { csvHeader, csvRow, parseCsv } from './csv';
import { SoakProbe, type ProbeTally } from './probe';
import type { SoakSample } from './sample';
import { formatSummary, summarise } from './summary';
import { renderPlot, soakEvents, soakPanels } from './svg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(ROOT, 'dist');
/** SwiftShader on two cores: the first zone can take minutes to stream and draw. */
const READY_TIMEOUT_MS = 240_000;

class SoakError extends Error {}

function distZones(): string[] {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    throw new SoakError(`the soak serves the built app, but ${DIST}/index.html is missing: run \`npm run build\` first (this tool builds nothing).`);
  }
  const index = JSON.parse(readFileSync(resolve(DIST, 'scenes/index.json'), 'utf8')) as { zones: { id: string }[] };
  return index.zones.map((z) => z.id);
}

function writeReport(dir: string, samples: readonly SoakSample[], meta: Record<string, unknown>): string {
  const summary = summarise(samples);
  const title = `ShenTwin soak · ${String(meta.title ?? dir)} · warm-up ${summary.warmup.text}`;
  writeFileSync(join(dir, 'plot.svg'), renderPlot(soakPanels(samples), { title, warmupS: (samples[0]?.tS ?? 0) + summary.warmup.cutoffS, events: soakEvents(samples) }));
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ...meta, summary }, null, 1) + '\n');
  return formatSummary(summary);
}

function report(dir: string): void {
  const csv = join(dir, 'samples.csv');
  if (!existsSync(csv)) throw new SoakError(`--report: ${csv} does not exist`);
  const samples = parseCsv(readFileSync(csv, 'utf8'));
  const old = existsSync(join(dir, 'summary.json')) ? (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>) : {};
  delete old.summary;
  console.log(writeReport(dir, samples, { ...old, reportedAt: new Date().toISOString() }));
  console.log(`wrote ${join(dir, 'plot.svg')} and ${join(dir, 'summary.json')}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a snapshot of dist/: a rebuild during a run of hours (others build in the same tree)
 * must not swap the app and its hashed chunks under the page.
 */
async function serveSnapshot(o: SoakOptions, zones: readonly string[]): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'shentwin-soak-dist-'));
  try {
    await cp(DIST, dir, { recursive: true });
    const server = await preview({
      configFile: false, root: ROOT, logLevel: 'warn', build: { outDir: dir },
      preview: { host: '127.0.0.1', port: o.port, strictPort: o.port !== 0, open: false },
    });
    const address = server.httpServer.address() as AddressInfo | null;
    if (!address || typeof address === 'string') {
      await server.close();
      throw new SoakError('the static server did not report a TCP address');
    }
    return {
      url: `http://127.0.0.1:${address.port}/?${soakQuery(o, zones).toString()}`,
      close: async () => {
        await server.close().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

async function run(o: SoakOptions): Promise<void> {
  const zones = distZones();
  if (!zones.includes(o.zone)) throw new SoakError(`--zone ${o.zone}: dist/scenes/index.json has ${zones.join(', ')}`);
  for (const z of o.carousel ?? []) if (!zones.includes(z)) throw new SoakError(`--carousel: unknown zone "${z}" (dist has ${zones.join(', ')})`);
  execFileSync(process.execPath, [resolve(ROOT, 'tests/support/ensure-chromium.mjs')], { stdio: 'inherit' });

  const startedAt = new Date();
  const out = resolve(ROOT, o.out ?? defaultOutDir(startedAt));
  mkdirSync(out, { recursive: true });
  const csvPath = join(out, 'samples.csv');
  writeFileSync(csvPath, csvHeader() + '\n');

  const samples: SoakSample[] = [];
  const tally: ProbeTally = { reloads: 0, crashes: 0, drillsSent: 0, pageErrors: 0 };
  const firstErrors: string[] = [];
  const drillLog: { tS: number; name: string; workers: number }[] = [];
  const reloadLog: { at: string; lastErrors: string[] }[] = [];
  const meta: Record<string, unknown> = { title: `${o.mode} ${o.zone} ${o.speed}×`, options: o, startedAt: startedAt.toISOString(), flags: CHROMIUM_FLAGS };
  let stop = false;
  const onSignal = () => {
    if (stop) process.exit(130);
    console.log('\nsoak: stopping early (Ctrl-C again to quit without the report)…');
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let served: Served | null = null;
  let context: BrowserContext | null = null;
  const profile = await mkdtemp(join(tmpdir(), 'shentwin-soak-'));
  try {
    served = await serveSnapshot(o, zones);
    const url = served.url;
    meta.url = url;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS], viewport: o.viewport, deviceScaleFactor: 1,
    });
    meta.chromium = context.browser()?.version() ?? null;
    const page: Page = context.pages()[0] ?? (await context.newPage());
    const probe = await SoakProbe.install(page);
    // 'load' fires once per document; framenavigated would also count the app's history.replaceState.
    let loads = 0;
    page.on('load', () => {
      if (++loads < 2) return;
      tally.reloads = loads - 1;
      const at = new Date().toISOString();
      reloadLog.push({ at, lastErrors: probe.lastErrors });
      console.log(`soak: page reload #${tally.reloads} at ${at}; the app's last errors before it: ${JSON.stringify(probe.lastErrors)}`);
    });
    page.on('crash', () => {
      tally.crashes++;
      console.log(`soak: renderer crash #${tally.crashes}; reloading`);
      void page.reload().catch((e: unknown) => console.log(`soak: reload after the crash failed: ${(e as Error).message}`));
    });
    page.on('pageerror', (e) => {
      tally.pageErrors++;
      if (firstErrors.length < 20) firstErrors.push(`${e.name}: ${e.message}`);
    });

    console.log(`soak: ${url}\nsoak: writing ${out}`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __shentwin?: { ready: boolean } }).__shentwin?.ready === true, null, { timeout: READY_TIMEOUT_MS, polling: 500 });
    probe.markStart();
    const t0 = Date.now();
    const end = t0 + o.durationS * 1000;
    const drillEveryMs = o.alarmEveryMin * 60_000;
    let nextDrillAt = drillEveryMs > 0 ? t0 + drillEveryMs : Infinity;
    let drillIndex = 0;
    let lastPrint = 0;
    for (let k = 0; !stop; k++) {
      const due = t0 + k * o.sampleS * 1000;
      if (due > end) break;
      await sleep(due - Date.now());
      if (stop) break;
      if (Date.now() >= nextDrillAt) {
        const name = o.drills[drillIndex % o.drills.length]!;
        const workers = await probe.drill(name);
        // Between two zones of the carousel there is no simulator for a moment: try at the next sample.
        if (workers > 0) {
          tally.drillsSent++;
          drillIndex++;
          nextDrillAt += drillEveryMs;
          drillLog.push({ tS: (Date.now() - t0) / 1000, name, workers });
        }
      }
      const s = await probe.sample(tally, k % o.gcEvery === 0);
      samples.push(s);
      appendFileSync(csvPath, csvRow(s) + '\n');
      if (Date.now() - lastPrint >= 60_000 || k === 0) {
        lastPrint = Date.now();
        const mb = (v: number | null) => (v === null ? '–' : (v / 2 ** 20).toFixed(1));
        console.log(
          `soak ${(s.tS / 60).toFixed(1)}/${(o.durationS / 60).toFixed(0)} min · ${s.zone || '?'} ${s.tourState}#${s.tourStep ?? '–'} · heap ${mb(s.heapPostGcBytes)} MB post-GC · ` +
            `geo/tex/prog ${s.geometries ?? '–'}/${s.textures ?? '–'}/${s.programs ?? '–'} · cache ${mb(s.tileCacheBytes)} MB · nodes ${s.domNodes ?? '–'} · ` +
            `listeners ${s.jsListeners ?? '–'} · frame p95 ${s.frameP95Ms?.toFixed(0) ?? '–'} ms · feed ${s.feedStatus} · drills ${s.drillsSent} alarms ${s.alarmsSeen} reloads ${s.reloads}`,
        );
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await context?.close().catch(() => undefined);
    await served?.close();
    await rm(profile, { recursive: true, force: true });
  }
  meta.endedAt = new Date().toISOString();
  meta.drills = drillLog;
  meta.reloads = reloadLog;
  meta.firstPageErrors = firstErrors;
  console.log(writeReport(out, samples, meta));
  console.log(`soak: wrote ${csvPath}, ${join(out, 'plot.svg')}, ${join(out, 'summary.json')}`);
}

async function main(): Promise<void> {
  let o: SoakOptions;
  try {
    o = parseSoakArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof SoakArgsError) {
      console.error(`soak: ${e.message}\n\n${SOAK_USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (o.help) {
    console.log(SOAK_USAGE);
    return;
  }
  if (o.report !== null) report(resolve(process.cwd(), o.report));
  else await run(o);
}

main().catch((e: unknown) => {
  console.error(e instanceof SoakError ? `soak: ${e.message}` : e);
  process.exit(1);
});
