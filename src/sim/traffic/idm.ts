/**
 * Intelligent Driver Model (Treiber, Hennecke & Helbing 2000): a smooth car-following law that
 * approaches the desired speed on a free road and keeps a safe, speed-dependent gap otherwise.
 */
export interface IdmParams {
  /** Desired time headway, s. */
  timeHeadwayS: number;
  /** Jam distance (bumper to bumper at standstill), m. */
  minGapM: number;
  /** Maximum acceleration, m/s². */
  accel: number;
  /** Comfortable deceleration, m/s² (positive). */
  decel: number;
  lengthM: number;
}

const DELTA = 4;

/**
 * Acceleration for speed v with desired speed v0 behind a leader at `gap` metres (bumper to
 * bumper) closing at `dv` m/s. gap = Infinity means a free road.
 */
export function idmAcceleration(p: IdmParams, v: number, v0: number, gap: number, dv: number): number {
  const free = 1 - Math.pow(v0 > 0.1 ? v / v0 : 1e3, DELTA);
  if (!Number.isFinite(gap)) return p.accel * free;
  const sStar = p.minGapM + Math.max(0, v * p.timeHeadwayS + (v * dv) / (2 * Math.sqrt(p.accel * p.decel)));
  const g = Math.max(gap, 0.1);
  return p.accel * (free - (sStar / g) ** 2);
}
