/**
 * The planner's comparison in real Chromium, on West Bund's AI-cluster site, opened from a shared
 * link (swipe, existing | scheme A):
 * - the link restores the comparison (site, states, layout, divider);
 * - the existing buildings on the site are hidden per feature id while the scheme shows;
 * - pixels inside the site differ between the two sides of the divider, and dragging the divider
 *   (mouse, then a real touch drag) moves the boundary;
 * - the board's numbers equal the hook's; the CSV export has a row per indicator and state;
 * - a scheme file brought in through the file input appears in the hook and on the board, and a
 *   bad file shows its error and bumps the counter while everything else keeps working.
 * A dead feed URL keeps vehicles off the screen, so only the plan states change pixels.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveArtifact, savePageScreenshot } from '../support/browser-artifacts';
import { waitForZoneSettled } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import { boardValues, readPlan, rectDiff, ringScreenRect, siteCam, siteRing, touchDrag, type Rect } from '../support/browser-planning';

afterAll(closeBrowser);

const VIEW = { width: 1600, height: 900 };
const HIDE_HUD = '.st-hud, .st-compare { visibility: hidden !important; }';

interface PlanningHook {
  status: string;
  view: { mode: string; left: string; right: string; layout: string; dividerX: number };
  schemes: { id: string; source: string; buildings: number }[];
  sites: { id: string; indicators: Record<string, Record<string, number>>; compliance: Record<string, Record<string, string>> }[];
  diff: { added: number; removed: number; taller: number; lower: number };
  render: { applied: string; hiddenExistingFeatures: number; hideableExistingFeatures: number } | null;
}

const planning = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window.__shentwin as unknown as { planning: unknown }).planning)) as PlanningHook);

async function viewShot(page: Page): Promise<Buffer> {
  const style = await page.addStyleTag({ content: HIDE_HUD });
  // A few frames so every pass of the new divider position is on screen.
  const f0 = await page.evaluate(() => (window.__shentwin?.render?.frames as number | undefined) ?? 0);
  await page.waitForFunction((f) => ((window.__shentwin?.render?.frames as number | undefined) ?? 0) > f + 3, f0, { timeout: 30_000 });
  const png = await page.screenshot();
  await style.evaluate((el) => (el as HTMLElement).remove());
  return png;
}

async function dragDividerTo(page: Page, x: number): Promise<void> {
  const box = await page.getByTestId('compare-divider').boundingBox();
  if (!box) throw new Error('no divider on screen');
  // The grip sits at mid-height; lower down the divider may run under a panel, which takes the press.
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 6 });
  await page.mouse.up();
}

const band = (r: Rect, x0: number, x1: number): Rect => ({ x: Math.round(x0), y: r.y, w: Math.max(1, Math.round(x1 - x0)), h: r.h });

describe('planner comparison (West Bund, scheme A)', () => {
  it('restores a swipe from a link, hides the site, moves the boundary with the divider, and its board equals the hook', async () => {
    const plan = readPlan('westbund');
    const site = plan.sites[0]!;
    const [schemeA, schemeB] = plan.schemes.filter((s) => s.siteId === site.id);
    expect(schemeA && schemeB).toBeTruthy();
    const ring = siteRing(plan, site.id);
    const app = await openApp({
      zone: 'westbund', cam: siteCam(ring), site: site.id, pv: 'compare', pl: 'existing', pr: schemeA!.id, layout: 'swipe', div: '0.5',
      feed: 'ws', feedUrl: 'ws://127.0.0.1:1/',
    });
    const { page } = app;
    try {
      await page.setViewportSize(VIEW);
      await waitForZoneSettled(page, 'westbund');
      await waitForHook(page, (h, id) => {
        const t = h.tilesets[`scheme:${id}`];
        return Boolean(t?.settled && t.loaded > 0) && (h as unknown as { planning: { status: string } }).planning.status === 'ready';
      }, 120_000, schemeA!.id);

      // The link restored the comparison.
      const p0 = await planning(page);
      expect(p0.view).toMatchObject({ mode: 'compare', left: 'existing', right: schemeA!.id, layout: 'swipe', dividerX: 0.5 });
      // Hidden per feature id in the scheme's pane (the last one drawn), drawn in the other.
      expect(p0.render?.hideableExistingFeatures).toBeGreaterThan(0);
      expect(p0.render?.applied).toBe(schemeA!.id);
      expect(p0.render?.hiddenExistingFeatures).toBe(p0.render?.hideableExistingFeatures);
      expect(p0.diff.added + p0.diff.taller + p0.diff.lower).toBeGreaterThan(0);

      const topM = Math.max(...schemeA!.buildings.map((b) => b.heightM), 60);
      const rect = await ringScreenRect(page, ring, topM, VIEW);
      expect(rect.w).toBeGreaterThan(100);
      const x1 = rect.x + rect.w * 0.25;
      const x2 = rect.x + rect.w * 0.75;

      await dragDividerTo(page, 1);
      await waitForHook(page, (h) => (h as unknown as { planning: PlanningHook }).planning.view.dividerX < 0.01, 10_000);
      const allScheme = await viewShot(page);
      await dragDividerTo(page, VIEW.width - 1);
      await waitForHook(page, (h) => (h as unknown as { planning: PlanningHook }).planning.view.dividerX > 0.99, 10_000);
      const allExisting = await viewShot(page);
      // The two states really differ inside the site.
      expect(await rectDiff(page, allScheme, allExisting, rect)).toBeGreaterThan(0.03);

      // Divider at the first quarter of the site: the middle band shows the scheme (right side).
      await dragDividerTo(page, x1);
      const atX1 = await viewShot(page);
      const mid = band(rect, x1 + 30, x2 - 30);
      const d1Scheme = await rectDiff(page, atX1, allScheme, mid);
      const d1Existing = await rectDiff(page, atX1, allExisting, mid);
      expect(d1Scheme).toBeLessThan(d1Existing);
      // Left of the divider it is still today's city.
      const left = band(rect, rect.x, x1 - 30);
      if (left.w > 20) expect(await rectDiff(page, atX1, allExisting, left)).toBeLessThanOrEqual(await rectDiff(page, atX1, allScheme, left));

      // A real touch drag moves the divider past the band: now the band shows today.
      const box = await page.getByTestId('compare-divider').boundingBox();
      await touchDrag(page, { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 }, { x: x2, y: box!.y + box!.height / 2 });
      const p1 = await waitForHook(page, (h, x) => Math.abs((h as unknown as { planning: PlanningHook }).planning.view.dividerX - x) < 0.02, 10_000, x2 / VIEW.width);
      expect(p1).toBeTruthy();
      const atX2 = await viewShot(page);
      expect(await rectDiff(page, atX2, allExisting, mid)).toBeLessThan(await rectDiff(page, atX2, allScheme, mid));
      await saveShot(page, 'planner-swipe.png');

      // The board's numbers are the hook's.
      const hook = await planning(page);
      const hookSite = hook.sites.find((s) => s.id === site.id)!;
      const board = await boardValues(page);
      for (const state of ['existing', schemeA!.id]) {
        expect(Object.keys(board[state] ?? {}).length).toBeGreaterThanOrEqual(7);
        for (const [k, v] of Object.entries(board[state]!)) expect(v).toBeCloseTo(hookSite.indicators[state]![k]!, 6);
      }
      expect(Object.keys(hookSite.compliance[schemeA!.id]!).sort()).toEqual(['density', 'far', 'greenRatio', 'maxHeightM']);
      await saveArtifact('planner-board.png', await page.getByTestId('compliance-board').screenshot());

      // CSV export: a header, a row per indicator and state, and the 示意 note.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      const rows = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
      const states = Object.keys(hookSite.indicators).length;
      expect(rows.length).toBeGreaterThanOrEqual(1 + 9 * states);
      expect(csv).toContain('示意');
      expect(rows.filter((r) => r.includes('far') || r.includes('容积率')).length).toBeGreaterThanOrEqual(states);

      // Import: a good file appears as an imported scheme and on the board; a bad one is refused alone.
      const source = JSON.parse(readFileSync(resolve('tiles/westbund/schemes', `${schemeA!.id}.geojson`), 'utf8')) as { 'shentwin:scheme': Record<string, string>; features: { geometry: { coordinates: number[][][] } }[] };
      source['shentwin:scheme'] = { ...source['shentwin:scheme'], id: 'my-design', name: '我的方案', nameEn: 'My design' };
      // The scheme import's own file input (the tools panel has one too, for results).
      const input = page.getByTestId('scheme-drop').locator('input[type=file]');
      await input.setInputFiles({ name: 'my-design.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(source)) });
      const withImport = await waitForHook(page, (h) => (h as unknown as { planning: PlanningHook }).planning.schemes.some((s) => s.source === 'imported'), 20_000);
      const importedId = (withImport as unknown as { planning: PlanningHook }).planning?.schemes.find((s) => s.source === 'imported')?.id
        ?? (await planning(page)).schemes.find((s) => s.source === 'imported')!.id;
      await expect.poll(async () => Object.keys((await boardValues(page))[importedId] ?? {}).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(7);

      const bad = JSON.parse(JSON.stringify(source)) as typeof source;
      bad['shentwin:scheme'].id = 'broken';
      bad.features[0]!.geometry.coordinates[0]![1]![1] = 91;
      await input.setInputFiles({ name: 'broken.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(bad)) });
      const err = page.locator('.st-plan-import__err[data-file="broken.geojson"]');
      await expect.poll(() => err.count(), { timeout: 10_000 }).toBe(1);
      expect(await err.innerText()).toContain('broken.geojson');
      const after = await waitForHook(page, (h) => h.errorCounts.import >= 1, 10_000);
      expect(after.errorCounts.import).toBe(1);
      const p2 = await planning(page);
      expect(p2.schemes.map((s) => s.id)).toEqual(expect.arrayContaining([schemeA!.id, schemeB!.id, importedId]));
      expect(p2.schemes.some((s) => s.id === 'broken')).toBe(false);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 600_000);
});

async function saveShot(page: Page, name: string): Promise<void> {
  await savePageScreenshot(page, name);
}
