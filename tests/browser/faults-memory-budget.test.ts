/**
 * Fault matrix row 6: the smallest tile budget the link allows (`tileBudgetMB`, urlState's
 * TILE_BUDGET_MIN_MB) and a long fly-through of the largest zone, every viewpoint and back to the
 * first. Jiading's tiles come to more GPU memory than that budget, so the cache has to evict.
 *
 * How the budget is enforced (3d-tiles-renderer 0.5's LRUCache, limits from tileBudget.ts): a
 * tile is charged its GPU bytes when it has loaded; a new tile is refused while the cache is
 * full, and a tile that finishes loading into a full cache is dropped. Tiles already loading when
 * the cache fills still land, and the one that crosses the limit is kept, so the total can pass
 * the budget by up to one tile: the bound is budget + the largest tile (its GPU bytes computed
 * from the shipped glb the way the renderer charges it). Unused tiles are then evicted down to
 * TILE_BUDGET_MIN_SHARE of the budget, keeping one tile over that floor.
 *
 * That floor is why the flight starts at a close-up that fills the budget by itself (the Auto
 * Museum), and the trip loads more than the budget holds. Leaks are counted exactly, whatever
 * set of tiles a load order leaves in the cache: of the geometries on the GPU (renderer.info),
 * the hook's `heldGeometries` are those the scene or a cached tile still holds (heldGeometries.ts).
 * The gap is three's own (a background plane) and must stay what it was on the first visit at
 * every viewpoint: an evicted tile whose geometries were not disposed would widen it by 2–4.
 * The feed is a dead WebSocket, so no live layer adds GPU objects of its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TILE_BUDGET_MIN_MB } from '../../src/app/urlState';
import { savePageScreenshot } from '../support/browser-artifacts';
import { settleFrames, waitForZoneSettled, type ZoneId } from '../support/browser-app';
import { closeBrowser, openApp } from '../support/browser-launch';
import { clickViewpoint, waitAtViewpoint, zoneTileGpuSizes, zoneViewpoints } from '../support/fault-tiles';

afterAll(closeBrowser);

const ZONE: ZoneId = 'jiading';
const FIRST = 'auto-museum';
const LANG = 'en';
/** Geometries three uploads for itself, held by no scene object (measured: 1). */
const THREE_OWN_GEOMETRIES = 2;

interface Counts {
  cacheBytes: number;
  budget: number;
  loaded: number;
  geometries: number;
  heldGeometries: number;
  textures: number;
}

/** Samples in the page every 50 ms, so a peak between two frames of the test is not missed. */
async function installSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const acc = { peak: 0, reduced: false, samples: 0 };
    (window as unknown as { __budgetSampler?: typeof acc }).__budgetSampler = acc;
    setInterval(() => {
      const h = window.__shentwin;
      const r = h?.render as Record<string, number> | null | undefined;
      if (!h || !r) return;
      acc.samples++;
      const perTileset = Object.values(h.tilesets).reduce((a, t) => a + t.cachedBytes, 0);
      acc.peak = Math.max(acc.peak, r.cacheBytes ?? 0, perTileset);
      if (Object.values(h.tilesets).some((t) => t.detailReduced)) acc.reduced = true;
    }, 50);
  });
}

const sampled = (page: Page) =>
  page.evaluate(() => (window as unknown as { __budgetSampler: { peak: number; reduced: boolean; samples: number } }).__budgetSampler);

const counts = (page: Page): Promise<Counts> =>
  page.evaluate(() => {
    const h = window.__shentwin!;
    const r = h.render as Record<string, number>;
    return { cacheBytes: r.cacheBytes ?? 0, budget: r.cacheBudgetBytes ?? 0, loaded: h.tiles.loaded, geometries: r.geometries ?? 0, heldGeometries: r.heldGeometries ?? -1, textures: r.textures ?? 0 };
  });

describe(`fault: ${TILE_BUDGET_MIN_MB} MB tile budget, fly-through of ${ZONE}`, () => {
  it('keeps the cache within budget, says detail is reduced, and returns GPU counts to the first visit', async () => {
    const sizes = await zoneTileGpuSizes(ZONE);
    const largest = Math.max(...sizes.map((s) => s.bytes));
    const total = sizes.reduce((a, s) => a + s.bytes, 0);
    const vps = zoneViewpoints(ZONE);
    const first = vps.find((v) => v.id === FIRST)!;
    const trip = [...vps.filter((v) => v.id !== FIRST), first];
    const bytesOf = new Map(sizes.map((s) => [s.path, s.bytes]));
    /** Every tile the page fetched, repeats included (an evicted tile that is wanted again is fetched again). */
    const fetched: string[] = [];
    const app = await openApp(
      { zone: ZONE, vp: FIRST, lang: LANG, tileBudgetMB: TILE_BUDGET_MIN_MB, feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' },
      {
        prepare: async (p) => {
          p.on('requestfinished', (req) => {
            const path = new URL(req.url()).pathname.replace(/^\//, '');
            if (bytesOf.has(path)) fetched.push(path);
          });
        },
      },
    );
    const { page } = app;
    const log: string[] = [];
    try {
      await installSampler(page);
      await waitAtViewpoint(page, first, 60_000);
      await waitForZoneSettled(page, ZONE);
      await settleFrames(page);
      const base = await counts(page);
      log.push(`${first.id} ${JSON.stringify(base)}`);
      expect(base.budget, 'the cache limit is the budget from the link').toBe(TILE_BUDGET_MIN_MB * 2 ** 20);
      expect(total, 'the zone does not fit in the budget, so the cache must evict').toBeGreaterThan(base.budget);

      const trail: Counts[] = [];
      for (const v of trip) {
        await clickViewpoint(page, v, LANG);
        await waitAtViewpoint(page, v, 60_000);
        await waitForZoneSettled(page, ZONE);
        await settleFrames(page);
        const c = await counts(page);
        trail.push(c);
        log.push(`${v.id} ${JSON.stringify(c)}`);
      }
      const end = await counts(page);
      const acc = await sampled(page);
      const fetchedBytes = fetched.reduce((a, p) => a + (bytesOf.get(p) ?? 0), 0);
      console.log(
        `faults-memory-budget: budget ${base.budget}, largest tile ${largest}, zone ${total} bytes; ${log.join('; ')}; ` +
          `sampler ${JSON.stringify(acc)}; fetched ${fetched.length} tiles (${new Set(fetched).size} distinct), ${fetchedBytes} bytes`,
      );
      expect(fetchedBytes, 'the trip loads more than the budget holds, so evicted tiles had to be freed').toBeGreaterThan(base.budget);

      expect(acc.samples, 'the in-page sampler ran').toBeGreaterThan(100);
      expect(acc.peak, 'cached bytes at any time (budget + at most one tile)').toBeLessThanOrEqual(base.budget + largest);
      expect(acc.reduced, 'a "detail reduced" signal while the budget refused tiles').toBe(true);

      // Every geometry on the GPU is one something holds, beyond three's own few, at every stop.
      const unheld = (c: Counts) => c.geometries - c.heldGeometries;
      expect(base.heldGeometries, 'the hook counts held geometries').toBeGreaterThan(0);
      expect(unheld(base), "on the first visit, only three's own (one measured)").toBeLessThanOrEqual(THREE_OWN_GEOMETRIES);
      const gaps = [base, ...trail].map(unheld);
      expect(gaps, 'GPU geometries nothing holds, per viewpoint (a leak widens it)').toEqual(gaps.map(() => unheld(base)));
      expect(end.textures, 'GPU textures on return vs the first visit').toBeLessThanOrEqual(base.textures);
      await savePageScreenshot(page, 'fault-memory-budget.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
