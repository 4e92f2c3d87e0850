import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import { realTimers } from '../../../src/feed/sources/FeedSource';
import type { WorkerLike } from '../../../src/feed/sources/WorkerFeedSource';
import type { FeedSummary } from '../../../src/feed/summary';
import { SimWorkerHost } from '../../../src/feed/worker/SimWorkerHost';
import type { MainToWorker } from '../../../src/feed/worker/workerProtocol';
import { createErrorsSlice, type ErrorsSlice } from '../../../src/state/errorsSlice';
import { bindFeedToStore, createFeedSlice, type FeedSlice } from '../../../src/state/feedSlice';
import { grid } from '../sim/fixtures';
import { ORIGIN } from './fixtures';

/** Runs the real worker host in-process, with the asynchronous hand-off a worker has. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly host: SimWorkerHost;
  constructor(roads: unknown = grid()) {
    this.host = new SimWorkerHost({
      post: (m) => void Promise.resolve().then(() => this.onmessage?.({ data: m })),
      now: () => Date.now(), timers: realTimers, loadRoadGraph: async () => roads,
    });
  }
  postMessage(m: MainToWorker) {
    void Promise.resolve().then(() => this.host.handle(m));
  }
  terminate() {
    this.host.stop();
  }
}

function recordingBinding() {
  const published: FeedSummary[] = [];
  const errors: string[] = [];
  const binding: FeedStoreBinding = { publish: (s) => published.push(s), reportError: (src, m) => errors.push(`${src}: ${m}`), attachBuffers: () => {} };
  return { binding, published, errors };
}

/** Drives the runtime the way the frame loop does: flush at ~60 Hz for `ms`. */
async function frames(rt: { flush(now: number): void }, ms: number) {
  for (let t = 0; t < ms; t += 16) {
    await vi.advanceTimersByTimeAsync(16);
    rt.flush(Date.now());
  }
}

describe('FeedRuntime with the simulator worker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-11-20T00:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs the default simulator feed: connected, vehicles in buffers, summary at UI rate', async () => {
    const { binding, published, errors } = recordingBinding();
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 1, timeScale: 5, rateHz: 5, scenarios: '' }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(), createWorker: () => new InProcessWorker(),
    });
    rt.start();
    await frames(rt, 3000);
    const s = rt.summary(Date.now());
    expect(s.status).toBe('connected');
    expect(s.kind).toBe('sim');
    expect(s.counts.vehicles).toBeGreaterThan(100);
    expect(s.counts.sensors).toBeGreaterThan(20);
    expect(s.counts.signals).toBeGreaterThan(0);
    expect(s.dropsTotal).toBe(0);
    expect(s.msgPerSec).toBeGreaterThan(4);
    expect(s.timeScale).toBe(5);
    expect(errors).toEqual([]);
    // ~188 frames in 3 s, but the store hears about it only a few times per second.
    expect(published.length).toBeLessThanOrEqual(3 * 4 + 4);
    expect(published.length).toBeGreaterThanOrEqual(8);
    rt.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forwards simulator controls (scenario) to the worker', async () => {
    const { binding } = recordingBinding();
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 2, timeScale: 60, rateHz: 5, scenarios: '' }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(), createWorker: () => new InProcessWorker(),
    });
    rt.start();
    await frames(rt, 500);
    rt.control({ scenario: 'crash' });
    await frames(rt, 1000);
    expect([...rt.ingest.incidents.items.values()].some((i) => i.type === 'crash')).toBe(true);
    rt.dispose();
  });

  it('reports a broken road graph as a failed feed, with a reason', async () => {
    const { binding, errors } = recordingBinding();
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 1, timeScale: 1, rateHz: 5, scenarios: '' }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(), createWorker: () => new InProcessWorker({ version: 1, nodes: 'x' }),
    });
    rt.start();
    await frames(rt, 200);
    expect(rt.summary(Date.now()).status).toBe('failed');
    expect(errors[0]).toMatch(/feed failed: roads.json invalid/);
    rt.dispose();
  });

  it('composes into a zustand store: summary, buffers and feed errors', async () => {
    const store = createStore<FeedSlice & ErrorsSlice>()((...a) => ({ ...createFeedSlice(...a), ...createErrorsSlice(...a) }));
    let sets = 0;
    store.subscribe(() => sets++);
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 1, timeScale: 1, rateHz: 10, scenarios: '' }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding: bindFeedToStore(store, () => Date.now()), now: () => Date.now(),
      createWorker: () => new InProcessWorker(),
    });
    rt.start();
    expect(store.getState().feedBuffers).toBe(rt.buffers);
    await frames(rt, 2000);
    const st = store.getState();
    expect(st.feed.status).toBe('connected');
    expect(st.feed.counts.vehicles).toBe(st.feedBuffers!.vehicles.count);
    // Thousands of vehicle updates arrived; the store changed only at UI rate.
    expect(sets).toBeLessThan(15);
    rt.dispose();
    expect(store.getState().feedBuffers).toBeNull();
  });
});
