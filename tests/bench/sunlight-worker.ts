/**
 * Node worker_threads entry for the sunlight benchmark: the app's own worker host and engine
 * (src/analysis/sunlight/worker), behind a Node message port instead of a Web Worker scope. Each
 * job rebuilds the BVH from the caster arrays it was sent, exactly as in the browser.
 *
 * Between chunks it yields with setImmediate, not the browser's setTimeout(0): both let queued
 * messages (a cancel) in, but Node clamps every setTimeout to 1 ms, which would add ~0.5 s of
 * idle time per 8,000 receivers and measure the timer, not the engine.
 */
import { parentPort } from 'node:worker_threads';
import { hostEngine } from '../../src/analysis/sunlight/worker/hostEngine';
import { SunlightWorkerHost } from '../../src/analysis/sunlight/worker/SunlightWorkerHost';

const port = parentPort;
if (!port) throw new Error('sunlight-worker.ts must run as a worker thread');

const host = new SunlightWorkerHost({
  post: (msg) => port.postMessage(msg),
  engine: hostEngine,
  yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
});

port.on('message', (m: unknown) => host.handle(m));
