/** Creates the simulator module worker; kept next to simWorker.ts so Vite resolves the URL. */
import type { WorkerLike } from '../sources/WorkerFeedSource';

export function createSimWorker(): WorkerLike {
  return new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
