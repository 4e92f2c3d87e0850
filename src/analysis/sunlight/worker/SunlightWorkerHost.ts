/**
 * The sunlight worker's logic, apart from the worker scope so it runs in Node tests: it builds the
 * caster BVH from the arrays it was sent, runs the engine over the receivers in chunks, reports
 * progress after each, and yields between chunks so a cancel message (or a newer job) is seen.
 * One job at a time: a new job cancels the one in progress.
 */
import { checkMainMessage, type CasterArraysMessage, type ResultRow, type RunMessage, type SunlightWorkerToMain } from './protocol';

/** Between chunks of receivers: report, ask whether to stop, let messages in. */
export interface ChunkHooks {
  onProgress(done: number, total: number): void;
  shouldCancel(): boolean;
  yieldNow(): Promise<void>;
}

/** The engine as the host uses it: prepare casters once per job, then run the receivers in chunks. */
export interface HostEngine<C> {
  prepare(casters: CasterArraysMessage): C;
  run(m: RunMessage, casters: C, hooks: ChunkHooks): Promise<{ rows: ResultRow[]; cancelled: boolean }>;
}

export interface HostDeps<C> {
  post(msg: SunlightWorkerToMain): void;
  engine: HostEngine<C>;
  /** Lets queued messages in between chunks; a macrotask in a worker. */
  yieldNow(): Promise<void>;
}

export class SunlightWorkerHost<C> {
  private active: number | null = null;
  private cancelled = new Set<number>();

  constructor(private readonly deps: HostDeps<C>) {}

  handle(raw: unknown): void {
    const m = checkMainMessage(raw);
    if (typeof m === 'string') {
      const jobId = typeof (raw as { jobId?: unknown } | null)?.jobId === 'number' ? (raw as { jobId: number }).jobId : -1;
      this.deps.post({ type: 'error', jobId, message: m });
      return;
    }
    if (m.type === 'cancel') {
      this.cancelled.add(m.jobId);
      return;
    }
    if (this.active !== null) this.cancelled.add(this.active);
    void this.run(m);
  }

  private async run(m: RunMessage): Promise<void> {
    const { post, engine, yieldNow } = this.deps;
    this.active = m.jobId;
    try {
      // A yield first, so a cancel sent right after the job is seen before any work.
      await yieldNow();
      if (this.cancelled.has(m.jobId)) {
        post({ type: 'result', jobId: m.jobId, rows: [], cancelled: true });
        return;
      }
      const casters = engine.prepare(m.casters);
      const out = await engine.run(m, casters, {
        onProgress: (done, total) => post({ type: 'progress', jobId: m.jobId, done, total }),
        shouldCancel: () => this.cancelled.has(m.jobId),
        yieldNow,
      });
      post({ type: 'result', jobId: m.jobId, rows: out.rows, cancelled: out.cancelled || this.cancelled.has(m.jobId) });
    } catch (e) {
      post({ type: 'error', jobId: m.jobId, message: (e as Error).message || String(e) });
    } finally {
      this.cancelled.delete(m.jobId);
      if (this.active === m.jobId) this.active = null;
    }
  }
}
