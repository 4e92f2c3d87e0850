/**
 * The synthetic city-scale zone is optional: `npm run build` leaves it out, and the app then does
 * not offer it. Built (here: a 3 km square of it with the shipped rules, `--city-size 3000`, into
 * dist/tiles/, removed again afterwards), it appears in the zone list, opens from a link, settles
 * within the overview draw-call bound of the performance issue (≤ 150), runs the built-in
 * simulator on its street grid, and says in both languages that it is generated. The full
 * 250,000-building city is measured by `npm run bench` (city-scale), not here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

const ZONE = 'synthetic-city';
const ROOT = resolve(DIST_DIR, '..');
const ZONE_DIR = resolve(DIST_DIR, 'tiles', ZONE);
/** The performance issue's bound for the city's overview. */
const MAX_OVERVIEW_DRAW_CALLS = 150;

let builtHere = false;

describe('the optional synthetic city', () => {
  it('is not offered while its tiles are not built', async () => {
    if (existsSync(ZONE_DIR)) return; // a developer's full build is in dist/: nothing to check
    const app = await openApp({});
    try {
      const h = await waitForHook(app.page, (s) => s.ready && s.zones.length > 0, 60_000);
      expect(h.zones.map((z) => z.id)).toEqual(['jiading', 'westbund', 'yangpu']);
      expect(h.errorCounts.scene).toBe(0);
    } finally {
      await app.close();
    }
  });

  describe('once built', () => {
    beforeAll(() => {
      if (existsSync(ZONE_DIR)) return;
      execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/tiler/cli.ts', '--zone', ZONE, '--city-size', '3000', '--out', resolve(DIST_DIR, 'tiles')], { cwd: ROOT, stdio: 'pipe' });
      builtHere = true;
    }, 180_000);
    afterAll(async () => {
      await closeBrowser();
      if (builtHere) rmSync(ZONE_DIR, { recursive: true, force: true });
    });

    it('opens from a link, settles within the draw-call bound and runs live traffic on its streets', async () => {
      const app = await openApp({ zone: ZONE, lang: 'en' });
      const { page } = app;
      try {
        const snap = await waitForZoneSettled(page, ZONE);
        expect(snap.zones.map((z) => z.id)).toContain(ZONE);
        expect(snap.tiles.failed).toBe(0);
        expect(snap.errorCounts).toEqual({ scene: 0, tileset: 0, tile: 0, feed: 0, url: 0, webgl: 0, import: 0, runtime: 0 });
        expect(snap.render.drawCalls).toBeGreaterThan(0);
        expect(snap.render.drawCalls).toBeLessThanOrEqual(MAX_OVERVIEW_DRAW_CALLS);
        const live = await waitForHook(page, (h) => h.feed.counts.vehicles > 50, 90_000);
        expect(live.feed.dropsTotal).toBe(0);
        await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toMatch(/Synthetic city/);
        // The map-corner attribution is the scene's own: generated, and no OpenStreetMap credit.
        const credits = await page.locator('.st-attribution').innerText();
        expect(credits).toMatch(/procedurally generated/);
        expect(credits).not.toMatch(/OpenStreetMap/);
        expect(app.pageErrors).toEqual([]);
        expect(app.consoleErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });

    it('names itself as generated in Chinese', async () => {
      const app = await openApp({ zone: ZONE, lang: 'zh' });
      try {
        await waitForZoneSettled(app.page, ZONE);
        await expect.poll(() => app.page.locator('body').innerText(), { timeout: 10_000 }).toMatch(/示意城市/);
        expect(await app.page.locator('.st-attribution').innerText()).toMatch(/程序生成/);
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
});
