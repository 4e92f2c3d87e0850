/**
 * Feed protocol v2 in the browser: with `feed=ws` the app subscribes with encoding v2, its network
 * worker receives the zone's live data as binary frames (the server counts them), and it shows
 * the same vehicles as a second viewer forced to v1 with `feedEncoding=json`, on the same server
 * at the same time; neither drops anything.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { DIST_DIR } from '../support/browser-app';
import { closeBrowser, hookSnapshot, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

const ZONE = 'westbund';

async function startServer(): Promise<RunningFeedServer> {
  const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
  return startFeedServer({ zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 7, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: 1000 });
}

describe('feed protocol v2', () => {
  it('negotiates v2 (binary frames, decoded in a worker) and shows the same vehicles as v1 JSON', async () => {
    const server = await startServer();
    const feedUrl = `ws://127.0.0.1:${server.port}/`;
    const v2 = await openApp({ zone: ZONE, feed: 'ws', feedUrl });
    const v1 = await openApp({ zone: ZONE, feed: 'ws', feedUrl, feedEncoding: 'json' });
    try {
      const live = (h: { feed: { status: string; counts: { vehicles: number } } }) => h.feed.status === 'connected' && h.feed.counts.vehicles > 0;
      await waitForHook(v2.page, live, 90_000);
      await waitForHook(v1.page, live, 90_000);
      // The v2 viewer's socket lives in its network worker, and the server sent it binary frames.
      expect(v2.page.workers().some((w) => w.url().includes('netWorker'))).toBe(true);
      expect(v1.page.workers().some((w) => w.url().includes('netWorker'))).toBe(false);
      await expect.poll(() => server.server.counters.binaryMessagesSent, { timeout: 10_000 }).toBeGreaterThan(2);

      // Both follow one simulation: at some moment they show the same number of vehicles.
      let last = '';
      await expect.poll(async () => {
        const [a, b] = await Promise.all([hookSnapshot(v2.page), hookSnapshot(v1.page)]);
        last = `v2 ${a?.feed.counts.vehicles} / v1 ${b?.feed.counts.vehicles}`;
        return a !== null && b !== null && a.feed.counts.vehicles > 0 && a.feed.counts.vehicles === b.feed.counts.vehicles;
      }, { timeout: 30_000, interval: 100 }).toBe(true).catch(() => {
        throw new Error(`vehicle counts never matched; last seen ${last}`);
      });

      for (const app of [v2, v1]) {
        const h = (await hookSnapshot(app.page))!;
        expect(h.feed.dropsTotal).toBe(0);
        expect(h.errorCounts.feed).toBe(0);
        expect(app.pageErrors).toEqual([]);
      }
    } finally {
      await v2.close();
      await v1.close();
      await server.stop('hard');
    }
  });
});
