import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearBuildingIndexCache } from '../../../src/app/buildingIndex';
import { parseUrlState } from '../../../src/app/urlState';
import { applyUrlBasics, applyUrlZone, reportUrlIssues, URL_WRITE_DEBOUNCE_MS, UrlSync } from '../../../src/app/urlSync';
import { createAppStore } from '../../../src/state/store';
import type { ZoneEntry } from '../../../src/state/zoneSlice';
import { fakeFetch, makeScene, WESTBUND_INDEX } from '../../component/fixtures';

function fakeWindow(search: string) {
  const loc = { origin: 'http://127.0.0.1:5173', pathname: '/app/', search, hash: '' };
  const replaceState = vi.fn((_s: unknown, _t: string, url: string) => {
    loc.search = url.slice(loc.pathname.length);
  });
  const pushState = vi.fn((_s: unknown, _t: string, url: string) => {
    loc.search = url.slice(loc.pathname.length);
  });
  const win = { location: loc, history: { state: null, replaceState, pushState }, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  return { win: win as unknown as Window, replaceState, pushState, loc };
}

function storeWithZones() {
  const store = createAppStore();
  const zones: ZoneEntry[] = [
    { id: 'westbund', file: 'scenes/westbund.json', scene: makeScene('westbund'), issues: [] },
    { id: 'yangpu', file: 'scenes/yangpu.json', scene: null, issues: [{ file: 'scenes/yangpu.json', path: 'id', message: 'bad' }] },
  ];
  store.getState().setZones(zones);
  return store;
}

function start(query: string) {
  const store = storeWithZones();
  const { state, issues } = parseUrlState(query);
  applyUrlBasics(store, state);
  reportUrlIssues(store, issues);
  const sync = new UrlSync(store, state.test === true, applyUrlZone(store, state));
  const w = fakeWindow(query);
  sync.start(w.win);
  return { store, sync, ...w };
}

describe('URL sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearBuildingIndexCache();
    vi.stubGlobal('fetch', fakeFetch({ 'buildings-index.json': WESTBUND_INDEX }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('applies zone, camera, language and engine from the URL', () => {
    const { store } = start('?zone=westbund&cam=10,20,300,0,0,0&lang=en&engine=globe&tileBudgetMB=64');
    const s = store.getState();
    expect(s.currentZoneId).toBe('westbund');
    expect(s.language).toBe('en');
    expect(s.engine).toBe('globe');
    expect(s.tileBudgetMB).toBe(64);
    expect(s.flyRequest).toMatchObject({ kind: 'pose', position: [10, 20, 300], instant: true });
  });

  it('reports an unknown zone, a broken zone and an unknown viewpoint, and carries on', () => {
    expect(start('?zone=pudong').store.getState().errors[0]).toMatchObject({ category: 'url', source: 'zone' });
    const broken = start('?zone=yangpu').store.getState();
    expect(broken.currentZoneId).toBeNull();
    expect(broken.errors[0]?.message).toMatch(/scenes\/yangpu\.json/);
    const vp = start('?zone=westbund&vp=nowhere').store.getState();
    expect(vp.currentZoneId).toBe('westbund');
    expect(vp.errors[0]).toMatchObject({ source: 'vp' });
    expect(vp.flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
  });

  it('writes the state back after the camera rests, debounced, and keeps test=1', () => {
    const { store, replaceState, loc } = start('?zone=westbund&test=1');
    store.getState().setCameraPose({ position: [1, 2, 3], target: [0, 0, 0] });
    store.getState().setCameraPose({ position: [400, -300, 200], target: [400, 0, 0] });
    expect(replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(loc.search).toBe('?zone=westbund&vp=river&cam=400,-300,200,400,0,0&engine=three&lang=zh&test=1');
  });

  it('keeps the feed and runtime parameters in the address bar (a reload must come back to the same feed), not in a shared link', () => {
    const q = '?zone=westbund&feed=ws&feedUrl=ws://10.0.0.5:8787/&simSpeed=60&scenario=rainstorm@1200&diag=1&reloadAt=04:00';
    const { store, sync, loc } = start(q);
    store.getState().setLanguage('en');
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
    const p = new URLSearchParams(loc.search);
    expect([p.get('feed'), p.get('feedUrl'), p.get('simSpeed'), p.get('scenario'), p.get('diag'), p.get('reloadAt'), p.get('lang')])
      .toEqual(['ws', 'ws://10.0.0.5:8787/', '60', 'rainstorm@1200', '1', '04:00', 'en']);
    expect(sync.shareUrl(loc as unknown as Location)).not.toContain('feed');
    store.getState().selectZone(null);
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
    expect(new URLSearchParams(loc.search).get('feedUrl')).toBe('ws://10.0.0.5:8787/');
  });

  it('writes a stream of changes within the max wait, not only after it stops', () => {
    const { store, replaceState, loc } = start('?zone=westbund');
    // A time-lapse: a new sun time every 250 ms, always inside the debounce.
    for (let i = 0; i < 12; i++) {
      store.getState().setSunTime(Date.UTC(2027, 0, 20, 0, i * 5));
      vi.advanceTimersByTime(250);
    }
    expect(replaceState).toHaveBeenCalled();
    expect(loc.search).toContain('sun=2027-01-20T');
  });

  it('keeps a requested camera pose in the URL until the view confirms one', () => {
    const { store, sync, loc } = start('?zone=westbund&cam=10,20,300,0,0,0');
    store.getState().setLanguage('en');
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
    expect(loc.search).toContain('cam=10,20,300,0,0,0');
    expect(sync.shareUrl(loc as unknown as Location)).toBe(
      'http://127.0.0.1:5173/app/?zone=westbund&cam=10,20,300,0,0,0&engine=three&lang=en',
    );
  });

  it('resolves sel= from the building index and selects it', async () => {
    const { store } = start('?zone=westbund&sel=gen:westbund:7');
    await vi.waitFor(() => expect(store.getState().selected?.id).toBe('gen:westbund:7'));
    expect(store.getState().selected?.properties.source).toBe('generated');
    expect(store.getState().flyRequest).toMatchObject({ kind: 'target' });
  });

  it('reports a sel= that is not in the index', async () => {
    const { store } = start('?zone=westbund&sel=osm:way/999');
    await vi.waitFor(() => expect(store.getState().errors.some((e) => e.source === 'sel')).toBe(true));
    expect(store.getState().selected).toBeNull();
  });

  it('drops zone-bound values when the zone changes', () => {
    const { store, loc } = start('?zone=westbund&cam=10,20,300,0,0,0&sel=osm:way/101');
    store.getState().selectZone(null);
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS + 1);
    expect(loc.search).toBe('?engine=three&lang=zh');
  });

  it('stops writing after stop()', () => {
    const { store, sync, replaceState } = start('?zone=westbund');
    sync.stop();
    store.getState().setLanguage('en');
    vi.advanceTimersByTime(URL_WRITE_DEBOUNCE_MS * 2);
    expect(replaceState).not.toHaveBeenCalled();
  });
});
