import type { Ring } from '../types';

/** Sharp corners would send a mitred vertex far away; beyond this multiple of the offset it is clamped. */
const MITER_LIMIT = 3;

/**
 * Moves each vertex of a counter-clockwise ring outward by `distanceM` (negative: inward) along the
 * mitre of its two edges. Used to float lines and glass just off a wall so they never z-fight it.
 */
export function offsetRing(ring: Ring, distanceM: number): Ring {
  const n = ring.length;
  const out: Ring = [];
  for (let i = 0; i < n; i++) {
    const p = ring[(i + n - 1) % n]!, c = ring[i]!, q = ring[(i + 1) % n]!;
    const l0 = Math.hypot(c[0] - p[0], c[1] - p[1]) || 1;
    const l1 = Math.hypot(q[0] - c[0], q[1] - c[1]) || 1;
    // Outward normal of a CCW edge (dx, dy) is its right-hand side (dy, -dx).
    const n0x = (c[1] - p[1]) / l0, n0y = -(c[0] - p[0]) / l0;
    const n1x = (q[1] - c[1]) / l1, n1y = -(q[0] - c[0]) / l1;
    const denom = 1 + n0x * n1x + n0y * n1y;
    let ox = n0x + n1x, oy = n0y + n1y;
    let scale = denom > 1e-6 ? distanceM / denom : 0;
    const len = Math.hypot(ox, oy) * Math.abs(scale);
    if (denom <= 1e-6 || len > MITER_LIMIT * Math.abs(distanceM)) {
      const ol = Math.hypot(ox, oy);
      if (ol < 1e-9) {
        ox = n0x;
        oy = n0y;
        scale = distanceM;
      } else {
        scale = (MITER_LIMIT * distanceM) / ol;
      }
    }
    out.push([c[0] + ox * scale, c[1] + oy * scale]);
  }
  return out;
}
