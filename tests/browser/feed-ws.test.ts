/**
 * The viewer on our real WebSocket feed server (issue: live data). The server runs in this
 * process on an ephemeral port with the zone's real road graph; the app is opened with
 * `feed=ws&feedUrl=…`. The status bar and the test hook must report a live connection with
 * message counts; when the server dies the feed is marked reconnecting within the heartbeat
 * window; when it comes back on the same port the app reconnects and resubscribes by itself.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { DIST_DIR } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

const ZONE = 'westbund';
/** Short heartbeat so a dead server is noticed quickly; the client follows the server's hello. */
const HEARTBEAT_MS = 1000;

async function startServer(port: number): Promise<RunningFeedServer> {
  const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
  return startFeedServer({ zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 7, timeScale: 1, rateHz: 5, port, heartbeatMs: HEARTBEAT_MS });
}

describe('WebSocket feed', () => {
  it('shows a live connection with message counts, goes reconnecting when the server dies, and recovers', async () => {
    let server = await startServer(0);
    const port = server.port;
    const app = await openApp({ zone: ZONE, feed: 'ws', feedUrl: `ws://127.0.0.1:${port}/` });
    const { page } = app;
    try {
      const live = await waitForHook(page, (h) => h.feed.status === 'connected' && h.feed.counts.vehicles > 0 && h.feed.msgPerSec > 0, 90_000);
      expect(live.feed.kind).toBe('ws');
      expect(live.feed.label).toContain(`127.0.0.1:${port}`);
      expect(live.feed.dropsTotal).toBe(0);
      expect(live.errorCounts.feed).toBe(0);
      // The status bar says the same thing as the hook.
      const bar = page.getByTestId('feed-status');
      await expect.poll(() => bar.getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
      expect(await bar.textContent()).toContain('WebSocket');
      await expect.poll(() => page.getByTestId('feed-rate').textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d* 条\/秒/);

      await server.stop('hard');
      const killedAt = Date.now();
      await waitForHook(page, (h) => h.feed.status === 'reconnecting' || h.feed.status === 'stale', 20_000);
      // Heartbeat window plus one UI publication; generous for a loaded 2-core machine.
      expect(Date.now() - killedAt).toBeLessThan(HEARTBEAT_MS * 4 + 5_000);
      const lost = await waitForHook(page, (h) => h.errorCounts.feed > 0, 10_000);
      expect(lost.errors.some((e) => e.category === 'feed' && /reconnect/.test(e.message))).toBe(true);

      server = await startServer(port);
      const back = await waitForHook(page, (h) => h.feed.status === 'connected' && h.feed.reconnects >= 1, 60_000);
      expect(back.feed.counts.vehicles).toBeGreaterThan(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
      await server.stop('hard');
    }
  });
});
