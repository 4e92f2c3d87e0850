/**
 * Issue 15 item 17: the globe had no context (a black background, zoomed out a grey disc), did
 * not show the selection, kept live-layer switches that do nothing there, hid Cesium's logo under
 * the status bar, and lost `cam` from the link once zoomed out.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { autoMuseum, closeUpCam, readScene, settleFrames, viewCanvas, type ZoneId } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { changedFraction, pixelStats } from '../support/browser-pixels';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

interface GlobeViewHook extends ShenTwinHook {
  globeView: {
    zoneId: string;
    baseLayers: { name: string; ready: boolean; failed: boolean }[];
    globeTilesLoaded: boolean;
    selectedId: string | null;
    highlightedId: string | null;
  } | null;
}

/**
 * The globe is up with the zone's tilesets and its base layers. `near`: the zone's tiles are in;
 * from thousands of km out Cesium rightly wants none of them, so the earth's imagery instead.
 */
function globeReady(page: Page, zone: ZoneId, near = true) {
  return waitForHook(
    page,
    (h, a) => {
      const g = (h as GlobeViewHook).globeView;
      return h.ready && h.engine === 'globe' && !!h.globe && h.globe.zoneId === a.zone && h.globe.tilesetsReady === a.n &&
        !!g && g.zoneId === a.zone && (a.near ? h.globe.allTilesLoaded : g.globeTilesLoaded) &&
        g.baseLayers.length > 0 && g.baseLayers.every((l) => l.ready || l.failed);
    },
    150_000,
    { zone, n: readScene(zone).tilesets.length, near },
  );
}

/**
 * The globe's canvas as pixels. A page clip, not an element screenshot: Playwright's element
 * "stable" check waits for two equal boxes in consecutive animation frames, which a 1600 px
 * SwiftShader globe can take longer than its 30 s to give.
 */
async function canvasShot(page: Page): Promise<Buffer> {
  const box = (await viewCanvas(page).boundingBox())!;
  return page.screenshot({ clip: box, timeout: 90_000 });
}

const globeView = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as GlobeViewHook).globeView)) as GlobeViewHook['globeView']);

describe('globe context', () => {
  it('draws Natural Earth, tints the selection, keeps the credits visible and hides live switches', async () => {
    const museum = autoMuseum();
    const app = await openApp({ zone: 'jiading', engine: 'globe', lang: 'en', sel: museum.id, cam: closeUpCam(museum) });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      const snap = await globeReady(page, 'jiading');
      const gv = (await globeView(page))!;
      expect(gv.baseLayers[0]).toEqual({ name: 'natural-earth-ii', ready: true, failed: false });
      expect(snap.errorCounts.tileset).toBe(0);
      expect(gv.highlightedId).toBe(museum.id);

      // The tint shows: clearing the selection (Escape) changes the museum's pixels.
      await settleFrames(page);
      const tinted = await canvasShot(page);
      await page.keyboard.press('Escape');
      // undefined (no globe view) must not pass as null.
      await expect.poll(async () => { const g = await globeView(page); return g ? g.highlightedId : 'no globe view'; }, { timeout: 10_000 }).toBeNull();
      await settleFrames(page);
      const plain = await canvasShot(page);
      expect(await changedFraction(page, tinted, plain), 'share of pixels the selection tint changes').toBeGreaterThan(0.005);

      // Cesium's logo sits in the attribution corner, on top, clear of the status bar.
      const logo = await page.evaluate(() => {
        const el = document.querySelector('.st-attribution .cesium-credit-logoContainer');
        const bar = document.querySelector('.st-statusbar')?.getBoundingClientRect();
        if (!el || !bar) return null;
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { w: r.width, h: r.height, bottom: r.bottom, barTop: bar.top, onTop: !!top && el.contains(top) };
      });
      expect(logo, 'Cesium logo in the attribution corner').not.toBeNull();
      expect(logo!.w).toBeGreaterThan(10);
      expect(logo!.bottom).toBeLessThanOrEqual(logo!.barTop);
      expect(logo!.onTop).toBe(true);

      // Live layers are not drawn on the globe: their switches are gone and the column says why.
      expect(await page.locator('.st-plan-group[data-group="live"]').isVisible()).toBe(false);
      expect(await page.getByTestId('live-globe-note').isVisible()).toBe(true);
      await savePageScreenshot(page, 'globe-context-jiading.png');
      await page.getByRole('button', { name: 'Show in the 3D view' }).click();
      await waitForHook(page, (h) => h.engine === 'three' && h.ready, 60_000);
      await expect.poll(() => page.locator('.st-plan-group[data-group="live"]').isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.getByTestId('live-globe-note').count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 420_000);

  it('shows the Earth from far out, not a grey disc, and keeps cam in the link after zooming out', async () => {
    // 3,000 km up: beyond what the link used to allow (2,000 km).
    const app = await openApp({ zone: 'westbund', engine: 'globe', cam: '0,-2000,3000000,0,0,0' });
    const { page } = app;
    try {
      await globeReady(page, 'westbund', false);
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('cam')), { timeout: 15_000 }).toMatch(/^0,-2000,3000000,/);
      await settleFrames(page);
      const shot = await canvasShot(page);
      // Natural Earth's land, sea and coast: far more variety than one flat colour on black.
      expect((await pixelStats(page, shot)).lumaStdDev).toBeGreaterThan(15);

      // Zoom out further with the wheel: the new resting pose is still in the link.
      const box = (await viewCanvas(page).boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 600);
      const far = await waitForHook(page, (h) => (h.cameraPose?.position[2] ?? 0) > 3_500_000, 30_000);
      const u = far.cameraPose!.position[2];
      await expect
        .poll(() => page.evaluate(() => Number(new URLSearchParams(location.search).get('cam')?.split(',')[2] ?? NaN)), { timeout: 15_000 })
        .toBeGreaterThan(3_500_000);
      expect(u).toBeGreaterThan(3_500_000);
      await savePageScreenshot(page, 'globe-context-far.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
