/**
 * Runs a Simulation against a wall clock at a time scale (1×–60×) and produces protocol messages.
 * The clock is injected; the host (worker or server) owns the timer that calls `tick`.
 */
import type { EnuFrame } from '../../core/geodesy';
import type { ScenarioParams } from '../../sim/scenarios/scenarios';
import type { Simulation } from '../../sim/Simulation';
import { clampTimeScale } from '../../sim/time/simTime';
import type { ScenarioName } from '../../sim/types';
import type { DeltaMessage, HelloMessage, SnapshotMessage } from '../protocol/messages';
import { SimFeedProducer } from './SimFeedProducer';

/**
 * After a stall (a suspended laptop, a paused debugger) the simulator skips ahead instead of
 * computing minutes of backlog in one tick and freezing its host.
 */
export const MAX_CATCH_UP_WALL_MS = 2000;

export class SimDriver {
  readonly producer: SimFeedProducer;
  private lastWallMs: number | null = null;
  private lastStamp = 0;
  private scale: number;

  constructor(readonly sim: Simulation, frame: EnuFrame, private readonly now: () => number, timeScale = 1) {
    this.scale = clampTimeScale(timeScale);
    this.producer = new SimFeedProducer(sim, frame, this.scale);
  }

  get timeScale(): number {
    return this.scale;
  }

  setTimeScale(x: number): void {
    this.scale = clampTimeScale(x);
    this.producer.setTimeScale(this.scale);
  }

  trigger(name: ScenarioName, params?: ScenarioParams): string {
    return this.sim.trigger(name, params);
  }

  /** Advances the simulation by the wall time since the last tick × scale; returns the delta. */
  tick(): DeltaMessage | null {
    const now = this.now();
    if (this.lastWallMs !== null) {
      const wall = Math.min(MAX_CATCH_UP_WALL_MS, Math.max(0, now - this.lastWallMs));
      this.sim.advance(wall * this.scale);
    }
    this.lastWallMs = now;
    return this.producer.delta(this.stamp(now));
  }

  snapshot(): SnapshotMessage {
    return this.producer.snapshot(this.stamp(this.now()));
  }

  hello(heartbeatMs: number, zones: string[], server?: string): HelloMessage {
    return this.producer.hello(this.stamp(this.now()), heartbeatMs, zones, server);
  }

  /**
   * Strictly increasing message timestamps: a snapshot and a delta in the same millisecond would
   * otherwise carry equal timestamps and the second would be dropped as a duplicate.
   */
  private stamp(now: number): number {
    this.lastStamp = Math.max(Math.round(now), this.lastStamp + 1);
    return this.lastStamp;
  }
}
