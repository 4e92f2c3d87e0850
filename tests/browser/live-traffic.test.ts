/**
 * Live traffic with the real built-in simulator (a module worker in the page): vehicles are drawn
 * instanced, their drawn (interpolated) positions change over time and stay on the zone's roads
 * as roads.json describes them, and clicking a vehicle selects it and keeps it in view.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../src/core/roadGraph';
import { savePageScreenshot } from '../support/browser-artifacts';
import { readDistJson } from '../support/browser-app';
import { closeBrowser, openApp, projectEnu, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

const ZONE = 'westbund';
/** The simulator draws each lane 3.5 m further right (sim/traffic/vehicleClasses.ts LANE_WIDTH_M); plus a margin. */
const LANE_M = 3.5;
const MARGIN_M = 3;

interface Pose {
  id: string;
  x: number;
  y: number;
}

interface LiveHook extends ShenTwinHook {
  live: { drawCalls: number; stats: { traffic?: { drawn: number; byClass: number[] }; sensors?: { drawn: number } } } | null;
  liveSelected: { kind: string; id: string } | null;
  followVehicle: boolean;
  liveVehicles(n: number): Pose[] | null;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** How far a point is outside the nearest road's carriageway (≤ 0 means on the road). */
function offRoadM(graph: RoadGraph, x: number, y: number): number {
  let best = Infinity;
  for (const e of graph.edges) {
    const half = e.lanes * LANE_M + MARGIN_M;
    for (let i = 0; i + 1 < e.points.length; i++) {
      const [ax, ay] = e.points[i]!;
      const [bx, by] = e.points[i + 1]!;
      best = Math.min(best, distToSegment(x, y, ax, ay, bx, by) - half);
    }
  }
  return best;
}

const poses = (page: import('playwright-core').Page, n: number) =>
  page.evaluate((k) => (window.__shentwin as unknown as LiveHook).liveVehicles(k) ?? [], n);

describe('live traffic', () => {
  it('vehicles move over time, stay on the roads, and a clicked vehicle is selected and followed', async () => {
    const t0 = Date.now();
    const graph = readDistJson<RoadGraph>(`tiles/${ZONE}/roads.json`);
    const app = await openApp({ zone: ZONE, cam: '0,-1500,1300,0,0,0' });
    const { page } = app;
    try {
      await waitForHook(
        page,
        (h) => (h as LiveHook).ready && h.feed.status === 'connected' && ((h as LiveHook).live?.stats.traffic?.drawn ?? 0) > 20,
        120_000,
      );
      const loadedMs = Date.now() - t0;
      const first = await poses(page, 400);
      await page.waitForTimeout(5000);
      const second = await poses(page, 400);
      const before = new Map(first.map((p) => [p.id, p]));
      const common = second.filter((p) => before.has(p.id));
      const moved = common.filter((p) => Math.hypot(p.x - before.get(p.id)!.x, p.y - before.get(p.id)!.y) > 1);
      expect(common.length).toBeGreaterThan(20);
      // Some vehicles wait at red lights or in queues; most move in five seconds.
      expect(moved.length / common.length).toBeGreaterThan(0.3);

      const all = [...first, ...second];
      const off = all.map((p) => offRoadM(graph, p.x, p.y));
      const offRoad = off.filter((d) => d > 0);
      expect(all.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
      expect(offRoad.length / all.length).toBeLessThan(0.01);
      expect(Math.max(...off)).toBeLessThan(15);

      // Instanced: a handful of draw calls for every vehicle and sensor, whatever their number.
      const snap = (await page.evaluate(() => {
        const h = window.__shentwin as unknown as LiveHook;
        return { live: JSON.parse(JSON.stringify(h.live)) as LiveHook['live'], vehicles: h.feed.counts.vehicles };
      }));
      expect(snap.live!.drawCalls).toBeLessThan(30);
      expect(snap.live!.stats.traffic!.drawn).toBeGreaterThan(0.9 * snap.vehicles);

      // Click a vehicle near the middle of the view: it is selected, followed, and stays on screen.
      const candidates = await poses(page, 400);
      let target: { pose: Pose; x: number; y: number } | null = null;
      for (const pose of candidates) {
        const s = await projectEnu(page, pose.x, pose.y, 2);
        if (s.visible && s.x > 250 && s.x < 750 && s.y > 150 && s.y < 500) {
          target = { pose, x: s.x, y: s.y };
          break;
        }
      }
      expect(target).not.toBeNull();
      const fresh = (await poses(page, 400)).find((p) => p.id === target!.pose.id)!;
      const at = await projectEnu(page, fresh.x, fresh.y, 2);
      await page.mouse.click(at.x, at.y);
      await waitForHook(page, (h) => (h as LiveHook).liveSelected?.kind === 'vehicle', 15_000);
      const sel = await page.evaluate(() => {
        const h = window.__shentwin as unknown as LiveHook;
        return { id: h.liveSelected!.id, follow: h.followVehicle };
      });
      const id = sel.id;
      expect(sel.follow).toBe(true);
      await expect.poll(() => page.getByTestId('vehicle-panel').getAttribute('data-vehicle-id'), { timeout: 10_000 }).toBe(id);
      expect(await page.getByTestId('vehicle-speed').textContent()).toMatch(/\d+ km\/h/);
      await page.waitForTimeout(4000);
      const now = (await poses(page, 1000)).find((p) => p.id === id);
      if (now) {
        const s = await projectEnu(page, now.x, now.y, 2);
        const box = (await page.locator('.st-view canvas').first().boundingBox())!;
        // Followed: the vehicle is drawn near the middle of the view, wherever it has driven.
        expect(Math.hypot(s.x - (box.x + box.width / 2), s.y - (box.y + box.height / 2))).toBeLessThan(box.height * 0.25);
      }
      await savePageScreenshot(page, 'live-traffic-follow.png');
      expect(app.pageErrors).toEqual([]);
      console.log(`live-traffic: zone ready with traffic in ${loadedMs} ms, ${common.length} vehicles compared, ${moved.length} moved, max off-road ${Math.max(...off).toFixed(1)} m`);
    } finally {
      await app.close();
    }
  });
});
