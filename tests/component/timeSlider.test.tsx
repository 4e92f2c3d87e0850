/**
 * The time slider (src/ui/timeline/TimeSlider) against a store whose time machine summary is set by
 * hand and a fake control: ticks at their place on the track, a tick click jumps (and flies to its
 * asset), the keyboard steps and End goes live, the live button, and scrubbing with a mouse and a
 * touch pointer (the track's box mocked: jsdom has no layout). And while the past is shown, an
 * alert cannot be acknowledged or closed, in the list or in the store.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evaluateAlerts } from '../../src/analysis/alerts/evaluate';
import { EMPTY_ALERT_STATE, type Observation } from '../../src/analysis/alerts/types';
import { EMPTY_TIME_MACHINE, type TimeMachineSummary } from '../../src/feed/replay/TimeMachine';
import type { TimelineTick } from '../../src/feed/replay/timelineTicks';
import { createAppStore, type AppStore } from '../../src/state/store';
import type { TimeMachineControl } from '../../src/state/timeMachineSlice';
import { AlertList } from '../../src/ui/live/AlertList';
import { TimeSlider } from '../../src/ui/timeline/TimeSlider';
import { makeScene } from './fixtures';
import { renderUi } from './render';

vi.mock('uplot', () => import('./live/uplotMock'));

const T = Date.UTC(2026, 11, 1, 23, 30, 0);
/** Ten minutes recorded; the track is 600 px wide from x = 100, a second a pixel. */
const RANGE = { fromTs: T, toTs: T + 600_000 };
const BOX = { left: 100, width: 600, top: 0, height: 20, right: 700, bottom: 20, x: 100, y: 0 };
const scene = makeScene('westbund');

const TICKS: TimelineTick[] = [
  { ts: T + 150_000, kind: 'alarm', id: 'wl-1', assetKind: 'sensor', type: 'water_level', lonDeg: scene.origin.lonDeg, latDeg: scene.origin.latDeg },
  { ts: T + 300_000, kind: 'incident', id: 'x1', assetKind: 'incident', type: 'crash', lonDeg: null, latDeg: null },
  { ts: T + 450_000, kind: 'drill', id: 'rainstorm', assetKind: null, type: 'rainstorm', lonDeg: null, latDeg: null },
];

const summary = (over: Partial<TimeMachineSummary> = {}): TimeMachineSummary => ({
  ...EMPTY_TIME_MACHINE, available: true, source: 'memory', range: RANGE, ticks: TICKS, mode: 'live', ...over,
});

function fakeControl() {
  return { seek: vi.fn(), play: vi.fn(), pause: vi.fn(), setSpeed: vi.fn(), live: vi.fn(), sensorReadings: vi.fn() } satisfies TimeMachineControl;
}

function setup(over: Partial<TimeMachineSummary> = {}, store: AppStore = createAppStore()) {
  const control = fakeControl();
  store.getState().setTimeMachineControl(control);
  store.getState().setTimeMachine(summary(over));
  renderUi(<TimeSlider scene={scene} variant="planner" />, { store });
  const track = screen.getByTestId('timeline-track');
  track.getBoundingClientRect = () => ({ ...BOX, toJSON: () => BOX }) as DOMRect;
  return { control, store, track };
}

/** The throttle of scrubbing reads performance.now: the test sets it. */
let perfNow = 10_000;
beforeEach(() => {
  perfNow = 10_000;
  vi.spyOn(performance, 'now').mockImplementation(() => perfNow);
});
afterEach(() => vi.restoreAllMocks());

describe('TimeSlider', () => {
  it('renders nothing without a recording or a control', () => {
    const store = createAppStore();
    store.getState().setTimeMachine(summary());
    renderUi(<TimeSlider scene={scene} variant="planner" />, { store });
    expect(screen.queryByTestId('time-slider')).toBeNull();
    act(() => store.getState().setTimeMachineControl(fakeControl()));
    expect(screen.queryByTestId('time-slider')).not.toBeNull();
    act(() => store.getState().setTimeMachine(summary({ available: false, range: null })));
    expect(screen.queryByTestId('time-slider')).toBeNull();
  });

  it('puts each tick at its place along the track', () => {
    setup();
    const ticks = screen.getAllByTestId('timeline-tick');
    expect(ticks.map((k) => [k.dataset.kind, k.dataset.id, k.style.left])).toEqual([
      ['alarm', 'wl-1', '25%'], ['incident', 'x1', '50%'], ['drill', 'rainstorm', '75%'],
    ]);
    const slider = screen.getByTestId('time-slider');
    expect(slider.dataset.mode).toBe('live');
    expect(slider.dataset.ticks).toBe('3');
    // Live: the thumb at the right end, the time reads 实时.
    expect(screen.getByTestId('timeline-time').textContent).toBe('实时');
  });

  it('a tick click jumps a second past it, paused, and flies to its asset', () => {
    const { control, store } = setup();
    // Pressing a tick is not a press on the track under it.
    fireEvent.pointerDown(screen.getAllByTestId('timeline-tick')[0]!, { pointerType: 'mouse', pointerId: 1, button: 0, clientX: 250 });
    expect(control.seek).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByTestId('timeline-tick')[0]!);
    expect(control.seek).toHaveBeenCalledTimes(1);
    expect(control.seek).toHaveBeenCalledWith(T + 150_000 + 1000, false);
    expect(store.getState().liveSelected).toEqual({ kind: 'sensor', id: 'wl-1' });
    expect(store.getState().flyRequest).toMatchObject({ kind: 'target', radiusM: 180 });
    const target = (store.getState().flyRequest as { target: number[] }).target;
    expect(Math.hypot(target[0]!, target[1]!)).toBeLessThan(0.01);
    // An incident tick without a place jumps without flying.
    const fly = store.getState().flyRequest;
    fireEvent.click(screen.getAllByTestId('timeline-tick')[1]!);
    expect(control.seek).toHaveBeenLastCalledWith(T + 300_000 + 1000, false);
    expect(store.getState().flyRequest).toBe(fly);
    expect(control.seek).toHaveBeenCalledTimes(2);
  });

  it('arrow keys step 10 s from the shown moment, End goes live', () => {
    const at = T + 200_000;
    const { control, track } = setup({ mode: 'replay', atMs: at, playing: true });
    fireEvent.keyDown(track, { key: 'ArrowLeft' });
    expect(control.seek).toHaveBeenLastCalledWith(at - 10_000, true);
    fireEvent.keyDown(track, { key: 'ArrowRight', shiftKey: true });
    expect(control.seek).toHaveBeenLastCalledWith(at + 60_000, true);
    fireEvent.keyDown(track, { key: 'Home' });
    expect(control.seek).toHaveBeenLastCalledWith(T, true);
    fireEvent.keyDown(track, { key: 'x' });
    expect(control.seek).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(track, { key: 'End' });
    expect(control.live).toHaveBeenCalledTimes(1);
    expect(control.seek).toHaveBeenCalledTimes(3);
  });

  it('arrow left while live steps back from the live end, paused', () => {
    const { control, track } = setup();
    fireEvent.keyDown(track, { key: 'ArrowLeft' });
    expect(control.seek).toHaveBeenCalledWith(T + 600_000 - 10_000, false);
  });

  it('the live button goes live while replaying, and is off while live', () => {
    const { control, store } = setup({ mode: 'replay', atMs: T + 60_000 });
    const live = screen.getByTestId('timeline-live');
    expect((live as HTMLButtonElement).disabled).toBe(false);
    expect(live.textContent).toBe('回到实时');
    expect(screen.getByTestId('timeline-time').textContent).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    fireEvent.click(live);
    expect(control.live).toHaveBeenCalledTimes(1);
    act(() => store.getState().setTimeMachine(summary({ mode: 'live' })));
    expect((screen.getByTestId('timeline-live') as HTMLButtonElement).disabled).toBe(true);
  });

  it.each(['mouse', 'touch'] as const)('scrubs with a %s pointer: down, move, up seek the time under it', (pointerType) => {
    const { control, track } = setup({ mode: 'replay', atMs: T + 60_000, playing: false });
    const p = { pointerType, pointerId: 7, button: 0, isPrimary: true };
    fireEvent.pointerDown(track, { ...p, clientX: 250 });
    expect(control.seek).toHaveBeenLastCalledWith(T + 150_000, false);
    // While dragging the thumb follows the pointer.
    expect(screen.getByTestId('timeline-track').getAttribute('aria-valuenow')).toBe(String(T + 150_000));
    // Moves within 200 ms are not each a seek; one after is.
    perfNow += 50;
    fireEvent.pointerMove(track, { ...p, clientX: 300 });
    expect(control.seek).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('timeline-track').getAttribute('aria-valuenow')).toBe(String(T + 200_000));
    perfNow += 200;
    fireEvent.pointerMove(track, { ...p, clientX: 350 });
    expect(control.seek).toHaveBeenLastCalledWith(T + 250_000, false);
    expect(control.seek).toHaveBeenCalledTimes(2);
    // Release: always a seek, at once, where it was let go.
    perfNow += 10;
    fireEvent.pointerUp(track, { ...p, clientX: 400.4 });
    expect(control.seek).toHaveBeenLastCalledWith(T + 300_000, false);
    expect(control.seek).toHaveBeenCalledTimes(3);
    expect(control.live).not.toHaveBeenCalled();
    // After release a hover is no drag.
    fireEvent.pointerMove(track, { ...p, clientX: 500 });
    expect(control.seek).toHaveBeenCalledTimes(3);
  });

  it('released at the live end goes live; a right mouse button does nothing', () => {
    const { control, track } = setup({ mode: 'replay', atMs: T + 60_000, playing: true });
    fireEvent.pointerDown(track, { pointerType: 'mouse', pointerId: 1, button: 2, clientX: 300 });
    expect(control.seek).not.toHaveBeenCalled();
    fireEvent.pointerUp(track, { pointerType: 'mouse', pointerId: 1, button: 2, clientX: 300 });
    expect(control.seek).not.toHaveBeenCalled();
    fireEvent.pointerDown(track, { pointerType: 'touch', pointerId: 2, button: 0, clientX: 680 });
    fireEvent.pointerUp(track, { pointerType: 'touch', pointerId: 2, button: 0, clientX: 699 });
    expect(control.live).toHaveBeenCalledTimes(1);
    expect(control.seek).toHaveBeenCalledTimes(1);
    // Released short of the end while playing: plays on from there.
    fireEvent.pointerDown(track, { pointerType: 'touch', pointerId: 3, button: 0, clientX: 200 });
    fireEvent.pointerUp(track, { pointerType: 'touch', pointerId: 3, button: 0, clientX: 200 });
    expect(control.seek).toHaveBeenLastCalledWith(T + 100_000, true);
  });
});

describe('alerts while the past is shown', () => {
  const rules = [{ id: 'water', reopenWithinS: 600 }];
  const obs: Observation = {
    ruleId: 'water', cause: 'threshold', severity: 'major', value: 27.5, unit: 'cm', threshold: 25,
    asset: { kind: 'sensor', id: 'u1', x: 10, y: 20, type: 'water_level', name: { zh: 'u1 下立交', en: 'u1 underpass' } },
  };

  it('cannot be acknowledged or closed, in the list or through the store; back live they can', () => {
    const store = createAppStore();
    store.getState().setAlertState(evaluateAlerts(EMPTY_ALERT_STATE, [obs], rules, T));
    const id = store.getState().alertState.alerts[0]!.id;
    store.getState().setTimeMachineControl(fakeControl());
    store.getState().setTimeMachine(summary({ mode: 'replay', atMs: T - 60_000 }));
    renderUi(<AlertList now={() => T + 5000} />, { store });
    const item = screen.getByTestId('alert');
    const ack = within(item).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    const close = within(item).getByRole('button', { name: '关闭' }) as HTMLButtonElement;
    expect(ack.disabled).toBe(true);
    expect(close.disabled).toBe(true);
    expect(ack.title).toContain('回放中不能确认');
    fireEvent.click(ack);
    const before = store.getState().alertState;
    store.getState().acknowledgeAlert(id, T + 5000);
    store.getState().closeAlert(id, T + 5000);
    expect(store.getState().alertState).toBe(before);
    expect(store.getState().alertState.alerts[0]!.status).toBe('new');

    // Back live: the live alert state returns, and acting on it works.
    act(() => store.getState().setTimeMachine(summary({ mode: 'live' })));
    expect((within(screen.getByTestId('alert')).getByRole('button', { name: '确认' }) as HTMLButtonElement).disabled).toBe(false);
    store.getState().acknowledgeAlert(id, T + 6000);
    expect(store.getState().alertState.alerts[0]).toMatchObject({ status: 'acknowledged', acknowledgedAtMs: T + 6000 });
  });

  it('entering a replay keeps the live alerts aside, leaving it brings them back', () => {
    const store = createAppStore();
    const live = evaluateAlerts(EMPTY_ALERT_STATE, [obs], rules, T);
    store.getState().setAlertState(live);
    store.getState().setTimeMachine(summary({ mode: 'replay', atMs: T - 60_000 }));
    expect(store.getState().liveAlertState).toBe(live);
    // The replay shows the alerts of its moment: none yet.
    store.getState().setAlertState(EMPTY_ALERT_STATE);
    store.getState().setTimeMachine(summary({ mode: 'replay', atMs: T - 50_000 }));
    expect(store.getState().liveAlertState).toBe(live);
    store.getState().setTimeMachine(summary({ mode: 'live' }));
    expect(store.getState().alertState).toBe(live);
    expect(store.getState().liveAlertState).toBeNull();
  });
});
