/**
 * Module-worker entry: `new Worker(new URL('./sunlightWorker.ts', import.meta.url), { type: 'module' })`.
 * Only the message port lives here; the logic is in SunlightWorkerHost (tested in Node).
 */
import { hostEngine } from './hostEngine';
import type { SunlightWorkerToMain } from './protocol';
import { SunlightWorkerHost } from './SunlightWorkerHost';

interface WorkerScope {
  postMessage(msg: SunlightWorkerToMain): void;
  onmessage: ((ev: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

const host = new SunlightWorkerHost({
  post: (msg) => scope.postMessage(msg),
  engine: hostEngine,
  // A macrotask, so a queued cancel message runs before the next chunk.
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
});

scope.onmessage = (ev) => host.handle(ev.data);
