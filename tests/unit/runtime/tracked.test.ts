import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { realTimers } from '../../../src/feed/sources/FeedSource';
import { Reconnector } from '../../../src/feed/sources/Reconnector';
import {
  resetTrackedCounts, trackedCounts, trackFrameLoop, trackInterval, trackListener, trackTimeout,
} from '../../../src/runtime/tracked';

beforeEach(() => resetTrackedCounts());

describe('tracked listeners', () => {
  it('adds and removes the listener on the target, counting it while it is live', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    const off = trackListener(target, 'ping', (e) => seen.push(e.type));
    expect(trackedCounts()).toEqual({ listeners: 1, timers: 0 });
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual(['ping']);

    off();
    expect(trackedCounts()).toEqual({ listeners: 0, timers: 0 });
    target.dispatchEvent(new Event('ping'));
    expect(seen).toEqual(['ping']);
  });

  it('a second dispose counts once and removes nothing else', () => {
    const target = new EventTarget();
    let a = 0;
    let b = 0;
    const offA = trackListener(target, 'ping', () => a++);
    trackListener(target, 'ping', () => b++);
    expect(trackedCounts().listeners).toBe(2);
    offA();
    offA();
    expect(trackedCounts().listeners).toBe(1);
    target.dispatchEvent(new Event('ping'));
    expect([a, b]).toEqual([0, 1]);
  });

  it('passes the options through, so a capture listener is removed as a capture listener', () => {
    const target = { addEventListener: vi.fn(), removeEventListener: vi.fn() };
    const fn = () => {};
    const opts = { capture: true, passive: false };
    const off = trackListener(target, 'touchstart', fn, opts);
    expect(target.addEventListener).toHaveBeenCalledWith('touchstart', fn, opts);
    off();
    expect(target.removeEventListener).toHaveBeenCalledWith('touchstart', fn, opts);
  });

  it('removing a once-listener after it fired still counts it off', () => {
    const target = new EventTarget();
    let n = 0;
    const off = trackListener(target, 'ping', () => n++, { once: true });
    target.dispatchEvent(new Event('ping'));
    target.dispatchEvent(new Event('ping'));
    expect(n).toBe(1);
    // The browser dropped it; the count drops when our code disposes of it, where the leak would be.
    expect(trackedCounts().listeners).toBe(1);
    off();
    expect(trackedCounts().listeners).toBe(0);
  });
});

describe('tracked timers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an interval counts from start to dispose, and stops running when disposed', () => {
    let n = 0;
    const stop = trackInterval(() => n++, 100);
    expect(trackedCounts()).toEqual({ listeners: 0, timers: 1 });
    vi.advanceTimersByTime(350);
    expect(n).toBe(3);
    expect(trackedCounts().timers).toBe(1);

    stop();
    stop();
    expect(trackedCounts().timers).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(n).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a timeout stops counting when it fires, before its callback runs', () => {
    let during = -1;
    const cancel = trackTimeout(() => {
      during = trackedCounts().timers;
    }, 200);
    expect(trackedCounts().timers).toBe(1);
    vi.advanceTimersByTime(199);
    expect(during).toBe(-1);
    expect(trackedCounts().timers).toBe(1);
    vi.advanceTimersByTime(1);
    expect(during).toBe(0);
    expect(trackedCounts().timers).toBe(0);
    // Cancelling one that already fired must not count it off again.
    cancel();
    expect(trackedCounts().timers).toBe(0);
  });

  it('a cancelled timeout stops counting and never fires; cancelling twice counts once', () => {
    let fired = false;
    const other = trackTimeout(() => {}, 500);
    const cancel = trackTimeout(() => {
      fired = true;
    }, 200);
    expect(trackedCounts().timers).toBe(2);
    cancel();
    cancel();
    expect(trackedCounts().timers).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(fired).toBe(false);
    expect(trackedCounts().timers).toBe(0);
    other();
    expect(trackedCounts().timers).toBe(0);
  });

  it('a timeout started from inside another one counts on its own', () => {
    let inner: (() => void) | null = null;
    trackTimeout(() => {
      inner = trackTimeout(() => {}, 100);
    }, 100);
    vi.advanceTimersByTime(100);
    expect(inner).not.toBeNull();
    expect(trackedCounts().timers).toBe(1);
    vi.advanceTimersByTime(100);
    expect(trackedCounts().timers).toBe(0);
  });

  it('resetTrackedCounts starts from zero', () => {
    trackInterval(() => {}, 10);
    trackListener(new EventTarget(), 'x', () => {});
    resetTrackedCounts();
    expect(trackedCounts()).toEqual({ listeners: 0, timers: 0 });
  });
});

describe('tracked frame loop', () => {
  let queue: Map<number, FrameRequestCallback>;
  let nextId: number;
  const flush = (t: number) => {
    const due = [...queue.values()];
    queue.clear();
    for (const cb of due) cb(t);
  };

  beforeEach(() => {
    queue = new Map();
    nextId = 1;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      const id = nextId++;
      queue.set(id, cb);
      return id;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('runs every frame until disposed, counted as one timer', () => {
    const times: number[] = [];
    const stop = trackFrameLoop((t) => times.push(t));
    expect(trackedCounts().timers).toBe(1);
    expect(times).toEqual([]);
    flush(16);
    flush(33);
    flush(50);
    expect(times).toEqual([16, 33, 50]);
    expect(queue.size).toBe(1);

    stop();
    stop();
    expect(trackedCounts().timers).toBe(0);
    expect(queue.size).toBe(0);
    flush(66);
    expect(times).toEqual([16, 33, 50]);
  });

  it('disposed from inside its own callback, it asks for no further frame', () => {
    let n = 0;
    const stop: () => void = trackFrameLoop(() => {
      n++;
      if (n === 2) stop();
    });
    flush(16);
    flush(33);
    expect(trackedCounts().timers).toBe(0);
    expect(queue.size).toBe(0);
    flush(50);
    expect(n).toBe(2);
  });
});

describe('feed timers are counted (realTimers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a handle is the tracked disposer: clearing it counts the timer off', () => {
    let n = 0;
    const iv = realTimers.setInterval(() => n++, 100);
    const to = realTimers.setTimeout(() => n++, 1000);
    expect(trackedCounts().timers).toBe(2);
    vi.advanceTimersByTime(250);
    realTimers.clearInterval(iv);
    realTimers.clearTimeout(to);
    realTimers.clearTimeout(to);
    expect(trackedCounts().timers).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(n).toBe(2);
  });

  it('a reconnecting source leaves no timer behind when disposed', () => {
    const rc: Reconnector = new Reconnector({
      sink: { message: () => {}, state: () => {} }, now: () => Date.now(), timers: realTimers, rng: createRng('tracked'),
      connectTimeoutMs: 1000, connect: () => {}, teardown: () => {},
    });
    rc.start();
    // The connect timeout.
    expect(trackedCounts().timers).toBe(1);
    rc.opened();
    // The liveness watchdog.
    expect(trackedCounts().timers).toBe(1);
    rc.lost('test');
    // The retry.
    expect(trackedCounts().timers).toBe(1);
    rc.dispose();
    expect(trackedCounts().timers).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
