/**
 * Video wall (issue 10): a real feed server in this process, and three pages of one browser: a
 * leader and two followers forming a 2×1 wall with a 20 px bezel. The leader flies to another
 * viewpoint; both followers' camera poses must agree with the leader's, their view offsets must
 * be the left and the right tile of one frame, and they must report the wall's peers and leader.
 * A follower's own camera input is off. Then the right-hand follower goes away, the leader moves
 * on, and the follower comes back: within about a second of its feed connecting it must have
 * applied the leader's latest state (the server's wall-joined carries it), and the first camera
 * pose its view ever publishes must be the leader's, measured inside the page. (On SwiftShader
 * the 3D view itself mounts and draws seconds after the feed connects; that start-up is the
 * view's, the same with or without a wall, so it is reported, not held to a second.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { DIST_DIR, readScene } from '../support/browser-app';
import { appUrl, closeBrowser, openApp, waitForHook, type AppPage } from '../support/browser-launch';

afterAll(closeBrowser);

const ZONE = 'jiading';
const WALL = 'ioc';
const BEZEL_PX = 20;
const TILE = { width: 960, height: 540 } as const;
const LEADER_VIEWPORT = { width: 800, height: 450 } as const;
/** Metres: poses travel as JSON numbers, so anything beyond rounding is a sync fault. */
const POSE_TOLERANCE_M = 0.5;
/** The catch-up the issue asks for (about a second), with room for a frame on a loaded 2-core machine. */
const CATCH_UP_MS = 1500;
const WAIT_MS = 90_000;

type Pose = { position: [number, number, number]; target: [number, number, number] };
/** Page-time marks (performance.now) of a returning follower's start. */
interface Probe {
  connectedAt: number | null;
  syncedAt: number | null;
  readyAt: number | null;
  poseAt: number | null;
  firstPoseMatched: boolean | null;
  matchedAt: number | null;
}
interface WallHook {
  cameraPose: Pose | null;
  feed: { status: string };
  wall: { role: string; peers: number; leader: string | null; offset: number[] | null; synced: boolean } | null;
}

function wallParams(port: number, extra: Record<string, string>) {
  // renderScale keeps SwiftShader's three canvases cheap; it does not change CSS sizes or offsets.
  return { zone: ZONE, feed: 'ws', feedUrl: `ws://127.0.0.1:${port}/`, wall: WALL, renderScale: '0.5', ...extra };
}

async function open(params: Record<string, string>, viewport: { width: number; height: number }): Promise<AppPage> {
  return openApp(params, { prepare: (p) => p.setViewportSize(viewport) });
}

function poseGap(a: Pose, b: Pose): number {
  let worst = 0;
  for (let i = 0; i < 3; i++) worst = Math.max(worst, Math.abs(a.position[i]! - b.position[i]!), Math.abs(a.target[i]! - b.target[i]!));
  return worst;
}

async function wallOf(page: Page) {
  return page.evaluate(() => (window as unknown as { __shentwin: WallHook }).__shentwin.wall);
}

async function poseOf(page: Page): Promise<Pose> {
  const p = await page.evaluate(() => (window as unknown as { __shentwin: WallHook }).__shentwin.cameraPose);
  if (!p) throw new Error('no camera pose');
  return p;
}

/** Clicks a viewpoint chip on the leader and waits until its camera rests there. */
async function leaderFlies(leader: Page, index: number): Promise<Pose> {
  const before = await poseOf(leader);
  await leader.locator('.st-viewpoints__list button').nth(index).click();
  await leader.waitForFunction((b) => {
    const p = (window as unknown as { __shentwin: WallHook }).__shentwin.cameraPose;
    return p !== null && Math.abs(p.position[0] - b.position[0]) + Math.abs(p.position[1] - b.position[1]) > 50;
  }, before, { timeout: 30_000, polling: 100 });
  // At rest: the same pose twice, half a second apart.
  let last = await poseOf(leader);
  for (;;) {
    await leader.waitForTimeout(500);
    const now = await poseOf(leader);
    if (poseGap(now, last) < 0.01) return now;
    last = now;
  }
}

async function followerAt(page: Page, pose: Pose, timeoutMs = 20_000) {
  await page.waitForFunction(({ p, tol }) => {
    const c = (window as unknown as { __shentwin: WallHook }).__shentwin.cameraPose;
    if (!c) return false;
    for (let i = 0; i < 3; i++) if (Math.abs(c.position[i]! - p.position[i]!) > tol || Math.abs(c.target[i]! - p.target[i]!) > tol) return false;
    return true;
  }, { p: pose, tol: POSE_TOLERANCE_M }, { timeout: timeoutMs, polling: 100 });
  return poseOf(page);
}

/**
 * No page error, and nothing wrong with the wall: no server error, no wall notice. A feed
 * reconnect is tolerated (three SwiftShader pages on two cores can starve a page past its
 * heartbeat window); it only shows the wall joining again, and is printed.
 */
async function checkErrors(p: AppPage): Promise<void> {
  expect(p.pageErrors).toEqual([]);
  const errors = await p.page.evaluate(() => (window as unknown as { __shentwin: { errors: { category: string; kind?: string; message: string }[] } }).__shentwin.errors);
  const feed = errors.filter((e) => e.category === 'feed');
  if (feed.length > 0) console.log(`video wall: feed notes on ${p.page.url()}: ${feed.map((e) => e.message).join(' | ')}`);
  expect(feed.filter((e) => e.kind === 'feed-server' || e.kind === 'wall-needs-server')).toEqual([]);
  expect(await p.page.locator('[data-testid="wall-notice"]').count()).toBe(0);
}

describe('video wall', () => {
  it('two followers show one leader as a 2×1 wall, with their own tiles, and a returning follower catches up', async () => {
    const startedAt = Date.now();
    const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
    // A light simulation (the wall is the subject here, not the traffic), and a heartbeat window
    // wide enough for pages starved by SwiftShader.
    const server: RunningFeedServer = await startFeedServer({
      zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 7, timeScale: 1, rateHz: 2, port: 0, heartbeatMs: 5000, fleetScale: 0.2,
    });
    const pages: AppPage[] = [];
    try {
      const leader = await open(wallParams(server.port, { wallRole: 'leader' }), LEADER_VIEWPORT);
      pages.push(leader);
      const followerParams = (pos: string) => wallParams(server.port, { wallRole: 'follower', wallLayout: '2x1', wallPos: pos, bezel: String(BEZEL_PX) });
      const left = await open(followerParams('0,0'), TILE);
      pages.push(left);
      const right = await open(followerParams('1,0'), TILE);
      pages.push(right);

      for (const p of [leader, left, right]) {
        await waitForHook(p.page, (h) => {
          const w = (h as unknown as WallHook).wall;
          return h.ready && h.feed.status === 'connected' && h.cameraPose !== null && w !== null && w.peers === 2 && w.leader !== null;
        }, WAIT_MS);
      }
      expect((await wallOf(leader.page))?.role).toBe('leader');

      // The leader flies to a viewpoint far from the default; both followers follow.
      const vps = readScene(ZONE).viewpoints;
      const caoan = vps.findIndex((v) => v.id === 'caoan-smart-road');
      expect(caoan).toBeGreaterThan(0);
      // Every pose the left follower shows meanwhile, to see it fly with the leader rather than jump at the end.
      await left.page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __wallSeen: string[] }).__wallSeen = seen;
        const timer = setInterval(() => {
          const c = (window as unknown as { __shentwin: WallHook }).__shentwin.cameraPose;
          const key = c ? JSON.stringify(c) : '';
          if (key && seen[seen.length - 1] !== key) seen.push(key);
          if (seen.length > 500) clearInterval(timer);
        }, 20);
        (window as unknown as { __wallSeenStop: () => void }).__wallSeenStop = () => clearInterval(timer);
      });
      const there = await leaderFlies(leader.page, caoan);
      const leftPose = await followerAt(left.page, there);
      const rightPose = await followerAt(right.page, there);
      const seen = await left.page.evaluate(() => {
        (window as unknown as { __wallSeenStop: () => void }).__wallSeenStop();
        return (window as unknown as { __wallSeen: string[] }).__wallSeen.length;
      });
      // The start, the end, and poses in between from the leader's ≤ 10 Hz samples of its flight.
      console.log(`video wall: the left follower showed ${seen} poses during the leader's flight`);
      expect(seen).toBeGreaterThanOrEqual(3);
      expect(poseGap(leftPose, there)).toBeLessThanOrEqual(POSE_TOLERANCE_M);
      expect(poseGap(rightPose, there)).toBeLessThanOrEqual(POSE_TOLERANCE_M);

      const full = 2 * TILE.width + BEZEL_PX;
      const lw = await wallOf(left.page);
      const rw = await wallOf(right.page);
      expect(lw).toMatchObject({ role: 'follower', peers: 2, leader: expect.stringMatching(/^anonymous#\d+$/), offset: [full, TILE.height, 0, 0, TILE.width, TILE.height] });
      expect(rw).toMatchObject({ role: 'follower', peers: 2, leader: expect.stringMatching(/^anonymous#\d+$/), offset: [full, TILE.height, TILE.width + BEZEL_PX, 0, TILE.width, TILE.height] });
      expect(lw!.leader).toBe(rw!.leader);
      expect((await wallOf(leader.page))!.leader).toBe(lw!.leader);
      // The camera takes the whole wall's aspect, so the two tiles are halves of one picture.
      const aspect = await right.page.evaluate(() => {
        const c = document.querySelector('.st-view canvas');
        return c ? c.getBoundingClientRect().width / c.getBoundingClientRect().height : null;
      });
      expect(aspect).toBeCloseTo(TILE.width / TILE.height, 2);

      // A follower's own camera input is off: a drag on it moves nothing.
      const box = await left.page.locator('.st-view canvas').first().boundingBox();
      if (!box) throw new Error('no canvas on the left follower');
      await left.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await left.page.mouse.down();
      await left.page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 80, { steps: 8 });
      await left.page.mouse.up();
      await left.page.waitForTimeout(800);
      expect(poseGap(await poseOf(left.page), there)).toBeLessThanOrEqual(POSE_TOLERANCE_M);

      // The right-hand screen goes away; the leader moves on (the left one follows); the right one comes back.
      await right.page.goto('about:blank');
      await waitForHook(leader.page, (h) => (h as unknown as WallHook).wall?.peers === 1, 20_000);
      const lake = vps.findIndex((v) => v.id === 'yuanxiang-lake');
      const moved = await leaderFlies(leader.page, lake);
      await followerAt(left.page, moved);
      // The left screen has done its part; closed, it leaves the two cores to the page being timed
      // (the wall then has one follower: the returning one).
      await checkErrors(left);
      await left.close();
      pages.splice(pages.indexOf(left), 1);
      // Installed before the app's own scripts run, so it sees every step of the start, in page time.
      await right.page.addInitScript(({ p, tol }) => {
        const probe: Probe = { connectedAt: null, syncedAt: null, readyAt: null, poseAt: null, firstPoseMatched: null, matchedAt: null };
        (window as unknown as { __wallProbe: Probe }).__wallProbe = probe;
        const near = (c: Pose) => [0, 1, 2].every((i) => Math.abs(c.position[i]! - p.position[i]!) <= tol && Math.abs(c.target[i]! - p.target[i]!) <= tol);
        const poll = () => {
          const h = (window as unknown as { __shentwin?: WallHook & { ready: boolean } }).__shentwin;
          const t = performance.now();
          if (h) {
            if (probe.connectedAt === null && h.feed.status === 'connected') probe.connectedAt = t;
            if (probe.syncedAt === null && h.wall?.synced) probe.syncedAt = t;
            if (probe.readyAt === null && h.ready) probe.readyAt = t;
            const c = h.cameraPose;
            if (c && probe.poseAt === null) {
              probe.poseAt = t;
              probe.firstPoseMatched = near(c);
            }
            if (c && near(c)) {
              probe.matchedAt = t;
              return;
            }
          }
          setTimeout(poll, 20);
        };
        poll();
      }, { p: moved, tol: POSE_TOLERANCE_M });
      await right.page.goto(appUrl(followerParams('1,0')), { waitUntil: 'load' });
      await right.page.waitForFunction(() => (window as unknown as { __wallProbe: Probe }).__wallProbe.matchedAt !== null, undefined, { timeout: WAIT_MS, polling: 100 });
      const probe = await right.page.evaluate(() => (window as unknown as { __wallProbe: Probe }).__wallProbe);
      const since = (t: number | null) => (t === null || probe.connectedAt === null ? null : Math.round(t - probe.connectedAt));
      console.log(`video wall: returning follower, ms after its feed connected: in sync ${since(probe.syncedAt)}, view mounted ${since(probe.readyAt)}, ` +
        `first pose ${since(probe.poseAt)} (the leader's: ${probe.firstPoseMatched})`);
      // The wall's part: the leader's latest state is applied within about a second of the feed connecting.
      expect(probe.connectedAt).not.toBeNull();
      expect(probe.syncedAt! - probe.connectedAt!).toBeLessThan(CATCH_UP_MS);
      // The view's part (it mounts and draws at SwiftShader's pace): the first pose it ever shows is already the leader's.
      expect(probe.firstPoseMatched).toBe(true);
      expect(probe.matchedAt).toBe(probe.poseAt);
      expect(await wallOf(right.page)).toMatchObject({ peers: 1, leader: rw!.leader, synced: true, offset: [full, TILE.height, TILE.width + BEZEL_PX, 0, TILE.width, TILE.height] });

      for (const p of pages) await checkErrors(p);
      console.log(`video wall: ${Math.round((Date.now() - startedAt) / 1000)} s`);
    } finally {
      for (const p of pages) await p.close().catch(() => undefined);
      await server.stop('hard');
    }
  });
});
