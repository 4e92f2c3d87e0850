/**
 * Fault matrix row 1: the buildings tileset.json answers 404, 500, or never. The failure is shown
 * in the status bar and the error list, the app retries with a capped backoff (a few requests in
 * ten seconds, not a tight loop), and the rest of the zone (the ground) still loads.
 */
import type { Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { savePageScreenshot } from '../support/browser-artifacts';
import { buildingsTileset, FAULT_ZONE, isFile, readScene, shownErrors } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

/** Window over which retries are counted, from the first request. */
const WINDOW_MS = 10_000;
/** A tight loop would make hundreds of requests in the window; capped backoff makes a handful. */
const MAX_REQUESTS_IN_WINDOW = 8;

const buildings = buildingsTileset(FAULT_ZONE);
const others = readScene(FAULT_ZONE).tilesets.filter((t) => t.id !== buildings.id);

type Mode = { name: string; answer: (route: Route) => Promise<void> | void; errorWithinMs: number };

const MODES: Mode[] = [
  { name: '404', answer: (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }), errorWithinMs: 30_000 },
  { name: '500', answer: (r) => r.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }), errorWithinMs: 30_000 },
  // Never answered: only the app's own request timeout can notice.
  { name: 'timeout', answer: () => undefined, errorWithinMs: 90_000 },
];

describe(`fault: ${FAULT_ZONE} buildings tileset.json unavailable`, () => {
  for (const mode of MODES) {
    it(`${mode.name}: error shown, capped retries, the rest of the zone loads`, async () => {
      const times: number[] = [];
      const app = await openApp(
        { zone: FAULT_ZONE },
        {
          prepare: (page) =>
            page.route(
              (u) => isFile(u, buildings.url),
              (route) => {
                times.push(Date.now());
                return mode.answer(route);
              },
            ),
        },
      );
      const { page } = app;
      try {
        await waitForHook(page, (h, id) => h.tilesets[id]?.root === 'failed', mode.errorWithinMs, buildings.id);
        await expect.poll(() => page.locator(`[data-testid="tileset-${buildings.id}"]`).getAttribute('data-root'), { timeout: 10_000 }).toBe('failed');
        await expect.poll(async () => (await shownErrors(page, 'tileset')).some((t) => t.includes(buildings.url)), { timeout: 10_000 }).toBe(true);

        // The app keeps going: the other tilesets of the zone load and settle.
        const snap = await waitForHook(
          page,
          (h, ids) => ids.every((id) => h.tilesets[id]?.root === 'ready' && h.tilesets[id]?.settled),
          120_000,
          others.map((t) => t.id),
        );
        expect(snap.errorCounts.tileset).toBeGreaterThanOrEqual(1);

        // It tried again: for a hang that means after its own timeout, so wait for it.
        await expect.poll(() => times.length, { timeout: mode.errorWithinMs }).toBeGreaterThanOrEqual(2);
        // Requests over a fixed window from the first one: retried, but with backoff.
        const start = times[0] ?? Date.now();
        await page.waitForTimeout(Math.max(0, start + WINDOW_MS - Date.now()));
        const inWindow = times.filter((t) => t < start + WINDOW_MS).length;
        expect(inWindow, `requests in the first ${WINDOW_MS} ms`).toBeLessThanOrEqual(MAX_REQUESTS_IN_WINDOW);
        if (mode.name !== 'timeout') expect(inWindow, `requests in the first ${WINDOW_MS} ms`).toBeGreaterThan(1);
        await savePageScreenshot(page, `fault-tileset-${mode.name}.png`);
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
