/**
 * An operator's drill with the real built-in simulator: the rainstorm scenario, triggered from
 * the scenario panel, floods an underpass; the water-level alarm appears in the alert list and on
 * the map (a pulsing alarm marker and an alert beacon); clicking the alert flies the camera to the
 * underpass and selects its sensor. The city vital-signs panel shows the test hook's numbers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { savePageScreenshot } from '../support/browser-artifacts';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';

afterAll(closeBrowser);

const ZONE = 'yangpu';

interface HookAlert {
  id: string;
  ruleId: string;
  severity: string;
  status: string;
  active: boolean;
  asset: { kind: string; id: string; x: number; y: number };
}

interface LiveHook extends ShenTwinHook {
  alerts: HookAlert[];
  vitals: Record<string, unknown> & { alertsOpen: Record<string, number> } | null;
  live: { stats: { alerts?: { beacons: number }; sensors?: { alarms: number } } } | null;
  liveSelected: { kind: string; id: string } | null;
}

const KPIS = ['avgSpeedKmh', 'congestionIndex', 'vehiclesOnline', 'autonomousShare', 'signalHealth', 'rsuHealth', 'aqi', 'noiseDb', 'parkingAvailability', 'alertsOpenTotal'];

/** The vital signs in the hook and in the panel, read in one go so they describe the same moment. */
function readVitals(page: Page) {
  return page.evaluate((kpis) => {
    const v = (window.__shentwin as unknown as LiveHook).vitals;
    const shown: Record<string, string | null> = {};
    for (const k of kpis) shown[k] = document.querySelector(`[data-testid="kpi-${k}"]`)?.getAttribute('data-value') ?? null;
    return { hook: v, shown, critical: document.querySelector('[data-testid="kpi-alerts-critical"]')?.textContent ?? '' };
  }, KPIS);
}

describe('rainstorm drill', () => {
  it('floods an underpass: alarm in the list and on the map, click flies there; vital signs match the hook', async () => {
    const t0 = Date.now();
    const app = await openApp({ zone: ZONE, simSpeed: 60 });
    const { page } = app;
    try {
      await waitForHook(page, (h) => h.ready && h.feed.status === 'connected' && h.cameraPose !== null && (h as LiveHook).vitals !== null, 120_000);
      const before = (await page.evaluate(() => window.__shentwin!.cameraPose))!;

      // The vital-signs panel shows exactly the numbers the hook reports (polled: both update once a second).
      await expect
        .poll(async () => {
          const r = await readVitals(page);
          return KPIS.every((k) => {
            const h = r.hook![k];
            const s = r.shown[k];
            return h === null ? s === '' : s !== null && Math.abs(Number(s) - Number(h)) < 1e-9;
          });
        }, { timeout: 15_000 })
        .toBe(true);
      const vit = await readVitals(page);
      expect(Number(vit.hook!.vehiclesOnline)).toBeGreaterThan(0);
      expect(vit.critical).toContain(String(vit.hook!.alertsOpen.critical));

      const triggeredAt = Date.now();
      await page.locator('button[data-scenario="rainstorm"]').click();
      await waitForHook(page, (h) => (h as LiveHook).alerts.some((a) => a.ruleId === 'underpass-water' && a.severity === 'critical' && a.status !== 'closed'), 150_000);
      const alarmAfterMs = Date.now() - triggeredAt;
      const alert = (await page.evaluate(() =>
        (window.__shentwin as unknown as LiveHook).alerts.find((a) => a.ruleId === 'underpass-water' && a.severity === 'critical'),
      ))!;

      // In the list, counted by severity.
      const item = page.locator(`[data-testid="alert"][data-alert-id="${alert.id}"]`);
      await expect.poll(() => item.getAttribute('data-severity'), { timeout: 10_000 }).toBe('critical');
      expect(Number(await page.getByTestId('alert-count-critical').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      // On the map: the sensor's marker is in alarm and a beacon stands over the open alert.
      await waitForHook(page, (h) => ((h as LiveHook).live?.stats.alerts?.beacons ?? 0) >= 1 && ((h as LiveHook).live?.stats.sensors?.alarms ?? 0) >= 1, 10_000);

      await item.locator('.st-alert__title').click();
      const flown = await waitForHook(
        page,
        (h, a) => h.cameraPose !== null && Math.hypot(h.cameraPose.target[0] - a.x, h.cameraPose.target[1] - a.y) < 30,
        30_000,
        { x: alert.asset.x, y: alert.asset.y },
      );
      const dBefore = Math.hypot(before.target[0] - alert.asset.x, before.target[1] - alert.asset.y);
      const dAfter = Math.hypot(flown.cameraPose!.target[0] - alert.asset.x, flown.cameraPose!.target[1] - alert.asset.y);
      expect(dAfter).toBeLessThan(dBefore);
      const camDist = Math.hypot(...([0, 1, 2].map((i) => flown.cameraPose!.position[i]! - flown.cameraPose!.target[i]!) as [number, number, number]));
      expect(camDist).toBeLessThan(1500);
      const selected = await page.evaluate(() => (window.__shentwin as unknown as LiveHook).liveSelected);
      expect(selected).toEqual({ kind: 'sensor', id: alert.asset.id });
      await expect.poll(() => page.getByTestId('sensor-panel').getAttribute('data-level'), { timeout: 10_000 }).toBe('alarm');
      await savePageScreenshot(page, 'live-rainstorm-alarm.png');

      // The open critical alert is counted in the vital signs too.
      await expect.poll(async () => (await readVitals(page)).hook!.alertsOpen.critical, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      expect(app.pageErrors).toEqual([]);
      console.log(`live-rainstorm: alarm ${alarmAfterMs} ms after the trigger at 60×, whole test ${Date.now() - t0} ms`);
    } finally {
      await app.close();
    }
  });
});
