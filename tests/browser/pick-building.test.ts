/**
 * Clicking a real OSM landmark opens the attribute panel with the name and height its tile
 * metadata carries, and they match the tiler's building index. The camera is placed with a
 * `cam=` link so the building fills the view, then the click goes to where the hook says the
 * building's middle is on screen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { autoMuseum, closeUpCam, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, projectEnu, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

describe('picking a building', () => {
  it('shows the Shanghai Auto Museum with its name and height from tile metadata', async () => {
    const museum = autoMuseum();
    const app = await openApp({ zone: 'jiading', cam: closeUpCam(museum) });
    const { page } = app;
    try {
      await waitForZoneSettled(page, 'jiading');
      const p = await projectEnu(page, museum.x, museum.y, museum.topM / 2);
      expect(p.visible).toBe(true);
      await page.mouse.click(p.x, p.y);
      const snap = await waitForHook(page, (h, id) => h.selected?.id === id, 30_000, museum.id);
      await savePageScreenshot(page, 'pick-auto-museum.png');

      // Selection came from the tile's metadata (the index has no status/cimLevel fields).
      expect(snap.selected?.properties.name).toBe(museum.name);
      expect(Number(snap.selected?.properties.heightM)).toBeCloseTo(museum.heightM, 1);
      expect(snap.selected?.properties).toHaveProperty('cimLevel');

      const panel = page.locator('aside.st-attr');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect((await panel.locator('h2').innerText()).trim()).toBe(museum.name);
      const heightText = `${museum.heightM.toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;
      expect(await panel.locator('dd').first().innerText()).toBe(heightText);
      expect(app.pageErrors).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
