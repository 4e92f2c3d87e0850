/**
 * The wall sync around a shell (src/modes/wall/WallSync.tsx), with a fake feed plugged into its
 * port the way FeedHost plugs the zone runtime: a follower joins and applies the leader's newest
 * state at once (older ones ignored) and reports peers, leader and fov; a leader publishes what it
 * shows, ≤ 10 Hz, only after the server made it leader, and stops when taken over; a new runtime
 * (zone change, reconnect) means joining again; a feed without a sync channel shows a notice and
 * counts one error while the rest keeps working.
 */
import { act, screen } from '@testing-library/react';
import { useContext, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedWallLink, WallEvent } from '../../../src/feed/FeedRuntime';
import type { WallState } from '../../../src/feed/protocol/messages';
import type { FeedKind } from '../../../src/feed/summary';
import { WallSync } from '../../../src/modes/wall/WallSync';
import type { WallSettings } from '../../../src/state/modeSlice';
import { createAppStore } from '../../../src/state/store';
import { WallPortContext } from '../../../src/state/wallPort';
import { renderUi } from '../render';

class FakeLink implements FeedWallLink {
  joins: string[] = [];
  leaves: string[] = [];
  published: WallState[] = [];
  private listener: ((e: WallEvent) => void) | null = null;
  join(wall: string, as: string) {
    this.joins.push(`${wall}:${as}`);
  }
  leave(wall: string) {
    this.leaves.push(wall);
  }
  publish(_wall: string, state: WallState) {
    this.published.push(state);
  }
  listen(fn: (e: WallEvent) => void) {
    this.listener = fn;
    return () => {
      this.listener = null;
    };
  }
  emit(e: WallEvent) {
    act(() => this.listener?.(e));
  }
}

function Plug({ link, kind = 'ws' }: { link: FakeLink | null; kind?: FeedKind }) {
  const port = useContext(WallPortContext);
  useEffect(() => port?.attach(link, kind), [port, link, kind]);
  return null;
}

const T0 = 1_763_600_000_000;
const wallOf = (role: WallSettings['role']): WallSettings => ({ id: 'ioc', role, columns: 2, rows: 1, column: 1, row: 0, bezelPx: 20 });
const stateOf = (seq: number, east: number, fovDeg = 45): WallState => ({ seq, zone: 'jiading', camera: { position: [east, -500, 400], target: [east, 0, 0], fovDeg } });

function setup(role: WallSettings['role']) {
  const store = createAppStore();
  store.getState().selectZone('jiading');
  store.getState().setModeSettings({ wall: wallOf(role) });
  return store;
}

describe('WallSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('follower: joins, applies the joined state and newer ones at once, ignores older ones, reports the wall', () => {
    const store = setup('follower');
    const link = new FakeLink();
    const view = renderUi(<WallSync><Plug link={link} /></WallSync>, { store });
    expect(link.joins).toEqual(['ioc:follower']);
    expect(store.getState().modeRuntime.wall?.synced).toBe(false);
    link.emit({ v: 1, type: 'wall-joined', wall: 'ioc', as: 'follower', leader: 'anonymous', followers: 2, state: stateOf(10, 100, 40), stateTs: T0 });
    let fly = store.getState().flyRequest;
    expect(fly).toMatchObject({ kind: 'pose', position: [100, -500, 400], target: [100, 0, 0], instant: true });
    expect(store.getState().modeRuntime.wall).toMatchObject({ role: 'follower', peers: 2, leader: 'anonymous', fovDeg: 40, synced: true });

    link.emit({ v: 1, type: 'wall-state', wall: 'ioc', ts: T0 + 100, state: stateOf(9, 999) });
    expect(store.getState().flyRequest).toBe(fly);
    link.emit({ v: 1, type: 'wall-state', wall: 'ioc', ts: T0 + 200, state: stateOf(11, 200) });
    fly = store.getState().flyRequest;
    expect(fly).toMatchObject({ position: [200, -500, 400], instant: true });
    // Another wall's traffic is not ours.
    link.emit({ v: 1, type: 'wall-state', wall: 'other', ts: T0 + 300, state: stateOf(12, 300) });
    expect(store.getState().flyRequest).toBe(fly);
    link.emit({ v: 1, type: 'wall-peers', wall: 'ioc', leader: null, followers: 3 });
    expect(store.getState().modeRuntime.wall).toMatchObject({ peers: 3, leader: null });

    view.unmount();
    expect(link.leaves).toEqual(['ioc']);
    expect(store.getState().modeRuntime.wall).toBeNull();
  });

  it('leader: publishes what it shows once joined, at most every 100 ms, and stops when taken over', () => {
    const store = setup('leader');
    const link = new FakeLink();
    renderUi(<WallSync><Plug link={link} /></WallSync>, { store });
    store.getState().setCameraPose({ position: [1, 2, 300], target: [1, 50, 0] });
    vi.advanceTimersByTime(500);
    expect(link.published).toEqual([]);
    link.emit({ v: 1, type: 'wall-joined', wall: 'ioc', as: 'leader', leader: 'anonymous', followers: 0, state: null, stateTs: null });
    vi.advanceTimersByTime(60);
    expect(link.published).toHaveLength(1);
    expect(link.published[0]).toMatchObject({ zone: 'jiading', camera: { position: [1, 2, 300], target: [1, 50, 0], fovDeg: 45 } });
    vi.advanceTimersByTime(1000);
    expect(link.published).toHaveLength(1);

    for (let i = 1; i <= 20; i++) {
      store.getState().setCameraPose({ position: [1 + i, 2, 300], target: [1, 50, 0] });
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(200);
    const times = link.published.length - 1;
    expect(times).toBeGreaterThanOrEqual(3);
    expect(times).toBeLessThanOrEqual(6);
    expect(link.published.at(-1)!.camera.position[0]).toBe(21);
    const seqs = link.published.map((s) => s.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    link.emit({ v: 1, type: 'error', code: 'wall-leader-replaced', message: 'wall "ioc" is now led by duty-2' });
    expect(link.leaves).toEqual(['ioc']);
    expect(store.getState().modeRuntime.wall).toMatchObject({ role: 'leader', leader: null, synced: false });
    const n = link.published.length;
    store.getState().setCameraPose({ position: [500, 2, 300], target: [1, 50, 0] });
    vi.advanceTimersByTime(500);
    expect(link.published).toHaveLength(n);
    expect(screen.getByTestId('wall-notice').dataset.notice).toBe('replaced');
  });

  it('joins again on every new feed runtime; a leader sends its picture afresh after each wall-joined', () => {
    const store = setup('leader');
    const first = new FakeLink();
    const view = renderUi(<WallSync><Plug link={first} /></WallSync>, { store });
    store.getState().setCameraPose({ position: [1, 2, 300], target: [1, 50, 0] });
    first.emit({ v: 1, type: 'wall-joined', wall: 'ioc', as: 'leader', leader: 'a', followers: 1, state: null, stateTs: null });
    vi.advanceTimersByTime(100);
    expect(first.published).toHaveLength(1);
    expect(store.getState().modeRuntime.wall?.synced).toBe(true);
    const second = new FakeLink();
    view.rerender(<WallSync><Plug link={second} /></WallSync>);
    expect(second.joins).toEqual(['ioc:leader']);
    expect(store.getState().modeRuntime.wall?.synced).toBe(false);
    second.emit({ v: 1, type: 'wall-joined', wall: 'ioc', as: 'leader', leader: 'a', followers: 1, state: null, stateTs: null });
    vi.advanceTimersByTime(100);
    expect(second.published).toHaveLength(1);
    expect(second.published[0]!.seq).toBeGreaterThan(first.published[0]!.seq);
  });

  it('without a sync channel (the built-in simulator): a notice and one feed error, however often the feed restarts', () => {
    const store = setup('follower');
    const view = renderUi(<WallSync><Plug link={null} kind="sim" /><p>rest of the shell</p></WallSync>, { store, lang: 'en' });
    expect(screen.getByTestId('wall-notice').textContent).toMatch(/feed=ws/);
    expect(screen.getByText('rest of the shell')).toBeTruthy();
    view.rerender(<WallSync><Plug link={null} kind="mqtt" /><p>rest of the shell</p></WallSync>);
    const s = store.getState();
    expect(s.errorCounts.feed).toBe(1);
    expect(s.errors[0]).toMatchObject({ category: 'feed', source: 'wall=ioc', kind: 'wall-needs-server' });
    expect(s.modeRuntime.wall).toMatchObject({ role: 'follower', peers: 0, leader: null });
  });

  it('no wall in the settings: nothing joins and nothing is reported', () => {
    const store = createAppStore();
    const link = new FakeLink();
    renderUi(<WallSync><Plug link={link} /></WallSync>, { store });
    expect(link.joins).toEqual([]);
    expect(store.getState().modeRuntime.wall).toBeNull();
    expect(screen.queryByTestId('wall-notice')).toBeNull();
  });
});
