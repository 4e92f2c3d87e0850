/**
 * Kiosk mode on a 1080×1920 portrait touch screen, with real touch events through CDP
 * (Input.dispatchTouchEvent): a story link opens its step (caption in zh, then en); every visible
 * target is at least 44×44 CSS px in portrait and landscape; a two-finger pinch zooms the 3D view
 * and never the page; left alone, the kiosk warns, resets to its home state and falls into the
 * attract loop; and the first touch only ends the attract loop, selecting nothing.
 *
 * `UPDATE_SCREENSHOTS=1` also writes the attract screen, at 1080×1920 device pixels, to
 * docs/screenshots/kiosk-mode.png.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readScene } from '../support/browser-app';
import { saveArtifact } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

/**
 * The portrait layout at half the device pixels: SwiftShader on 2 cores cannot keep a full-size
 * portrait canvas drawing for the whole test (see touch-no-page-zoom.test.ts). Layout, targets and
 * touch are in CSS px and do not depend on it; the README's screenshot is taken at full size.
 */
const PORTRAIT = { width: 1080, height: 1920, deviceScaleFactor: 0.5, mobile: false } as const;
const LANDSCAPE = { ...PORTRAIT, width: 1920, height: 1080 } as const;
const MIN_TARGET_PX = 44;
const ZONE = 'yangpu';
const STORY = 'parking-guidance';
const SCREENSHOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots/kiosk-mode.png');

interface KioskHook {
  mode: string;
  kiosk: { idleMs: number; state: 'active' | 'warning' | 'attract' } | null;
  story: { id: string; step: number } | null;
  liveSelected: { kind: string; id: string } | null;
}
type Hooked = KioskHook & { cameraPose: { position: number[]; target: number[] } | null; selected: unknown; language: string };

const kioskState = (page: Page) =>
  page.evaluate(() => {
    const h = window.__shentwin as unknown as Hooked;
    return { kiosk: h.kiosk, story: h.story, selected: h.selected, liveSelected: h.liveSelected, language: h.language, mode: h.mode };
  });

async function tap(cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 0 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function tapElement(page: Page, cdp: CDPSession, selector: string): Promise<void> {
  const at = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { x, y, hit: hit ? `${hit.tagName}.${hit.className}` : null, ok: hit !== null && el.contains(hit) };
  }, selector);
  if (!at) throw new Error(`${selector} is not on screen`);
  if (!at.ok) throw new Error(`${selector} is covered at its centre by ${at.hit}`);
  await tap(cdp, at.x, at.y);
}

/** Taps that had to be repeated, for the artifact: under load a tap's click now and then does not come. */
const retried: string[] = [];

/**
 * Taps a control until `done` holds in the page, at most three times: on a loaded 2-core machine
 * Chromium now and then drops the click of a tap whose touchstart waited long for the main thread.
 * Only for taps whose effect does not toggle back (open, close, choose).
 */
async function tapUntil(page: Page, cdp: CDPSession, selector: string, done: string, arg: unknown = null): Promise<void> {
  const check = () => page.evaluate(({ src, a }) => Boolean((0, eval)(`(${src})`)(a)), { src: done, a: arg });
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      if (await check()) return;
      retried.push(selector);
    }
    await tapElement(page, cdp, selector);
    try {
      await page.waitForFunction(({ src, a }) => Boolean((0, eval)(`(${src})`)(a)), { src: done, a: arg }, { timeout: 4_000, polling: 100 });
      return;
    } catch {
      // tapped again below
    }
  }
  throw new Error(`tapping ${selector} three times did not make ${done} true`);
}

/** Two fingers spreading apart around (x, y): a zoom-in pinch, as a person makes it. */
async function pinch(cdp: CDPSession, x: number, y: number, fromPx = 20, toPx = 180, stepPx = 40): Promise<void> {
  const at = (d: number) => [{ x: x - d, y, id: 0 }, { x: x + d, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(fromPx) });
  for (let d = fromPx; d <= toPx; d += stepPx) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(d) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A slow frame can let the idle time run out between steps: answer the notice, as a visitor would. */
async function ensureActive(page: Page, cdp: CDPSession): Promise<void> {
  const state = await page.evaluate(() => (window.__shentwin as unknown as KioskHook).kiosk?.state);
  if (state === 'warning') await tapElement(page, cdp, '.st-kiosk-notice .st-btn');
}

/** Every visible control smaller than the minimum, as "label w×h". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], select, input, [role="button"]')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || r.bottom < 0 || r.top > innerHeight) continue;
      if (r.width < min || r.height < min) out.push(`${(el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  }, MIN_TARGET_PX);
}

/** A point where the 3D canvas itself is hit (no panel over it). */
async function openViewPoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    for (let y = innerHeight * 0.35; y < innerHeight * 0.65; y += 40) {
      for (let x = innerWidth * 0.3; x < innerWidth * 0.7; x += 40) {
        const el = document.elementFromPoint(x, y);
        if (el instanceof HTMLCanvasElement && el.closest('.st-view')) return { x, y };
      }
    }
    return null;
  });
  if (!p) throw new Error('no spot of the 3D view is free of panels');
  return p;
}

/** The camera's published pose, once it has stayed the same for a while (no flight under way). */
async function restingPose(page: Page, timeoutMs = 30_000): Promise<{ position: number[]; target: number[] }> {
  const end = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < end) {
    const pose = await page.evaluate(() => (window.__shentwin as unknown as Hooked).cameraPose);
    const key = JSON.stringify(pose);
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (pose && Date.now() - since >= 700) return pose;
    await page.waitForTimeout(200);
  }
  throw new Error(`the camera did not come to rest within ${timeoutMs} ms (last pose ${last})`);
}

const distance = (pose: { position: number[]; target: number[] }) => Math.hypot(...pose.position.map((v, i) => v - pose.target[i]!));

describe('kiosk mode (1080×1920 portrait, touch)', () => {
  it('opens a story link, keeps targets large, pinch-zooms only the view, and idles into a reset and the attract loop', async () => {
    const t0 = Date.now();
    // Seconds into the test at each stage, saved with the artifacts: SwiftShader's pace varies with the machine's load.
    const stages: Record<string, number> = {};
    const mark = (what: string) => {
      stages[what] = Math.round((Date.now() - t0) / 100) / 10;
    };
    const scene = readScene(ZONE) as ReturnType<typeof readScene> & { stories: { id: string; steps: { caption: { zh: string; en: string } }[] }[] };
    const story = scene.stories.find((s) => s.id === STORY)!;
    let cdp!: CDPSession;
    const app = await openApp(
      { zone: ZONE, mode: 'kiosk', idle: 10, lang: 'zh', story: STORY, step: 2, feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' },
      {
        prepare: async (page) => {
          cdp = await page.context().newCDPSession(page);
          await cdp.send('Emulation.setDeviceMetricsOverride', PORTRAIT);
          await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
        },
      },
    );
    const { page } = app;
    try {
      mark('opened');
      // The link's step (1-based step=2 is the second step), its caption in Chinese.
      await waitForHook(page, (h, z) => h.ready && h.zoneId === z && (h as unknown as KioskHook).kiosk !== null, 90_000, ZONE);
      const first = await kioskState(page);
      expect(first.mode).toBe('kiosk');
      expect(first.story).toEqual({ id: STORY, step: 1 });
      expect(first.kiosk?.state).not.toBe('attract');
      const caption = page.getByTestId('story-caption');
      await caption.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await caption.textContent()).toBe(story.steps[1]!.caption.zh);
      expect(await page.locator('.st-story').getAttribute('data-step')).toBe('2');

      mark('link step shown');
      // Once in English, by touch.
      await tapUntil(page, cdp, '.st-kiosk-bar button[lang="en"]', '(en) => document.querySelector(\'[data-testid="story-caption"]\')?.textContent === en', story.steps[1]!.caption.en);
      expect(await page.evaluate(() => window.__shentwin!.language)).toBe('en');

      mark('english');
      // Targets: the bar, the story card, and the stories panel, in portrait and landscape.
      expect(await smallTargets(page), 'small targets, portrait').toEqual([]);
      await tapUntil(page, cdp, '[data-testid="kiosk-stories"]', '() => document.querySelector(\'[data-testid="story-picker"]\') !== null');
      expect(await smallTargets(page), 'small targets, portrait, stories open').toEqual([]);
      await cdp.send('Emulation.setDeviceMetricsOverride', LANDSCAPE);
      await page.waitForTimeout(300);
      expect(await smallTargets(page), 'small targets, landscape, stories open').toEqual([]);
      await cdp.send('Emulation.setDeviceMetricsOverride', PORTRAIT);
      await page.waitForTimeout(300);
      await tapUntil(page, cdp, '.st-story-picker__close', '() => document.querySelector(\'[data-testid="story-picker"]\') === null');

      mark('targets checked');
      // Close the story; left alone, the kiosk then idles.
      await tapUntil(page, cdp, '.st-story__close', '() => window.__shentwin.story === null');
      mark('story closed');
      // Left alone: warning (in the visitor's language), then the reset and the attract loop.
      const warn = await waitForHook(page, (h) => (h as unknown as KioskHook).kiosk?.state === 'warning', 20_000);
      expect(warn.language).toBe('en');
      await page.getByTestId('kiosk-idle-notice').waitFor({ state: 'visible', timeout: 2_000 });
      expect(await page.getByTestId('kiosk-idle-notice').textContent()).toContain('Still there?');
      expect(await smallTargets(page), 'small targets, warning').toEqual([]);
      mark('warning');
      await waitForHook(page, (h, id) => (h as unknown as KioskHook).kiosk?.state === 'attract' && (h as unknown as KioskHook).story?.id === id, 20_000, STORY);
      const attract = await kioskState(page);
      expect(attract.language, 'the reset restores the start language').toBe('zh');
      expect(attract.story?.step).toBe(0);
      expect([attract.selected, attract.liveSelected], 'the reset cleared every selection').toEqual([null, null]);
      await page.getByTestId('kiosk-attract-prompt').waitFor({ state: 'visible', timeout: 2_000 });
      expect(await page.getByTestId('kiosk-attract-prompt').textContent()).toContain('轻触开始');
      mark('attract');
      if (process.env['UPDATE_SCREENSHOTS'] === '1') {
        // The attract screen at its full size, once the camera is home (a full-size frame is slow on SwiftShader).
        const home = readScene(ZONE).viewpoints.find((v) => v.id === 'overview')!;
        await waitForHook(page, (h, p) => h.cameraPose !== null && Math.hypot(...h.cameraPose.position.map((v, i) => v - p[i]!)) < 5, 30_000, home.position);
        await cdp.send('Emulation.setDeviceMetricsOverride', { ...PORTRAIT, deviceScaleFactor: 1 });
        await page.waitForTimeout(1_500);
        // CDP's own capture: Playwright's page.screenshot re-applies the context's viewport.
        const shot = (await cdp.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
        await mkdir(dirname(SCREENSHOT), { recursive: true });
        await writeFile(SCREENSHOT, Buffer.from(shot.data, 'base64'));
        await cdp.send('Emulation.setDeviceMetricsOverride', PORTRAIT);
      }

      // The first touch, over the city (the attract catcher covers it), only wakes the kiosk.
      const at = { x: PORTRAIT.width / 2, y: PORTRAIT.height * 0.3 };
      // Count what reaches the 3D view's canvas, where the camera controls and the pickers listen.
      await page.evaluate(() => {
        const w = window as unknown as { __canvasHits: number };
        w.__canvasHits = 0;
        const c = document.querySelector('.st-view canvas')!;
        for (const type of ['pointerdown', 'pointerup', 'touchstart', 'click']) c.addEventListener(type, () => w.__canvasHits++, true);
      });
      const canvasHits = () => page.evaluate(() => (window as unknown as { __canvasHits: number }).__canvasHits);
      mark('first tap');
      await tap(cdp, at.x, at.y);
      await waitForHook(page, (h) => (h as unknown as KioskHook).kiosk?.state === 'active', 5_000);
      await page.getByTestId('kiosk-attract').waitFor({ state: 'detached', timeout: 3_000 });
      await page.waitForTimeout(300);
      const woken = await kioskState(page);
      expect(woken.selected, 'no building selected by the waking touch').toBeNull();
      expect(woken.liveSelected, 'no live selection by the waking touch').toBeNull();
      expect(woken.story, 'the attract loop has ended').toBeNull();
      expect(await canvasHits(), 'events of the waking touch that reached the 3D view').toBe(0);
      mark('woken');

      // The same tap once awake does reach the view: the first one really was swallowed.
      await tap(cdp, at.x, at.y);
      await page.waitForFunction(() => (window as unknown as { __canvasHits: number }).__canvasHits >= 2, undefined, { timeout: 10_000, polling: 100 });
      const selectedAfter = await kioskState(page);
      // A two-finger pinch zooms the view and not the page.
      const before = distance(await restingPose(page));
      mark('camera at rest');
      const view = await openViewPoint(page);
      await ensureActive(page, cdp);
      await pinch(cdp, view.x, view.y, 20, 180, 80);
      const after = await waitForHook(
        page,
        (h, d0) => h.cameraPose !== null && Math.abs(Math.hypot(...h.cameraPose.position.map((v, i) => v - h.cameraPose!.target[i]!)) - d0) > d0 * 0.05,
        30_000,
        before,
      );
      mark('view pinched');
      expect(distance(after.cameraPose!)).toBeLessThan(before);
      const bar = await page.locator('.st-kiosk-bar').boundingBox();
      await pinch(cdp, bar!.x + bar!.width / 2, bar!.y + bar!.height / 2, 10, 120, 110);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => ({ scale: window.visualViewport?.scale ?? 1, scrollX, scrollY }))).toEqual({ scale: 1, scrollX: 0, scrollY: 0 });

      mark('pinched');
      await saveArtifact('kiosk-mode.json', JSON.stringify({ stages, secondTapSelected: selectedAfter.selected !== null, retriedTaps: retried }, null, 2));
      expect(app.pageErrors).toEqual([]);
    } catch (e) {
      const shot = (await cdp.send('Page.captureScreenshot', { format: 'png' }).catch(() => null)) as { data: string } | null;
      if (shot) await saveArtifact('kiosk-mode-failure.png', Buffer.from(shot.data, 'base64'));
      throw e;
    } finally {
      await app.close();
    }
  }, 170_000);
});
