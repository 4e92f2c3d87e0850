/**
 * Where vehicles are: one queue per lane of every link (front vehicle first), lane geometry for
 * drawing, the choice of lane when entering a link, and length-weighted random placement.
 */
import type { Rng } from '../../core/rng';
import type { Network } from '../network/Network';
import type { Obstacle, SimVehicle } from './vehicle';
import { LANE_WIDTH_M } from './vehicleClasses';

export interface EntrySpace {
  lane: number;
  /** Free distance from the link start to the last vehicle (or closure) in that lane, m. */
  gap: number;
  /** Speed of that last vehicle. */
  speed: number;
}

export class LaneIndex {
  /** All lane queues, in a fixed order (the step loop's iteration order, so determinism holds). */
  readonly all: SimVehicle[][] = [];
  private readonly laneBase: Int32Array;
  private readonly lateralBase: Float64Array;
  private readonly spawnCum: Float64Array;

  constructor(private readonly net: Network) {
    this.laneBase = new Int32Array(net.links.length);
    this.lateralBase = new Float64Array(net.links.length);
    let base = 0;
    net.links.forEach((l, i) => {
      this.laneBase[i] = base;
      base += l.lanes;
      // A two-way road's polyline is its centre line, so its lanes sit entirely to the right; a
      // one-way road's lanes straddle it.
      const twoWay = net.linkFor(l.edgeId, !l.reverse) !== undefined;
      this.lateralBase[i] = twoWay ? 0.5 * LANE_WIDTH_M : (0.5 - l.lanes / 2) * LANE_WIDTH_M;
    });
    for (let i = 0; i < base; i++) this.all.push([]);
    let acc = 0;
    this.spawnCum = Float64Array.from(net.drivable.map((i) => (acc += net.links[i]!.length * net.links[i]!.lanes)));
  }

  queue(link: number, lane: number): SimVehicle[] {
    return this.all[this.laneBase[link]! + lane]!;
  }

  position(v: SimVehicle, out: number[] | Float64Array): void {
    this.net.pointAt(this.net.links[v.link]!, v.s, this.lateralBase[v.link]! + v.lane * LANE_WIDTH_M, out);
  }

  /**
   * The lane with the most room to enter `link` (buses keep to the kerb lane for their stops);
   * ties go to a lane derived from the vehicle, so traffic spreads over lanes deterministically.
   */
  entrySpace(link: number, veh: SimVehicle, obstacles: readonly Obstacle[]): EntrySpace {
    const L = this.net.links[link]!;
    const prefer = veh.bus ? L.lanes - 1 : veh.serial % L.lanes;
    let best: EntrySpace = { lane: prefer, gap: -Infinity, speed: 0 };
    for (let k = 0; k < L.lanes; k++) {
      const lane = (prefer + k) % L.lanes;
      if (veh.bus && lane !== L.lanes - 1) continue;
      const q = this.queue(link, lane);
      const tail = q[q.length - 1];
      let gap = tail ? tail.s - tail.profile.idm.lengthM - veh.profile.idm.minGapM * 0.5 : Infinity;
      for (const ob of obstacles) if (lane < ob.lanesBlocked) gap = Math.min(gap, ob.s - 1);
      if (gap > best.gap + 0.5) best = { lane, gap, speed: tail ? tail.v : 0 };
    }
    return best;
  }

  /** A drivable link, chosen with probability proportional to its lane-length. */
  randomDrivableLink(rng: Rng): number {
    const n = this.spawnCum.length;
    if (n === 0) return -1;
    const r = rng.next() * this.spawnCum[n - 1]!;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spawnCum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.net.drivable[lo]!;
  }
}
