/**
 * 日照影响分析 in real Chromium, in Chinese, on Yangpu: the riverside-warehouse-b scheme (site
 * riverside-m09) against the existing city, on one residential tower north of the site that the
 * headless CLI names among the windows the scheme makes fail (gen:yangpu:2582). A shared link
 * restores the settings; the page recomputes both states in its workers; and its counts of windows,
 * of worsened and of newly failing windows equal the Node engine's on the same built data
 * (tests/support/sunlight-expected.ts). Then the shadow time-lapse plays, and a row of the impact
 * table flies the camera to its window.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { polygonCentroid } from '../../src/analysis/planning/polygon';
import type { ZoneFootprints } from '../../src/analysis/sunlight/zoneFootprints';
import { readDistJson } from '../support/browser-app';
import { savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { expectedBuildingImpact } from '../support/sunlight-expected';

afterAll(closeBrowser);

interface SunlightHook {
  status: string;
  mode: string;
  stateId: string;
  receivers: number;
  passed: number;
  failed: number;
  other: { receivers: number; passed: number; failed: number } | null;
  impact: { worsened: number; newlyFailing: number };
  error: string | null;
}
type WithAnalysis = { analysis: { sunlight: SunlightHook }; planning: { status: string }; cameraPose: { position: number[] } | null };
const sunlight = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as WithAnalysis).analysis.sunlight)) as SunlightHook);

const ZONE = 'yangpu';
const SCHEME = 'riverside-warehouse-b';
const BUILDING = 'gen:yangpu:2582';
const PROFILE = 'gb50180-dahan';
const SPACING_M = 6;
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };

describe('sunlight impact (Yangpu, zh)', () => {
  it('a scheme makes named windows of a neighbour fail, as the Node engine says; time-lapse and fly-to work', async () => {
    const zone = readDistJson<ZoneFootprints>(`tiles/${ZONE}/plan/footprints.json`).buildings;
    const tower = zone.find((b) => b.id === BUILDING)!;
    expect(tower.landUse).toBe('R');
    const [cx, cy] = polygonCentroid(tower.footprint, tower.holes ?? []);
    const cam = [cx + 60, cy - 260, 220, cx, cy - 60, 20].map((v) => v.toFixed(1)).join(',');
    const app = await openApp({
      zone: ZONE, lang: 'zh', cam, site: 'riverside-m09', sel: BUILDING,
      sl: PROFILE, slsp: SPACING_M, slm: 'impact', sls: SCHEME, slr: `building:${BUILDING}`,
      ...DEAD_FEED,
    });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForHook(page, (h) => h.ready && (h as unknown as WithAnalysis).planning.status === 'ready', 120_000);
      const done = await waitForHook(page, (h) => {
        const s = (h as unknown as WithAnalysis).analysis.sunlight;
        return s.status === 'done' || s.status === 'failed';
      }, 200_000);
      expect(done.errorCounts.url ?? 0).toBe(0);
      const s = await sunlight(page);
      expect(s.error).toBeNull();
      expect(s).toMatchObject({ status: 'done', mode: 'impact', stateId: SCHEME });

      // The year of the page's standard day: the sun time defaults to now, in Beijing.
      const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      const want = await expectedBuildingImpact(ZONE, SCHEME, BUILDING, PROFILE, SPACING_M, year);
      expect(want.newlyFailing, 'the CLI names this tower among the newly failing').toBeGreaterThan(0);
      expect(s.receivers).toBe(want.receivers);
      expect({ passed: s.passed, failed: s.failed }).toEqual(want.after);
      expect({ passed: s.other!.passed, failed: s.other!.failed }).toEqual(want.before);
      expect(s.impact).toEqual({ worsened: want.worsened, newlyFailing: want.newlyFailing });

      const panel = page.getByTestId('sunlight-panel');
      expect(await panel.innerText()).toContain('方案参考，非报建结论');
      const impact = panel.getByTestId('sunlight-impact');
      expect(await impact.innerText()).toContain('由满足变为不满足');
      // Newly failing rows come first, up to the table's 30 rows.
      expect(await impact.locator('tr[data-newly-failing]').count()).toBe(Math.min(want.newlyFailing, 30));
      // The picture for people (and the README) shows the city around the coloured windows.
      await waitForHook(page, (h) => h.tiles.settled, 60_000).catch(() => undefined);
      await savePageScreenshot(page, 'planner-sunlight-impact-yangpu.png');

      // The shadow time-lapse moves the sun through the standard day.
      const sunParam = () => page.evaluate(() => new URLSearchParams(location.search).get('sun'));
      const study = panel.getByTestId('shadow-study');
      await study.getByRole('button', { name: '播放阴影' }).click();
      await expect.poll(sunParam, { timeout: 20_000 }).not.toBeNull();
      const first = await sunParam();
      await expect.poll(sunParam, { timeout: 30_000 }).not.toBe(first);
      await study.getByRole('button', { name: '暂停' }).click();

      // A row of the impact table flies to its window.
      const before = (await page.evaluate(() => (window.__shentwin as unknown as WithAnalysis).cameraPose?.position ?? null))!;
      await impact.locator('tr[data-newly-failing] button').first().click();
      await expect
        .poll(async () => {
          const p = await page.evaluate(() => (window.__shentwin as unknown as WithAnalysis).cameraPose?.position ?? null);
          return p ? Math.hypot(p[0]! - before[0]!, p[1]! - before[1]!, p[2]! - before[2]!) : 0;
        }, { timeout: 30_000 })
        .toBeGreaterThan(20);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 420_000);
});
