/**
 * The planner workbench in the other two zones and the other two comparison layouts:
 * - Jiading (zh), scheme B alone: its tileset streams with no failures, the site's existing
 *   buildings are hidden, the board equals the hook and B fails at least one 控规 limit; a click
 *   on a green plot (no buildings on it) selects the plot and its panel shows the plot code.
 * - Yangpu (en), A | B side by side from a link, then the toggle layout driven from the panel.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, projectEnu, waitForHook } from '../support/browser-launch';
import { pointInRing } from '../../src/layers/planning/meshModel';
import { boardValues, readPlan, siteCam, siteRing } from '../support/browser-planning';

afterAll(closeBrowser);


interface PlanningHook {
  status: string;
  selectedPlotId: string | null;
  view: { mode: string; left: string; right: string; layout: string; toggleSide: string };
  sites: { id: string; indicators: Record<string, Record<string, number>>; compliance: Record<string, Record<string, string>> }[];
  render: { applied: string; hiddenExistingFeatures: number } | null;
}
type WithPlanning = { planning: PlanningHook };
const planning = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as WithPlanning).planning)) as PlanningHook);
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };

async function waitScheme(page: Page, schemeId: string): Promise<void> {
  await waitForHook(page, (h, id) => {
    const t = h.tilesets[`scheme:${id}`];
    return Boolean(t?.settled && t.loaded > 0 && t.failed === 0) && (h as unknown as WithPlanning).planning.status === 'ready';
  }, 120_000, schemeId);
}

describe('planner workbench in Jiading and Yangpu', () => {
  it('Jiading: a scheme alone hides the site, fails a limit on the board, and a ground click picks a plot', async () => {
    const plan = readPlan('jiading');
    const site = plan.sites[0]!;
    const schemeB = plan.schemes.filter((s) => s.siteId === site.id)[1]!;
    // A green plot has no buildings: looking straight down at its centre, a click lands on it.
    const full = JSON.parse(JSON.stringify(plan)) as {
      plots: { id: string; code: string; ring: [number, number][]; holes?: [number, number][][]; landUse?: string }[];
      controlLines: { kind: string; ring: [number, number][] }[];
    };
    // A point of a green plot away from water, roads and holes: the plot is all that is there.
    const water = full.controlLines.filter((l) => l.kind === 'blue' || l.kind === 'red').map((l) => l.ring);
    const green = full.plots.filter((x) => x.landUse === 'G').map((x) => {
      const xs = x.ring.map((q) => q[0]);
      const ys = x.ring.map((q) => q[1]);
      for (let i = 1; i < 10; i++) {
        for (let j = 1; j < 10; j++) {
          const p: [number, number] = [Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 10, Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * j) / 10];
          if (pointInRing(x.ring, p[0], p[1]) && !(x.holes ?? []).some((h) => pointInRing(h, p[0], p[1])) && !water.some((w) => pointInRing(w, p[0], p[1]))) return { ...x, c: p };
        }
      }
      return null;
    }).find((x) => x !== null);
    expect(green).toBeTruthy();
    const app = await openApp({ zone: 'jiading', cam: siteCam(siteRing(plan, site.id)), site: site.id, pv: 'scheme', pr: schemeB.id, ...DEAD_FEED });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForZoneSettled(page, 'jiading');
      await waitScheme(page, schemeB.id);
      const p = await planning(page);
      expect(p.view).toMatchObject({ mode: 'scheme', right: schemeB.id });
      expect(p.render?.applied).toBe(schemeB.id);
      expect(p.render?.hiddenExistingFeatures).toBeGreaterThan(0);
      const hookSite = p.sites.find((s) => s.id === site.id)!;
      expect(Object.values(hookSite.compliance[schemeB.id]!)).toContain('fail');
      const board = await boardValues(page);
      for (const [k, v] of Object.entries(board[schemeB.id] ?? {})) expect(v).toBeCloseTo(hookSite.indicators[schemeB.id]![k]!, 6);
      expect(Object.keys(board[schemeB.id] ?? {}).length).toBeGreaterThanOrEqual(7);
      // The board marks the failure in words, not only in colour.
      expect(await page.getByTestId('compliance-board').innerText()).toContain('不达标');

      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
    const topDown = await openApp({ zone: 'jiading', cam: `${green!.c[0]},${green!.c[1] - 1},300,${green!.c[0]},${green!.c[1]},0`, ...DEAD_FEED });
    try {
      const page2 = topDown.page;
      await page2.setViewportSize({ width: 1600, height: 900 });
      await waitForZoneSettled(page2, 'jiading');
      await waitForHook(page2, (h) => (h as unknown as WithPlanning).planning.status === 'ready', 30_000);
      const at = await projectEnu(page2, green!.c[0], green!.c[1], 0);
      await page2.mouse.click(at.x, at.y);
      const picked = await waitForHook(page2, (h) => (h as unknown as WithPlanning).planning.selectedPlotId !== null, 20_000);
      const plotId = (picked as unknown as WithPlanning).planning?.selectedPlotId ?? (await planning(page2)).selectedPlotId;
      const plot = full.plots.find((x) => x.id === plotId)!;
      expect(plot).toBeTruthy();
      const panel = page2.locator(`.st-plan-plot[data-plot="${plot.id}"]`);
      await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(1);
      expect(await panel.innerText()).toContain(plot.code);
      expect(await panel.innerText()).toContain('示意');
      expect(topDown.pageErrors).toEqual([]);
    } finally {
      await topDown.close();
    }
  }, 330_000);

  it('Yangpu (English): A | B side by side from a link, then the toggle layout', async () => {
    const plan = readPlan('yangpu');
    const site = plan.sites[0]!;
    const [a, b] = plan.schemes.filter((s) => s.siteId === site.id);
    const app = await openApp({ zone: 'yangpu', lang: 'en', cam: siteCam(siteRing(plan, site.id)), site: site.id, pv: 'compare', pl: a!.id, pr: b!.id, layout: 'split', ...DEAD_FEED });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForZoneSettled(page, 'yangpu');
      await waitScheme(page, a!.id);
      await waitScheme(page, b!.id);
      const p = await planning(page);
      expect(p.view).toMatchObject({ mode: 'compare', left: a!.id, right: b!.id, layout: 'split' });
      // Two passes a frame; the last one drawn is the right-hand state.
      expect(p.render?.applied).toBe(b!.id);
      const labels = await page.getByTestId('compare-overlay').innerText();
      expect(labels).toMatch(/Scheme A/);
      expect(labels).toMatch(/Scheme B/);
      expect(await page.getByTestId('compliance-board').innerText()).toMatch(/Scheme reference/i);

      await page.getByRole('radio', { name: 'Toggle' }).check();
      await waitForHook(page, (h) => (h as unknown as WithPlanning).planning.view.layout === 'toggle', 10_000);
      await waitForHook(page, (h, id) => (h as unknown as WithPlanning).planning.render?.applied === id, 10_000, b!.id);
      await page.getByRole('button', { name: /^Switch to/ }).click();
      await waitForHook(page, (h, id) => (h as unknown as WithPlanning).planning.render?.applied === id, 10_000, a!.id);
      expect(new URL(page.url()).searchParams.get('layout')).toBe('toggle');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
