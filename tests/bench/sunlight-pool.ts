/**
 * The app's worker runner (SunlightRunner: contiguous receiver slices, one copy of the caster
 * arrays per worker) driven over Node worker_threads, so the benchmark measures the code path the
 * browser runs rather than a bench-only scheduler.
 *
 * tsx's loader hooks do not reach a worker started from a .ts URL in Node 20, so each worker
 * boots from a one-line eval that registers tsx first and then imports the entry.
 */
import { Worker } from 'node:worker_threads';
import type { ResultRow, SunlightWorkerToMain } from '../../src/analysis/sunlight/worker/protocol';
import { SunlightRunner, type SunlightJob, type WorkerLike } from '../../src/analysis/sunlight/worker/SunlightRunner';

const ENTRY = new URL('./sunlight-worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');
const BOOT = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); })`;

function nodeWorker(): WorkerLike {
  const w = new Worker(BOOT, { eval: true });
  const like: WorkerLike = {
    postMessage: (m) => w.postMessage(m),
    onmessage: null,
    onerror: null,
    terminate: () => void w.terminate(),
  };
  w.on('message', (data: SunlightWorkerToMain) => like.onmessage?.({ data } as MessageEvent<SunlightWorkerToMain>));
  w.on('error', (e: Error) => like.onerror?.({ message: e.message } as ErrorEvent));
  return like;
}

/** A runner over `workers` threads; threads start on its first run and stay for the next. */
export function createPool(workers: number): SunlightRunner {
  return new SunlightRunner(nodeWorker, workers);
}

/**
 * Wall time of one run, and the CPU time of the whole process over it (worker threads included):
 * their ratio is the parallelism the run actually got, which on a shared machine can be far
 * below the worker count.
 */
export async function timedRun(runner: SunlightRunner, job: SunlightJob): Promise<{ ms: number; cpuMs: number; rows: ResultRow[] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await runner.run(job);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (out.cancelled || out.rows.length !== job.receivers.length) throw new Error(`sunlight run incomplete: ${out.rows.length} of ${job.receivers.length} rows`);
  return { ms, cpuMs: (c.user + c.system) / 1000, rows: out.rows };
}

/** Whether two runs of the same job gave the same hours for every receiver, in the same order. */
export function compareVerdicts(a: readonly ResultRow[], b: readonly ResultRow[]): { identical: boolean } {
  return { identical: a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.hours === b[i]!.hours && r.pass === b[i]!.pass) };
}
