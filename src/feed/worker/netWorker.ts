/**
 * Module-worker entry: `new Worker(new URL('./netWorker.ts', import.meta.url), { type: 'module' })`.
 * Only I/O lives here (message port, wall clock); the logic is in NetWorkerHost.
 */
import { NetWorkerHost } from './NetWorkerHost';
import type { NetToMain } from './netProtocol';

interface WorkerScope {
  postMessage(msg: NetToMain, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

const host = new NetWorkerHost({
  post: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
  now: () => Date.now(),
});

scope.onmessage = (ev) => host.handle(ev.data);
