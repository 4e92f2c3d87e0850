/**
 * Live layers on the real WebSocket feed server: when the server dies the layers do not freeze
 * silently — within the staleness window every vehicle is drawn greyed as stale and drops out of
 * the vital signs, and once the feed has been silent past the watchdog's window (15 s) the
 * 数据中断 banner says since when; when the server comes back on the same port they recover by
 * themselves and the banner goes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { savePageScreenshot } from '../support/browser-artifacts';
import { DIST_DIR } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

const ZONE = 'westbund';
const HEARTBEAT_MS = 1000;
/** The ingest marks a vehicle stale after 5 s without an update (src/feed/ingest/FeedIngest.ts). */
const VEHICLE_STALE_MS = 5000;

interface LiveHook extends ShenTwinHook {
  live: { stats: { traffic?: { drawn: number; stale: number } } } | null;
  vitals: { vehiclesOnline: number } | null;
}

async function startServer(port: number): Promise<RunningFeedServer> {
  const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
  return startFeedServer({ zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 11, timeScale: 1, rateHz: 5, port, heartbeatMs: HEARTBEAT_MS });
}

describe('live layers on a feed that dies', () => {
  it('grey every vehicle as stale within the staleness window, and recover when the feed returns', async () => {
    let server = await startServer(0);
    const port = server.port;
    const app = await openApp({ zone: ZONE, feed: 'ws', feedUrl: `ws://127.0.0.1:${port}/` });
    const { page } = app;
    try {
      await waitForHook(page, (h) => {
        const t = (h as LiveHook).live?.stats.traffic;
        return h.feed.status === 'connected' && !!t && t.drawn > 20 && t.stale === 0 && ((h as LiveHook).vitals?.vehiclesOnline ?? 0) > 0;
      }, 120_000);

      await server.stop('hard');
      const killedAt = Date.now();
      await waitForHook(page, (h) => {
        const t = (h as LiveHook).live?.stats.traffic;
        return h.feed.status !== 'connected' && !!t && t.drawn > 0 && t.stale === t.drawn && (h as LiveHook).vitals?.vehiclesOnline === 0;
      }, 30_000);
      const staleAfterMs = Date.now() - killedAt;
      // Staleness window plus heartbeat detection and a UI tick, generous for a loaded 2-core machine.
      expect(staleAfterMs).toBeLessThan(VEHICLE_STALE_MS + HEARTBEAT_MS * 4 + 5000);
      await savePageScreenshot(page, 'live-feed-stale.png');

      // The watchdog's banner, with the time of the last message (Shanghai time, hh:mm).
      const banner = page.getByTestId('feed-outage');
      await banner.waitFor({ state: 'visible', timeout: 40_000 });
      const since = Number(await banner.getAttribute('data-since'));
      const lastMsg = (await waitForHook(page, () => true, 1000)).feed.lastMessageAtMs!;
      expect(Math.abs(since - lastMsg), 'the banner dates the outage from the last message').toBeLessThan(3000);
      const hhmm = new Date(since + 8 * 3600_000).toISOString().slice(11, 16);
      expect(await banner.textContent()).toContain('数据中断');
      expect(await banner.textContent()).toContain(hhmm);

      server = await startServer(port);
      await waitForHook(page, (h) => {
        const t = (h as LiveHook).live?.stats.traffic;
        return h.feed.status === 'connected' && !!t && t.drawn > 20 && t.stale === 0;
      }, 60_000);
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
      const dog = await page.evaluate(() => (window.__shentwin as unknown as { watchdog: { counters: Record<string, number> } }).watchdog.counters);
      // The transport was reconnecting all along: its backoff is the recovery, the watchdog only told.
      expect(dog).toMatchObject({ feedOutages: 1, resubscribe: 0, 'soft-reload': 0 });
      expect(app.pageErrors).toEqual([]);
      console.log(`live-feed-stale: all vehicles stale ${staleAfterMs} ms after the server died; recovered after restart`);
    } finally {
      await app.close();
      await server.stop('hard');
    }
  });
});
