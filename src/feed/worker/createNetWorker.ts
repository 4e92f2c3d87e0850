/** Creates the network module worker; kept next to netWorker.ts so Vite resolves the URL. */
import type { NetWorkerLike } from '../sources/NetWorkerFeedSource';

export function createNetWorker(): NetWorkerLike {
  return new Worker(new URL('./netWorker.ts', import.meta.url), { type: 'module' }) as unknown as NetWorkerLike;
}
