/**
 * Browser Back and Forward move between places (issue 15 items 11 and 12): a zone switch is a
 * history entry that Back undoes without leaving the app, and the sun's date and time travel in
 * the link as `sun=` and come back when the link is opened.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';

afterAll(closeBrowser);

describe('URL history', () => {
  it('Back returns to the previous zone, Forward to the next; the sun comes back from the link', async () => {
    const app = await openApp({ zone: 'jiading', sun: '2025-12-21T09:30' });
    const { page } = app;
    try {
      await waitForHook(page, (h) => h.ready && h.cameraPose !== null, 120_000);
      // The sun control shows the linked date and time, and the URL keeps them.
      expect(await page.locator('input[type="date"]').inputValue()).toBe('2025-12-21');
      await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toContain('sun=2025-12-21T09:30');

      await page.locator('.st-zone-switcher select').selectOption('westbund');
      await waitForHook(page, (h) => h.zoneId === 'westbund' && h.cameraPose !== null, 120_000);
      await expect.poll(() => page.evaluate(() => location.search), { timeout: 10_000 }).toContain('zone=westbund');

      await page.goBack();
      await waitForHook(page, (h) => h.zoneId === 'jiading', 60_000);
      expect(new URL(page.url()).searchParams.get('zone')).toBe('jiading');
      await page.goForward();
      await waitForHook(page, (h) => h.zoneId === 'westbund', 60_000);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
