/**
 * An operator's drill with the real built-in simulator: the rainstorm scenario, triggered from
 * the scenario panel, floods an underpass; the water-level alarm appears in the alert list and on
 * the map (a pulsing alarm marker and an alert beacon); clicking the alert flies the camera to the
 * underpass and selects its sensor. The city vital-signs panel shows the test hook's numbers.
 *
 * Then the time machine (the embedded simulator's in-memory recording): the operator acknowledges
 * the alarm, the alarm's tick on the time slider takes the screen back to that moment (回放 banner),
 * where the alert is as it was then (new, not acknowledged, and cannot be acknowledged) and the
 * underpass sensor is in alarm; back to live, the acknowledged live alert returns.
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

interface TimeMachineHook {
  available: boolean;
  mode: 'live' | 'replay';
  atMs: number | null;
  loading: boolean;
  playing: boolean;
  ticks: { ts: number; kind: string; id: string }[];
  range: { fromTs: number; toTs: number } | null;
}

interface LiveHook extends ShenTwinHook {
  alerts: HookAlert[];
  liveAlerts: HookAlert[];
  timeMachine: TimeMachineHook;
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
          // The first vital signs may come before the simulator's first snapshot.
          if (!(Number(r.hook!.vehiclesOnline) > 0)) return false;
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

      // Time machine. Acknowledged now, live…
      // (By keyboard: the sensor's detail panel, open since the fly-to, covers the list at 1024 px.)
      await item.getByTestId('alert-ack').focus();
      await page.keyboard.press('Enter');
      await waitForHook(page, (h, id) => (h as LiveHook).alerts.some((a) => a.id === id && a.status === 'acknowledged'), 10_000, alert.id);
      // …the slider has the alarm's tick for the underpass sensor; a click on it replays that moment.
      const tick = page.locator(`[data-testid="timeline-tick"][data-kind="alarm"][data-id="${alert.asset.id}"]`).first();
      await tick.waitFor({ state: 'attached', timeout: 20_000 });
      const tickTs = Number(await tick.getAttribute('data-ts'));
      await tick.click();
      await waitForHook(page, (h) => {
        const tm = (h as LiveHook).timeMachine;
        return tm.mode === 'replay' && !tm.loading && tm.atMs !== null;
      }, 20_000);
      const at = (await page.evaluate(() => (window.__shentwin as unknown as LiveHook).timeMachine.atMs))!;
      expect(Math.abs(at - tickTs)).toBeLessThan(5_000);
      await expect.poll(() => page.getByTestId('replay-banner').textContent(), { timeout: 5_000 }).toContain('回放');
      await expect.poll(() => page.getByTestId('time-slider').getAttribute('data-mode')).toBe('replay');
      // The alert as it was then: open and new, with nothing to acknowledge in the past.
      await waitForHook(page, (h, a) => (h as LiveHook).alerts.some((x) => x.ruleId === a.ruleId && x.asset.id === a.assetId && x.status === 'new'), 20_000, { ruleId: alert.ruleId, assetId: alert.asset.id });
      const shown = (await page.evaluate(() => (window.__shentwin as unknown as LiveHook).alerts)).find((x) => x.ruleId === alert.ruleId && x.asset.id === alert.asset.id)!;
      expect(shown.status).toBe('new');
      const pastItem = page.locator(`[data-testid="alert"][data-alert-id="${shown.id}"]`);
      await expect.poll(() => pastItem.getByTestId('alert-ack').isDisabled(), { timeout: 10_000 }).toBe(true);
      // Live goes on underneath: the live alert is still the acknowledged one.
      expect((await page.evaluate(() => (window.__shentwin as unknown as LiveHook).liveAlerts)).find((a) => a.id === alert.id)?.status).toBe('acknowledged');
      // The underpass sensor is in alarm then (the tick selected it).
      await expect.poll(() => page.getByTestId('sensor-panel').getAttribute('data-level'), { timeout: 10_000 }).toBe('alarm');
      await savePageScreenshot(page, 'time-machine-replay.png');

      // Back to live: the live state returns, the acknowledged alert with it.
      await page.getByTestId('timeline-live').click();
      await waitForHook(page, (h, id) => (h as LiveHook).timeMachine.mode === 'live' && (h as LiveHook).alerts.some((a) => a.id === id && a.status === 'acknowledged'), 10_000, alert.id);
      await expect.poll(() => page.getByTestId('replay-banner').count(), { timeout: 5_000 }).toBe(0);

      expect(app.pageErrors).toEqual([]);
      console.log(`live-rainstorm: alarm ${alarmAfterMs} ms after the trigger at 60×, replayed at ${new Date(at).toISOString()} (tick ${tickTs}), whole test ${Date.now() - t0} ms`);
    } finally {
      await app.close();
    }
  });
});
