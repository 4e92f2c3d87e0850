/**
 * The planner tools (issue 9) in real Chromium:
 * - Jiading (en): a link opens the height-limit tool on the Yuanxiang Lake plot (限高 120 m) with
 *   scheme yuanxiang-b shown; the list of buildings over the limit, in the hook and in the panel,
 *   equals the analysis run in Node on that scheme's buildings, and the tint is on.
 * - Yangpu (zh): a link opens a section box; the view clips to it (six planes), the city outside
 *   the box disappears from the picture, and a click on a cut-away building picks nothing.
 * - West Bund (en): the distance tool, clicked on two roof corners of a rectangular building,
 *   snaps to them and measures the footprint's edge exactly; a BIM floor of the West Bund Museum
 *   isolates (the hook, the shader's target tile, and the picture change).
 * A dead feed URL keeps the live layers quiet.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkHeightLimit, heightLimitOfPlot } from '../../src/analysis/heightLimit/check';
import type { Plot, ZonePlan } from '../../src/analysis/planning/types';
import { polygonCentroid } from '../../src/analysis/planning/polygon';
import type { ZoneFootprints } from '../../src/analysis/sunlight/zoneFootprints';
import { cityOfState, fromFootprint } from '../../src/ui/planning/sunlight/analysisInputs';
import { readDistJson, settleFrames } from '../support/browser-app';
import { savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, projectEnu, waitForHook } from '../support/browser-launch';
import { changedFraction } from '../support/browser-pixels';

afterAll(closeBrowser);

interface ToolsHook {
  active: string | null;
  state: string | null;
  compute: { status: string; error: string | null };
  results: { id: string; kind: string; values: Record<string, unknown> }[];
  heightLimit: { id: string; heightM: number; excessM: number }[] | null;
  render: { heightLimitOn?: boolean } | null;
  section: { planes: number; capped: boolean; handles: number } | null;
}
type WithTools = { tools: ToolsHook; planning: { status: string } };
const tools = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as WithTools).tools)) as ToolsHook);
const DEAD_FEED = { feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' };
const r2 = (v: number) => Math.round(v * 100) / 100;

describe('planner tools', () => {
  it('Jiading: the height limit of a plot, on a scheme, lists what Node lists', async () => {
    const plan = readDistJson<ZonePlan>('tiles/jiading/plan/plan.json');
    const site = plan.sites.find((s) => s.id === 'yuanxiang-b22')!;
    const plot = plan.plots.find((p) => p.id === site.plotId) as Plot;
    const zone = readDistJson<ZoneFootprints>('tiles/jiading/plan/footprints.json').buildings.map(fromFootprint);
    const state = cityOfState(zone, { plan, imported: [], siteId: site.id }, 'yuanxiang-b')!;
    const limit = heightLimitOfPlot(plot);
    if (!limit.ok) throw new Error(limit.problem);
    const want = checkHeightLimit(limit.value, state);
    if (!want.ok) throw new Error(want.problem);
    expect(want.value.over).toBeGreaterThan(0);

    const [cx, cy] = polygonCentroid(plot.ring);
    const cam = [cx - 250, cy - 420, 320, cx, cy, 30].map((v) => v.toFixed(1)).join(',');
    const app = await openApp({
      zone: 'jiading', lang: 'en', cam, site: site.id, pv: 'scheme', pr: 'yuanxiang-b',
      // The 3D diff off: its added-building overlay would cover the tint in the picture.
      lyr: 'diff:0', tool: 'height-limit', tprm: `mode:plot,plotId:${plot.id}`, ...DEAD_FEED,
    });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForHook(page, (h) => h.ready && (h as unknown as WithTools).planning.status === 'ready', 120_000);
      const snap = await waitForHook(page, (h) => (h as unknown as WithTools).tools.results.length > 0, 60_000);
      expect(snap.errorCounts.url ?? 0).toBe(0);
      const t = await tools(page);
      expect(t.results[0]).toMatchObject({ kind: 'height-limit', values: { limitM: 120, over: want.value.over, checked: want.value.checked } });
      expect(t.heightLimit).toEqual(want.value.exceedances.map((e) => ({ id: e.id, heightM: e.heightM, excessM: e.excessM })));
      const table = page.getByTestId('height-limit-table');
      await table.waitFor({ state: 'visible', timeout: 20_000 });
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows.length).toBe(want.value.over);
      expect(rows[0]).toContain(String(r2(want.value.exceedances[0]!.excessM)));
      await expect.poll(async () => (await tools(page)).render?.heightLimitOn ?? false, { timeout: 20_000 }).toBe(true);
      await waitForHook(page, (h) => h.tiles.settled, 60_000).catch(() => undefined);
      await settleFrames(page);
      await savePageScreenshot(page, 'planner-height-limit.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('Yangpu (zh): a section box from a link clips the city and cut-away parts pick nothing', async () => {
    const zone = readDistJson<ZoneFootprints>('tiles/yangpu/plan/footprints.json').buildings;
    // Two buildings 150–400 m apart: the box around the first cuts the second away.
    // Ordinary blocks (not the modelled bridge or landmarks): a simple footprint, housing or offices.
    const tall = zone.filter((b) => b.footprint.length <= 8 && !b.holes && (b.landUse === 'R' || b.landUse === 'B')).sort((a, b) => b.heightM - a.heightM);
    const keep = tall[0]!;
    const [kx, ky] = polygonCentroid(keep.footprint, keep.holes ?? []);
    const cut = tall.find((b) => {
      const [x, y] = polygonCentroid(b.footprint, b.holes ?? []);
      const d = Math.hypot(x - kx, y - ky);
      return d > 150 && d < 400 && b.heightM > 30;
    })!;
    expect(cut).toBeDefined();
    const [qx, qy] = polygonCentroid(cut.footprint, cut.holes ?? []);
    const mx = (kx + qx) / 2, my = (ky + qy) / 2;
    const d = Math.hypot(qx - kx, qy - ky);
    const cam = [mx - 0.3 * d, my - 1.6 * d, 1.1 * d, mx, my, 20].map((v) => v.toFixed(1)).join(',');
    const box = `${kx.toFixed(1)}_${ky.toFixed(1)}_0`;
    const app = await openApp({ zone: 'yangpu', lang: 'zh', cam, ...DEAD_FEED });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForHook(page, (h) => h.ready && h.tiles.settled && (h as unknown as WithTools).planning.status === 'ready', 120_000);
      await settleFrames(page);
      const p = await projectEnu(page, qx, qy, cut.heightM / 2);
      expect(p.visible).toBe(true);
      const rect = { x: p.x - 12, y: p.y - 12, width: 24, height: 24 };
      const before = await page.screenshot({ clip: rect });
      // Without a section, a click there picks the building.
      const selectedId = () => page.evaluate(() => window.__shentwin?.selected?.id ?? null);
      await page.mouse.click(p.x, p.y);
      await expect.poll(selectedId, { timeout: 10_000 }).toBe(cut.id);
      await page.keyboard.press('Escape');
      await expect.poll(selectedId, { timeout: 10_000 }).toBeNull();

      // The same view, with the section from a link (history keeps the camera).
      const url = new URL(page.url());
      url.searchParams.delete('sel');
      url.searchParams.set('tool', 'section');
      url.searchParams.set('tpts', box);
      url.searchParams.set('tprm', `sizeM:120_120_${Math.ceil(keep.heightM + 20)}`);
      await page.goto(url.toString());
      await waitForHook(page, (h) => h.ready && h.tiles.settled && (h as unknown as WithTools).planning.status === 'ready', 120_000);
      await expect.poll(async () => (await tools(page)).section?.planes ?? 0, { timeout: 30_000 }).toBe(6);
      const t = await tools(page);
      expect(t).toMatchObject({ active: 'section', state: 'editing' });
      await settleFrames(page, 4, 500);
      const after = await page.screenshot({ clip: rect });
      expect(await changedFraction(page, before, after), 'the cut-away building left the picture').toBeGreaterThan(0.5);
      await savePageScreenshot(page, 'planner-section-yangpu.png');

      // Kept as a result and the tool closed: the section stays (it is the selected result), and
      // a click where the cut-away building stood no longer picks it.
      const panel = page.getByTestId('tools-panel');
      await panel.getByRole('button', { name: '保留结果' }).click();
      await expect.poll(async () => (await tools(page)).results.length, { timeout: 20_000 }).toBe(1);
      await panel.getByRole('button', { name: '关闭工具' }).click();
      await expect.poll(async () => (await tools(page)).active, { timeout: 10_000 }).toBeNull();
      expect((await tools(page)).section?.planes).toBe(6);
      await page.mouse.click(p.x, p.y);
      await settleFrames(page, 3, 1000);
      expect(await selectedId(), 'a cut-away building is not there to pick').not.toBe(cut.id);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('West Bund (en): a distance snaps to two roof corners; a BIM floor isolates', async () => {
    const zone = readDistJson<ZoneFootprints>('tiles/westbund/plan/footprints.json').buildings;
    const b = zone.find((x) => x.id === 'gen:westbund:1831')!;
    expect(b.footprint.length).toBe(4);
    const [c0, c1] = [...b.footprint].sort((u, v) => u[1] - v[1] || u[0] - v[0]);
    const edge = Math.hypot(c1![0] - c0![0], c1![1] - c0![1]);
    const [cx, cy] = polygonCentroid(b.footprint);
    const cam = [cx, cy - 70, 190, cx, cy, 0].map((v) => v.toFixed(1)).join(',');
    const app = await openApp({ zone: 'westbund', lang: 'en', cam, ...DEAD_FEED });
    const { page } = app;
    try {
      await page.setViewportSize({ width: 1600, height: 900 });
      await waitForHook(page, (h) => h.ready && h.tiles.settled && (h as unknown as WithTools).planning.status === 'ready', 120_000);
      const panel = page.getByTestId('tools-panel');
      await panel.getByRole('button', { name: 'Distance', exact: true }).click();
      await expect.poll(async () => (await tools(page)).state, { timeout: 10_000 }).toBe('placing');
      await settleFrames(page);
      for (const c of [c0!, c1!]) {
        const p = await projectEnu(page, c[0], c[1], b.heightM);
        expect(p.visible).toBe(true);
        // Two px inside the corner: on the roof, within the snapping tolerance of the vertex.
        const q = await projectEnu(page, cx, cy, b.heightM);
        const len = Math.hypot(q.x - p.x, q.y - p.y);
        await page.mouse.click(p.x + ((q.x - p.x) / len) * 2, p.y + ((q.y - p.y) / len) * 2);
        await page.waitForTimeout(300);
      }
      await expect.poll(async () => (await tools(page)).results.length, { timeout: 30_000 }).toBe(1);
      const d = (await tools(page)).results[0]!;
      expect(d.kind).toBe('measure-distance');
      expect(d.values.horizontalM as number).toBeCloseTo(edge, 2);
      expect(d.values.verticalM as number).toBeCloseTo(0, 2);
      expect(await panel.getByTestId('tool-results').innerText()).toContain('Scheme reference');
      await savePageScreenshot(page, 'planner-measure-westbund.png');
      await page.keyboard.press('Escape');

      // BIM floors: the West Bund Museum, close enough for its CIM5 model.
      const museum = zone.find((x) => x.id === 'osm:way/745277168')!;
      const [mx, my] = polygonCentroid(museum.footprint, museum.holes ?? []);
      const url = new URL(page.url());
      url.searchParams.set('cam', [mx - 60, my - 90, 60, mx, my, 8].map((v) => v.toFixed(1)).join(','));
      url.searchParams.set('sel', museum.id);
      url.searchParams.delete('tool');
      await page.goto(url.toString());
      await waitForHook(page, (h) => h.ready && h.tiles.settled && (h as unknown as WithTools).planning.status === 'ready', 120_000);
      const bim = page.getByTestId('bim-floors');
      await bim.locator('li[data-floor="2"] button').waitFor({ state: 'visible', timeout: 30_000 });
      await settleFrames(page);
      const m = await projectEnu(page, mx, my, 9);
      const rect = { x: m.x - 60, y: m.y - 60, width: 120, height: 120 };
      const before = await page.screenshot({ clip: rect });
      await bim.locator('li[data-floor="2"] button').click();
      type BimHook = { tools: { bim: { isolatedFloor: number | null }; bimRender: { targetLoaded: boolean } | null } };
      await expect.poll(() => page.evaluate(() => (window.__shentwin as unknown as BimHook).tools.bim.isolatedFloor), { timeout: 10_000 }).toBe(2);
      // The museum's CIM5 tile carries the floors and is the one the shader acts on.
      await expect.poll(() => page.evaluate(() => (window.__shentwin as unknown as BimHook).tools.bimRender?.targetLoaded ?? false), { timeout: 60_000 }).toBe(true);
      await settleFrames(page, 4, 500);
      const after = await page.screenshot({ clip: rect });
      expect(await changedFraction(page, before, after), 'the other floors are ghosted').toBeGreaterThan(0.05);
      await savePageScreenshot(page, 'planner-bim-westbund.png');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 360_000);
});
