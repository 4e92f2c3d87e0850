/**
 * A feed nobody listens on (issue 15 item 2): `feed=ws&feedUrl=ws://127.0.0.1:1/`. The app must
 * say it cannot reach the feed (not "lost", not "last known values"), count its retries, and show
 * no vehicle count rather than 0.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

type Hook = ShenTwinHook & { feed: ShenTwinHook['feed'] & { retryAttempt: number; everConnected: boolean } };

describe('unreachable feed', () => {
  it('is "unreachable" with advancing retries, claims no last known values, and shows vehicles as "—"', async () => {
    const app = await openApp({ zone: 'westbund', feed: 'ws', feedUrl: 'ws://127.0.0.1:1/' });
    const { page } = app;
    try {
      const first = await waitForHook(page, (h) => h.feed.status === 'unreachable', 30_000);
      expect((first as Hook).feed.everConnected).toBe(false);
      await waitForHook(page, (h) => (h as Hook).feed.retryAttempt >= 2, 30_000);
      const bar = page.getByTestId('feed-status');
      await expect.poll(() => bar.getAttribute('data-status'), { timeout: 10_000 }).toBe('unreachable');
      expect(await page.getByTestId('feed-attempt').textContent()).toMatch(/第 \d+ 次重试/);
      expect(await page.getByTestId('feed-counts').textContent()).toContain('车辆 —');
      const banner = page.getByTestId('vitals-stale');
      await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('尚未收到任何实时数据');
      expect(await banner.textContent()).not.toContain('最后已知数值');
      expect(await page.getByTestId('kpi-vehiclesOnline').getAttribute('data-value')).toBe('');
      const h = await waitForHook(page, (x) => x.errorCounts.feed > 0, 10_000);
      expect(h.errors.some((e) => e.category === 'feed' && /lost/.test(e.message))).toBe(false);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
