/** Hand-made visibility geometry with closed-form answers, shared by the visibility unit tests. */
import type { Ring } from '../../../src/analysis/planning/types';
import type { CasterBuilding } from '../../../src/analysis/sunlight/casters';
import type { SkylineProfile } from '../../../src/analysis/visibility/skyline';

/** Axis-aligned rectangle, counter-clockwise, open. */
export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export function box(id: string, x0: number, y0: number, x1: number, y1: number, heightM: number, baseM = 0): CasterBuilding {
  return { id, footprint: rect(x0, y0, x1, y1), heightM, baseM };
}

/** Seeded LCG, so the random scenes are the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A profile from given elevations, for the metrics' closed forms. */
export function syntheticProfile(elevationDeg: number[], opts: { full360?: boolean; startAzimuthDeg?: number; stepDeg?: number } = {}): SkylineProfile {
  const full360 = opts.full360 ?? true;
  const n = elevationDeg.length;
  const step = opts.stepDeg ?? (full360 ? 360 / n : 1);
  const start = opts.startAzimuthDeg ?? 0;
  return {
    viewpoint: [0, 0, 1.6], full360, horizontalFovDeg: full360 ? 360 : step * (n - 1), startAzimuthDeg: start, stepDeg: step, count: n,
    azimuthDeg: Float64Array.from(elevationDeg, (_, k) => (start + k * step) % 360),
    elevationDeg: Float64Array.from(elevationDeg), building: new Int32Array(n).fill(-1), ids: [], toleranceDeg: 0.01, cancelled: false,
  };
}

/**
 * Exact skyline of axis-aligned boxes standing on the ground, seen from (ox, oy, eye): along the
 * horizontal ray of azimuth az, a box's highest edge is its roof edge where the ray enters it.
 */
export function boxSkylineDeg(boxes: readonly CasterBuilding[], ox: number, oy: number, eye: number, azDeg: number): number {
  const dx = Math.sin((azDeg * Math.PI) / 180), dy = Math.cos((azDeg * Math.PI) / 180);
  let best = 0;
  for (const b of boxes) {
    const xs = b.footprint.map((p) => p[0]), ys = b.footprint.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Slab test for the entry distance of a 2D ray into the rectangle.
    let tin = 0, tout = Infinity;
    for (const [o, d, lo, hi] of [[ox, dx, x0, x1], [oy, dy, y0, y1]] as const) {
      if (Math.abs(d) < 1e-15) {
        if (o < lo || o > hi) tout = -1;
        continue;
      }
      const a = (lo - o) / d, c = (hi - o) / d;
      tin = Math.max(tin, Math.min(a, c));
      tout = Math.min(tout, Math.max(a, c));
    }
    const top = (b.baseM ?? 0) + b.heightM;
    if (tout >= tin && tout > 0 && top > eye && tin > 0) best = Math.max(best, (Math.atan((top - eye) / tin) * 180) / Math.PI);
  }
  return best;
}
