/**
 * Runs a sunlight job in Web Workers, off the main thread so the UI stays responsive: the
 * receivers are split into contiguous slices, one per worker (hardwareConcurrency − 1, at least 1,
 * at most 4), every worker gets its own copy of the caster arrays, and the slices' rows are
 * concatenated in order. Workers are created on the first run and kept for the next; `dispose`
 * terminates them (whoever creates the runner disposes it, in the same effect).
 */
import {
  DEFAULT_CHUNK_SIZE,
  type CasterArraysMessage,
  type MainToSunlightWorker,
  type ProfileParamsMessage,
  type ResultRow,
  type SunlightWorkerToMain,
  type WorkerReceiver,
} from './protocol';

export interface WorkerLike {
  postMessage(msg: MainToSunlightWorker): void;
  onmessage: ((ev: MessageEvent<SunlightWorkerToMain>) => void) | null;
  onerror: ((ev: ErrorEvent | Event) => void) | null;
  terminate(): void;
}

export interface SunlightJob {
  receivers: WorkerReceiver[];
  casters: CasterArraysMessage;
  profile: ProfileParamsMessage;
  latDeg: number;
  lonDeg: number;
  year: number;
}

export interface RunOutcome {
  rows: ResultRow[];
  cancelled: boolean;
}

/** What the panel needs of a runner; a fake one stands in for it in component tests. */
export interface SunlightRunnerLike {
  run(job: SunlightJob, onProgress?: (share: number) => void): Promise<RunOutcome>;
  cancel(): void;
  dispose(): void;
}

export const MAX_WORKERS = 4;
/** Progress reaches the store at most this often: every worker reports after every chunk. */
export const PROGRESS_INTERVAL_MS = 100;

/** One core stays for the page (rendering, input); at least one worker, at most MAX_WORKERS. */
export function workerCount(hardwareConcurrency: number | undefined): number {
  const n = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) - 1 : 1;
  return Math.min(MAX_WORKERS, Math.max(1, n));
}

/** Contiguous slices of nearly equal size (the first ones one longer), none empty. */
export function splitEven<T>(items: readonly T[], parts: number): T[][] {
  const k = Math.max(1, Math.min(parts, items.length));
  const out: T[][] = [];
  const base = Math.floor(items.length / k);
  let extra = items.length % k;
  let at = 0;
  for (let i = 0; i < k; i++) {
    const len = base + (extra-- > 0 ? 1 : 0);
    out.push(items.slice(at, at + len));
    at += len;
  }
  return out.filter((s) => s.length > 0);
}

export function createSunlightWorker(): WorkerLike {
  return new Worker(new URL('./sunlightWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

interface Pending {
  jobId: number;
  slices: number;
  done: number[];
  totals: number[];
  rows: (ResultRow[] | null)[];
  cancelled: boolean;
  lastProgressMs: number;
  onProgress?: (share: number) => void;
  resolve(o: RunOutcome): void;
  reject(e: Error): void;
}

export class SunlightRunner implements SunlightRunnerLike {
  private workers: WorkerLike[] = [];
  private pending: Pending | null = null;
  private nextJob = 1;

  constructor(
    private readonly createWorker: () => WorkerLike = createSunlightWorker,
    private readonly concurrency = workerCount(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency),
    private readonly chunkSize = DEFAULT_CHUNK_SIZE,
    private readonly now: () => number = () => Date.now(),
  ) {}

  run(job: SunlightJob, onProgress?: (share: number) => void): Promise<RunOutcome> {
    this.cancel();
    const slices = splitEven(job.receivers, this.concurrency);
    if (slices.length === 0) return Promise.resolve({ rows: [], cancelled: false });
    while (this.workers.length < slices.length) this.workers.push(this.attach(this.createWorker(), this.workers.length));
    const jobId = this.nextJob++;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.pending = {
        jobId, slices: slices.length, done: slices.map(() => 0), totals: slices.map((s) => s.length),
        rows: slices.map(() => null), cancelled: false, lastProgressMs: -Infinity, onProgress, resolve, reject,
      };
      slices.forEach((receivers, i) => {
        this.workers[i]!.postMessage({
          type: 'run', jobId, receivers, casters: job.casters, profile: job.profile,
          latDeg: job.latDeg, lonDeg: job.lonDeg, year: job.year, chunkSize: this.chunkSize,
        });
      });
    });
  }

  /** Stops the job in progress: it resolves at once as cancelled; the workers stop after their chunk. */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    for (const w of this.workers) w.postMessage({ type: 'cancel', jobId: p.jobId });
    p.resolve({ rows: mergeSlices(p.rows), cancelled: true });
  }

  dispose(): void {
    const p = this.pending;
    this.pending = null;
    for (const w of this.workers) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
    this.workers = [];
    p?.resolve({ rows: mergeSlices(p.rows), cancelled: true });
  }

  private attach(w: WorkerLike, slot: number): WorkerLike {
    w.onmessage = (ev) => this.onMessage(slot, ev.data);
    w.onerror = (ev) => this.fail(`sunlight worker failed: ${(ev as ErrorEvent).message || 'could not start'}`);
    return w;
  }

  private onMessage(slot: number, m: SunlightWorkerToMain): void {
    const p = this.pending;
    if (!p || m.jobId !== p.jobId || slot >= p.slices) return;
    if (m.type === 'error') {
      this.fail(m.message);
      return;
    }
    if (m.type === 'progress') {
      p.done[slot] = m.done;
      const total = p.totals.reduce((a, b) => a + b, 0);
      const share = total > 0 ? p.done.reduce((a, b) => a + b, 0) / total : 1;
      const t = this.now();
      if (share < 1 && t - p.lastProgressMs < PROGRESS_INTERVAL_MS) return;
      p.lastProgressMs = t;
      p.onProgress?.(share);
      return;
    }
    p.rows[slot] = m.rows;
    p.cancelled ||= m.cancelled;
    if (p.rows.every((r) => r !== null)) {
      this.pending = null;
      p.resolve({ rows: mergeSlices(p.rows), cancelled: p.cancelled });
    }
  }

  private fail(message: string): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    for (const w of this.workers) w.postMessage({ type: 'cancel', jobId: p.jobId });
    p.reject(new Error(message));
  }
}

/** The slices' rows in slice order (a slice not yet back contributes nothing). */
export function mergeSlices(parts: readonly (ResultRow[] | null)[]): ResultRow[] {
  const out: ResultRow[] = [];
  for (const p of parts) if (p) for (const r of p) out.push(r);
  return out;
}
