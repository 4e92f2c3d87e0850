/** Hand-made sunlight geometry with closed-form answers, shared by the sunlight unit tests. */
import type { Ring } from '../../../src/analysis/planning/types';
import type { CasterBuilding } from '../../../src/analysis/sunlight/casters';
import type { Receiver } from '../../../src/analysis/sunlight/types';

export const SH_LAT = 31.2304;
export const SH_LON = 121.4737;
/** 大寒 2027 falls on Jan 20 (solarTerms.test.ts). */
export const YEAR = 2027;

/** Axis-aligned rectangle, counter-clockwise, open. */
export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export function box(id: string, x0: number, y0: number, x1: number, y1: number, heightM: number, baseM = 0): CasterBuilding {
  return { id, footprint: rect(x0, y0, x1, y1), heightM, baseM };
}

/** A window point on a wall in the plane y = 0 (or any), facing the given horizontal normal. */
export function receiver(id: string, position: [number, number, number], normal: [number, number], buildingId = 'self'): Receiver {
  return {
    id,
    buildingId,
    facade: 0,
    floor: 1,
    position,
    normal: [normal[0], normal[1], 0],
    // Tangent: the normal turned 90° clockwise seen from above (along a CCW ring's edge).
    tangent: [-normal[1], normal[0], 0],
  };
}
