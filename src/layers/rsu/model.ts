/**
 * Roadside-unit coverage: a disc of the unit's radio range (from the scene, `live.rsuCoverageM`)
 * with a brighter rim, coloured by the unit's health state. Geometry is a unit disc; each instance
 * is scaled to the range.
 */
import type { SensorLevel } from '../../analysis/live/thresholds';

/** Opacity of the filled disc and of its rim (vertex alpha). */
export const DISC_ALPHA = 0.1;
export const RIM_ALPHA = 0.65;
/** Rim width as a fraction of the radius. */
export const RIM_FRACTION = 0.04;
export const RSU_COVERAGE_UP_M = 0.8;

export const RSU_LEVEL_COLORS: Record<SensorLevel, string> = {
  normal: '#2dd4bf',
  warning: '#fbbf24',
  alarm: '#ef4444',
  offline: '#6b7280',
  pending: '#94a3b8',
};

/** Flat disc + rim in the x/z plane (three.js), radius 1: positions and RGBA colours. */
export function coverageGeometryArrays(segments: number): { position: Float32Array; color: Float32Array; index: Uint16Array } {
  const pos: number[] = [0, 0, 0];
  const col: number[] = [1, 1, 1, DISC_ALPHA];
  const idx: number[] = [];
  const inner = 1 - RIM_FRACTION;
  for (let k = 0; k <= segments; k++) {
    const a = (k / segments) * Math.PI * 2;
    const c = Math.cos(a), s = Math.sin(a);
    pos.push(c * inner, 0, -s * inner, c * inner, 0, -s * inner, c, 0, -s);
    col.push(1, 1, 1, DISC_ALPHA, 1, 1, 1, RIM_ALPHA, 1, 1, 1, RIM_ALPHA);
  }
  for (let k = 0; k < segments; k++) {
    const a = 1 + k * 3, b = 1 + (k + 1) * 3;
    idx.push(0, a, b);
    idx.push(a + 1, a + 2, b + 1, b + 1, a + 2, b + 2);
  }
  return { position: Float32Array.from(pos), color: Float32Array.from(col), index: Uint16Array.from(idx) };
}
