/**
 * The GPU's name is asked by index.html before the app boots (glCapabilities.ts says why), cached
 * per browser, and corrected from the real context. On SwiftShader the view must come up without
 * multisampling and with one-tap shadows on every path: the early probe, the cache (probe
 * skipped), and a stale cache entry that names a hardware GPU, which the real context replaces.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp } from '../support/browser-launch';

afterAll(closeBrowser);

const KEY = 'shentwin.glRenderer';
const SWIFTSHADER = /swiftshader/i;

const state = (page: Page) =>
  page.evaluate((key) => {
    const r = window.__shentwin!.render as Record<string, unknown>;
    const early = (window as unknown as { __shentwinGpu?: { name: string } }).__shentwinGpu;
    const cached = localStorage.getItem(key);
    return { early: early?.name ?? null, cached: cached ? (JSON.parse(cached) as { ua: string; name: string }).name : null, antialias: r.antialias, shadowMapType: r.shadowMapType };
  }, KEY);

describe('GPU probe before boot', () => {
  it('knows SwiftShader from the early probe, then from the cache, and corrects a stale entry', async () => {
    const zone = 'yangpu';
    const app = await openApp({ zone, lang: 'zh' });
    const { page } = app;
    try {
      await waitForZoneSettled(page, zone);
      const first = await state(page);
      expect(first.early, 'index.html asked the GPU before the app').toMatch(SWIFTSHADER);
      expect(first.cached, 'and the answer is kept for the next load').toMatch(SWIFTSHADER);
      expect(first.antialias, 'no multisampling on a software rasteriser').toBe(false);
      expect(first.shadowMapType, 'one-tap shadows (BasicShadowMap)').toBe(0);

      await page.reload();
      await waitForZoneSettled(page, zone);
      const second = await state(page);
      expect(second.early, 'a cached browser skips the early probe').toBeNull();
      expect(second.antialias).toBe(false);
      expect(second.shadowMapType).toBe(0);

      // A stale entry (the browser once had a GPU): this load believes it, the real context corrects it.
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ ua: navigator.userAgent, name: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)' })), KEY);
      await page.reload();
      await waitForZoneSettled(page, zone);
      const stale = await state(page);
      expect(stale.antialias, 'the stale entry was used').toBe(true);
      expect(stale.cached, 'and replaced by the real context').toMatch(SWIFTSHADER);

      await page.reload();
      await waitForZoneSettled(page, zone);
      expect((await state(page)).antialias, 'the next load is right again').toBe(false);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
