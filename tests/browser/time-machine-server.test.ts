/**
 * The time machine against our real feed server recording into SQLite (`--data-dir`): a shared
 * link with `t=` opens the operation-centre screen, in English, at that moment. The replay comes
 * over its own WebSocket connection while the live one keeps going; the slider spans the server's
 * recorded range; back to live, the live state returns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { DIST_DIR } from '../support/browser-app';
import { savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

const ZONE = 'jiading';

interface TmHook extends ShenTwinHook {
  timeMachine: { available: boolean; mode: string; atMs: number | null; loading: boolean; source: string | null; range: { fromTs: number; toTs: number } | null };
}

/** ISO with the Shanghai offset, as the app writes `t=`. */
function isoShanghai(ms: number): string {
  return `${new Date(Math.round(ms / 1000) * 1000 + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

describe('time machine on the feed server', () => {
  it('opens a t= link in the past on the big screen (en), then goes back to live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shentwin-tm-'));
    let server: RunningFeedServer | null = null;
    try {
      const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
      server = await startFeedServer({
        zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 11, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: 1000,
        dataDir: dir, keyframeEveryMs: 3000,
      });
      const recordedFrom = Date.now();
      // Ten seconds of recording before the link's moment is taken.
      await new Promise((r) => setTimeout(r, 10_000));
      const t = Date.now() - 5_000;
      const app = await openApp({ zone: ZONE, mode: 'screen', lang: 'en', feed: 'ws', feedUrl: `ws://127.0.0.1:${server.port}/`, t: isoShanghai(t) });
      const { page } = app;
      try {
        await waitForHook(page, (h) => {
          const tm = (h as TmHook).timeMachine;
          return tm.mode === 'replay' && !tm.loading && tm.atMs !== null && h.feed.status === 'connected';
        }, 90_000);
        const tm = (await page.evaluate(() => (window.__shentwin as unknown as TmHook).timeMachine));
        expect(tm.source).toBe('server');
        expect(Math.abs(tm.atMs! - t)).toBeLessThan(1500);
        expect(tm.range!.fromTs).toBeGreaterThanOrEqual(recordedFrom - 1000);
        expect(tm.range!.fromTs).toBeLessThanOrEqual(t);
        await expect.poll(() => page.getByTestId('replay-banner').textContent(), { timeout: 10_000 }).toContain('Replay');
        // The replayed state has vehicles, and the layers show it: the replay ingest is what is drawn.
        await waitForHook(page, (h) => (((h as unknown as { live: unknown }).live as { stats?: { traffic?: { drawn?: number } } } | null)?.stats?.traffic?.drawn ?? 0) > 0, 30_000);
        // The server served the replay on a second connection; the live one stayed subscribed.
        const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { clients: number; replay?: { active: number } };
        expect(health.clients).toBeGreaterThanOrEqual(2);
        expect(app.pageErrors).toEqual([]);
        await savePageScreenshot(page, 'time-machine-screen.png');

        await page.getByTestId('replay-banner-live').click();
        await waitForHook(page, (h) => (h as TmHook).timeMachine.mode === 'live', 10_000);
        await expect.poll(() => page.getByTestId('replay-banner').count(), { timeout: 5_000 }).toBe(0);
        await expect.poll(() => page.getByTestId('time-slider').getAttribute('data-mode'), { timeout: 5_000 }).toBe('live');
        expect(app.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await server?.stop('hard');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
