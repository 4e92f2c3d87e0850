/**
 * Fault matrix row 5: every tile of the zone answers only after seconds while the camera flies
 * from viewpoint to viewpoint (the chips of the viewpoint bar, as a user flies). Checked:
 * - requests in flight never exceed the app's per-server cap (ZoneTileResources'
 *   MAX_DOWNLOADS_PER_ORIGIN, imported), counted where the requests arrive (started minus
 *   answered or aborted) and in the renderer's own counters; and the cap is really reached;
 * - tiles the view stopped wanting are cancelled: queued ones are never requested (the
 *   renderer drops unused tiles that have not started, `removeUnusedPendingTiles`), and any
 *   request the page abandons is seen failing with net::ERR_ABORTED. Back at the overview, which
 *   needs only the root tiles, not one tile is requested once the camera rests there, although
 *   the hook still showed many queued when the flight began;
 * - the first picture does not wait for the slow tiles: it shows at its deadline;
 * - the view settles after the flight.
 */
import type { Request, Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DOWNLOADS_PER_ORIGIN } from '../../src/views/three/ZoneTileResources';
import { savePageScreenshot } from '../support/browser-artifacts';
import { FAULT_ZONE, readDistBuffer, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { clickViewpoint, waitAtViewpoint, zoneViewpoints, type Viewpoint } from '../support/fault-tiles';

afterAll(closeBrowser);

/** Seconds per tile: longer than a flight, so the queue is still full when the next one starts. */
const TILE_DELAY_MS = 4000;
const LANG = 'en';

const viewpoints = zoneViewpoints(FAULT_ZONE);
const vp = (id: string): Viewpoint => {
  const v = viewpoints.find((x) => x.id === id);
  if (!v) throw new Error(`no viewpoint ${id} in ${FAULT_ZONE}`);
  return v;
};
const overview = vp('overview');
/**
 * Two close-ups on opposite sides of the zone, each flown to while the last view's tiles are
 * still queued; then the overview. From any close-up the view wants most of the zone's leaf
 * tiles, far more than the cap, so a queue builds at each.
 */
const legs = [vp('yangpu-bridge'), vp('qinhuangdao-wharf')];
/** No live layers: nothing but tiles competes for the two cores. */
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };

const tilesDir = `/tiles/${FAULT_ZONE}/`;
const isZoneTile = (u: URL) => u.pathname.includes(tilesDir) && u.pathname.endsWith('.glb');

interface Traffic {
  started: number;
  answered: number;
  aborted: number;
  abortedUrls: string[];
  peak: number;
  /** Start time (Date.now()) of every request. */
  startsAt: number[];
  inFlight: Set<Request>;
}

function slowTiles(t: Traffic) {
  return async (route: Route) => {
    const req = route.request();
    t.inFlight.add(req);
    t.started++;
    t.startsAt.push(Date.now());
    t.peak = Math.max(t.peak, t.inFlight.size);
    await new Promise((r) => setTimeout(r, TILE_DELAY_MS));
    // Abandoned by the page meanwhile (requestfailed already counted it): nothing to answer.
    if (!t.inFlight.delete(req)) return;
    const path = new URL(req.url()).pathname.replace(/^\//, '');
    try {
      await route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: readDistBuffer(path) });
      t.answered++;
    } catch {
      // The page went away between the check and the answer: an abort all the same.
      t.aborted++;
      t.abortedUrls.push(path);
    }
  };
}

interface PageCounts {
  inFlight: number;
  downloading: number;
  parsing: number;
  queued: number;
}

const pageCounts = (page: import('playwright-core').Page): Promise<PageCounts> =>
  page.evaluate(() => {
    const h = window.__shentwin!;
    const r = (h.render ?? {}) as Record<string, number>;
    const downloading = r.tilesDownloading ?? 0;
    const parsing = r.tilesParsing ?? 0;
    return { inFlight: h.tiles.inFlight, downloading, parsing, queued: Math.max(0, h.tiles.inFlight - downloading - parsing) };
  });

describe(`fault: slow tiles in ${FAULT_ZONE} while the camera flies`, () => {
  it('caps requests in flight, never fetches tiles the view no longer needs, and settles', async () => {
    const t: Traffic = { started: 0, answered: 0, aborted: 0, abortedUrls: [], peak: 0, startsAt: [], inFlight: new Set() };
    let rendererPeak = 0;
    const app = await openApp(
      { zone: FAULT_ZONE, lang: LANG, ...DEAD_FEED },
      {
        prepare: async (page) => {
          await page.route(isZoneTile, slowTiles(t));
          page.on('requestfailed', (req) => {
            if (!t.inFlight.delete(req)) return;
            t.aborted++;
            t.abortedUrls.push(`${new URL(req.url()).pathname} (${req.failure()?.errorText ?? '?'})`);
          });
        },
      },
    );
    const { page } = app;
    // The renderer's own count of downloads, sampled in the page while everything happens.
    const sampler = setInterval(() => {
      void pageCounts(page).then((c) => { rendererPeak = Math.max(rendererPeak, c.downloading); }, () => undefined);
    }, 200);
    try {
      await waitForZoneSettled(page, FAULT_ZONE);
      // The first picture did not wait the seconds the tiles took: it showed at its deadline.
      const first = await page.evaluate(() => window.__shentwin!.firstPicture);
      expect(first.reason).toBe('timeout');
      expect(first.heldMs).toBeLessThan(TILE_DELAY_MS);
      await waitAtViewpoint(page, overview, 30_000);

      // Close-up to close-up: each flight starts as soon as the camera is there and the view
      // has asked for more tiles than the cap lets run, i.e. with tiles still queued.
      const log: string[] = [];
      for (const leg of legs) {
        await clickViewpoint(page, leg, LANG);
        await waitAtViewpoint(page, leg, 60_000);
        await waitForHook(page, (h, cap) => h.tiles.inFlight > cap, 60_000, MAX_DOWNLOADS_PER_ORIGIN);
        const c = await pageCounts(page);
        log.push(`${leg.id}: inFlight ${c.inFlight}, downloading ${c.downloading}, queued ${c.queued}, requests so far ${t.started}`);
      }

      // Back to the overview, which needs the root tiles only (loaded at the start).
      // Taken before the counts, so a request that starts meanwhile counts against the claim.
      const leftAt = Date.now();
      const startedBeforeLeave = t.startsAt.filter((s) => s < leftAt).length;
      const beforeLeave = await pageCounts(page);
      await clickViewpoint(page, overview, LANG);
      await waitAtViewpoint(page, overview, 60_000);
      const restAt = Date.now();
      const settled = await waitForZoneSettled(page, FAULT_ZONE);
      const startedAfterLeave = t.startsAt.filter((s) => s >= leftAt).length;
      const startedAfterRest = t.startsAt.filter((s) => s > restAt).length;
      const neverRequested = Math.max(0, beforeLeave.queued - startedAfterLeave);
      console.log(
        `faults-slow-tiles: ${log.join('; ')}; on leaving: ${JSON.stringify(beforeLeave)}; requests: ${t.started} started, ` +
          `${t.answered} answered, ${t.aborted} aborted ${JSON.stringify(t.abortedUrls)}; started after leaving ${startedAfterLeave}, ` +
          `after rest ${startedAfterRest}; queued tiles never requested ≥ ${neverRequested}; peak in flight ${t.peak} (route), ` +
          `${rendererPeak} (renderer), cap ${MAX_DOWNLOADS_PER_ORIGIN}`,
      );

      // Capped: never more than the cap at once, and the cap was reached (the limit was exercised).
      expect(t.peak, 'tile requests in flight at once (seen by the server side)').toBeLessThanOrEqual(MAX_DOWNLOADS_PER_ORIGIN);
      expect(rendererPeak, 'downloads the renderer had running at once').toBeLessThanOrEqual(MAX_DOWNLOADS_PER_ORIGIN);
      expect(t.peak, 'the view wanted more tiles than the cap allows at once').toBe(MAX_DOWNLOADS_PER_ORIGIN);

      // Stale work cancelled: when the last flight began there was a queue beyond the cap, and
      // the overview needs none of it, so none of it may be fetched once the camera is there.
      expect(beforeLeave.queued, 'tiles queued when the flight to the overview began').toBeGreaterThan(0);
      expect(startedAfterRest, 'tile requests started after the camera came to rest at the overview').toBe(0);
      expect(neverRequested + t.aborted, 'tiles no longer needed that were never fetched or were aborted').toBeGreaterThan(0);
      expect(startedBeforeLeave + startedAfterLeave).toBe(t.started);

      // Settled, with nothing failed and nothing left pending.
      expect(settled.tiles.settled).toBe(true);
      expect(settled.tiles.failed).toBe(0);
      expect(settled.errorCounts.tile).toBe(0);
      expect(t.inFlight.size, 'requests still unanswered after settling').toBe(0);
      await savePageScreenshot(page, 'fault-slow-tiles.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      clearInterval(sampler);
      await app.close();
    }
  }, 300_000);
});
