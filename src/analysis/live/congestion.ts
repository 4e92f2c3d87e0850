/**
 * Congestion colour scale for road segments: the ratio of measured speed to free-flow speed
 * (the edge's speed limit) mapped through colour stops. The level boundaries are the simulator's
 * and the usual Chinese traffic-index bands: ≥ 0.5 free (畅通), ≥ 0.3 slow (缓行), ≥ 0.15
 * congested (拥堵), below that jammed (严重拥堵).
 */

export const CONGESTION_BOUNDS = { slow: 0.5, congested: 0.3, jammed: 0.15 } as const;

/** Colour stops (ratio, sRGB hex), ascending. Between stops colours blend linearly. */
export const CONGESTION_STOPS: readonly (readonly [number, string])[] = [
  [0, '#7f1d1d'],
  [CONGESTION_BOUNDS.jammed, '#dc2626'],
  [CONGESTION_BOUNDS.congested, '#f59e0b'],
  [CONGESTION_BOUNDS.slow, '#22c55e'],
  [1, '#16a34a'],
];

/** Shown for segments with no (or stale) data. */
export const NO_DATA_COLOR = '#64748b';

export const CONGESTION_LEVEL_NAMES = ['free', 'slow', 'congested', 'jammed'] as const;
export type CongestionLevelName = (typeof CONGESTION_LEVEL_NAMES)[number];

/** Speed over free-flow speed, clamped to [0, 1]; NaN when either is unusable. */
export function speedRatio(speedKmh: number, freeFlowKmh: number): number {
  if (!Number.isFinite(speedKmh) || !Number.isFinite(freeFlowKmh) || freeFlowKmh <= 0 || speedKmh < 0) return Number.NaN;
  return Math.min(1, speedKmh / freeFlowKmh);
}

export function congestionLevel(ratio: number): 0 | 1 | 2 | 3 {
  if (ratio >= CONGESTION_BOUNDS.slow) return 0;
  if (ratio >= CONGESTION_BOUNDS.congested) return 1;
  if (ratio >= CONGESTION_BOUNDS.jammed) return 2;
  return 3;
}

/** "#rrggbb" → [r, g, b] in 0…1. */
export function hexToRgb(hex: string, out: number[] = [0, 0, 0]): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  out[0] = ((n >> 16) & 255) / 255;
  out[1] = ((n >> 8) & 255) / 255;
  out[2] = (n & 255) / 255;
  return out;
}

const STOP_RGB = CONGESTION_STOPS.map(([r, hex]) => [r, ...hexToRgb(hex)] as [number, number, number, number]);
const NO_DATA_RGB = hexToRgb(NO_DATA_COLOR);

/** Writes the colour of a speed ratio into out (0…1 RGB); the no-data colour for NaN. */
export function congestionColor(ratio: number, out: number[] = [0, 0, 0]): number[] {
  if (!Number.isFinite(ratio)) {
    out[0] = NO_DATA_RGB[0]!;
    out[1] = NO_DATA_RGB[1]!;
    out[2] = NO_DATA_RGB[2]!;
    return out;
  }
  const r = Math.min(1, Math.max(0, ratio));
  let i = 0;
  while (i < STOP_RGB.length - 2 && r > STOP_RGB[i + 1]![0]) i++;
  const a = STOP_RGB[i]!;
  const b = STOP_RGB[i + 1]!;
  const t = b[0] > a[0] ? Math.min(1, Math.max(0, (r - a[0]) / (b[0] - a[0]))) : 0;
  out[0] = a[1] + (b[1] - a[1]) * t;
  out[1] = a[2] + (b[2] - a[2]) * t;
  out[2] = a[3] + (b[3] - a[3]) * t;
  return out;
}
