/**
 * Pure motion and instance maths of the traffic layer. Vehicles are drawn where they were
 * `delay` ms ago (interpolating between the two samples around that time), and past the newest
 * sample they are extrapolated along their heading at their reported speed for at most
 * MOTION.maxExtrapolateMs, then held: a late or missing update never sends a car flying on.
 */

export const MOTION = {
  /** Extrapolation past the newest sample is bounded by this, then the vehicle holds. */
  maxExtrapolateMs: 1000,
  /** A sample that arrives after its own time is blended in over at least this long. */
  minBlendMs: 120,
  /** Interpolation delay as a multiple of the typical update interval. */
  delayFactor: 1.25,
  minDelayMs: 50,
  maxDelayMs: 1500,
  initialIntervalMs: 200,
  /** Implied speeds above this (× the feed's time scale) are jumps (respawn, re-route): snapped, not slid. */
  maxPlausibleSpeedMps: 70,
} as const;

/** Signed smallest difference b − a between two angles, radians in (−π, π]. */
export function angleDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Two timed poses and a speed: the state one vehicle is drawn from. */
export interface TrackPoses {
  hasA: boolean;
  ax: number;
  ay: number;
  ayaw: number;
  at: number;
  bx: number;
  by: number;
  byaw: number;
  bt: number;
  /** Reported speed at B, m/s of feed time. */
  speed: number;
}

/**
 * Pose at render time t (ms, server clock) into out = [x, y, yaw]. Between A and B: linear in
 * position, shortest arc in heading. After B: along B's heading, bounded. Before A (or with no A):
 * the oldest known pose.
 */
export function poseAt(p: TrackPoses, t: number, timeScale: number, out: Float64Array | number[], maxExtrapolateMs: number = MOTION.maxExtrapolateMs): void {
  if (p.hasA && t < p.bt) {
    if (t <= p.at || p.bt <= p.at) {
      out[0] = p.ax;
      out[1] = p.ay;
      out[2] = p.ayaw;
      return;
    }
    const f = (t - p.at) / (p.bt - p.at);
    out[0] = p.ax + (p.bx - p.ax) * f;
    out[1] = p.ay + (p.by - p.ay) * f;
    out[2] = p.ayaw + angleDelta(p.ayaw, p.byaw) * f;
    return;
  }
  const dt = Math.min(Math.max(0, t - p.bt), maxExtrapolateMs);
  const d = (p.speed * timeScale * dt) / 1000;
  out[0] = p.bx + Math.cos(p.byaw) * d;
  out[1] = p.by + Math.sin(p.byaw) * d;
  out[2] = p.byaw;
}

/** Interpolation delay from the typical interval between a moving vehicle's updates. */
export function renderDelayMs(intervalMs: number): number {
  return Math.min(MOTION.maxDelayMs, Math.max(MOTION.minDelayMs, intervalMs * MOTION.delayFactor));
}

/**
 * Writes a column-major 4×4 placing a unit model (length along +x, up along +y, width along +z)
 * at ENU (e, n, u) with heading `yaw` (radians counter-clockwise from east) and scale (sx, sy, sz),
 * in three.js axes (x = east, y = up, z = −north). A yaw about ENU up is the same angle about three's y.
 */
export function writeInstanceMatrix(m: Float32Array, offset: number, e: number, n: number, u: number, yaw: number, sx: number, sy: number, sz: number): void {
  const c = Math.cos(yaw), s = Math.sin(yaw);
  m[offset] = c * sx;
  m[offset + 1] = 0;
  m[offset + 2] = -s * sx;
  m[offset + 3] = 0;
  m[offset + 4] = 0;
  m[offset + 5] = sy;
  m[offset + 6] = 0;
  m[offset + 7] = 0;
  m[offset + 8] = s * sz;
  m[offset + 9] = 0;
  m[offset + 10] = c * sz;
  m[offset + 11] = 0;
  m[offset + 12] = e;
  m[offset + 13] = u;
  m[offset + 14] = -n;
  m[offset + 15] = 1;
}

export function isFinitePose(x: number, y: number, yaw: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(yaw);
}
