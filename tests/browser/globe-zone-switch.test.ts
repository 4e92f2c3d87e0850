/**
 * The globe keeps one Cesium widget and swaps zones inside it: switching with the top-bar
 * switcher loads the new zone's tilesets, drops the old ones (the primitive count does not grow),
 * and never reloads the page. Leaving the globe for the three.js view destroys the widget.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { plantReloadMarker, readReloadMarker, readScene, waitForZoneSettled, type ZoneId } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

function globeSettled(page: Parameters<typeof waitForHook>[0], zone: ZoneId) {
  return waitForHook(
    page,
    (h, a) =>
      h.ready && h.zoneId === a.zone && !!h.globe && h.globe.zoneId === a.zone &&
      h.globe.tilesetsReady === a.n && h.globe.allTilesLoaded && h.tiles.settled,
    150_000,
    { zone, n: readScene(zone).tilesets.length },
  );
}

describe('globe zone switching', () => {
  it('jiading → yangpu → jiading in one widget, then back to three.js, without reload or leftovers', async () => {
    const app = await openApp({ zone: 'jiading', engine: 'globe' });
    const { page } = app;
    try {
      await globeSettled(page, 'jiading');
      const marker = await plantReloadMarker(page);
      let loads = 0;
      page.on('load', () => loads++);
      const switcher = page.locator('.st-zone-switcher select');
      for (const zone of ['yangpu', 'jiading'] as const) {
        await switcher.selectOption(zone);
        const snap = await globeSettled(page, zone);
        expect(snap.globe?.tilesFailed).toBe(0);
        expect(snap.globe?.primitives).toBe(readScene(zone).tilesets.length);
        expect(snap.errorCounts.tile + snap.errorCounts.tileset + snap.errorCounts.webgl).toBe(0);
      }
      expect(await page.locator('.st-view canvas').count()).toBe(1);

      // Back to three.js: the Cesium widget is destroyed with its diagnostics, one canvas remains.
      await page.locator('.st-segmented__btn', { hasText: '三维' }).click();
      const three = await waitForZoneSettled(page, 'jiading');
      expect(three.engine).toBe('three');
      expect(three.globe).toBeNull();
      expect(await page.locator('.st-view canvas').count()).toBe(1);
      expect(await page.locator('.cesium-widget').count()).toBe(0);
      expect(await readReloadMarker(page)).toBe(marker);
      expect(loads).toBe(0);
      expect(app.pageErrors).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
