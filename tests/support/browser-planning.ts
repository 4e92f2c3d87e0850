/**
 * Helpers of the planner browser tests: the zone's plan as shipped in dist/, a camera that frames
 * a site, pixel differences inside a screen rectangle, and the compliance board's numbers.
 */
import type { Page } from 'playwright-core';
import { readDistJson, type ZoneId } from './browser-app';
import { projectEnu } from './browser-launch';
import { changedFraction } from './browser-pixels';

export interface DistPlan {
  zoneId: string;
  plots: { id: string; code: string; ring: [number, number][] }[];
  sites: { id: string; plotId: string; existing: { id: string }[] }[];
  schemes: { id: string; siteId: string; buildings: { id: string; heightM: number }[] }[];
}

export function readPlan(zone: ZoneId): DistPlan {
  return readDistJson<DistPlan>(`tiles/${zone}/plan/plan.json`);
}

export function siteRing(plan: DistPlan, siteId: string): [number, number][] {
  const site = plan.sites.find((s) => s.id === siteId);
  const plot = plan.plots.find((p) => p.id === site?.plotId);
  if (!plot) throw new Error(`no plot for site ${siteId}`);
  return plot.ring;
}

/** An oblique view from the south-west that fits the site's ring. */
export function siteCam(ring: [number, number][]): string {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const r = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2;
  const d = Math.max(300, 2.6 * r);
  const f = (v: number) => v.toFixed(1);
  return [cx, cy - d * 0.75, d * 0.75, cx, cy, 0].map(f).join(',');
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Screen bounding box of a ground ring and its buildings (up to `topM`), clamped to the view. */
export async function ringScreenRect(page: Page, ring: [number, number][], topM: number, view: { width: number; height: number }): Promise<Rect> {
  const pts: { x: number; y: number }[] = [];
  for (const [e, n] of ring) for (const u of [0, topM]) pts.push(await projectEnu(page, e, n, u));
  const x0 = Math.max(0, Math.min(...pts.map((p) => p.x)));
  const y0 = Math.max(0, Math.min(...pts.map((p) => p.y)));
  const x1 = Math.min(view.width, Math.max(...pts.map((p) => p.x)));
  const y1 = Math.min(view.height, Math.max(...pts.map((p) => p.y)));
  return { x: Math.round(x0), y: Math.round(y0), w: Math.round(x1 - x0), h: Math.round(y1 - y0) };
}

/** Share of pixels inside `rect` that differ by more than `tolerance` in any channel. */
export function rectDiff(page: Page, a: Buffer, b: Buffer, rect: Rect, tolerance = 24): Promise<number> {
  return changedFraction(page, a, b, tolerance, rect);
}

/** The board's raw numbers: `{ [stateId]: { [indicator]: value } }` from the data attributes. */
export async function boardValues(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.evaluate(() => {
    const out: Record<string, Record<string, number>> = {};
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-indicator][data-state][data-role="value"]'))) {
      const state = el.dataset.state ?? '';
      if (state === 'diff') continue;
      (out[state] ??= {})[el.dataset.indicator ?? ''] = Number(el.dataset.value);
    }
    return out;
  });
}

/** A one-finger drag with real touch events (CDP), as a kiosk or tablet user would. */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const at = (t: number) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}
