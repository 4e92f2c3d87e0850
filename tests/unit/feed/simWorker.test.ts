/**
 * The simulator worker (SimWorkerHost) run in-process behind a fake worker that clones each
 * message as postMessage does (structuredClone with the transfer list):
 * - v2: snapshots and deltas come as decoded columns with their arrays transferred (detached on
 *   the worker side), ids as keys; the main thread's ingest ends with the simulator's own state;
 * - v1: the same messages as JSON text;
 * - ids-reset starts a new key epoch;
 * - the recording lives in the worker: history answers with its range, a seek replays the state
 *   at t as protocol text, and the FeedRuntime's time machine shows it through WorkerReplayBackend.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedRuntime, type FeedStoreBinding } from '../../../src/feed/FeedRuntime';
import { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import type { HistoryResultMessage } from '../../../src/feed/protocol/messages';
import { realTimers } from '../../../src/feed/sources/FeedSource';
import type { WorkerLike } from '../../../src/feed/sources/WorkerFeedSource';
import { IdKeyTable } from '../../../src/feed/worker/IdKeyTable';
import { SimWorkerHost } from '../../../src/feed/worker/SimWorkerHost';
import type { MainToWorker, StartMessage, WorkerToMain } from '../../../src/feed/worker/workerProtocol';
import { grid } from '../sim/fixtures';
import { FRAME, ORIGIN } from './fixtures';

class ClonedWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  /** What the host posted, before cloning (transferred arrays are detached afterwards). */
  readonly posted: WorkerToMain[] = [];
  readonly host = new SimWorkerHost({
    post: (m, transfer) => {
      this.posted.push(m);
      const copy = structuredClone(m, { transfer: transfer ?? [] });
      void Promise.resolve().then(() => this.onmessage?.({ data: copy }));
    },
    now: () => Date.now(), timers: realTimers, loadRoadGraph: async () => grid(),
  });
  postMessage(m: MainToWorker) {
    void Promise.resolve().then(() => this.host.handle(m));
  }
  terminate() {
    this.host.stop();
  }
}

const START: StartMessage = {
  type: 'start', zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'http://x/roads.json', seed: 4, timeScale: 5, rateHz: 5,
  heartbeatMs: 2000, scenarios: '',
};

async function run(w: ClonedWorker, ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('simulator worker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-11-20T00:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('v2: hands over decoded columns (transferred); the ingest ends as a v1 stream of the same simulator leaves it', async () => {
    const w2 = new ClonedWorker();
    const w1 = new ClonedWorker();
    const got: WorkerToMain[] = [];
    const text: WorkerToMain[] = [];
    w2.onmessage = (ev) => got.push(ev.data as WorkerToMain);
    w1.onmessage = (ev) => text.push(ev.data as WorkerToMain);
    w2.postMessage({ ...START, encoding: 'v2' });
    w1.postMessage({ ...START, encoding: 'v1' });
    await vi.advanceTimersByTimeAsync(2000);
    w2.host.stop();
    w1.host.stop();
    const kinds = got.map((m) => m.type);
    expect(kinds[0]).toBe('state');
    expect(kinds[1]).toBe('frame'); // hello, as text
    expect(kinds.filter((k) => k === 'v2').length).toBeGreaterThanOrEqual(9);
    expect(kinds).not.toContain('rejected');
    // The worker's copies were transferred, not cloned.
    const first = w2.posted.find((m) => m.type === 'v2')!;
    expect(first.type === 'v2' && first.frame.vehicles.east.byteLength).toBe(0);

    const viaV2 = new FeedIngest({ zone: 'jiading', frame: FRAME });
    const viaV1 = new FeedIngest({ zone: 'jiading', frame: FRAME });
    const table = new IdKeyTable();
    const t = Date.now();
    for (const m of got) {
      if (m.type === 'frame') viaV2.enqueue(m.text, t);
      if (m.type !== 'v2') continue;
      const ids = table.decode(m.ids)!;
      expect(ids).toHaveLength(m.frame.vehicles.count);
      m.frame.vehicles.ids = ids;
      viaV2.frameV2(m.frame, t);
    }
    for (const m of text) if (m.type === 'frame') viaV1.enqueue(m.text, t);
    viaV2.flush(t);
    viaV1.flush(t);
    expect(viaV2.dropsTotal).toBe(0);
    expect(viaV1.dropsTotal).toBe(0);
    expect(viaV2.vehicles.count).toBeGreaterThan(100);
    expect(viaV2.vehicles.idList().sort()).toEqual(viaV1.vehicles.idList().sort());
    // Where the v1 stream put each vehicle, to the protocol's quantisation.
    let worst = 0;
    for (const id of viaV1.vehicles.idList()) {
      const a = viaV1.vehicles.slot(id)! * 3;
      const b = viaV2.vehicles.slot(id)! * 3;
      worst = Math.max(worst, Math.hypot(viaV1.vehicles.positions[a]! - viaV2.vehicles.positions[b]!, viaV1.vehicles.positions[a + 1]! - viaV2.vehicles.positions[b + 1]!));
    }
    expect(worst).toBeLessThan(0.05);
    expect(viaV2.sensors.count).toBeGreaterThan(0);
    for (const id of viaV1.sensors.ids.slice(0, viaV1.sensors.count)) expect(viaV2.sensors.view(id)?.value, id).toBe(viaV1.sensors.view(id)?.value);
  });

  it('v1: the same stream as JSON text', async () => {
    const w = new ClonedWorker();
    const got: WorkerToMain[] = [];
    w.onmessage = (ev) => got.push(ev.data as WorkerToMain);
    w.postMessage({ ...START, encoding: 'v1' });
    await run(w, 1000);
    w.host.stop();
    const texts = got.flatMap((m) => (m.type === 'frame' ? [JSON.parse(m.text) as { type: string }] : []));
    expect(got.some((m) => m.type === 'v2')).toBe(false);
    expect(texts.map((m) => m.type).slice(0, 3)).toEqual(['hello', 'snapshot', 'delta']);
  });

  it('ids-reset starts a new epoch of id keys, from 0 with every id sent again', async () => {
    const w = new ClonedWorker();
    const got: WorkerToMain[] = [];
    w.onmessage = (ev) => got.push(ev.data as WorkerToMain);
    w.postMessage({ ...START, encoding: 'v2' });
    await run(w, 600);
    const before = got.filter((m) => m.type === 'v2').at(-1)!;
    const n = got.length;
    w.postMessage({ type: 'ids-reset' });
    await run(w, 400);
    w.host.stop();
    const after = got.slice(n).find((m) => m.type === 'v2')!;
    if (before.type !== 'v2' || after.type !== 'v2') throw new Error('no v2 frames');
    expect(after.ids.epoch).toBe(before.ids.epoch + 1);
    expect(after.ids.base).toBe(0);
    expect(after.ids.added).toHaveLength(after.frame.vehicles.count);
  });

  it('answers history and replays from the recording it keeps', async () => {
    const w = new ClonedWorker();
    const got: WorkerToMain[] = [];
    w.onmessage = (ev) => got.push(ev.data as WorkerToMain);
    // Asked before the road graph loaded: an empty answer, not silence.
    w.postMessage({ ...START, encoding: 'v2' });
    w.postMessage({ type: 'history', id: 1, from: 0, to: Date.now() });
    await run(w, 50);
    const early = got.find((m) => m.type === 'history');
    expect(early?.type === 'history' && early.msg).toMatchObject({ id: 1, range: null, events: [] });

    await run(w, 5000);
    w.postMessage({ type: 'history', id: 2, from: 0, to: Date.now() });
    await run(w, 50);
    const h = got.filter((m) => m.type === 'history').at(-1)! as { msg: HistoryResultMessage };
    expect(h.msg.id).toBe(2);
    expect(h.msg.range!.toTs - h.msg.range!.fromTs).toBeGreaterThanOrEqual(4000);

    const at = h.msg.range!.fromTs + 2000;
    w.postMessage({ type: 'replay', id: 3, from: at, to: at, speed: 1 });
    await run(w, 500);
    w.host.stop();
    const replayed = got.flatMap((m) => (m.type === 'replay-frame' ? [JSON.parse(m.text) as { type: string; id?: number; ts?: number }] : []));
    expect(replayed.map((m) => m.type)).toEqual(['replay-start', 'snapshot', 'replay-end']);
    expect(replayed[1]!.ts).toBeLessThanOrEqual(at);
  });

  it('FeedRuntime: live frames arrive as v2, and the time machine seeks in the worker recording', async () => {
    const binding: FeedStoreBinding = { publish: () => {}, reportError: () => {}, attachBuffers: () => {} };
    const rt = createFeedRuntime({
      config: { kind: 'sim', seed: 1, timeScale: 5, rateHz: 5, scenarios: '' }, zone: 'jiading', origin: ORIGIN,
      roadGraphUrl: 'http://x/roads.json', binding, now: () => Date.now(), createWorker: () => new ClonedWorker(),
    });
    const v2 = vi.spyOn(rt.ingest, 'frameV2');
    rt.start();
    for (let t = 0; t < 8000; t += 16) {
      await vi.advanceTimersByTimeAsync(16);
      rt.flush(Date.now());
    }
    expect(v2.mock.calls.length).toBeGreaterThan(30);
    expect(rt.ingest.listeners.onData).toBeUndefined();
    const tm = rt.timeMachine!;
    expect(tm.summary()).toMatchObject({ available: true, source: 'memory', mode: 'live' });
    const from = tm.summary().range!.fromTs;
    tm.seek(from + 3000);
    for (let t = 0; t < 300; t += 16) {
      await vi.advanceTimersByTimeAsync(16);
      rt.flush(Date.now());
    }
    const s = tm.summary();
    expect(s).toMatchObject({ mode: 'replay', loading: false, error: null });
    expect(Math.abs(s.atMs! - (from + 3000))).toBeLessThan(1000);
    expect(tm.replayIngest.vehicles.count).toBeGreaterThan(100);
    rt.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
