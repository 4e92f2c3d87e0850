/**
 * Fault matrix row 4: a tileset.json that parses wrong or validates wrong (invalid JSON, no root,
 * NaN or infinite geometricError, NaN or infinite bounds), or external tilesets that include each
 * other in a cycle. Each is rejected with a message the user sees, nothing hangs (the view still
 * settles), the rest of the zone loads, and nothing throws uncaught in the page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { buildingsTileset, FAULT_ZONE, isFile, readDistText, shownErrors, waitForZoneSettled } from '../support/browser-app';
import { badTilesetVariants, cyclicTilesets } from '../support/browser-faults';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

const buildings = buildingsTileset(FAULT_ZONE);
const realText = readDistText(buildings.url);
/** Time for a rejection to show; generous because SwiftShader also has to draw the ground. */
const REJECT_WITHIN_MS = 60_000;

describe(`fault: bad ${buildings.url}`, () => {
  for (const variant of badTilesetVariants(realText)) {
    it(`${variant.name}: rejected with a message, no hang`, async () => {
      const app = await openApp(
        { zone: FAULT_ZONE },
        {
          prepare: (p) =>
            p.route(
              (u) => isFile(u, buildings.url),
              (r) => r.fulfill({ status: variant.status, contentType: variant.contentType, body: variant.body }),
            ),
        },
      );
      const { page } = app;
      try {
        await waitForHook(page, (h, id) => h.tilesets[id]?.root === 'failed', REJECT_WITHIN_MS, buildings.id);
        const snap = await waitForZoneSettled(page, FAULT_ZONE);
        expect(snap.errorCounts.tileset).toBeGreaterThanOrEqual(1);
        expect(snap.tilesets[buildings.id]?.loaded).toBe(0);
        await expect
          .poll(async () => (await shownErrors(page, 'tileset')).some((t) => t.includes(buildings.url)), { timeout: 10_000 })
          .toBe(true);
        await savePageScreenshot(page, `fault-tileset-json-${variant.name.replace(/\W+/g, '-')}.png`);
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }

  it('external tilesets in a cycle: rejected with a message, bounded requests, no hang', async () => {
    const dir = buildings.url.replace(/[^/]+$/, '');
    const files = cyclicTilesets(realText, 'cycle-a.json', 'cycle-b.json');
    const served: Record<string, string> = { [buildings.url]: files.root, [`${dir}cycle-a.json`]: files.a, [`${dir}cycle-b.json`]: files.b };
    let requests = 0;
    const app = await openApp(
      { zone: FAULT_ZONE },
      {
        prepare: (p) =>
          p.route(
            (u) => Object.keys(served).some((f) => isFile(u, f)),
            (r) => {
              requests++;
              const path = Object.keys(served).find((f) => isFile(new URL(r.request().url()), f)) ?? buildings.url;
              return r.fulfill({ status: 200, contentType: 'application/json', body: served[path] ?? '' });
            },
          ),
      },
    );
    const { page } = app;
    try {
      const snap = await waitForZoneSettled(page, FAULT_ZONE, REJECT_WITHIN_MS + 60_000);
      expect(snap.errorCounts.tileset + snap.errorCounts.tile).toBeGreaterThanOrEqual(1);
      const shown = [...(await shownErrors(page, 'tileset')), ...(await shownErrors(page, 'tile'))];
      expect(shown.some((t) => t.includes('cycle-'))).toBe(true);
      // A handful of files, each fetched a few times at most: not an endless descent.
      expect(requests).toBeLessThanOrEqual(10);
      await savePageScreenshot(page, 'fault-tileset-cycle.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
