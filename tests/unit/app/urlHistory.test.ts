/**
 * Browser Back and Forward (issue 15 items 11 and 12): entering a zone and going back to the zone
 * picker are history entries (pushState) that popstate restores; camera, selection, sun and
 * language only rewrite the current entry (replaceState). The sun's date and time travel in
 * the link as `sun=` and come back on load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearBuildingIndexCache } from '../../../src/app/buildingIndex';
import { parseUrlState } from '../../../src/app/urlState';
import { applyUrlBasics, applyUrlZone, URL_WRITE_DEBOUNCE_MS, UrlSync } from '../../../src/app/urlSync';
import { enterZone, leaveZone } from '../../../src/app/zoneActions';
import { createAppStore } from '../../../src/state/store';
import { fakeFetch, makeScene, WESTBUND_INDEX } from '../../component/fixtures';

/** A window whose history is a real stack: push truncates the forward entries, back/forward fire popstate. */
function historyWindow(search: string) {
  const loc = { origin: 'http://127.0.0.1:5173', pathname: '/', search, hash: '' };
  const entries = [search];
  let index = 0;
  const listeners = new Set<() => void>();
  const q = (url: string) => url.slice(loc.pathname.length);
  const history = {
    state: null,
    pushState: vi.fn((_s: unknown, _t: string, url: string) => {
      entries.splice(index + 1);
      entries.push(q(url));
      index++;
      loc.search = q(url);
    }),
    replaceState: vi.fn((_s: unknown, _t: string, url: string) => {
      entries[index] = q(url);
      loc.search = q(url);
    }),
  };
  const go = (d: number) => {
    index += d;
    loc.search = entries[index]!;
    for (const f of listeners) f();
  };
  const win = {
    location: loc, history,
    addEventListener: (t: string, f: () => void) => t === 'popstate' && listeners.add(f),
    removeEventListener: (t: string, f: () => void) => t === 'popstate' && listeners.delete(f),
  } as unknown as Window;
  return { win, loc, entries, history, back: () => go(-1), forward: () => go(1), index: () => index, listeners };
}

function setup(search = '') {
  const store = createAppStore();
  store.getState().setZones([
    { id: 'westbund', file: 'scenes/westbund.json', scene: makeScene('westbund'), issues: [] },
    { id: 'jiading', file: 'scenes/jiading.json', scene: makeScene('jiading'), issues: [] },
  ]);
  const { state } = parseUrlState(search);
  applyUrlBasics(store, state);
  const sync = new UrlSync(store, false, applyUrlZone(store, state));
  const h = historyWindow(search);
  sync.start(h.win);
  const settle = () => vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
  const scene = (id: string) => store.getState().zones.find((z) => z.id === id)!.scene!;
  return { store, sync, settle, scene, ...h };
}

describe('URL history', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearBuildingIndexCache();
    vi.stubGlobal('fetch', fakeFetch({ 'buildings-index.json': WESTBUND_INDEX }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('zone changes and the picker are history entries; Back and Forward restore them', () => {
    const { store, settle, scene, entries, back, forward, index, history } = setup('');
    enterZone(store, scene('westbund'));
    settle();
    store.getState().setCameraPose({ position: [10, -200, 300], target: [10, 0, 0] });
    settle();
    expect(entries).toEqual(['', '?zone=westbund&cam=10,-200,300,10,0,0&engine=three&lang=zh']);
    enterZone(store, scene('jiading'));
    settle();
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatch(/^\?zone=jiading/);

    back();
    expect(store.getState().currentZoneId).toBe('westbund');
    expect(store.getState().flyRequest).toMatchObject({ kind: 'pose', position: [10, -200, 300], instant: true });
    settle();
    // Restoring an entry never adds one: Forward is still there.
    expect([entries.length, index()]).toEqual([3, 1]);

    back();
    expect(store.getState().currentZoneId).toBeNull();
    settle();
    forward();
    expect(store.getState().currentZoneId).toBe('westbund');
    forward();
    expect(store.getState().currentZoneId).toBe('jiading');
    settle();
    expect(history.pushState).toHaveBeenCalledTimes(2);
  });

  it('leaving for the zone picker is an entry too', () => {
    const { store, settle, entries, back } = setup('?zone=westbund');
    leaveZone(store);
    settle();
    expect(entries).toEqual(['?zone=westbund', '?engine=three&lang=zh']);
    back();
    expect(store.getState().currentZoneId).toBe('westbund');
  });

  it('camera, selection, sun and language only rewrite the current entry', () => {
    const { store, settle, entries, history } = setup('?zone=westbund');
    store.getState().setCameraPose({ position: [400, -300, 200], target: [400, 0, 0] });
    store.getState().setLanguage('en');
    store.getState().setSunTime(Date.UTC(2025, 11, 21, 1, 0));
    settle();
    expect(history.pushState).not.toHaveBeenCalled();
    expect(entries).toEqual(['?zone=westbund&vp=river&cam=400,-300,200,400,0,0&sun=2025-12-21T09:00&engine=three&lang=en']);
  });

  it('sun= restores the shadow study on load, and Back restores the sun of its entry', () => {
    const ms = Date.UTC(2025, 5, 21, 7, 30); // 15:30 in Shanghai
    const { store, settle, scene, back, loc } = setup('?zone=westbund&sun=2025-06-21T15:30');
    expect(store.getState().sunTimeMs).toBe(ms);
    settle();
    expect(loc.search).toContain('sun=2025-06-21T15:30');
    enterZone(store, scene('jiading'));
    store.getState().setSunTime(null);
    settle();
    expect(loc.search).not.toContain('sun=');
    back();
    expect(store.getState().sunTimeMs).toBe(ms);
  });

  it('stop() removes the popstate listener', () => {
    const { sync, listeners } = setup('');
    expect(listeners.size).toBe(1);
    sync.stop();
    expect(listeners.size).toBe(0);
  });
});
