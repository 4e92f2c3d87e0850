/**
 * Switching zones with the top-bar switcher happens in place: no page reload, each zone settles,
 * and going back and forth does not pile up GPU objects or draw calls.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { saveArtifact } from '../support/browser-artifacts';
import { plantReloadMarker, readReloadMarker, waitForZoneSettled, settleFrames } from '../support/browser-app';
import type { HookSnapshot } from '../support/browser-hook';
import { closeBrowser, hookSnapshot, openApp } from '../support/browser-launch';

afterAll(closeBrowser);

/** Renderer counters that grow if a zone's GPU objects are not released when leaving it. */
const GROWTH_KEYS = ['drawCalls', 'triangles', 'geometries', 'textures'] as const;
/** Slack for counters that depend on exactly which tiles the settled view kept (LOD, cache). */
const GROWTH_TOLERANCE = 1.15;

function counters(s: HookSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of GROWTH_KEYS) {
    const v = s.render[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

describe('zone switching', () => {
  it('switches jiading → westbund → jiading → westbund → jiading without reload or growth', async () => {
    const app = await openApp({ zone: 'jiading' });
    const { page } = app;
    try {
      await waitForZoneSettled(page, 'jiading');
      const marker = await plantReloadMarker(page);
      // 'load' fires for a real (re)load only; the URL sync's replaceState is a same-document change.
      let loads = 0;
      page.on('load', () => loads++);
      const switcher = page.locator('.st-zone-switcher select');
      const visits: Record<string, Record<string, number>[]> = { jiading: [], westbund: [] };

      await settleFrames(page);
      visits.jiading?.push(counters((await hookSnapshot(page)) as HookSnapshot));
      for (const zone of ['westbund', 'jiading', 'westbund', 'jiading'] as const) {
        await switcher.selectOption(zone);
        const snap = await waitForZoneSettled(page, zone);
        expect(snap.tiles.failed).toBe(0);
        await settleFrames(page);
        visits[zone]?.push(counters((await hookSnapshot(page)) as HookSnapshot));
      }

      await saveArtifact('zone-switch-counters.json', JSON.stringify(visits, null, 2));
      expect(await readReloadMarker(page)).toBe(marker);
      expect(loads).toBe(0);
      for (const zone of ['jiading', 'westbund'] as const) {
        const [first, ...later] = visits[zone] ?? [];
        expect(first).toBeDefined();
        expect(Object.keys(first ?? {})).toContain('drawCalls');
        for (const v of later) {
          for (const [k, base] of Object.entries(first ?? {})) {
            expect(v[k], `${zone} ${k} after switching back (first visit ${base})`).toBeLessThanOrEqual(
              Math.ceil(base * GROWTH_TOLERANCE) + 2,
            );
          }
        }
      }
      expect(app.pageErrors).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
