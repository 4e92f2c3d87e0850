import { describe, expect, it } from 'vitest';
import { loadCounters, loadLastReload, parseReloadAt, saveCounters, saveLastReload, Watchdog } from '../../../src/runtime/Watchdog';
import { DEFAULT_WATCHDOG, type HealthSample, type WatchdogConfig } from '../../../src/runtime/watchdogTypes';

const CFG: WatchdogConfig = { ...DEFAULT_WATCHDOG, frameStallMs: 10_000, feedSilentMs: 15_000, stepWaitMs: 20_000, warmupSamples: 4, historyLength: 50 };
/** 2026-12-01T00:00:00+08:00 */
const T0 = Date.UTC(2026, 10, 30, 16, 0, 0);

function healthy(atMs: number, over: Partial<HealthSample> = {}): HealthSample {
  return {
    atMs, heapBytes: 200 * 2 ** 20, geometries: 400, textures: 60, programs: 20, tileCacheBytes: 100 * 2 ** 20, domNodes: 1500,
    listeners: 80, timers: 12, frameMsP95: 20, lastFrameAtMs: atMs - 16, feedAgeMs: 300, feedConnected: true, visible: true, ...over,
  };
}

describe('watchdog: stalls escalate one step per wait', () => {
  it('a frozen view: rebuild, then soft reload; recovery ends the incident', () => {
    const w = new Watchdog(CFG);
    const frozenAt = T0;
    const steps: string[] = [];
    for (let t = T0; t <= T0 + 60_000; t += 5000) {
      for (const a of w.sample(healthy(t, { lastFrameAtMs: frozenAt }), false)) if (a.kind === 'recover') steps.push(`${(t - T0) / 1000}:${a.step}`);
    }
    // 15 s: first sample past 10 s without a frame → rebuild; +20 s → soft reload; no more rungs.
    expect(steps).toEqual(['15:rebuild-view', '35:soft-reload']);
    expect(w.counters).toMatchObject({ frameStalls: 1, 'rebuild-view': 1, 'soft-reload': 1 });
    w.sample(healthy(T0 + 65_000), false);
    expect(w.currentIncident).toBeNull();
  });
  it('a late sample (the main thread was blocked) neither starts nor escalates an incident', () => {
    const w = new Watchdog(CFG);
    expect(w.sample(healthy(T0 + 30_000, { lastFrameAtMs: T0, starved: true }), false)).toEqual([]);
    expect(w.currentIncident).toBeNull();
    expect(w.sample(healthy(T0 + 32_000, { lastFrameAtMs: T0 }), false)).toMatchObject([{ kind: 'recover', step: 'rebuild-view' }]);
    expect(w.sample(healthy(T0 + 60_000, { lastFrameAtMs: T0, starved: true }), false)).toEqual([]);
    expect(w.currentIncident).not.toBeNull();
  });
  it('a hidden tab is throttled, not stalled', () => {
    const w = new Watchdog(CFG);
    const acts = w.sample(healthy(T0 + 60_000, { lastFrameAtMs: T0, visible: false }), false);
    expect(acts).toEqual([]);
  });
  it('a silent feed: banner with the time it went quiet, re-subscribe, rebuild, reload; data back clears the banner', () => {
    const w = new Watchdog(CFG);
    const lastMsg = T0;
    const acts: string[] = [];
    for (let t = T0 + 20_000; t <= T0 + 80_000; t += 5000) {
      for (const a of w.sample(healthy(t, { feedAgeMs: t - lastMsg }), false)) acts.push(a.kind === 'recover' ? a.step : `${a.kind}:${a.kind === 'feed-banner' ? a.sinceMs : ''}`);
    }
    expect(acts).toEqual([`feed-banner:${T0}`, 'resubscribe', 'rebuild-view', 'soft-reload']);
    const back = w.sample(healthy(T0 + 85_000), false);
    expect(back).toEqual([{ kind: 'feed-banner', sinceMs: null }]);
    expect(w.counters.feedOutages).toBe(1);
  });
});

describe('watchdog: outages it cannot cure and reload loops', () => {
  it('a silent feed whose transport is reconnecting gets the banner only: no recovery steps', () => {
    const w = new Watchdog(CFG);
    const acts: string[] = [];
    for (let t = T0 + 20_000; t <= T0 + 120_000; t += 5000) {
      for (const a of w.sample(healthy(t, { feedAgeMs: t - T0, feedConnected: false }), false)) acts.push(a.kind);
    }
    expect(acts).toEqual(['feed-banner']);
    expect(w.currentIncident).toBeNull();
    expect(w.counters).toMatchObject({ feedOutages: 1, resubscribe: 0, 'soft-reload': 0 });
  });
  it('no soft reload within the gap after the previous one (kept across the reload); it comes once the gap has passed', () => {
    const lastReload = T0 - 60_000;
    const w = new Watchdog({ ...CFG, minReloadGapMs: 10 * 60_000 }, {}, lastReload);
    const steps: number[] = [];
    for (let t = T0; t <= T0 + 15 * 60_000; t += 5000) {
      for (const a of w.sample(healthy(t, { lastFrameAtMs: T0 - 20_000 }), false)) if (a.kind === 'recover' && a.step === 'soft-reload') steps.push(t);
    }
    expect(steps).toEqual([lastReload + 10 * 60_000]);
    expect(w.lastSoftReloadAt).toBe(lastReload + 10 * 60_000);
    // An armed threshold reload also waits out the gap.
    const g = new Watchdog(CFG, {}, T0);
    for (let i = 0; i < 4; i++) g.sample(healthy(T0 + i * 5000), true);
    expect(g.sample(healthy(T0 + 25_000, { geometries: 1100 }), true)).toEqual([]);
    expect(g.pendingReload).not.toBeNull();
    expect(g.sample(healthy(T0 + 10 * 60_000, { geometries: 1100 }), true)).toMatchObject([{ kind: 'soft-reload', reason: 'threshold' }]);
  });
  it('the last reload time survives in storage; junk reads as none', () => {
    const m = new Map<string, string>();
    const st = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadLastReload(st)).toBeNull();
    saveLastReload(st, T0);
    expect(loadLastReload(st)).toBe(T0);
    m.set('shentwin.watchdog.lastReloadAtMs', 'NaN');
    expect(loadLastReload(st)).toBeNull();
  });
});

describe('watchdog: thresholds and the daily window wait for a quiet moment', () => {
  it('GPU objects doubling past the baseline arms a reload, taken only when quiet', () => {
    const w = new Watchdog(CFG);
    for (let i = 0; i < 4; i++) w.sample(healthy(T0 + i * 5000), true);
    expect(w.sample(healthy(T0 + 25_000, { geometries: 1100 }), false)).toEqual([]);
    expect(w.pendingReload?.detail).toMatch(/GPU objects 1180 vs baseline 480/);
    expect(w.sample(healthy(T0 + 30_000, { geometries: 1100 }), false)).toEqual([]);
    expect(w.sample(healthy(T0 + 35_000, { geometries: 1100 }), true)).toEqual([{ kind: 'soft-reload', reason: 'threshold', detail: 'GPU objects 1180 vs baseline 480' }]);
    expect(w.counters).toMatchObject({ thresholdReloads: 1, 'soft-reload': 1 });
  });
  it('the baseline is the highest each counter reached during the warm-up: a far tour stop is not a leak', () => {
    const w = new Watchdog(CFG);
    w.sample(healthy(T0), true);
    w.sample(healthy(T0 + 5000, { geometries: 900 }), true);
    w.sample(healthy(T0 + 10_000), true);
    w.sample(healthy(T0 + 15_000), true);
    expect(w.sample(healthy(T0 + 20_000, { geometries: 1000 }), true)).toEqual([]);
    expect(w.pendingReload).toBeNull();
    w.sample(healthy(T0 + 25_000, { geometries: 1900 }), false);
    expect(w.pendingReload?.detail).toBe('GPU objects 1980 vs baseline 980');
  });
  it('heap growth and a tile cache over budget each arm it; normal noise does not', () => {
    const heap = new Watchdog(CFG);
    for (let i = 0; i < 4; i++) heap.sample(healthy(T0 + i * 5000), true);
    heap.sample(healthy(T0 + 20_000, { heapBytes: 300 * 2 ** 20, geometries: 500, domNodes: 1900 }), false);
    expect(heap.pendingReload).toBeNull();
    heap.sample(healthy(T0 + 25_000, { heapBytes: 800 * 2 ** 20 }), false);
    expect(heap.pendingReload?.detail).toBe('heap 800 MiB vs baseline 200 MiB');
    const tiles = new Watchdog({ ...CFG, tileBudgetBytes: 64 * 2 ** 20 });
    for (let i = 0; i < 4; i++) tiles.sample(healthy(T0 + i * 5000, { tileCacheBytes: 60 * 2 ** 20 }), true);
    tiles.sample(healthy(T0 + 20_000, { tileCacheBytes: 90 * 2 ** 20 }), false);
    expect(tiles.pendingReload?.detail).toBe('tile cache 90 MiB over budget 64 MiB');
  });
  it('reloadAt=04:00 fires once a day, after 04:00 Shanghai time, at a quiet moment', () => {
    const w = new Watchdog({ ...CFG, dailyReloadMinute: 240 });
    const at = (h: number, m = 0, day = 0) => T0 + day * 86_400_000 + (h * 60 + m) * 60_000;
    expect(w.sample(healthy(at(3, 59)), true)).toEqual([]);
    expect(w.sample(healthy(at(4, 0)), false)).toEqual([]);
    expect(w.sample(healthy(at(4, 1)), true)).toEqual([{ kind: 'soft-reload', reason: 'daily', detail: 'daily reload window 04:00' }]);
    expect(w.sample(healthy(at(5, 0)), true)).toEqual([]);
    expect(w.sample(healthy(at(4, 0, 1)), true)).toMatchObject([{ reason: 'daily' }]);
    // Started after the window: waits for the next day.
    const late = new Watchdog({ ...CFG, dailyReloadMinute: 240 });
    expect(late.sample(healthy(at(9, 0)), true)).toEqual([]);
    expect(parseReloadAt('04:00')).toBe(240);
    expect(parseReloadAt('24:00')).toMatch(/hh:mm/);
  });
  it('keeps a bounded history and counters survive a reload through storage', () => {
    const w = new Watchdog(CFG, { 'soft-reload': 3 });
    for (let i = 0; i < 80; i++) w.sample(healthy(T0 + i * 5000), false);
    expect(w.history).toHaveLength(50);
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveCounters(storage, w.counters);
    expect(loadCounters(storage)).toMatchObject({ 'soft-reload': 3, resubscribe: 0 });
    store.set('shentwin.watchdog.counters', '{"soft-reload":-1,"resubscribe":"x","frameStalls":2}');
    expect(loadCounters(storage)).toEqual({ frameStalls: 2 });
    store.set('shentwin.watchdog.counters', '{');
    expect(loadCounters(storage)).toEqual({});
  });
});
