/**
 * The operation-centre big screen (mode=screen) in real Chromium at 3840×2160 (device scale 1),
 * with the built-in simulator at 60× and a rainstorm drill scheduled in it (`scenario=`, the same
 * drill the planner's scenario panel starts in live-rainstorm.test.ts):
 * - the HUD fits the viewport (every part inside it, no scroll) and its buttons take clicks where
 *   they are drawn, although the HUD is a CSS-scaled box;
 * - the WebGL canvas fills the window outside that box and renders at renderScale=0.5;
 * - the camera tour advances by itself, Space pauses and resumes it;
 * - the drill's underpass alarm interrupts the tour (the hook's tour names the alarm, the alarm
 *   card shows it, the camera flies to the sensor), and after the hold (hold=5 s here, 30 s by
 *   default) the tour resumes at the stop it left;
 * - resized to 1920×1080 the HUD still fits; switched to English by a click on the title bar, the
 *   title bar reads in English;
 * - reopened in English at 1920×1080 with the storm from the start, the alarm card shows; that
 *   picture is kept (tests/.artifacts/screen-mode.png) for the README.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveArtifact } from '../support/browser-artifacts';
import { appUrl, closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

interface ScreenHook extends ShenTwinHook {
  mode: string;
  tour: { id: string; step: number; state: 'playing' | 'paused' | 'interrupted'; interruptedBy: string | null; zone: string } | null;
  canvas: { cssW: number; cssH: number; pixelW: number; pixelH: number } | null;
  alerts: { id: string; ruleId: string; severity: string; status: string; asset: { kind: string; id: string; x: number; y: number; type: string } }[];
}

/** A hold long enough for the camera to arrive and come to rest at SwiftShader's frame rate. */
const HOLD_S = 15;
/**
 * The render scale under test. 0.25 rather than 0.5: SwiftShader on this machine's two shared
 * cores draws a 1920×1080 buffer (4K × 0.5) at about 0.3 frames per second, too slow for the
 * camera to come to rest at an alarm within its hold; 960×540 runs at about 1 frame per second,
 * like the other browser tests' 1024×640 windows. The rule checked is the same for any cap.
 */
const RENDER_SCALE = 0.25;
/**
 * The storm starts 20 simulated minutes in (20 s at 60×): its underpasses pass their alarm level
 * (critical) 16 to 21 simulated minutes later, while the tour is at its second stop, after it has
 * advanced once by itself. alarmAt=critical leaves out the storm's earlier major alerts (water
 * rising fast, past the warning level), so three alarms, one per underpass, interrupt the tour.
 */
const STORM_AT_SIM_S = 1200;
const SCREEN = {
  zone: 'jiading', mode: 'screen', renderScale: RENDER_SCALE, lang: 'zh', hold: HOLD_S, alarmAt: 'critical',
  simSpeed: 60, scenario: `rainstorm@${STORM_AT_SIM_S}`,
};
/** The README picture: English, 1080p, the storm from the start and a long hold so its alarm card shows. */
const PICTURE = { zone: 'jiading', mode: 'screen', renderScale: 0.5, lang: 'en', hold: 120, simSpeed: 60, scenario: 'rainstorm' };

/** The parts of the hook this test reads (waitForHook's snapshot carries only the common ones). */
const hook = (page: Page) =>
  page.evaluate(() => {
    const h = window.__shentwin as unknown as ScreenHook;
    return JSON.parse(JSON.stringify({ tour: h.tour, canvas: h.canvas, alerts: h.alerts, cameraPose: h.cameraPose, language: h.language })) as Pick<ScreenHook, 'tour' | 'canvas' | 'alerts' | 'cameraPose' | 'language'>;
  });

interface LogEntry {
  t: number;
  tour: NonNullable<ScreenHook['tour']> | null;
  cam: [number, number, number] | null;
  card: string | null;
  /** While an alarm holds the camera: how far from the view's centre its asset is drawn, in view widths. */
  off: number | null;
}

/**
 * Records, inside the page, every change of the tour, the camera's target, the alarm card and
 * where the holding alarm's asset is drawn, so the test judges the sequence afterwards and never
 * misses a state that lasted less than a poll (SwiftShader's pace and the storm's timing vary
 * from run to run). The camera's target is published only when it comes to rest; the projection
 * follows it frame by frame.
 */
function startLog(page: Page): Promise<void> {
  return page.evaluate(() => {
    const log: unknown[] = [];
    (window as unknown as { __screenLog: unknown[] }).__screenLog = log;
    let last = '';
    setInterval(() => {
      const h = window.__shentwin as unknown as ScreenHook;
      const card = document.querySelector('[data-testid="alarm-card"]')?.getAttribute('data-alert-id') ?? null;
      const held = h.tour?.interruptedBy ? h.alerts.find((a) => a.id === h.tour!.interruptedBy) : undefined;
      const p = held && h.canvas ? h.projectEnu(held.asset.x, held.asset.y, 0) : null;
      const off = p && p.visible && h.canvas ? Math.round((Math.hypot(p.x - h.canvas.cssW / 2, p.y - h.canvas.cssH / 2) / h.canvas.cssW) * 100) / 100 : null;
      const entry = { tour: h.tour, cam: h.cameraPose?.target ?? null, card, off };
      const key = JSON.stringify(entry);
      if (key === last) return;
      last = key;
      log.push({ t: Date.now(), ...(JSON.parse(key) as object) });
    }, 100);
  });
}

const readLog = (page: Page) => page.evaluate(() => (window as unknown as { __screenLog: LogEntry[] }).__screenLog);

interface Story {
  /** The tour's first stop and the stop it moved on to by itself. */
  advanced: { from: number; to: number } | null;
  /** The first alarm of the storm to interrupt the tour, and the stop it interrupted. */
  interrupt: { at: number; alarmId: string; step: number } | null;
  cardShown: boolean;
  /**
   * The camera went to a flooded underpass after the alarm: its target came to rest within 30 m
   * of one, or the holding alarm's asset was drawn within 5 % of the view's width of its centre.
   */
  cameraAtUnderpass: boolean;
  /** The tour played again at the interrupted stop, this long after the interrupt. */
  resumedAfterMs: number | null;
}

function storyOf(log: readonly LogEntry[], water: readonly { id: string; asset: { x: number; y: number } }[]): Story {
  const playing = log.filter((e) => e.tour?.state === 'playing');
  const first = playing[0]?.tour?.step;
  const moved = first === undefined ? undefined : playing.find((e) => e.tour!.step !== first);
  const k = log.findIndex((e) => e.tour?.state === 'interrupted' && water.some((a) => a.id === e.tour!.interruptedBy));
  const hit = k < 0 ? undefined : log[k]!;
  const after = k < 0 ? [] : log.slice(k);
  const nearUnderpass = (c: [number, number, number] | null) => c !== null && water.some((a) => Math.hypot(c[0] - a.asset.x, c[1] - a.asset.y) < 30);
  const back = after.find((e) => e.tour?.state === 'playing' && e.tour.interruptedBy === null && e.tour.step === hit!.tour!.step);
  return {
    advanced: first !== undefined && moved ? { from: first, to: moved.tour!.step } : null,
    interrupt: hit ? { at: hit.t, alarmId: hit.tour!.interruptedBy!, step: hit.tour!.step } : null,
    cardShown: after.some((e) => e.tour?.state === 'interrupted' && e.card !== null && e.card === e.tour.interruptedBy),
    cameraAtUnderpass: after.some((e) => nearUnderpass(e.cam) || (e.tour?.state === 'interrupted' && e.off !== null && e.off < 0.05)),
    resumedAfterMs: back && hit ? back.t - hit.t : null,
  };
}

/** Every HUD part's box against the viewport, and the document's scroll size. */
function layout(page: Page) {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll<HTMLElement>('[data-screen-part]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { part: el.dataset.screenPart!, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const d = document.scrollingElement ?? document.documentElement;
    return { parts, vw: window.innerWidth, vh: window.innerHeight, scrollW: d.scrollWidth, scrollH: d.scrollHeight };
  });
}

async function expectHudFits(page: Page): Promise<void> {
  const l = await layout(page);
  expect(l.parts.map((p) => p.part).sort()).toEqual(expect.arrayContaining(['caption', 'kpis-left', 'kpis-right', 'ticker', 'title']));
  for (const p of l.parts) {
    expect(p.left, p.part).toBeGreaterThanOrEqual(0);
    expect(p.top, p.part).toBeGreaterThanOrEqual(0);
    expect(p.right, p.part).toBeLessThanOrEqual(l.vw + 0.5);
    expect(p.bottom, p.part).toBeLessThanOrEqual(l.vh + 0.5);
  }
  expect([l.scrollW, l.scrollH]).toEqual([l.vw, l.vh]);
}

/** Clicks a HUD button at the centre of its drawn box, after checking that point hits that button. */
async function clickDrawn(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  const hit = await page.evaluate(([px, py, sel]) => document.elementFromPoint(px, py)?.closest(sel) !== null, [x, y, selector] as const);
  expect(hit, `${selector} is what is drawn at its own centre`).toBe(true);
  await page.mouse.click(x, y);
}

describe('screen mode (大屏)', () => {
  it('fits at 4K, renders at the render scale, tours, and an underpass alarm interrupts the tour until its hold ends', async () => {
    const t0 = Date.now();
    const app = await openApp(SCREEN, { prepare: (p) => p.setViewportSize({ width: 3840, height: 2160 }) });
    const { page } = app;
    try {
      await startLog(page);
      // The HUD and the tour run before the 3D view has loaded.
      await waitForHook(page, (h) => (h as ScreenHook).mode === 'screen' && (h as ScreenHook).tour?.state === 'playing', 60_000);
      // Operator controls, well before the storm: a click on the drawn pause button, and Space, toggle the tour.
      // The page is still loading tiles then: on a loaded 2-core machine its main thread can be
      // busy for seconds (a CI run saw 8 s), so the click's effect gets a generous wait.
      await clickDrawn(page, '[data-testid="tour-toggle"]');
      await waitForHook(page, (h) => (h as ScreenHook).tour?.state === 'paused', 30_000);
      await page.keyboard.press(' ');
      await waitForHook(page, (h) => (h as ScreenHook).tour?.state === 'playing', 30_000);

      await waitForHook(page, (h) => h.ready && (h as ScreenHook).canvas !== null && h.feed.status === 'connected', 90_000);
      const openedMs = Date.now() - t0;
      // The design canvas (1920×1080) contains-fits 3840×2160 at scale 2; nothing overflows.
      expect(Number(await page.getByTestId('screen-hud').getAttribute('data-scale'))).toBe(2);
      await expectHudFits(page);
      // The canvas is full-bleed, outside the scaled box, at the render scale's share of its CSS pixels.
      await waitForHook(page, (h, r) => {
        const c = (h as ScreenHook).canvas;
        return c !== null && c.pixelW === Math.round(c.cssW * r) && c.pixelH === Math.round(c.cssH * r);
      }, 20_000, RENDER_SCALE);
      expect((await hook(page)).canvas).toEqual({ cssW: 3840, cssH: 2160, pixelW: 3840 * RENDER_SCALE, pixelH: 2160 * RENDER_SCALE });
      expect(await page.evaluate(() => document.querySelector('.st-view canvas')?.closest('.st-screen__hud') ?? null)).toBeNull();
      expect(await page.getByTestId('screen-title').textContent()).toContain('嘉定');

      // The tour advances by itself (first stop: 3 s flight + 25 s dwell); then the storm floods the
      // underpasses, an alarm takes the camera there with its card, and after the hold (restarted
      // by the other underpasses' alarms, which follow within seconds) the tour plays again at the
      // stop it left.
      let story: Story | null = null;
      const complete = (x: Story) => x.advanced !== null && x.interrupt !== null && x.cardShown && x.cameraAtUnderpass && x.resumedAfterMs !== null;
      const until = Date.now() + 110_000;
      for (;;) {
        const water = (await hook(page)).alerts.filter((a) => a.asset.type === 'water_level');
        story = storyOf(await readLog(page), water);
        if (complete(story)) break;
        if (Date.now() > until) {
          const log = await readLog(page);
          throw new Error(`the tour's story is incomplete: ${JSON.stringify(story)}\nlast log entries: ${JSON.stringify(log.slice(-12))}`);
        }
        await page.waitForTimeout(1000);
      }
      const s: Story = story;
      expect(s.advanced!.to).toBe((s.advanced!.from + 1) % 6);
      // The alarm came after the tour had moved on by itself, and the tour came back to that stop.
      expect(s.interrupt!.step).toBe(s.advanced!.to);
      expect(s.resumedAfterMs!).toBeGreaterThanOrEqual(HOLD_S * 1000 - 500);
      const alarm = (await hook(page)).alerts.find((a) => a.id === s.interrupt!.alarmId)!;
      expect(alarm.severity).toBe('critical');
      expect(await page.locator(`[data-testid="ticker-item"][data-alert-id="${alarm.id}"]`).count()).toBe(1);
      expect((await hook(page)).tour!.id).toBe('ops-tour');
      await expectHudFits(page);
      const resumedMs = Date.now() - t0;

      // A 1920×1080 screen: the same HUD at scale 1, inside the window; the render scale still applies.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expect.poll(() => page.getByTestId('screen-hud').getAttribute('data-scale'), { timeout: 10_000 }).toBe('1');
      await expectHudFits(page);
      await waitForHook(page, (h, r) => {
        const c = (h as ScreenHook).canvas;
        return c !== null && c.cssW === 1920 && c.pixelW === 1920 * r && c.pixelH === 1080 * r;
      }, 10_000, RENDER_SCALE);
      // English, chosen by a click on the title bar's switch: the title bar reads in English.
      await clickDrawn(page, '.st-screen__title .st-segmented__btn[lang="en"]');
      await waitForHook(page, (h) => h.language === 'en', 5_000);
      const title = (await page.getByTestId('screen-title').textContent())!;
      expect(title).toContain('Jiading Smart Mobility Demonstration Zone');
      expect(title).toContain('Operation-centre screen');
      expect(title).toContain('Weather');
      expect(await page.getByTestId('tour-caption').textContent()).toMatch(/Stop \d of 6/);
      await expectHudFits(page);
      const checkedMs = Date.now() - t0;

      // The README picture: reopened in English at 1080p; the storm's first alarm holds the camera.
      await page.goto(appUrl(PICTURE), { waitUntil: 'load' });
      await waitForHook(page, (h) => {
        const x = h as ScreenHook;
        return x.ready && x.tour?.state === 'interrupted' && x.tiles.loaded >= 15;
      }, 60_000);
      await expect.poll(() => page.getByTestId('alarm-card').count(), { timeout: 10_000 }).toBe(1);
      await expectHudFits(page);
      await saveArtifact('screen-mode.png', await page.screenshot({ type: 'png' }));
      expect(app.pageErrors).toEqual([]);
      console.log(
        `screen-mode: opened ${openedMs} ms, advanced ${s.advanced!.from}→${s.advanced!.to}, alarm ${alarm.id} (${alarm.severity}) at ${s.interrupt!.at - t0} ms, ` +
          `resumed ${s.resumedAfterMs} ms later, all checked at ${resumedMs} ms, 1080p/en at ${checkedMs} ms, whole test ${Date.now() - t0} ms`,
      );
    } finally {
      await app.close();
    }
  });
});
