/**
 * A bus's next stop as a car-following constraint: approach it like a standing vehicle, dwell
 * 20–40 s once there, then move on to the following stop.
 */
import type { Rng } from '../../core/rng';
import type { SimVehicle } from './vehicle';

export interface StopConstraint {
  dwelling: boolean;
  /** Virtual gap to the stop (for IDM), m; Infinity when the stop is not on this link. */
  gap: number;
  /** Hard limit on the bus's position this step. */
  limitS: number;
}

const ARRIVED_WITHIN_M = 1.5;
const DWELL_MIN_S = 20;
const DWELL_SPREAD_S = 20;

export function busStopAhead(veh: SimVehicle, tS: number, rng: Rng): StopConstraint {
  const bus = veh.bus!;
  if (bus.dwellUntilS > 0) {
    if (tS >= bus.dwellUntilS) {
      bus.dwellUntilS = 0;
      bus.nextStop = (bus.nextStop + 1) % bus.line.stops.length;
    }
    return { dwelling: true, gap: 0, limitS: veh.s };
  }
  const stop = bus.line.stops[bus.nextStop];
  if (!stop || stop.pathIndex !== bus.pathIndex || veh.s > stop.s) return { dwelling: false, gap: Infinity, limitS: Infinity };
  if (stop.s - veh.s < ARRIVED_WITHIN_M && veh.v < 0.5) {
    bus.dwellUntilS = tS + DWELL_MIN_S + rng.next() * DWELL_SPREAD_S;
    return { dwelling: true, gap: 0, limitS: veh.s };
  }
  // The stop acts like a standing vehicle just beyond it, so IDM brings the bus to rest at the pole.
  return { dwelling: false, gap: stop.s - veh.s + veh.profile.idm.minGapM, limitS: stop.s };
}
