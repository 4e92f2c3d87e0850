/**
 * One simulated zone on the server: a SimDriver ticked at the delta rate. Each delta is serialised
 * once and the same bytes go to every subscriber; snapshots are built lazily and cached per tick.
 */
import type { SimDriver } from '../feed/producer/SimDriver';
import type { DeltaMessage } from '../feed/protocol/messages';
import type { Timers } from '../feed/sources/FeedSource';

export type DeltaListener = (zone: string, bytes: Buffer, msg: DeltaMessage) => void;

export class ZoneHost {
  readonly listeners = new Set<DeltaListener>();
  ticks = 0;
  /** Mean wall time of a tick (simulate + serialise), ms. */
  tickMsAvg = 0;
  lastDeltaBytes = 0;
  private timer: unknown = null;
  private snapshotCache: { tick: number; bytes: Buffer } | null = null;

  constructor(readonly id: string, readonly driver: SimDriver, private readonly rateHz: number, private readonly clock: () => number) {}

  /**
   * Ticks on a deadline schedule rather than setInterval: a tick that runs late (a busy host) is
   * followed by a shorter wait, so the delta rate holds on average; after a long stall the
   * schedule restarts instead of bursting to catch up.
   */
  start(timers: Timers): void {
    const period = 1000 / this.rateHz;
    let due = this.clock() + period;
    let stopped = false;
    const loop = () => {
      if (stopped) return;
      this.tick();
      const now = this.clock();
      due += period;
      if (now - due > period) due = now + period;
      // At least half a period apart: a back-to-back tick would advance the simulation by almost
      // nothing and send an empty delta.
      this.timer = timers.setTimeout(loop, Math.max(period / 2, due - now));
    };
    this.driver.tick();
    this.timer = timers.setTimeout(loop, period);
    this.stopTimers = () => {
      stopped = true;
      timers.clearTimeout(this.timer);
    };
  }

  stop(): void {
    this.stopTimers();
    this.timer = null;
  }

  /** Runs one tick now (also used by tests and benchmarks without timers). */
  tick(): void {
    const t0 = this.clock();
    const delta = this.driver.tick();
    this.ticks++;
    if (delta) {
      const bytes = Buffer.from(JSON.stringify(delta));
      this.lastDeltaBytes = bytes.length;
      for (const l of this.listeners) l(this.id, bytes, delta);
    }
    this.tickMsAvg += (this.clock() - t0 - this.tickMsAvg) * 0.05;
  }

  snapshotBytes(): Buffer {
    if (this.snapshotCache && this.snapshotCache.tick === this.ticks) return this.snapshotCache.bytes;
    const bytes = Buffer.from(JSON.stringify(this.driver.snapshot()));
    this.snapshotCache = { tick: this.ticks, bytes };
    return bytes;
  }

  private stopTimers: () => void = () => {};
}
