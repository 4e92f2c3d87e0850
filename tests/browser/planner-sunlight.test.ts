/**
 * The sunlight-hours analysis (日照分析) in real Chromium, on West Bund next to the AI-cluster
 * site (plan.json sites[0]):
 * - a shared link with the analysis settings (profile, spacing 6 m, a polygon round the three
 *   residential buildings nearest the site) restores them and recomputes the result in the
 *   workers: `analysis.sunlight` reaches done with as many receivers as the engine's own receiver
 *   function gives for those buildings, and a plausible range (0 ≤ min ≤ max ≤ 8 h);
 * - the facades are coloured: the sunlight layer draws one window quad per receiver, and its
 *   pass/fail counts equal the result's;
 * - a bigger run (every residential building of the nearest residential plot), started from the
 *   panel, is cancelled from the panel: status cancelled, before it finished.
 * A dead feed URL keeps the live layers quiet. Receiver counts stay modest: 2 cores, SwiftShader.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { polygonCentroid, pointInPolygon } from '../../src/analysis/planning/polygon';
import type { Ring } from '../../src/analysis/planning/types';
import { resolveProfile } from '../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../src/analysis/sunlight/receivers';
import type { ZoneFootprints } from '../../src/analysis/sunlight/zoneFootprints';
import { readDistJson } from '../support/browser-app';
import { savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { readPlan, siteRing } from '../support/browser-planning';

afterAll(closeBrowser);

interface SunlightHook {
  status: string;
  profile: string;
  progress: number;
  receivers: number;
  passed: number;
  failed: number;
  minHours: number | null;
  maxHours: number | null;
  impact: { worsened: number; newlyFailing: number };
  error: string | null;
  render: { windowInstances: number; windowsPassed: number; windowsFailed: number } | null;
}
type WithAnalysis = { analysis: { sunlight: SunlightHook }; planning: { status: string } };
const sunlight = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as WithAnalysis).analysis.sunlight)) as SunlightHook);

const SPACING_M = 6;
const PROFILE = 'gb50180-dahan';
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };
/** Workers on 2 cores without a GPU: a few hundred windows × 480 steps, plus the zone's casters. */
const RUN_TIMEOUT_MS = 150_000;

const centre = (r: Ring): [number, number] => [
  r.reduce((a, p) => a + p[0], 0) / r.length,
  r.reduce((a, p) => a + p[1], 0) / r.length,
];
const r1 = (v: number) => Math.round(v * 10) / 10;

describe('sunlight analysis (West Bund, next to the AI-cluster site)', () => {
  it('recomputes a shared analysis, colours the facades, and cancels a run', async () => {
    const plan = readPlan('westbund');
    const site = plan.sites[0]!;
    const [sx, sy] = centre(siteRing(plan, site.id));
    const zone = readDistJson<ZoneFootprints>('tiles/westbund/plan/footprints.json').buildings;
    const residential = zone.filter((b) => b.landUse === 'R');
    const dist = (b: { footprint: Ring; holes?: Ring[] }, x: number, y: number) => {
      const [cx, cy] = polygonCentroid(b.footprint, b.holes ?? []);
      return Math.hypot(cx - x, cy - y);
    };
    // The residential building nearest the site and its two nearest neighbours: a small cluster.
    const first = [...residential].sort((a, b) => dist(a, sx, sy) - dist(b, sx, sy))[0]!;
    const [fx, fy] = polygonCentroid(first.footprint, first.holes ?? []);
    const cluster = [...residential].sort((a, b) => dist(a, fx, fy) - dist(b, fx, fy)).slice(0, 3);
    const xs = cluster.flatMap((b) => b.footprint.map((p) => p[0]));
    const ys = cluster.flatMap((b) => b.footprint.map((p) => p[1]));
    const poly: Ring = [
      [r1(Math.min(...xs) - 1), r1(Math.min(...ys) - 1)],
      [r1(Math.max(...xs) + 1), r1(Math.min(...ys) - 1)],
      [r1(Math.max(...xs) + 1), r1(Math.max(...ys) + 1)],
      [r1(Math.min(...xs) - 1), r1(Math.max(...ys) + 1)],
    ];
    // What the panel will pick: every residential building whose centroid lies in the polygon.
    const inside = residential.filter((b) => pointInPolygon(polygonCentroid(b.footprint, b.holes ?? []), poly));
    expect(inside.length).toBeGreaterThanOrEqual(3);
    expect(inside.length).toBeLessThanOrEqual(12);
    const profile = resolveProfile(PROFILE);
    const expected = facadeReceivers(inside, { spacingM: SPACING_M, sillHeightM: profile.sillHeightM, floorHeightM: profile.floorHeightM }).length;
    expect(expected).toBeGreaterThan(0);

    // The nearest residential plot, for the bigger run that is cancelled.
    const rPlot = [...plan.plots]
      .filter((p) => (p as unknown as { landUse?: string }).landUse === 'R')
      .sort((a, b) => Math.hypot(centre(a.ring)[0] - sx, centre(a.ring)[1] - sy) - Math.hypot(centre(b.ring)[0] - sx, centre(b.ring)[1] - sy))[0]!;

    const cam = [fx - 120, fy - 160, 140, fx, fy, 10].map((v) => v.toFixed(1)).join(',');
    const app = await openApp({
      zone: 'westbund', lang: 'en', cam, site: site.id,
      sl: PROFILE, slsp: SPACING_M, sls: 'existing', slr: `polygon:${poly.map(([e, n]) => `${e}_${n}`).join('~')}`,
      ...DEAD_FEED,
    });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForHook(page, (h) => h.ready && (h as unknown as WithAnalysis).planning.status === 'ready', 120_000);

      // The link restored the settings and the result is recomputed, not carried.
      const done = await waitForHook(page, (h) => {
        const s = (h as unknown as WithAnalysis).analysis.sunlight;
        return s.status === 'done' || s.status === 'failed';
      }, RUN_TIMEOUT_MS);
      expect(done.errorCounts.url ?? 0).toBe(0);
      const s = await sunlight(page);
      expect(s.error).toBeNull();
      expect(s).toMatchObject({ status: 'done', profile: PROFILE, progress: 1 });
      expect(s.receivers).toBe(expected);
      expect(s.passed + s.failed).toBe(s.receivers);
      expect(s.minHours).not.toBeNull();
      expect(s.minHours!).toBeGreaterThanOrEqual(0);
      expect(s.maxHours!).toBeGreaterThanOrEqual(s.minHours!);
      expect(s.maxHours!).toBeLessThanOrEqual(8);
      // North windows on 大寒日 get little or nothing; a free south window gets much of the window.
      expect(s.maxHours!).toBeGreaterThan(s.minHours!);
      expect(s.impact).toEqual({ worsened: 0, newlyFailing: 0 });

      // Facades are coloured: one instanced quad per window, pass/fail as in the result.
      await waitForHook(page, (h, n) => ((h as unknown as WithAnalysis).analysis.sunlight.render?.windowInstances ?? 0) === n, 30_000, s.receivers);
      const drawn = (await sunlight(page)).render!;
      expect(drawn.windowsPassed).toBe(s.passed);
      expect(drawn.windowsFailed).toBe(s.failed);
      const panel = page.getByTestId('sunlight-panel');
      expect(await panel.getByTestId('sunlight-receivers').innerText()).toBe(String(s.receivers));
      expect(await panel.innerText()).toContain('Scheme reference, not a statutory finding');
      // The picture for people (and the README) shows the city around the coloured windows.
      await waitForHook(page, (h) => h.tiles.settled, 60_000).catch(() => undefined);
      await savePageScreenshot(page, 'planner-sunlight.png');

      // The link now carries the settings (written back after a short debounce).
      await expect.poll(() => new URL(page.url()).searchParams.get('sl'), { timeout: 10_000 }).toBe(PROFILE);
      expect(new URL(page.url()).searchParams.get('slr')).toMatch(/^polygon:/);

      // A bigger run from the panel, cancelled while it computes.
      await panel.getByRole('radio', { name: 'Residential buildings of a plot' }).check();
      await panel.getByTestId('sunlight-plot').selectOption(rPlot.id);
      await panel.getByRole('button', { name: 'Run analysis', exact: true }).click();
      // Clicked from inside the page as soon as it shows: a Playwright click's actionability
      // checks took long enough on a loaded CI machine for the run to finish first.
      await page.waitForFunction(
        () => {
          const panelEl = document.querySelector('[data-testid="sunlight-panel"]');
          const cancel = [...(panelEl?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Cancel');
          if (!cancel) return false;
          cancel.click();
          return true;
        },
        undefined,
        { polling: 10, timeout: 60_000 },
      );
      await waitForHook(page, (h) => (h as unknown as WithAnalysis).analysis.sunlight.status === 'cancelled', 10_000);
      const c = await sunlight(page);
      expect(c.status).toBe('cancelled');
      expect(c.progress).toBeLessThan(1);
      expect(await panel.getByTestId('sunlight-status').innerText()).toBe('Cancelled');
      // The UI answers straight away, and a new run can start.
      expect(await panel.getByRole('button', { name: 'Run analysis', exact: true }).isEnabled()).toBe(true);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
