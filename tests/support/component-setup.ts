import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());

/**
 * jsdom has no Web Worker, so the built-in simulator cannot start there and the feed would
 * (correctly) report a failure. Component tests are about the UI, so they get a silent worker:
 * the feed stays "connecting". The real worker runs in the browser tests.
 */
class SilentWorker extends EventTarget {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  postMessage(): void {}
  terminate(): void {}
}
if (typeof (globalThis as { Worker?: unknown }).Worker === 'undefined') {
  (globalThis as { Worker?: unknown }).Worker = SilentWorker;
}
