/**
 * Per-link traffic state for the road layer: smoothed speed, hourly flow and a congestion level.
 * Speeds are averaged over a minute so a queue at a red light does not flash "jammed" each cycle.
 */
import type { Network } from '../network/Network';
import type { CongestionLevel } from '../types';
import type { Traffic } from './Traffic';

export interface SegmentState {
  link: number;
  speedMps: number;
  flowVph: number;
  level: CongestionLevel;
}

const SPEED_TAU_S = 60;
const FLOW_WINDOW_S = 60;

/** Thresholds on mean speed / free speed: ≥0.5 free, ≥0.3 slow, ≥0.15 congested, else jammed. */
export function congestionLevel(ratio: number): CongestionLevel {
  if (ratio >= 0.5) return 0;
  if (ratio >= 0.3) return 1;
  if (ratio >= 0.15) return 2;
  return 3;
}

export class SegmentStats {
  readonly speed: Float64Array;
  readonly flowVph: Float64Array;
  readonly level: Uint8Array;
  /** Links whose reported state changed since the last drain. */
  readonly dirty = new Set<number>();
  private readonly exitWindow: Float64Array;
  private readonly lastSent: Float64Array;

  constructor(private readonly net: Network) {
    const n = net.links.length;
    this.speed = Float64Array.from(net.links, (l) => l.speedLimitMps);
    this.flowVph = new Float64Array(n);
    this.level = new Uint8Array(n);
    this.exitWindow = new Float64Array(n);
    this.lastSent = new Float64Array(n).fill(-1);
  }

  /** Samples link speeds; call about once per simulated second with the elapsed seconds. */
  sample(traffic: Traffic, dtS: number): void {
    const alpha = 1 - Math.exp(-dtS / SPEED_TAU_S);
    for (const l of this.net.links) {
      let n = 0, sum = 0;
      for (let lane = 0; lane < l.lanes; lane++) {
        for (const v of traffic.laneQueue(l.index, lane)) {
          sum += v.v;
          n++;
        }
      }
      const target = n > 0 ? sum / n : l.speedLimitMps;
      this.speed[l.index] = this.speed[l.index]! + alpha * (target - this.speed[l.index]!);
      const exits = traffic.exits[l.index]!;
      traffic.exits[l.index] = 0;
      // Exponential window approximating "vehicles in the last minute", scaled to an hourly rate.
      const decay = Math.exp(-dtS / FLOW_WINDOW_S);
      this.exitWindow[l.index] = this.exitWindow[l.index]! * decay + exits;
      this.flowVph[l.index] = (this.exitWindow[l.index]! * 3600) / FLOW_WINDOW_S;
      const level = congestionLevel(this.speed[l.index]! / l.speedLimitMps);
      const sent = this.lastSent[l.index]!;
      if (level !== this.level[l.index] || sent < 0 || Math.abs(sent - this.speed[l.index]!) > 0.6) {
        this.level[l.index] = level;
        this.lastSent[l.index] = this.speed[l.index]!;
        this.dirty.add(l.index);
      }
    }
  }

  state(link: number): SegmentState {
    return { link, speedMps: this.speed[link]!, flowVph: this.flowVph[link]!, level: this.level[link] as CongestionLevel };
  }
}
