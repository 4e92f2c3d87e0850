/**
 * Timers driven by hand for the replay and time-machine tests: `advance(ms)` runs what falls due in
 * order and lets each timer's async work (archives answer in microtasks) settle.
 */
import type { Timers } from '../../../src/feed/sources/FeedSource';

/** Lets every pending promise chain settle (archives answer in microtasks, never on I/O). */
export const settle = () => new Promise<void>((r) => setImmediate(r));

export class FakeClock implements Timers {
  private nextId = 1;
  private queue: { id: number; at: number; fn: () => void; every: number | null }[] = [];

  constructor(public nowMs: number) {}

  now = () => this.nowMs;

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ id, at: this.nowMs + ms, fn, every: null });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ id, at: this.nowMs + ms, fn, every: Math.max(1, ms) });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.clearTimeout(handle);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs the timers due within `ms`, in order, letting each one's async work finish. */
  async advance(ms: number): Promise<void> {
    const end = this.nowMs + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at || a.id - b.id);
      const t = this.queue[0];
      if (!t || t.at > end) break;
      this.queue.shift();
      this.nowMs = t.at;
      if (t.every !== null) this.queue.push({ ...t, at: t.at + t.every });
      t.fn();
      await settle();
    }
    this.nowMs = end;
    await settle();
  }
}
