/**
 * The in-page watchdog (src/runtime) in real Chromium:
 * - a forced frame stall: the test holds every animation frame (requestAnimationFrame keeps the
 *   callbacks and never runs them, as a wedged compositor or render loop would). Past the stall
 *   window (15 s) the watchdog takes its first step for a frozen view, rebuilding it; once frames
 *   flow again the rebuilt view draws the zone and the incident ends, with no reload;
 * - a forced threshold: a kiosk in its attract loop (a quiet moment: nobody is using it) whose DOM
 *   grows far past the baseline taken after warm-up; the watchdog reloads the page softly and it
 *   comes back with the same link state (zone, mode, language, the feed's parameters), the
 *   recoveries still counted (sessionStorage), and the diagnostics panel open (diag=1) showing them.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { plantReloadMarker, readReloadMarker, waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

interface DogHook {
  watchdog: {
    counters: Record<string, number>;
    incident: { cause: string; step: string } | null;
    pendingReload: { reason: string; detail: string } | null;
    history: { domNodes: number }[];
    viewEpoch: number;
    diagOpen: boolean;
  };
  render: { frames: number; drawCalls: number } | null;
}

const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };
const dog = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as DogHook).watchdog)) as DogHook['watchdog']);

describe('watchdog', () => {
  it('a frozen view is rebuilt, and draws again without a reload', async () => {
    const app = await openApp({ zone: 'jiading', lang: 'en', ...DEAD_FEED });
    const { page } = app;
    try {
      await waitForZoneSettled(page, 'jiading');
      const marker = await plantReloadMarker(page);
      const before = await dog(page);
      expect(before.counters['rebuild-view']).toBe(0);

      await page.evaluate(() => {
        const w = window as unknown as { __held: FrameRequestCallback[]; __nativeRaf: typeof requestAnimationFrame };
        w.__held = [];
        w.__nativeRaf = window.requestAnimationFrame.bind(window);
        window.requestAnimationFrame = (cb) => {
          w.__held.push(cb);
          return 0;
        };
      });
      const heldAt = Date.now();
      await waitForHook(page, (h) => (h as unknown as DogHook).watchdog.counters['rebuild-view'] === 1, 90_000);
      const detectedMs = Date.now() - heldAt;
      const during = await dog(page);
      expect(during.incident).toMatchObject({ cause: 'frame-stall', step: 'rebuild-view' });
      expect(during.viewEpoch).toBe(before.viewEpoch + 1);
      expect(during.counters.frameStalls).toBe(1);

      // Frames flow again: what was held runs, and the page's own rAF is back.
      await page.evaluate(() => {
        const w = window as unknown as { __held: FrameRequestCallback[]; __nativeRaf: typeof requestAnimationFrame };
        window.requestAnimationFrame = w.__nativeRaf;
        for (const cb of w.__held.splice(0)) w.__nativeRaf(cb);
      });
      await waitForZoneSettled(page, 'jiading');
      const f0 = (await page.evaluate(() => (window.__shentwin as unknown as DogHook).render?.frames)) ?? 0;
      await waitForHook(page, (h, f) => ((h as unknown as DogHook).render?.frames ?? 0) > f && (h as unknown as DogHook).watchdog.incident === null, 30_000, f0);
      const after = await dog(page);
      expect(after.counters).toMatchObject({ frameStalls: 1, 'rebuild-view': 1, 'soft-reload': 0 });
      expect((await page.evaluate(() => (window.__shentwin as unknown as DogHook).render?.drawCalls)) ?? 0).toBeGreaterThan(0);
      expect(await readReloadMarker(page), 'no reload was needed').toBe(marker);
      const errs = await page.evaluate(() => window.__shentwin!.errors.filter((e) => e.category === ('runtime' as string)).map((e) => e.message));
      expect(errs).toEqual(['the 3D view stopped drawing: rebuild-view']);
      console.log(`watchdog: frame stall detected and the view rebuilt ${detectedMs} ms after frames were held`);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('a threshold crossed in a quiet moment reloads softly and keeps the link state and the counters', async () => {
    const params = { zone: 'westbund', mode: 'kiosk', lang: 'en', diag: 1, watchdogWarmup: 20, ...DEAD_FEED };
    const app = await openApp(params);
    const { page } = app;
    try {
      // The kiosk opens in its attract loop; watchdogWarmup=20 takes the baseline after 10 samples (20 s; 10 min by default).
      await waitForHook(page, (h) => (h as unknown as { kiosk: { state: string } | null }).kiosk?.state === 'attract' && (h as unknown as DogHook).watchdog.history.length >= 11, 90_000);
      expect((await dog(page)).diagOpen).toBe(true);
      await page.getByTestId('diagnostics-panel').waitFor({ state: 'visible', timeout: 5000 });
      const marker = await plantReloadMarker(page);
      const urlBefore = new URL(page.url());
      const base = (await dog(page)).history.at(-1)!.domNodes;

      // A leak of our own making: DOM nodes far past twice the baseline.
      await page.evaluate((n) => {
        const box = document.createElement('div');
        box.hidden = true;
        box.id = 'leak';
        for (let i = 0; i < n; i++) box.appendChild(document.createElement('span'));
        document.body.appendChild(box);
      }, base * 2 + 2000);

      await page.waitForFunction((m) => (window as unknown as { __reloadMarker?: string }).__reloadMarker !== m, marker, { timeout: 90_000, polling: 250 });
      await page.waitForFunction(() => window.__shentwin !== undefined && window.__shentwin.ready, undefined, { timeout: 60_000, polling: 250 });
      await waitForHook(page, (h) => (h as unknown as DogHook).watchdog.counters.thresholdReloads === 1, 30_000);
      const after = await dog(page);
      expect(after.counters).toMatchObject({ thresholdReloads: 1, 'soft-reload': 1, frameStalls: 0 });
      expect(await page.evaluate(() => document.getElementById('leak'))).toBeNull();

      const urlAfter = new URL(page.url());
      for (const k of ['zone', 'mode', 'lang', 'feed', 'feedUrl', 'diag', 'watchdogWarmup']) expect(urlAfter.searchParams.get(k), k).toBe(urlBefore.searchParams.get(k));
      expect(await page.evaluate(() => window.__shentwin!.language)).toBe('en');
      expect(await page.evaluate(() => (window.__shentwin as unknown as { mode: string }).mode)).toBe('kiosk');
      // The panel shows the counted reload after it.
      const panel = page.getByTestId('diagnostics-panel');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await panel.locator('[data-counter="thresholdReloads"] dd').textContent()).toBe('1');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
