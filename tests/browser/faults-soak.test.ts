/**
 * Fault matrix row 13, CI-sized: an accelerated soak of the operation-centre screen.
 *
 * Setup. Screen mode in Yangpu (the smallest zone: its tiles stream fastest on SwiftShader), its
 * tour looping, the built-in simulator at 60× (TESTING.md says 10×; at 10× these few minutes
 * would cover half an hour of simulated traffic and no drill would come to anything, at 60× they
 * cover three to four simulated hours: the demand curve moves, vehicles enter and leave, signals
 * cycle hundreds of times and the alert engine opens and auto-closes alerts, which is the churn a
 * leak feeds on). A crash drill is sent to the simulator at the start of the measured window and
 * again half-way (the soak probe's worker tap, tests/soak/probe.ts), so its alarm interrupts the
 * tour (hold 10 s) and the alarm card, ticker and beacon come and go inside the window.
 *
 * Warm-up. The view streams the zone, compiles its shaders and fills its caches at the start;
 * heap measured then grows without leaking. So the warm-up steps once through every stop of the
 * tour (→, as an operator would) and waits for each to load, then lets the tour play on its own:
 * the measured window sees the tour's steady state, not the first fill.
 *
 * Measure. Every 15 s: a full GC (CDP HeapProfiler.collectGarbage) then Runtime.getHeapUsage;
 * Performance.getMetrics Nodes and JSEventListeners; renderer.info from the test hook.
 *
 * Limits, and why.
 * - Post-GC heap, less compiled code: the Theil–Sen slope over the window (median of the slopes
 *   of all sample pairs, so one transient sample cannot swing it), less the growth of V8's
 *   compiled code between heap snapshots at the window's ends (tests/soak/heapSnapshot.ts),
 *   extrapolated per hour, must stay under HEAP_SLOPE_LIMIT_MB_PER_H. Why less code: a heap
 *   snapshot diff of a clean window (2026-12-02) found 0.88 of its 1.11 MB growth in the "code"
 *   nodes (InstructionStream, deopt data) that V8 adds as functions tier up; that grows for
 *   minutes, more on a slower CI machine (where a clean run read 74 MB/h least-squares against
 *   33 locally), and it is not app data. The leak it must catch: keeping one frame of vehicles
 *   per second (an array of { id, x, y } for every vehicle drawn, what `liveVehicles` returns; a
 *   typical "keep the last frames for a trail" mistake), measured with FAULTS_SOAK_CALIBRATE=leak
 *   (below). The figures of the calibration runs and the limit's margins are in the constant's
 *   comment. This CI-sized test catches a gross per-frame leak; finer ones are the long soak's
 *   job (+1.6 MB/h over 2 hours, docs/soak.md).
 * - renderer.info geometries, textures, programs, DOM nodes and JS listeners: after warm-up the
 *   maximum must stay within baseline × 1.5 + a margin (the first sample after warm-up is the
 *   baseline): an alarm adds a card, ticker items and a beacon, and tiles of the next stop arrive
 *   before the old ones are evicted, so the counts breathe; a leak per alarm, per tile or per
 *   frame grows without bound and passes that within minutes.
 * - No page reload (a watchdog reload inside the window would hide a leak), no uncaught error.
 *
 * FAULTS_SOAK_CALIBRATE=leak runs the same test with that leak injected and asserts the opposite
 * (the slope is over the limit), so the limit is shown to catch what it claims to.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';
import { SoakProbe, type ProbeTally } from '../soak/probe';
import { linearFit, theilSenSlope } from '../soak/regression';
import type { SoakSample } from '../soak/sample';

afterAll(closeBrowser);

const ZONE = 'yangpu';
const SPEED = Number(process.env.FAULTS_SOAK_SPEED ?? 60);
const SAMPLE_MS = 15_000;
const WINDOW_SAMPLES = 10;
/**
 * Calibration, 2-core development machine, 2026-12-02 (heap Theil–Sen − code growth = adjusted):
 * clean 23.9 − 32.1 = −8.2 MB/h (least-squares heap alone 23.4); injected leak 147.3 − 34.6 =
 * 112.7 MB/h (least-squares 149.6). The code growth is the same with or without the leak, so it
 * is the engine's, not the app's. 50 MB/h leaves the leak 2.25× above the limit and the clean
 * run 58 MB/h below it (a CI clean run that read 74 MB/h least-squares failed the old 70 limit).
 */
const HEAP_SLOPE_LIMIT_MB_PER_H = 50;
const GROWTH_FACTOR = 1.5;
const MARGIN = { geometries: 40, textures: 10, programs: 8, domNodes: 250, jsListeners: 60 } as const;
const CALIBRATE_LEAK = process.env.FAULTS_SOAK_CALIBRATE === 'leak';
const MB = 2 ** 20;

/** Retains one array of every drawn vehicle's { id, x, y } per second, forever. */
const LEAK_SCRIPT = `(() => {
  var kept = []; window.__injectedLeak = kept;
  setInterval(function () { var h = window.__shentwin; var v = h && h.liveVehicles ? h.liveVehicles(100000) : null; if (v) kept.push(v); }, 1000);
})();`;

interface ScreenHook extends ShenTwinHook {
  tour: { id: string; step: number; state: string; interruptedBy: string | null } | null;
}

const tourOf = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as ScreenHook).tour)) as ScreenHook['tour']);

describe('fault 13: accelerated soak of the big screen', () => {
  it(`post-GC heap flat and GPU/DOM/listener counts bounded over a looping tour at ${SPEED}×`, async () => {
    const t0 = Date.now();
    let probe: SoakProbe | null = null;
    const tally: ProbeTally = { reloads: 0, crashes: 0, drillsSent: 0, pageErrors: 0 };
    const app = await openApp(
      { zone: ZONE, mode: 'screen', simSpeed: SPEED, hold: 10, lang: 'en' },
      {
        prepare: async (p) => {
          probe = await SoakProbe.install(p);
          if (CALIBRATE_LEAK) await p.addInitScript(LEAK_SCRIPT);
          // One 'load' per document (framenavigated would count the app's history.replaceState too).
          let loads = 0;
          p.on('load', () => {
            if (++loads > 1) tally.reloads = loads - 1;
          });
          p.on('crash', () => {
            tally.crashes++;
            console.log(`faults-soak: the renderer crashed at ${Date.now() - t0} ms`);
          });
          p.on('close', () => console.log(`faults-soak: the page closed at ${Date.now() - t0} ms`));
        },
      },
    );
    const { page } = app;
    const pr = probe as unknown as SoakProbe;
    try {
      await waitForHook(page, (h) => h.ready && h.zoneId === 'yangpu' && h.render !== null && h.feed.status === 'connected' && (h as ScreenHook).tour?.state === 'playing', 120_000);
      const openedMs = Date.now() - t0;
      // Warm-up: one alarm (its card, ticker and beacon mount and compile for the first time), then
      // every stop once, each until its tiles are in (or 20 s), then back to the tour's own pace.
      if ((await pr.drill('crash')) > 0) tally.drillsSent++;
      await waitForHook(page, (h) => (h as ScreenHook).tour?.state === 'interrupted', 20_000).catch(() => null);
      await waitForHook(page, (h) => (h as ScreenHook).tour?.state === 'playing', 30_000);
      const stops = 6;
      for (let i = 0; i < stops; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(4000);
        await waitForHook(page, (h) => h.tiles.inFlight === 0, 20_000).catch(() => null);
      }
      const warmedMs = Date.now() - t0;
      pr.markStart();
      const samples: SoakSample[] = [];
      const code: { tS: number; bytes: number | null }[] = [];
      const start = Date.now();
      for (let k = 0; k < WINDOW_SAMPLES; k++) {
        await page.waitForTimeout(Math.max(0, start + k * SAMPLE_MS - Date.now()));
        if (k === 0 || k === Math.floor(WINDOW_SAMPLES / 2)) {
          if ((await pr.drill('crash')) > 0) tally.drillsSent++;
        }
        samples.push(await pr.sample(tally, true));
        if (k === 0 || k === WINDOW_SAMPLES - 1) code.push({ tS: samples[k]!.tS, bytes: await pr.codeBytes() });
      }
      const tour = await tourOf(page);
      const ts = samples.map((s) => s.tS);
      const heap = samples.map((s) => (s.heapPostGcBytes ?? Number.NaN) / MB);
      const fit = linearFit(ts, heap);
      expect(fit, 'post-GC heap samples').not.toBeNull();
      const lsqMbPerH = fit!.slope * 3600;
      const heapMbPerH = theilSenSlope(ts, heap)! * 3600;
      const [c0, c1] = code;
      expect(c0?.bytes ?? null, 'compiled code at the window start').not.toBeNull();
      expect(c1?.bytes ?? null, 'compiled code at the window end').not.toBeNull();
      const codeMbPerH = ((c1!.bytes! - c0!.bytes!) / MB / (c1!.tS - c0!.tS)) * 3600;
      const slopeMbPerH = heapMbPerH - codeMbPerH;
      const base = samples[0]!;
      const maxOf = (k: keyof typeof MARGIN) => Math.max(...samples.map((s) => s[k] ?? 0));
      const report = {
        openedMs, warmedMs, windowS: Math.round(ts[ts.length - 1]! - ts[0]!), samples: samples.length,
        heapMb: heap.map((v) => Math.round(v * 10) / 10), slopeMbPerH: Math.round(slopeMbPerH * 10) / 10,
        heapTheilSenMbPerH: Math.round(heapMbPerH * 10) / 10, codeMbPerH: Math.round(codeMbPerH * 10) / 10,
        leastSquaresMbPerH: Math.round(lsqMbPerH * 10) / 10, r2: Math.round(fit!.r2 * 100) / 100,
        codeMb: code.map((c) => (c.bytes === null ? null : Math.round((c.bytes / MB) * 100) / 100)),
        bounds: Object.fromEntries(Object.keys(MARGIN).map((k) => [k, { base: base[k as keyof typeof MARGIN], max: maxOf(k as keyof typeof MARGIN) }])),
        frameP95Ms: samples.map((s) => Math.round(s.frameP95Ms ?? 0)), vehicles: samples.map((s) => s.vehicles), alerts: samples.map((s) => s.alerts), alarmsSeen: samples[samples.length - 1]!.alarmsSeen,
        drills: tally.drillsSent, tour, calibrateLeak: CALIBRATE_LEAK, wholeTestMs: Date.now() - t0,
      };
      console.log(`faults-soak: ${JSON.stringify(report)}`);

      if (CALIBRATE_LEAK) {
        expect(slopeMbPerH, 'the injected leak is caught by the limit').toBeGreaterThan(HEAP_SLOPE_LIMIT_MB_PER_H);
        return;
      }
      expect(slopeMbPerH, `post-GC heap slope less code (MB/h) over ${report.windowS} s: heap ${JSON.stringify(report.heapMb)}, code ${JSON.stringify(report.codeMb)}`).toBeLessThan(HEAP_SLOPE_LIMIT_MB_PER_H);
      for (const k of Object.keys(MARGIN) as (keyof typeof MARGIN)[]) {
        const b = base[k];
        expect(b, `${k} baseline`).not.toBeNull();
        expect(maxOf(k), `${k}: max after warm-up against baseline ${b}`).toBeLessThanOrEqual(b! * GROWTH_FACTOR + MARGIN[k]);
      }
      expect(tally.drillsSent, 'drills reached the simulator').toBe(3);
      expect(report.alarmsSeen, 'the crash alarms interrupted the tour').toBeGreaterThanOrEqual(2);
      expect(tally.reloads, 'page reloads during the soak').toBe(0);
      expect(tally.crashes).toBe(0);
      expect(tour?.state).not.toBe('paused');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 420_000);
});
