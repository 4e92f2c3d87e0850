/**
 * Module-worker entry: `new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module' })`.
 * Only I/O lives here (message port, wall clock, fetch); the logic is in SimWorkerHost.
 */
import { realTimers } from '../sources/FeedSource';
import { SimWorkerHost } from './SimWorkerHost';
import type { WorkerToMain } from './workerProtocol';

interface WorkerScope {
  postMessage(msg: WorkerToMain): void;
  onmessage: ((ev: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

const host = new SimWorkerHost({
  post: (msg) => scope.postMessage(msg),
  now: () => Date.now(),
  timers: realTimers,
  loadRoadGraph: async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as unknown;
  },
});

scope.onmessage = (ev) => host.handle(ev.data);
