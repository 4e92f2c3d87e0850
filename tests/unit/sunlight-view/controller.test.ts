import { afterEach, describe, expect, it } from 'vitest';
import { SunlightRunner, type RunOutcome, type SunlightJob, type SunlightRunnerLike } from '../../../src/analysis/sunlight/worker/SunlightRunner';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { setSunlightResults, sunlightResults } from '../../../src/state/sunlightResults';
import { SunlightController } from '../../../src/ui/planning/sunlight/SunlightController';
import { InProcessWorker, LAT, LON, makePlan, SITE, YEAR, ZONE } from './fixtures';

function setup(runner: SunlightRunnerLike = new SunlightRunner(() => new InProcessWorker(), 2, 8), loadZone = () => Promise.resolve(ZONE)) {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE);
  const c = new SunlightController({ store, runner, loadZone, latDeg: LAT, lonDeg: LON, year: () => YEAR });
  return { store, c };
}

const run = (store: AppStore) => store.getState().sunlightRun;

afterEach(() => setSunlightResults(null));

describe('sunlight controller', () => {
  it('runs the residential buildings of a plot and publishes summaries and rows', async () => {
    const { store, c } = setup();
    store.getState().setSunlightSettings({ receivers: { kind: 'plot', id: 'plot:R', ring: null } });
    const statuses: string[] = [];
    const off = store.subscribe((s, p) => s.sunlightRun.status !== p.sunlightRun.status && statuses.push(s.sunlightRun.status));
    await c.run();
    off();
    expect(statuses).toEqual(['loading', 'running', 'done']);
    const r = run(store);
    expect(r.progress).toBe(1);
    expect(r.summary!.receivers).toBeGreaterThan(50);
    expect(r.summary!.passed + r.summary!.failed).toBe(r.summary!.receivers);
    // North windows get nothing on 大寒日; the free south facade gets the whole window.
    expect(r.summary!.minHours).toBe(0);
    expect(r.summary!.maxHours).toBeGreaterThan(7.9);
    expect(r.summary!.maxHours).toBeLessThanOrEqual(8);
    expect(r.impact).toBeNull();
    const res = sunlightResults()!;
    expect(res.seq).toBe(r.runSeq);
    expect(res.primary.length).toBe(r.summary!.receivers);
    expect(res.buildingNames.slab).toEqual({ zh: '楼slab', en: 'Building slab' });
    expect([res.minHours, res.windowHours, res.ground]).toEqual([2, 8, null]);
    c.dispose();
  });

  it('lists the windows a scheme pushes below the standard (impact), and compares two schemes', async () => {
    const { store, c } = setup();
    store.getState().setSunlightSettings({ mode: 'impact', stateId: 'wall', receivers: { kind: 'site', id: null, ring: null } });
    await c.run();
    const r = run(store);
    expect(r.status).toBe('done');
    expect(r.otherSummary!.receivers).toBe(r.summary!.receivers);
    expect(r.impact!.newlyFailing).toBeGreaterThan(0);
    expect(r.impact!.worsened).toBeGreaterThanOrEqual(r.impact!.newlyFailing);
    const res = sunlightResults()!;
    expect(res.impact.length).toBe(r.impact!.worsened);
    expect(res.impact[0]!.newlyFailing).toBe(true);
    for (const row of res.impact) expect(row.afterHours).toBeLessThan(row.beforeHours);
    // Every south window, which had the whole window before, now fails.
    const failing = new Set(res.impact.filter((x) => x.newlyFailing).map((x) => x.receiverId));
    const south = res.primary.filter((x) => x.normal[1] < -0.9);
    expect(south.length).toBeGreaterThan(0);
    expect(south.every((x) => failing.has(x.id))).toBe(true);

    store.getState().setSunlightSettings({ mode: 'compare', stateId: 'low', otherStateId: 'wall' });
    await c.run();
    expect(run(store).impact!.newlyFailing).toBe(r.impact!.newlyFailing);
    store.getState().setSunlightSettings({ stateId: 'wall', otherStateId: 'low' });
    await c.run();
    expect(run(store).impact).toEqual({ worsened: 0, newlyFailing: 0 });
    c.dispose();
  });

  it('samples a ground grid for the heat map when asked', async () => {
    const { store, c } = setup();
    store.getState().setSunlightSettings({ receivers: { kind: 'building', id: 'slab', ring: null }, ground: true, groundHeightM: 0, spacingM: 12 });
    await c.run();
    const g = sunlightResults()!.ground!;
    expect(g.hours.length).toBe(g.grid.cols * g.grid.rows);
    const finite = Array.from(g.hours).filter(Number.isFinite);
    expect(finite.length).toBeGreaterThan(0);
    // The slab's own footprint holds no ground receivers.
    expect(finite.length).toBeLessThan(g.hours.length);
    expect(Math.max(...finite)).toBeLessThanOrEqual(8);
    // Window rows do not include the ground points.
    expect(sunlightResults()!.primary.every((x) => x.floor > 0)).toBe(true);
    c.dispose();
  });

  it('cancels a run in progress: status cancelled, no result published', async () => {
    let resolve: ((o: RunOutcome) => void) | null = null;
    const runner: SunlightRunnerLike & { cancelled: number } = {
      cancelled: 0,
      run: (_job: SunlightJob) => new Promise<RunOutcome>((r) => (resolve = r)),
      cancel() {
        this.cancelled++;
        resolve?.({ rows: [], cancelled: true });
      },
      dispose() {},
    };
    const { store, c } = setup(runner);
    store.getState().setSunlightSettings({ receivers: { kind: 'plot', id: 'plot:R', ring: null } });
    const p = c.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(run(store).status).toBe('running');
    c.cancel();
    expect(run(store).status).toBe('cancelled');
    await p;
    expect(run(store).status).toBe('cancelled');
    expect(runner.cancelled).toBe(1);
    expect(sunlightResults()).toBeNull();
    // Cancelling while nothing runs does nothing.
    c.cancel();
    expect(runner.cancelled).toBe(1);
  });

  it('fails with a reason: bad profile, unreadable buildings, no receivers, unknown scheme', async () => {
    const { store, c } = setup();
    store.getState().setSunlightOverride('stepMin', 5);
    await c.run();
    expect(run(store)).toMatchObject({ status: 'failed', error: 'profile' });
    store.getState().setSunlightOverride('stepMin', undefined);
    await c.run();
    expect(run(store)).toMatchObject({ status: 'failed', error: 'receivers: no-residential' });
    store.getState().setSunlightSettings({ stateId: 'gone' });
    await c.run();
    expect(run(store)).toMatchObject({ status: 'failed', error: 'state' });
    const bad = setup(undefined, () => Promise.reject(new Error('HTTP 404')));
    await bad.c.run();
    expect(run(bad.store)).toMatchObject({ status: 'failed', error: 'footprints: HTTP 404' });
    c.dispose();
    bad.c.dispose();
  });
});
