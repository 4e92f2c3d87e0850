/**
 * Driving a chunked analysis. Each long analysis is a generator that yields `{ done, total }`
 * between chunks and returns its result; these helpers run one synchronously (tests, Node) or
 * asynchronously (a worker, which must get back to its event loop so a cancel message can land).
 * Cancelling is cooperative: `shouldCancel` is read after each yield, and the generator's own
 * `cancelled` flag in the result tells the caller that the result is partial.
 */
export interface Progress {
  done: number;
  total: number;
}

export interface ProgressHooks {
  onProgress?: (done: number, total: number) => void;
  /** Read between chunks; true stops the run and returns a partial result flagged `cancelled`. */
  shouldCancel?: () => boolean;
}

/** Runs a chunked generator to its end, reporting progress between chunks. */
export function runChunks<R>(gen: Generator<Progress, R, void>, hooks: Pick<ProgressHooks, 'onProgress'> = {}): R {
  for (;;) {
    const it = gen.next();
    if (it.done) return it.value;
    hooks.onProgress?.(it.value.done, it.value.total);
  }
}

/** As runChunks, awaiting `yieldControl` (default: a macrotask) between chunks. */
export async function runChunksAsync<R>(
  gen: Generator<Progress, R, void>,
  hooks: Pick<ProgressHooks, 'onProgress'> = {},
  yieldControl: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<R> {
  for (;;) {
    const it = gen.next();
    if (it.done) return it.value;
    hooks.onProgress?.(it.value.done, it.value.total);
    await yieldControl();
  }
}
