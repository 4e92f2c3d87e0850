/**
 * Every shipped zone opens from a link: its tiles stream and settle with no failures, the first
 * picture waits for the tiles and its loading note goes, the canvas shows a picture (not one flat colour), the buildings layer really draws (hiding it changes the
 * picture), and the page logs no errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_PICTURE_MAX_WAIT_MS } from '../../src/views/three/firstPictureModel';
import { buildingsTileset, layerPixelChange, settleFrames, viewCanvas, waitForZoneSettled, ZONE_IDS } from '../support/browser-app';
import { closeBrowser, openApp } from '../support/browser-launch';
import { pixelStats } from '../support/browser-pixels';

afterAll(closeBrowser);

/** A blank or single-colour canvas has a luma spread near 0; any real 3D view is far above. */
const MIN_LUMA_STD_DEV = 8;
/** Hiding the buildings must change at least this share of the canvas. */
const MIN_BUILDING_PIXEL_FRACTION = 0.01;

describe('every zone loads in the three.js view', () => {
  for (const zone of ZONE_IDS) {
    it(`${zone}: tiles settle with no failures and buildings are drawn`, async () => {
      const app = await openApp({ zone });
      const { page } = app;
      try {
        const snap = await waitForZoneSettled(page, zone);
        expect(snap.engine).toBe('three');
        expect(snap.tiles.failed).toBe(0);
        expect(snap.tiles.loaded).toBeGreaterThan(0);
        expect(snap.errorCounts).toEqual({ scene: 0, tileset: 0, tile: 0, feed: 0, url: 0, webgl: 0, import: 0, runtime: 0 });
        expect(snap.render.drawCalls).toBeGreaterThan(0);
        // The first picture waited for the tiles (not the deadline), and its loading note is gone.
        expect(snap.firstPicture.reason).toBe('content');
        expect(snap.firstPicture.heldMs).toBeLessThan(FIRST_PICTURE_MAX_WAIT_MS);
        expect(snap.firstPicture.state).toBe('shown');
        await expect.poll(() => page.getByTestId('view-first-picture').count()).toBe(0);

        await settleFrames(page);
        const shot = await viewCanvas(page).screenshot();
        expect((await pixelStats(page, shot)).lumaStdDev).toBeGreaterThan(MIN_LUMA_STD_DEV);
        const buildings = buildingsTileset(zone);
        const change = await layerPixelChange(page, buildings.id, buildings.name.zh, `zone-${zone}`);
        expect(change, 'share of pixels drawn by buildings').toBeGreaterThan(MIN_BUILDING_PIXEL_FRACTION);

        expect(app.pageErrors).toEqual([]);
        expect(app.consoleErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
