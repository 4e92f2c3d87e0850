/**
 * The screen and kiosk shells and the stories in the zones and languages their own tests do not
 * open (screen-mode.test.ts: Jiading; kiosk-mode.test.ts: Yangpu): every zone's scene data drives
 * the same shells. In each case the text on screen is compared with the zone's scene file in the
 * language the page runs in, so a missing translation or another zone's data fails.
 * - screen mode, West Bund in English and Yangpu in Chinese: the title names the zone, the zone's
 *   tour plays with its first stop's caption, → moves to the next stop and ← back, and the HUD
 *   stays inside the window;
 * - kiosk mode, Jiading in English and West Bund in Chinese: a click ends the attract loop it
 *   starts in, the title names the zone, 导览故事
 *   lists the zone's stories, picking one plays its first step, tapping the caption moves on, and
 *   回到首页 stops it;
 * - the planner, Jiading in Chinese: the Stories button plays a story's first step.
 * Mouse clicks here; touch is covered in kiosk-mode.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readDistJson, type ZoneId } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

type Lang = 'zh' | 'en';
type Text = Record<Lang, string>;
interface ModeScene {
  name: Text;
  tours: { id: string; stops: { caption: Text }[] }[];
  stories: { id: string; title: Text; steps: { caption: Text }[] }[];
}
interface ModeHook {
  mode: string;
  language: string;
  tour: { id: string; step: number; state: string } | null;
  story: { id: string; step: number } | null;
}

/** The feed is not under test: a port nobody listens on keeps the simulator's load off SwiftShader. */
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };
const sceneOf = (zone: ZoneId) => readDistJson<ModeScene>(`scenes/${zone}.json`);
const hookOf = (page: Page) =>
  page.evaluate(() => {
    const h = window.__shentwin as unknown as ModeHook;
    return JSON.parse(JSON.stringify({ mode: h.mode, language: h.language, tour: h.tour, story: h.story })) as ModeHook;
  });
const text = (page: Page, selector: string) => page.locator(selector).first().innerText();
/** CJK text is laid out without the line breaks innerText may add; compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function waitText(page: Page, selector: string, want: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ({ sel, w }) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, '').includes(w),
    { sel: selector, w: squash(want) },
    { timeout, polling: 100 },
  );
}

async function expectInsideWindow(page: Page, selector: string): Promise<void> {
  const out = await page.evaluate((sel) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) bad.push(`${el.dataset.screenPart ?? el.className} ${JSON.stringify(r)}`);
    }
    const d = document.scrollingElement ?? document.documentElement;
    return { bad, scroll: [d.scrollWidth - innerWidth, d.scrollHeight - innerHeight] };
  }, selector);
  expect(out.bad).toEqual([]);
  expect(out.scroll).toEqual([0, 0]);
}

describe.each([
  ['westbund', 'en'],
  ['yangpu', 'zh'],
] as const)('screen mode in %s (%s)', (zone, lang) => {
  it('names the zone, plays its tour with the scene captions, and the arrow keys change stop', async () => {
    const scene = sceneOf(zone);
    const tour = scene.tours[0]!;
    const app = await openApp({ zone, mode: 'screen', lang, renderScale: 0.5, ...DEAD_FEED });
    const { page } = app;
    try {
      await waitForHook(page, (h) => (h as unknown as ModeHook).tour?.state === 'playing', 60_000);
      expect(squash(await text(page, '[data-testid="screen-zone-name"]'))).toBe(squash(scene.name[lang]));
      const first = await hookOf(page);
      expect(first).toMatchObject({ mode: 'screen', language: lang, tour: { id: tour.id, state: 'playing' } });
      await waitText(page, '[data-testid="tour-caption"]', tour.stops[first.tour!.step]!.caption[lang]);

      const next = (first.tour!.step + 1) % tour.stops.length;
      await page.keyboard.press('ArrowRight');
      await waitForHook(page, (h, n) => (h as unknown as ModeHook).tour?.step === n, 20_000, next);
      await waitText(page, '[data-testid="tour-caption"]', tour.stops[next]!.caption[lang]);
      await page.keyboard.press('ArrowLeft');
      await waitForHook(page, (h, n) => (h as unknown as ModeHook).tour?.step === n, 20_000, first.tour!.step);

      await expectInsideWindow(page, '[data-screen-part]');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe.each([
  ['jiading', 'en'],
  ['westbund', 'zh'],
] as const)('kiosk mode in %s (%s)', (zone, lang) => {
  it('names the zone, lists its stories, plays one and moves on by tap, and 回到首页 ends it', async () => {
    const scene = sceneOf(zone);
    const app = await openApp({ zone, mode: 'kiosk', lang, ...DEAD_FEED });
    const { page } = app;
    try {
      // A kiosk opened without a story link starts in its attract loop; the first click only ends it.
      await waitForHook(page, (h) => (h as unknown as { kiosk: { state: string } | null }).kiosk?.state === 'attract', 60_000);
      await page.locator('[data-testid="kiosk-attract"]').click();
      await waitForHook(page, (h) => (h as unknown as { kiosk: { state: string } | null }).kiosk?.state === 'active', 10_000);
      expect(await hookOf(page)).toMatchObject({ mode: 'kiosk', language: lang, story: null });
      expect(squash(await text(page, '.st-kiosk-bar__title'))).toBe(squash(scene.name[lang]));

      await page.click('[data-testid="kiosk-stories"]');
      const listed = await page.locator('[data-testid="story-picker"] [data-story]').evaluateAll((els) => els.map((e) => e.getAttribute('data-story')));
      expect(listed).toEqual(scene.stories.map((s) => s.id));
      expect(scene.stories.length).toBeGreaterThanOrEqual(2);
      const story = scene.stories[1]!;
      await waitText(page, `[data-story="${story.id}"]`, story.title[lang]);
      await page.click(`[data-story="${story.id}"]`);
      await waitForHook(page, (h, id) => (h as unknown as ModeHook).story?.id === id, 10_000, story.id);
      await waitText(page, '[data-testid="story-caption"]', story.steps[0]!.caption[lang]);

      await page.click('[data-testid="story-caption"]');
      await waitForHook(page, (h) => (h as unknown as ModeHook).story?.step === 1, 10_000);
      await waitText(page, '[data-testid="story-caption"]', story.steps[1]!.caption[lang]);

      await page.click('[data-testid="kiosk-home"]');
      await waitForHook(page, (h) => (h as unknown as ModeHook).story === null, 10_000);
      expect((await hookOf(page)).language, '回到首页 keeps the visitor\'s language').toBe(lang);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('stories in the planner', () => {
  it('the Stories button plays a story of the zone in Chinese', async () => {
    const scene = sceneOf('jiading');
    const story = scene.stories[0]!;
    const app = await openApp({ zone: 'jiading', lang: 'zh', ...DEAD_FEED });
    const { page } = app;
    try {
      await page.locator('.st-stories-entry__btn').click({ timeout: 60_000 });
      await page.click(`[data-story="${story.id}"]`);
      await waitForHook(page, (h, id) => (h as unknown as ModeHook).story?.id === id, 10_000, story.id);
      await waitText(page, '[data-testid="story-caption"]', story.steps[0]!.caption.zh);
      expect((await hookOf(page)).mode).toBe('planner');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
