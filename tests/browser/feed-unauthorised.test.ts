/**
 * The viewer against a feed server that requires tokens (issue 14). The server runs in this
 * process with a fresh token file; the app is opened with `feed=ws&feedUrl=…` and no token. It
 * must say 未授权 with a sign-in prompt and stop: the server counts at most two connections over
 * ten seconds (no loop). A wrong token is refused with at most one or two more connections and is
 * not kept; the right one connects, vehicles arrive, the server's name and role show, and the token
 * is kept in sessionStorage only: never in localStorage, the URL, the store or the test hook.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addToken } from '../../src/server/auth/tokenFile';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer } from '../../src/server/startFeedServer';
import { DIST_DIR } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

const ZONE = 'westbund';
const HEARTBEAT_MS = 1000;
/** Well-formed, so the prompt sends it and the server (not the viewer) refuses it. */
const WRONG_TOKEN = `st1.00112233445566ff.${'Wrong_token-'.repeat(3)}abcdefg`;

describe('WebSocket feed with access control', () => {
  it('shows unauthorised without a retry loop, refuses a wrong token, and connects with the right one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shentwin-auth-'));
    const authFile = join(dir, 'tokens.json');
    const token = await addToken(authFile, 'wall-1', 'viewer');
    const z = await loadZone(ZONE, resolve('scenes', `${ZONE}.json`), resolve(DIST_DIR, 'tiles', ZONE, 'roads.json'), null);
    const server = await startFeedServer({
      zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 7, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: HEARTBEAT_MS, authFile,
    });
    const connections = () => server.server.health().connectionsTotal as number;
    const feedUrl = `ws://127.0.0.1:${server.port}/`;
    const app = await openApp({ zone: ZONE, feed: 'ws', feedUrl });
    const { page } = app;
    try {
      const refused = await waitForHook(page, (h) => h.feed.status === 'unauthorised', 60_000);
      expect(refused.feed.authRefusal).toBe('token-required');
      const bar = page.getByTestId('feed-status');
      expect(await bar.getAttribute('data-status')).toBe('unauthorised');
      expect(await bar.textContent()).toContain('未授权');
      const prompt = page.getByTestId('feed-signin');
      expect(await prompt.isVisible()).toBe(true);
      expect(await prompt.textContent()).toContain('需要访问令牌');
      expect(await prompt.textContent()).toContain(feedUrl);

      // A retry loop would open a connection every backoff step (0.5 s, 1 s, 2 s, …).
      await page.waitForTimeout(10_000);
      expect(connections()).toBeLessThanOrEqual(2);
      expect((await waitForHook(page, (h) => h.feed.status === 'unauthorised', 1000)).feed.authRefusal).toBe('token-required');

      const beforeWrong = connections();
      await page.getByTestId('feed-token').fill(WRONG_TOKEN);
      await page.getByRole('button', { name: '登录' }).click();
      await waitForHook(page, (h) => h.feed.status === 'unauthorised' && h.feed.authRefusal === 'token-rejected', 20_000);
      expect(await prompt.textContent()).toContain('访问令牌被拒绝');
      await page.waitForTimeout(2_000);
      expect(connections() - beforeWrong).toBeGreaterThanOrEqual(1);
      expect(connections() - beforeWrong).toBeLessThanOrEqual(2);
      // Nothing of the refused token is kept. The one entry allowed is the GPU's name (glCapabilities.ts).
      const stored = await page.evaluate(() => [sessionStorage, localStorage].flatMap((s) => Object.keys(s).map((k) => [k, s.getItem(k) ?? ''] as const)));
      expect(stored.map(([k]) => k).filter((k) => k !== 'shentwin.glRenderer')).toEqual([]);
      expect(stored.some(([, v]) => v.includes(WRONG_TOKEN))).toBe(false);

      await page.getByTestId('feed-token').fill(token);
      await page.getByRole('button', { name: '登录' }).click();
      const live = await waitForHook(page, (h) => h.feed.status === 'connected' && h.feed.counts.vehicles > 0, 30_000);
      expect(live.feed.identity).toEqual({ name: 'wall-1', role: 'viewer' });
      expect(await prompt.count()).toBe(0);
      await expect.poll(() => page.getByTestId('feed-identity').textContent(), { timeout: 5_000 }).toBe('wall-1 · 查看');

      const kept = await page.evaluate((key) => ({
        session: sessionStorage.getItem(key), local: JSON.stringify({ ...localStorage }), url: location.href,
        hook: JSON.stringify(window.__shentwin?.feed ?? null) + JSON.stringify(window.__shentwin?.errors ?? null),
      }), `shentwin.feedToken:${feedUrl}`);
      expect(kept.session).toBe(token);
      const secret = token.split('.')[2]!;
      for (const where of [kept.local, kept.url, kept.hook]) expect(where).not.toContain(secret);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
      await server.stop('hard');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
