/**
 * The globe engine takes over the three.js camera pose and picks buildings from the same tile
 * metadata: switching engines with the top-bar toggle keeps the view, and clicking the Shanghai
 * Auto Museum in CesiumJS selects it with the name and height its tiles carry.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { autoMuseum, closeUpCam, readScene, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, projectEnu, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

describe('globe view picking', () => {
  it('keeps the camera pose across the engine switch and picks the Auto Museum', async () => {
    const museum = autoMuseum();
    const app = await openApp({ zone: 'jiading', cam: closeUpCam(museum) });
    const { page } = app;
    try {
      const three = await waitForZoneSettled(page, 'jiading');
      const p = await projectEnu(page, museum.x, museum.y, museum.topM / 2);
      expect(p.visible).toBe(true);

      await page.locator('.st-segmented__btn', { hasText: '地球' }).click();
      const n = readScene('jiading').tilesets.length;
      const globe = await waitForHook(
        page,
        (h, count) => h.ready && h.engine === 'globe' && !!h.globe && h.globe.tilesetsReady === count && h.globe.allTilesLoaded,
        150_000,
        n,
      );
      expect(globe.globe?.tilesFailed).toBe(0);
      // The globe publishes its own resting pose: the same place, to well under a metre.
      const before = three.cameraPose, after = globe.cameraPose;
      expect(before && after).toBeTruthy();
      if (before && after) {
        for (let i = 0; i < 3; i++) expect(Math.abs((after.position[i] ?? NaN) - (before.position[i] ?? NaN))).toBeLessThan(0.5);
      }
      await savePageScreenshot(page, 'globe-pick-before.png');

      await page.mouse.click(p.x, p.y);
      const snap = await waitForHook(page, (h, id) => h.selected?.id === id, 30_000, museum.id);
      await savePageScreenshot(page, 'globe-pick-auto-museum.png');
      expect(snap.selected?.properties.name).toBe(museum.name);
      expect(Number(snap.selected?.properties.heightM)).toBeCloseTo(museum.heightM, 1);
      expect(snap.selected?.properties).toHaveProperty('cimLevel');
      // The pick point is on the building: within its reach of the index centroid and below its top.
      const [e, nn, u] = snap.selected?.point ?? [NaN, NaN, NaN];
      expect(Math.hypot(e - museum.x, nn - museum.y)).toBeLessThan(Math.max(150, museum.heightM * 3));
      expect(u).toBeLessThanOrEqual(museum.topM + 1);
      const panel = page.locator('aside.st-attr');
      await expect.poll(() => panel.isVisible(), { timeout: 10_000 }).toBe(true);
      expect((await panel.locator('h2').innerText()).trim()).toBe(museum.name);
      expect(app.pageErrors).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
