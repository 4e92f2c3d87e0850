/** Hand-made planning geometry with closed-form answers, shared by the planning unit tests. */
import type { PlanBuilding, Plot, PlotLimits, Ring } from '../../../src/analysis/planning/types';

/** Axis-aligned rectangle, counter-clockwise, open. */
export function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export const NO_LIMITS: PlotLimits = { farMax: null, heightMaxM: null, densityMax: null, greenRatioMin: null };

export function plot(ring: Ring, holes?: Ring[], limits: PlotLimits = NO_LIMITS): Plot {
  const p: Plot = {
    id: 'p1',
    code: 'XH-B2-03',
    blockCode: 'B2',
    landUse: 'B',
    name: { zh: '测试地块', en: 'Test plot' },
    ring,
    limits,
    schemeIds: [],
  };
  if (holes) p.holes = holes;
  return p;
}

export function building(id: string, footprint: Ring, floors: number, heightM = floors * 3, holes?: Ring[]): PlanBuilding {
  const b: PlanBuilding = {
    id,
    name: { zh: `楼${id}`, en: `Building ${id}` },
    footprint,
    floors,
    heightM,
    use: 'B',
    status: 'planned',
  };
  if (holes) b.holes = holes;
  return b;
}
