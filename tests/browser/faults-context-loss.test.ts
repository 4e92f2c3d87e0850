/**
 * Fault matrix row 7: the view's WebGL context is lost (`WEBGL_lose_context` on `.st-view
 * canvas`, as a GPU reset or driver update loses it). The view pauses behind an overlay that
 * says so; when the context comes back the frame is drawn again, not blank, with the same tiles
 * and the same picture; and when it never comes back, the page reloads itself after the guard's
 * timeout (ContextLossGuard's WEBGL_RESTORE_TIMEOUT_MS, read from its source) and returns to the
 * same zone, camera, language and selection from its URL. A marker planted on `window` proves
 * that a real reload happened. The feed is a dead WebSocket, so no moving vehicles change the
 * picture between the screenshots compared.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { saveArtifact, savePageScreenshot } from '../support/browser-artifacts';
import {
  closeUpCam,
  FAULT_ZONE,
  plantReloadMarker,
  readBuildingIndex,
  readReloadMarker,
  settleFrames,
  viewCanvas,
  waitForZoneSettled,
} from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { changedFraction, pixelStats } from '../support/browser-pixels';
import { sourceConstant } from '../support/fault-tiles';

afterAll(closeBrowser);

const WEBGL_RESTORE_TIMEOUT_MS = sourceConstant('src/views/three/ContextLossGuard.tsx', 'WEBGL_RESTORE_TIMEOUT_MS');
const LANG = 'en';
/** A blank or one-colour canvas has a luma spread near 0 (zones-load uses the same floor). */
const MIN_LUMA_STD_DEV = 8;
/** Same camera, same tiles: only anti-aliasing noise may differ between before and after. */
const MAX_CHANGED_FRACTION = 0.02;
/** The URL parameters that carry the view. */
const STATE_KEYS = ['zone', 'cam', 'lang', 'sel'] as const;
/** Screenshots of the canvas alone: the error list and other panels over it are not the frame. */
const CANVAS_ONLY = '* { visibility: hidden !important; } .st-view canvas { visibility: visible !important; }';

const hall = readBuildingIndex(FAULT_ZONE).find((b) => b.source === 'osm' && b.nameEn.includes('Planning Exhibition Hall'));
if (!hall) throw new Error(`the ${FAULT_ZONE} building index has no Planning Exhibition Hall`);

const PARAMS = { zone: FAULT_ZONE, lang: LANG, sel: hall.id, cam: closeUpCam(hall), feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };

function urlState(url: string): Record<string, string | null> {
  const q = new URL(url).searchParams;
  return Object.fromEntries(STATE_KEYS.map((k) => [k, q.get(k)]));
}

/** Loses the view's context through the extension, and keeps the extension for restoreContext(). */
function loseContext(page: Page): Promise<void> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.st-view canvas');
    const ext = canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context');
    if (!ext) throw new Error('no WEBGL_lose_context on the view canvas');
    (window as unknown as { __loseContext?: WEBGL_lose_context }).__loseContext = ext;
    ext.loseContext();
  });
}

function restoreContext(page: Page): Promise<void> {
  return page.evaluate(() => {
    const ext = (window as unknown as { __loseContext?: WEBGL_lose_context }).__loseContext;
    if (!ext) throw new Error('loseContext() was not called');
    ext.restoreContext();
  });
}

async function viewReady(page: Page) {
  const snap = await waitForZoneSettled(page, FAULT_ZONE);
  await waitForHook(page, (h, id) => h.selected?.id === id && h.cameraPose !== null, 60_000, hall!.id);
  return snap;
}

const frames = (page: Page) => page.evaluate(() => ((window.__shentwin?.render ?? {}) as Record<string, number>).frames ?? 0);

describe(`fault: WebGL context lost in ${FAULT_ZONE}`, () => {
  it('pauses behind an overlay, draws the same picture after restore, and reloads with its URL state when not restored', async () => {
    const app = await openApp(PARAMS);
    const { page } = app;
    try {
      const before = await viewReady(page);
      await expect.poll(() => urlState(page.url()).cam, { timeout: 15_000 }).not.toBeNull();
      await settleFrames(page);
      const shotBefore = await viewCanvas(page).screenshot({ style: CANVAS_ONLY });
      expect((await pixelStats(page, shotBefore)).lumaStdDev, 'the view draws before the fault').toBeGreaterThan(MIN_LUMA_STD_DEV);

      // Lost: the overlay covers the view and the hook says why.
      await loseContext(page);
      const overlay = page.getByTestId('webgl-lost');
      await expect.poll(() => overlay.isVisible(), { timeout: 10_000 }).toBe(true);
      const lost = await waitForHook(page, (h) => (h.render as Record<string, unknown> | null)?.contextLost === true && h.errorCounts.webgl === 1, 10_000);
      expect(lost.errors.some((e) => e.category === 'webgl')).toBe(true);
      await savePageScreenshot(page, 'fault-context-lost.png');
      // What the canvas shows while lost: the drawing buffer is gone, so not the old picture.
      const shotLost = await viewCanvas(page).screenshot({ style: CANVAS_ONLY });
      await saveArtifact('fault-context-lost-canvas.png', shotLost);
      const lostStats = await pixelStats(page, shotLost);
      const lostChanged = await changedFraction(page, shotBefore, shotLost);
      // Blank while lost, so a picture after the restore is a new frame, not one left over.
      expect(lostStats.lumaStdDev, 'the canvas while the context is lost').toBeLessThan(MIN_LUMA_STD_DEV);

      // Restored: the overlay goes, frames are drawn again, and they show what they showed.
      const framesAtRestore = await frames(page);
      await restoreContext(page);
      await expect.poll(() => overlay.isVisible(), { timeout: 15_000 }).toBe(false);
      const restored = await waitForHook(
        page,
        (h, n) => {
          const r = h.render as Record<string, unknown> | null;
          return r?.contextLost === false && (r.frames as number) > n + 2 && h.render.drawCalls > 0 && h.tiles.settled;
        },
        60_000,
        framesAtRestore,
      );
      await settleFrames(page, 5, 500);
      const shotAfter = await viewCanvas(page).screenshot({ style: CANVAS_ONLY });
      await saveArtifact('fault-context-before.png', shotBefore);
      await saveArtifact('fault-context-restored.png', shotAfter);
      expect((await pixelStats(page, shotAfter)).lumaStdDev, 'the restored frame is not blank').toBeGreaterThan(MIN_LUMA_STD_DEV);
      const changed = await changedFraction(page, shotBefore, shotAfter);
      expect(changed, 'share of pixels that differ from the frame before the loss').toBeLessThan(MAX_CHANGED_FRACTION);
      expect(restored.zoneId).toBe(FAULT_ZONE);
      expect(restored.tiles.loaded, 'the same tiles, still loaded').toBe(before.tiles.loaded);
      expect(restored.tiles.failed).toBe(0);
      expect(restored.selected?.id).toBe(hall.id);
      expect(restored.errorCounts.webgl).toBe(1);

      // Lost for good: the page reloads itself and comes back as its URL says.
      const state = urlState(page.url());
      const marker = await plantReloadMarker(page);
      expect(await readReloadMarker(page)).toBe(marker);
      const reloaded = page.waitForEvent('load', { timeout: WEBGL_RESTORE_TIMEOUT_MS + 60_000 });
      await loseContext(page);
      const lostAt = Date.now();
      await expect.poll(() => overlay.isVisible(), { timeout: 10_000 }).toBe(true);
      await reloaded;
      const waited = Date.now() - lostAt;
      await page.waitForFunction(() => window.__shentwin !== undefined, undefined, { timeout: 60_000 });
      expect(await readReloadMarker(page), 'a new page: the marker is gone').toBeUndefined();
      expect(waited, 'the guard waited for a restore before reloading').toBeGreaterThanOrEqual(WEBGL_RESTORE_TIMEOUT_MS - 1000);

      const back = await viewReady(page);
      expect(back.zoneId).toBe(state.zone);
      expect(back.language).toBe(state.lang);
      expect(back.selected?.id).toBe(state.sel);
      const cam = (state.cam ?? '').split(',').map(Number);
      const pose = back.cameraPose!;
      const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
      expect(dist(pose.position, cam.slice(0, 3)), 'camera position after the reload, m').toBeLessThan(0.05);
      expect(dist(pose.target, cam.slice(3, 6)), 'camera target after the reload, m').toBeLessThan(0.05);
      expect(back.errorCounts.webgl, 'a fresh page with a working context').toBe(0);
      expect((back.render as Record<string, unknown>).contextLost).toBe(false);
      expect(back.render.drawCalls).toBeGreaterThan(0);
      expect(await overlay.isVisible()).toBe(false);
      // The app writes the link back from its state: the same view as before the reload.
      await expect.poll(() => urlState(page.url()), { timeout: 15_000 }).toEqual(state);
      await savePageScreenshot(page, 'fault-context-reloaded.png');
      console.log(
        `faults-context-loss: while lost the canvas differs by ${(lostChanged * 100).toFixed(1)} % (luma spread ${lostStats.lumaStdDev.toFixed(1)}); ` +
          `restored frame differs by ${(changed * 100).toFixed(2)} %; reloaded ${waited} ms after the loss`,
      );
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
