/**
 * The shadow map is drawn only when what casts shadows changed (src/views/three/ShadowCache.tsx):
 * a settled view with the live simulator running (vehicles do not cast) reuses it frame after
 * frame; moving the sun or switching shadows off and on draws it again, once, and the picture
 * changes. Counts come from the `shadows` diagnostics of the test hook.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { settleFrames, waitForZoneSettled, ZONE_IDS } from '../support/browser-app';
import { closeBrowser, openApp } from '../support/browser-launch';

afterAll(closeBrowser);

interface ShadowCounts {
  rendered: number;
  reused: number;
  signatureLength: number;
}

const shadows = (page: Page) => page.evaluate(() => window.__shentwin!.shadows as ShadowCounts | null);
const canvasPng = async (page: Page) => (await page.locator('.st-view canvas').first().screenshot()).toString('base64');

describe('shadow map cache', () => {
  for (const zone of ZONE_IDS) {
    it(`${zone}: reuses the shadow map while nothing casting changes, redraws it when the sun moves`, async () => {
      // One zone in Chinese: the controls are found by their label in either language.
      const lang = zone === 'jiading' ? 'zh' : 'en';
      const app = await openApp({ zone, lang, sun: '2025-12-21T10:00' });
      const { page } = app;
      try {
        await waitForZoneSettled(page, zone);
        await settleFrames(page, 4);
        const a = (await shadows(page))!;
        expect(a, 'the cache is mounted with the view').not.toBeNull();
        expect(a.rendered, 'drawn at least once').toBeGreaterThan(0);
        expect(a.signatureLength, 'lights and casters are in the signature').toBeGreaterThan(100);

        await settleFrames(page, 8);
        const b = (await shadows(page))!;
        expect(b.reused - a.reused, 'frames that reused the shadow map').toBeGreaterThanOrEqual(8);
        expect(b.rendered, 'no redraw while the camera, sun and tiles stay put').toBe(a.rendered);
        const before = await canvasPng(page);

        // The sun moves: one redraw, then reuse again.
        const timeId = await page.locator('label:has(output.st-sun__time)').getAttribute('for');
        await page.locator(`[id="${timeId}"]`).fill('900');
        await expect.poll(async () => (await shadows(page))!.rendered, { timeout: 10_000 }).toBeGreaterThan(b.rendered);
        await settleFrames(page, 4);
        const c = (await shadows(page))!;
        await settleFrames(page, 6);
        const d = (await shadows(page))!;
        expect(d.rendered, 'settled again after the sun moved').toBe(c.rendered);
        expect(d.reused).toBeGreaterThan(c.reused);
        expect(await canvasPng(page), 'the picture follows the sun').not.toBe(before);

        // Shadows off and on: each a change of the signature.
        const toggle = page.getByRole('checkbox', { name: lang === 'zh' ? '显示阴影' : 'Show shadows', exact: true });
        await toggle.uncheck();
        await expect.poll(async () => (await shadows(page))!.rendered, { timeout: 10_000 }).toBeGreaterThan(d.rendered);
        const e = (await shadows(page))!;
        await toggle.check();
        await expect.poll(async () => (await shadows(page))!.rendered, { timeout: 10_000 }).toBeGreaterThan(e.rendered);
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    }, 240_000);
  }
});
