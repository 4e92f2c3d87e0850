/**
 * CesiumJS (engine=globe) opens every zone's tilesets from the built app: the roots resolve, tiles
 * load with no failures, the globe's diagnostics say everything the view needs is in, and the
 * layer panel's switches work on the globe too (buildings, and a ground sub-layer via tile styling).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildingsTileset, layerPixelChange, readScene, settleFrames, viewCanvas, ZONE_IDS, type ZoneId } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { pixelStats } from '../support/browser-pixels';

afterAll(closeBrowser);

const MIN_LUMA_STD_DEV = 8;
const MIN_BUILDING_PIXEL_FRACTION = 0.01;
/** The Huangpu fills a good part of West Bund's overview; hiding water must show. */
const MIN_WATER_PIXEL_FRACTION = 0.01;

function globeSettled(page: Page, zone: ZoneId) {
  return waitForHook(
    page,
    (h, a) =>
      h.ready && h.zoneId === a.zone && !!h.globe && h.globe.zoneId === a.zone &&
      h.globe.tilesetsReady === a.n && h.globe.allTilesLoaded && h.tiles.settled,
    150_000,
    { zone, n: readScene(zone).tilesets.length },
  );
}

describe('globe view (CesiumJS)', () => {
  for (const zone of ZONE_IDS) {
    it(`streams ${zone}'s tilesets with no failures and draws its buildings`, async () => {
      const app = await openApp({ zone, engine: 'globe' });
      const { page } = app;
      try {
        const snap = await globeSettled(page, zone);
        expect(snap.engine).toBe('globe');
        expect(snap.globe?.tilesFailed).toBe(0);
        expect(snap.globe?.errors).toEqual([]);
        expect(snap.globe?.tilesLoaded).toBeGreaterThan(0);
        expect(snap.tiles.failed).toBe(0);
        expect(snap.errorCounts).toEqual({ scene: 0, tileset: 0, tile: 0, feed: 0, url: 0, webgl: 0, import: 0, runtime: 0 });

        await settleFrames(page);
        const shot = await viewCanvas(page).screenshot();
        expect((await pixelStats(page, shot)).lumaStdDev).toBeGreaterThan(MIN_LUMA_STD_DEV);
        const buildings = buildingsTileset(zone);
        const change = await layerPixelChange(page, buildings.id, buildings.name.zh, `globe-${zone}`);
        expect(change, 'share of pixels drawn by buildings').toBeGreaterThan(MIN_BUILDING_PIXEL_FRACTION);
        expect(app.pageErrors).toEqual([]);
        expect(app.consoleErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }

  it('hides a ground sub-layer (water) through tile styling', async () => {
    const app = await openApp({ zone: 'westbund', engine: 'globe' });
    const { page } = app;
    try {
      await globeSettled(page, 'westbund');
      const water = readScene('westbund').groundLayers.find((g) => g.id === 'water');
      expect(water).toBeDefined();
      if (!water) return;
      const change = await layerPixelChange(page, water.id, water.name.zh, 'globe-westbund-ground');
      expect(change, 'share of pixels drawn by water').toBeGreaterThan(MIN_WATER_PIXEL_FRACTION);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
