import { describe, expect, it, vi } from 'vitest';
import { casterArrays } from '../../../src/analysis/sunlight/casters';
import { resolveProfile } from '../../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../../src/analysis/sunlight/receivers';
import { checkMainMessage, type ResultRow, type RunMessage, type SunlightWorkerToMain } from '../../../src/analysis/sunlight/worker/protocol';
import { MAX_WORKERS, mergeSlices, splitEven, SunlightRunner, workerCount } from '../../../src/analysis/sunlight/worker/SunlightRunner';
import { SunlightWorkerHost, type HostEngine } from '../../../src/analysis/sunlight/worker/SunlightWorkerHost';
import { EMPTY_CASTERS, InProcessWorker, LAT, LON, SLAB, YEAR, rect } from './fixtures';

const profile = resolveProfile('gb50180-dahan');
const receivers = facadeReceivers([SLAB], { spacingM: 6, sillHeightM: 0.9 });
const row = (id: string, hours = 8): ResultRow => ({ id, buildingId: 'b', facade: 0, floor: 1, position: [0, 0, 0], normal: [0, -1, 0], hours, longestContinuousH: hours, pass: hours >= 2 });

function runMessage(jobId: number, n: number): RunMessage {
  return { type: 'run', jobId, receivers: receivers.slice(0, n), casters: EMPTY_CASTERS, profile, latDeg: LAT, lonDeg: LON, year: YEAR, chunkSize: 2 };
}

/** An engine that "computes" 8 h per receiver, chunk by chunk, and counts its chunks. */
function fakeEngine(): HostEngine<null> & { chunks: number } {
  const e = {
    chunks: 0,
    prepare: () => null,
    run: async (m: RunMessage, _c: null, hooks: { onProgress(d: number, t: number): void; shouldCancel(): boolean; yieldNow(): Promise<void> }) => {
      const rows: ResultRow[] = [];
      for (let i = 0; i < m.receivers.length; i += m.chunkSize) {
        if (hooks.shouldCancel()) return { rows, cancelled: true };
        e.chunks++;
        for (const r of m.receivers.slice(i, i + m.chunkSize)) rows.push(row(r.id));
        hooks.onProgress(Math.min(m.receivers.length, i + m.chunkSize), m.receivers.length);
        await hooks.yieldNow();
      }
      return { rows, cancelled: false };
    },
  };
  return e;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
/** Waits for the job's result message, however busy the machine (a fixed 30 ms was not enough in CI). */
const resultOf = (out: SunlightWorkerToMain[], jobId: number) =>
  vi.waitFor(() => {
    const m = out.find((x) => x.type === 'result' && x.jobId === jobId);
    if (!m) throw new Error(`no result for job ${jobId} yet`);
    return m as unknown as { rows: ResultRow[]; cancelled: boolean };
  }, { timeout: 10_000, interval: 5 });

describe('sunlight worker host', () => {
  it('reports progress per chunk and the rows at the end', async () => {
    const out: SunlightWorkerToMain[] = [];
    const host = new SunlightWorkerHost({ post: (m) => out.push(m), engine: fakeEngine(), yieldNow: tick });
    host.handle(runMessage(1, 5));
    const res = await resultOf(out, 1);
    expect(out.filter((m) => m.type === 'progress').map((m) => (m as { done: number }).done)).toEqual([2, 4, 5]);
    expect(res.rows.map((r) => r.id)).toEqual(receivers.slice(0, 5).map((r) => r.id));
    expect(res.cancelled).toBe(false);
  });

  it('stops between chunks on a cancel, and a newer job cancels the older', async () => {
    const out: SunlightWorkerToMain[] = [];
    const engine = fakeEngine();
    const host = new SunlightWorkerHost({ post: (m) => out.push(m), engine, yieldNow: tick });
    host.handle(runMessage(1, 20));
    await tick();
    await tick();
    host.handle({ type: 'cancel', jobId: 1 });
    const r1 = await resultOf(out, 1);
    expect(r1.cancelled).toBe(true);
    expect(r1.rows.length).toBeLessThan(20);
    host.handle(runMessage(2, 20));
    await tick();
    await tick();
    host.handle(runMessage(3, 2));
    expect((await resultOf(out, 2)).cancelled).toBe(true);
    expect((await resultOf(out, 3)).cancelled).toBe(false);
  });

  it('answers a malformed message with an error, not a crash', () => {
    const out: SunlightWorkerToMain[] = [];
    const host = new SunlightWorkerHost({ post: (m) => out.push(m), engine: fakeEngine(), yieldNow: tick });
    host.handle({ type: 'run', jobId: 4, receivers: [], casters: { positions: [] }, profile, latDeg: LAT, lonDeg: LON, year: YEAR, chunkSize: 1 });
    host.handle(null);
    expect(out.map((m) => [m.type, m.jobId])).toEqual([['error', 4], ['error', -1]]);
    expect(checkMainMessage({ type: 'run', jobId: 1, receivers: [], casters: EMPTY_CASTERS, profile, latDeg: 95, lonDeg: 0, year: 2027, chunkSize: 1 })).toMatch(/latDeg/);
    expect(checkMainMessage({ type: 'fly', jobId: 1 })).toMatch(/unknown/);
  });
});

describe('sunlight runner', () => {
  it('uses one core fewer than the machine has, 1 to 4 workers', () => {
    expect([workerCount(undefined), workerCount(1), workerCount(2), workerCount(4), workerCount(16)]).toEqual([1, 1, 1, 3, MAX_WORKERS]);
    expect(splitEven([1, 2, 3, 4, 5], 3)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitEven([1], 4)).toEqual([[1]]);
    expect(splitEven([], 4)).toEqual([]);
    expect(mergeSlices([[row('a')], null, [row('b')]]).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('splits the receivers over workers running the real engine, and merges them in order', async () => {
    const workers: InProcessWorker[] = [];
    const runner = new SunlightRunner(() => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    }, 3, 8);
    const shares: number[] = [];
    // A wall 30 m south of the slab's south facade: some hours are lost, none gained.
    const casters = casterArrays([{ id: 'wall', footprint: rect(-40, 40, 100, 60), heightM: 30 }, { id: 'slab', footprint: SLAB.footprint, heightM: SLAB.heightM }]);
    const out = await runner.run({ receivers, casters, profile, latDeg: LAT, lonDeg: LON, year: YEAR }, (s) => shares.push(s));
    expect(workers.length).toBe(3);
    expect(out.cancelled).toBe(false);
    expect(out.rows.map((r) => r.id)).toEqual(receivers.map((r) => r.id));
    expect(shares[shares.length - 1]).toBe(1);
    for (let i = 1; i < shares.length; i++) expect(shares[i]!).toBeGreaterThanOrEqual(shares[i - 1]! - 1e-9);
    const south = out.rows.filter((r) => r.normal[1] < -0.9);
    const north = out.rows.filter((r) => r.normal[1] > 0.9);
    expect(north.every((r) => r.hours === 0)).toBe(true);
    expect(Math.min(...south.map((r) => r.hours))).toBeLessThan(Math.max(...south.map((r) => r.hours)));
    expect(Math.max(...south.map((r) => r.hours))).toBeLessThanOrEqual(8);
    // Workers are kept for the next run, and terminated on dispose.
    await runner.run({ receivers: receivers.slice(0, 4), casters, profile, latDeg: LAT, lonDeg: LON, year: YEAR });
    expect(workers.length).toBe(3);
    runner.dispose();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('resolves as cancelled at once and ignores the workers’ late replies', async () => {
    const workers: InProcessWorker[] = [];
    const runner = new SunlightRunner(() => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    }, 2, 1);
    const casters = casterArrays([{ id: 'slab', footprint: SLAB.footprint, heightM: SLAB.heightM }]);
    const p = runner.run({ receivers, casters, profile, latDeg: LAT, lonDeg: LON, year: YEAR });
    await tick();
    runner.cancel();
    const out = await p;
    expect(out.cancelled).toBe(true);
    expect(workers.flatMap((w) => w.sent.map((m) => m.type))).toEqual(['run', 'cancel', 'run', 'cancel']);
    // A later run gets only its own rows.
    const next = await runner.run({ receivers: receivers.slice(0, 3), casters, profile, latDeg: LAT, lonDeg: LON, year: YEAR });
    expect(next.rows.map((r) => r.id)).toEqual(receivers.slice(0, 3).map((r) => r.id));
    runner.dispose();
  });

  it('passes progress on at most every 100 ms, and always the end', async () => {
    const runner = new SunlightRunner(() => new InProcessWorker(), 2, 2, () => 0);
    const casters = casterArrays([{ id: 'slab', footprint: SLAB.footprint, heightM: SLAB.heightM }]);
    const shares: number[] = [];
    await runner.run({ receivers: receivers.slice(0, 12), casters, profile, latDeg: LAT, lonDeg: LON, year: YEAR }, (x) => shares.push(x));
    // A frozen clock: the first report, then only the end.
    expect(shares.length).toBe(2);
    expect(shares[1]).toBe(1);
    runner.dispose();
  });

  it('fails the run when a worker reports an error or cannot start', async () => {
    const w = new InProcessWorker();
    const runner = new SunlightRunner(() => w, 1);
    const p = runner.run({ receivers, casters: { ...EMPTY_CASTERS, ids: undefined as unknown as string[] }, profile, latDeg: LAT, lonDeg: LON, year: YEAR });
    await expect(p).rejects.toThrow(/casters/);
    const p2 = runner.run({ receivers, casters: EMPTY_CASTERS, profile, latDeg: LAT, lonDeg: LON, year: YEAR });
    w.onerror?.({ message: 'boom' } as ErrorEvent);
    await expect(p2).rejects.toThrow(/boom/);
    runner.dispose();
  });
});
