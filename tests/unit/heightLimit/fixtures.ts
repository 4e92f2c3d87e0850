/** Hand-made boxes and limit areas with closed-form answers, shared by the height-limit tests. */
import type { HeightLimitBuilding } from '../../../src/analysis/heightLimit/types';
import type { Ring } from '../../../src/analysis/planning/types';

/** Axis-aligned rectangle, counter-clockwise, open. */
export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export function box(id: string, footprint: Ring, heightM: number, baseM?: number): HeightLimitBuilding {
  const b: HeightLimitBuilding = { id, name: { zh: `楼${id}`, en: `Building ${id}` }, footprint, heightM };
  if (baseM !== undefined) b.baseM = baseM;
  return b;
}

/** Regular n-gon of radius r about (cx, cy), counter-clockwise. */
export function circle(n: number, r: number, cx = 0, cy = 0): Ring {
  return Array.from({ length: n }, (_, i): [number, number] => {
    const a = (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}
