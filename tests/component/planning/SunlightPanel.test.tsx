import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultRow } from '../../../src/analysis/sunlight/worker/protocol';
import type { RunOutcome, SunlightJob, SunlightRunnerLike } from '../../../src/analysis/sunlight/worker/SunlightRunner';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { setSunlightResults } from '../../../src/state/sunlightResults';
import { SunlightPanel } from '../../../src/ui/planning/sunlight/SunlightPanel';
import { WINDOW_FLY_RADIUS_M } from '../../../src/ui/planning/sunlight/SunlightResults';
import { makePlan, SITE, ZONE } from '../../unit/sunlight-view/fixtures';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';

/** A runner the test drives: it reports progress when told and finishes with made-up hours. */
class FakeRunner implements SunlightRunnerLike {
  job: SunlightJob | null = null;
  progress: ((s: number) => void) | undefined;
  cancels = 0;
  disposed = false;
  private resolve: ((o: RunOutcome) => void) | null = null;
  run(job: SunlightJob, onProgress?: (s: number) => void): Promise<RunOutcome> {
    this.job = job;
    this.progress = onProgress;
    return new Promise((r) => (this.resolve = r));
  }
  /** South windows of floor 1 get 1 h (fail), the rest 5 h. */
  finish(): void {
    const rows: ResultRow[] = this.job!.receivers.map((r) => {
      const hours = r.floor === 1 && r.normal[1] < -0.9 ? 1 : 5;
      return { id: r.id, buildingId: r.buildingId, facade: r.facade, floor: r.floor, position: r.position, normal: r.normal, hours, longestContinuousH: hours, pass: hours >= 2 };
    });
    this.resolve?.({ rows, cancelled: false });
  }
  cancel(): void {
    this.cancels++;
    this.resolve?.({ rows: [], cancelled: true });
  }
  dispose(): void {
    this.disposed = true;
  }
}

const scene = makeScene();
const loadZone = () => Promise.resolve(ZONE);
let runner: FakeRunner;
const createRunner = () => runner;
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

function setup(lang: 'zh' | 'en' = 'en'): AppStore {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE);
  renderUi(<SunlightPanel scene={scene} createRunner={createRunner} loadZone={loadZone} />, { store, lang });
  return store;
}

beforeEach(() => {
  runner = new FakeRunner();
});
afterEach(() => setSunlightResults(null));

describe('SunlightPanel', () => {
  it('shows every rule parameter, validates edits, and blocks a run with a bad one', async () => {
    const store = setup();
    const panel = screen.getByTestId('sunlight-panel');
    expect(within(panel).getAllByText('Scheme reference, not a statutory finding').length).toBeGreaterThan(0);
    for (const label of ['Standard day', 'Window start (true solar time)', 'Window end (true solar time)', 'Counting', 'Standard (h)', 'Shortest counted segment (min)', 'Time step (min)', 'Reference height (window sill, m)', 'Full-window width (m, 0 = centre only)', 'Default storey height (m)']) {
      expect(screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`))).toBeTruthy();
    }
    expect((screen.getByLabelText(/^Window start/) as HTMLInputElement).value).toBe('08:00');
    const step = screen.getByLabelText(/^Time step/) as HTMLInputElement;
    fireEvent.change(step, { target: { value: '5' } });
    expect(store.getState().sunlightSettings.overrides).toEqual({ stepMin: 5 });
    expect(screen.getByRole('alert').textContent).toBe('Must be between 0.1 and 1');
    expect(step.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Run analysis' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Restore the profile’s values' }));
    expect(store.getState().sunlightSettings.overrides).toEqual({});
    fireEvent.change(screen.getByLabelText(/^Standard day/), { target: { value: 'dongzhi' } });
    fireEvent.change(screen.getByLabelText(/^Window end/), { target: { value: '15:00' } });
    expect(store.getState().sunlightSettings.overrides).toEqual({ term: 'dongzhi', windowEndTst: 15 });
    await userEvent.selectOptions(screen.getByLabelText('Rule profile'), 'shanghai-dongzhi-continuous');
    expect(store.getState().sunlightSettings).toMatchObject({ profileId: 'shanghai-dongzhi-continuous', overrides: {} });
    expect((screen.getByLabelText(/^Counting/) as HTMLSelectElement).value).toBe('continuous');
  });

  it('runs with progress, shows the result, lists failing windows and flies to one', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Residential buildings of a plot' }));
    await userEvent.selectOptions(screen.getByLabelText('Plot'), 'plot:R');
    expect(store.getState().sunlightSettings.receivers).toEqual({ kind: 'plot', id: 'plot:R', ring: null });
    await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
    await flush();
    expect(store.getState().sunlightRun.status).toBe('running');
    expect(runner.job!.receivers.every((r) => r.buildingId === 'slab')).toBe(true);
    act(() => runner.progress?.(0.5));
    const bar = screen.getByRole('progressbar', { name: 'Progress' }) as HTMLProgressElement;
    expect(bar.value).toBe(0.5);
    expect(screen.getByTestId('sunlight-status').textContent).toBe('Computing… 50%');
    // The form is locked while it runs.
    expect((screen.getByLabelText(/^Time step/) as HTMLInputElement).disabled).toBe(true);
    await act(async () => runner.finish());
    await flush();
    const s = store.getState().sunlightRun;
    expect(s.status).toBe('done');
    expect(screen.getByTestId('sunlight-receivers').textContent).toBe(String(s.summary!.receivers));
    expect(Number(screen.getByTestId('sunlight-failed').textContent)).toBe(s.summary!.failed);
    expect(s.summary!.failed).toBeGreaterThan(0);
    const rows = within(screen.getByTestId('sunlight-failing-windows')).getAllByRole('row').slice(1);
    expect(rows.length).toBe(Math.min(30, s.summary!.failed));
    expect(within(screen.getByTestId('sunlight-failing-buildings')).getByText('Building slab')).toBeTruthy();
    await userEvent.click(within(rows[0]!).getByRole('button', { name: /Fly to Building slab, floor 1/ }));
    const fly = store.getState().flyRequest;
    expect(fly).toMatchObject({ kind: 'target', radiusM: WINDOW_FLY_RADIUS_M });
    expect(fly && fly.kind === 'target' ? fly.target[2] : 0).toBeCloseTo(0.9);
  });

  it('cancels a run: status cancelled, the runner told, no result', async () => {
    const store = setup('zh');
    await userEvent.click(screen.getByRole('radio', { name: '地块内住宅' }));
    await userEvent.selectOptions(screen.getByLabelText('地块'), 'plot:R');
    await userEvent.click(screen.getByRole('button', { name: '开始分析' }));
    await flush();
    await userEvent.click(screen.getByRole('button', { name: '取消计算' }));
    expect(store.getState().sunlightRun.status).toBe('cancelled');
    expect(runner.cancels).toBe(1);
    expect(screen.getByTestId('sunlight-status').textContent).toBe('已取消');
    expect(screen.queryByTestId('sunlight-results')).toBeNull();
    expect(screen.queryByRole('button', { name: '取消计算' })).toBeNull();
  });

  it('explains a run without receivers, offers the impact modes, and draws the sun path', async () => {
    const store = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Run analysis' }));
    await flush();
    expect(store.getState().sunlightRun).toMatchObject({ status: 'failed', error: 'receivers: no-residential' });
    expect(screen.getByRole('alert').textContent).toBe('Nothing to analyse: No residential building in the area');
    await userEvent.click(screen.getByRole('radio', { name: 'Impact on neighbours' }));
    expect(store.getState().sunlightSettings).toMatchObject({ mode: 'impact', stateId: 'wall' });
    await userEvent.click(screen.getByRole('radio', { name: 'Scheme A vs B' }));
    expect(store.getState().sunlightSettings).toMatchObject({ mode: 'compare', stateId: 'wall', otherStateId: 'low' });
    expect(screen.getByRole('img', { name: /Sun path on Major Cold/ })).toBeTruthy();
    // Playing the time-lapse starts at the window start of the standard day.
    await userEvent.click(screen.getByRole('button', { name: 'Play shadows' }));
    expect(store.getState().sunTimeMs).not.toBeNull();
    expect(store.getState().shadows).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await userEvent.click(screen.getByRole('button', { name: 'Show the scheme’s shadow envelope' }));
    expect(screen.getByRole('button', { name: 'Hide the shadow envelope' })).toBeTruthy();
  });

  it('starts a run by itself when a link asked for one, and disposes its runner on unmount', async () => {
    const store = createAppStore();
    store.getState().setPlan(makePlan(), 'ready');
    store.getState().setActiveSite(SITE);
    store.getState().setSunlightSettings({ receivers: { kind: 'building', id: 'slab', ring: null } });
    store.getState().setSunlightAutoRun(true);
    const r = renderUi(<SunlightPanel scene={scene} createRunner={createRunner} loadZone={loadZone} />, { store });
    await flush();
    expect(store.getState().sunlightAutoRun).toBe(false);
    expect(store.getState().sunlightRun.status).toBe('running');
    r.unmount();
    expect(runner.disposed).toBe(true);
    expect(store.getState().sunlightRun.status).toBe('idle');
  });
});
