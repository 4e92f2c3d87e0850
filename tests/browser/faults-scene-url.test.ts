/**
 * Bad input that is not tiles: a scene file with an invalid value, and bad URL parameters. The
 * user is told which file, where and why (or which parameter and why), and the app keeps working:
 * the other zones open, and a bad parameter falls back to a sensible default.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { isFile, readDistJson, readScene, shownErrors, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

const BROKEN_FILE = 'scenes/yangpu.json';
const BROKEN_PATH = 'viewpoints[1].position[2]';

function brokenScene(): string {
  const scene = readDistJson<{ viewpoints: { position: unknown[] }[] }>(BROKEN_FILE);
  const vp = scene.viewpoints[1];
  if (!vp) throw new Error(`${BROKEN_FILE} has fewer than two viewpoints`);
  vp.position[2] = 'high';
  return JSON.stringify(scene);
}

describe('fault: bad scene file and bad URL parameters', () => {
  it('a scene with an invalid value: file, path and reason shown; other zones still work', async () => {
    const body = brokenScene();
    const app = await openApp(
      {},
      { prepare: (p) => p.route((u) => isFile(u, BROKEN_FILE), (r) => r.fulfill({ status: 200, contentType: 'application/json', body })) },
    );
    const { page } = app;
    try {
      const snap = await waitForHook(page, (h) => h.ready && h.zones.length > 0, 60_000);
      expect(snap.zones.find((z) => z.id === 'yangpu')?.ok).toBe(false);
      expect(snap.errorCounts.scene).toBeGreaterThanOrEqual(1);
      // The landing screen's card for the broken zone says file · path · reason.
      const card = page.locator('.st-zone-card--broken[data-zone="yangpu"]');
      await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
      const text = await card.innerText();
      expect(text).toContain(BROKEN_FILE);
      expect(text).toContain(BROKEN_PATH);
      expect(text).toMatch(/number/i);
      await savePageScreenshot(page, 'fault-scene-broken.png');

      // Another zone opens from the landing screen and loads normally.
      await page.locator('button.st-zone-card[data-zone="jiading"]').click();
      const after = await waitForZoneSettled(page, 'jiading');
      expect(after.tiles.failed).toBe(0);
      // Inside the zone, the broken one is still reported and cannot be chosen.
      expect((await shownErrors(page, 'scene')).some((t) => t.includes(BROKEN_FILE) && t.includes(BROKEN_PATH))).toBe(true);
      expect(await page.locator('.st-zone-switcher option[value="yangpu"]').isDisabled()).toBe(true);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('?zone=nope: a clear message, and a real zone can still be opened', async () => {
    const app = await openApp({ zone: 'nope' });
    const { page } = app;
    try {
      const snap = await waitForHook(page, (h) => h.ready && h.errorCounts.url > 0, 60_000);
      expect(snap.zoneId).toBeNull();
      expect(snap.errors.some((e) => e.category === 'url' && e.source === 'zone' && e.message.includes('nope'))).toBe(true);
      await expect.poll(() => page.getByText('nope', { exact: false }).first().isVisible(), { timeout: 10_000 }).toBe(true);
      await savePageScreenshot(page, 'fault-url-zone-nope.png');
      await page.locator('button.st-zone-card[data-zone="westbund"]').click();
      await waitForZoneSettled(page, 'westbund');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('cam=NaN,…: a clear message, and the zone opens at its default viewpoint', async () => {
    const app = await openApp({ zone: 'jiading', cam: 'NaN,1,2,3,4,5' });
    const { page } = app;
    try {
      const snap = await waitForZoneSettled(page, 'jiading');
      expect(snap.errors.some((e) => e.category === 'url' && e.source === 'cam')).toBe(true);
      const scene = readScene('jiading');
      const home = scene.viewpoints.find((v) => v.id === scene.defaultViewpoint);
      const pose = snap.cameraPose;
      expect(pose && home).toBeTruthy();
      if (pose && home) {
        for (let i = 0; i < 3; i++) expect(Math.abs((pose.position[i] ?? NaN) - (home.position[i] ?? NaN))).toBeLessThan(2);
      }
      await expect.poll(async () => (await shownErrors(page, 'url')).some((t) => t.includes('cam')), { timeout: 10_000 }).toBe(true);
      await savePageScreenshot(page, 'fault-url-cam-nan.png');
      expect(snap.tiles.failed).toBe(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
