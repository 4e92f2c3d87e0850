/**
 * Fault matrix row 12: the tab is hidden for minutes while a real feed server keeps sending.
 * Headless Chromium never hides a page (support/fault-hidden-tab.ts says what was tried), so the
 * page gets what Chromium does to a hidden tab: `document.hidden`, `visibilitychange`, no
 * animation frames, and timers aligned to wake-ups, first once a second (a hidden tab), then
 * chained timers once a minute (intensive throttling, which Chromium applies to a tab hidden for
 * more than five minutes). The hold covers a full one-minute wake-up gap, the longest a hidden
 * tab ever waits; a longer hold repeats the same cycle and adds nothing the time limit allows.
 *
 * Checked: the view's frame loop really stops; the feed host's hidden-tab flush (FeedHost's
 * HIDDEN_FLUSH_MS) keeps applying the feed while no frame runs, so the feed stays connected
 * with nothing stale and no backlog overflow; and once shown, the feed is connected and live
 * within the heartbeat window with no layer stale.
 */
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSED_HEARTBEATS_FOR_DEAD } from '../../src/feed/sources/FeedSource';
import { loadZone } from '../../src/server/loadZone';
import { startFeedServer, type RunningFeedServer } from '../../src/server/startFeedServer';
import { savePageScreenshot } from '../support/browser-artifacts';
import { DIST_DIR, FAULT_ZONE } from '../support/browser-app';
import { closeBrowser, openApp, waitForHook } from '../support/browser-launch';
import type { ShenTwinHook } from '../support/browser-hook';
import { hiddenTabStats, INTENSIVE_WAKEUP_MS, installHiddenTab, setHidden } from '../support/fault-hidden-tab';
import { sourceConstant } from '../support/fault-tiles';

afterAll(closeBrowser);

const HIDDEN_FLUSH_MS = sourceConstant('src/app/FeedHost.tsx', 'HIDDEN_FLUSH_MS');
const HEARTBEAT_MS = 1000;
/** The client calls a link dead after this much silence. */
const HEARTBEAT_WINDOW_MS = HEARTBEAT_MS * MISSED_HEARTBEATS_FOR_DEAD;
/** Hidden with once-a-second wake-ups, then with once-a-minute ones for a little over a minute. */
const BACKGROUND_HOLD_MS = 20_000;
/** Long enough that a minute wake-up falls at least 5 s after the switch, whatever the phase. */
const INTENSIVE_HOLD_MS = INTENSIVE_WAKEUP_MS + 10_000;
const SAMPLE_EVERY_MS = 2_500;

interface LiveHook extends ShenTwinHook {
  live: { stats: { traffic?: { drawn: number; stale: number } } } | null;
}

interface Sample {
  atMs: number;
  status: string;
  updatedAtMs: number;
  vehicles: number;
  vehiclesStale: number;
  sensorsStale: number;
  signalsStale: number;
  frames: number;
  reconnects: number;
  backlogDrops: number;
}

async function startServer(): Promise<RunningFeedServer> {
  const z = await loadZone(FAULT_ZONE, resolve('scenes', `${FAULT_ZONE}.json`), resolve(DIST_DIR, 'tiles', FAULT_ZONE, 'roads.json'), null);
  return startFeedServer({ zones: [{ id: z.id, origin: z.origin, graph: z.graph }], seed: 12, timeScale: 1, rateHz: 5, port: 0, heartbeatMs: HEARTBEAT_MS });
}

const read = (page: import('playwright-core').Page): Promise<Sample> =>
  page.evaluate(() => {
    const h = window.__shentwin!;
    const f = h.feed;
    return {
      atMs: Date.now(),
      status: f.status,
      updatedAtMs: f.updatedAtMs,
      vehicles: f.counts.vehicles,
      vehiclesStale: f.counts.vehiclesStale,
      sensorsStale: f.counts.sensorsStale,
      signalsStale: f.counts.signalsStale,
      frames: ((h.render ?? {}) as Record<string, number>).frames ?? 0,
      reconnects: f.reconnects,
      backlogDrops: f.drops.backlog ?? 0,
    };
  });

async function hold(page: import('playwright-core').Page, ms: number, into: Sample[]): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_MS, Math.max(0, end - Date.now()))));
    into.push(await read(page));
  }
}

describe('fault: tab hidden for minutes on a live WebSocket feed', () => {
  it('keeps the feed alive while hidden and is live with nothing stale as soon as it is shown', async () => {
    const server = await startServer();
    const app = await openApp({ zone: FAULT_ZONE, feed: 'ws', feedUrl: `ws://127.0.0.1:${server.port}/` }, { prepare: installHiddenTab });
    const { page } = app;
    try {
      await waitForHook(page, (h) => {
        const t = (h as LiveHook).live?.stats.traffic;
        return h.feed.status === 'connected' && h.feed.counts.vehicles > 0 && h.feed.counts.vehiclesStale === 0 && !!t && t.drawn > 0 && t.stale === 0;
      }, 120_000);

      await setHidden(page, 'background');
      const hiddenAt = await read(page);
      const background: Sample[] = [];
      await hold(page, BACKGROUND_HOLD_MS, background);
      await setHidden(page, 'intensive');
      const intensiveFrom = Date.now();
      const intensive: Sample[] = [];
      await hold(page, INTENSIVE_HOLD_MS, intensive);
      const emulation = await hiddenTabStats(page);
      const hiddenMs = Date.now() - hiddenAt.atMs;

      await setHidden(page, 'visible');
      const shownAt = Date.now();
      // Connected, live and nothing stale, within the heartbeat window plus a UI publication
      // (generous: SwiftShader on two loaded cores draws the first frames slowly).
      const back = await waitForHook(page, (h, frames) => {
        const t = (h as LiveHook).live?.stats.traffic;
        const c = h.feed.counts;
        return h.feed.status === 'connected' && c.vehicles > 0 && c.vehiclesStale === 0 && c.sensorsStale === 0 && c.signalsStale === 0 &&
          (((h.render ?? {}) as Record<string, number>).frames ?? 0) > frames && !!t && t.drawn > 0 && t.stale === 0;
      }, HEARTBEAT_WINDOW_MS + 10_000, hiddenAt.frames);
      const liveAfterMs = Date.now() - shownAt;
      await savePageScreenshot(page, 'fault-hidden-tab-shown.png');

      const all = [...background, ...intensive];
      const distinct = (s: Sample[]) => new Set(s.map((x) => x.updatedAtMs)).size;
      console.log(
        `faults-hidden-tab: hidden ${hiddenMs} ms (${emulation.framesHeld} frames held, ${emulation.timersAligned} timer runs aligned); ` +
          `summary publications while hidden: ${distinct(background)} in ${background.length} background samples, ${distinct(intensive)} in ` +
          `${intensive.length} intensive ones; live ${liveAfterMs} ms after shown; reconnects ${back.feed.reconnects}, drops ${JSON.stringify(back.feed.drops)}`,
      );

      // The emulation took effect on the app: its frame loop stopped for the whole hold.
      expect(emulation.framesHeld).toBeGreaterThan(0);
      expect(emulation.timersAligned).toBeGreaterThan(0);
      for (const s of all) expect(s.frames, 'frames drawn while hidden').toBe(hiddenAt.frames);
      // With no frames, the hidden-tab flush alone kept the feed applied: at its period while
      // timers wake every second, and still at the minute wake-ups.
      // Samples are further apart than the flush period, so each one sees a newer summary.
      expect(SAMPLE_EVERY_MS).toBeGreaterThan(HIDDEN_FLUSH_MS);
      expect(distinct(background), 'new feed summaries seen during the once-a-second phase').toBeGreaterThanOrEqual(background.length - 1);
      // Once a minute: the summary from before the switch, one flush as the last 1 s wake-ups
      // run out, and one per minute boundary in the hold; one of those well after the switch.
      expect(distinct(intensive), 'feed summaries seen during the once-a-minute phase').toBeLessThanOrEqual(2 + Math.ceil(INTENSIVE_HOLD_MS / INTENSIVE_WAKEUP_MS));
      expect(Math.max(...intensive.map((s) => s.updatedAtMs)), 'a flush at a minute wake-up').toBeGreaterThan(intensiveFrom + 5_000);
      // The feed survived: connected throughout, nothing went stale, nothing overflowed.
      for (const s of background) {
        expect(s.status, 'feed status while hidden').toBe('connected');
        expect(s.vehiclesStale, 'stale vehicles while hidden').toBe(0);
      }
      for (const s of all) expect(s.backlogDrops, 'messages dropped for backlog overflow while hidden').toBe(0);
      expect(back.feed.drops.backlog ?? 0).toBe(0);
      // Survived the whole hold, or came back within the window: either way connected now.
      expect(back.feed.status).toBe('connected');
      expect(back.feed.counts.vehicles).toBeGreaterThan(0);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await app.close();
      await server.stop('hard');
    }
  }, 300_000);
});
