/**
 * The measuring tools: distance, polyline, horizontal and surface area, height and bearing. They
 * take no parameters and finish straight to 'done': there is nothing to adjust once placed.
 */
import { ringProblem } from '../analysis/planning/polygon';
import { distH, horizontalRing, inPlaneRing, planeDeviation } from './measureLocal';
import { baseDefinition, NO_PARAMS, parseNoParams } from './toolParams';
import type { ToolDefinition, ToolProblem, Vec3 } from './toolTypes';

/** More points than anyone clicks by hand, small enough for the O(n²) checks. */
export const MAX_MEASURE_POINTS = 200;
/** A facade polygon whose points stray more than this from one plane spans several faces (as src/analysis/measure). */
export const PLANAR_TOLERANCE_M = 0.1;

/** A ring's problem in the terms of the tools. */
export function ringToolProblem(ring: [number, number][]): ToolProblem | null {
  const p = ringProblem(ring);
  if (p === 'self-intersecting') return 'self-intersecting';
  if (p === 'too-few-points') return 'too-few-points';
  return p === null ? null : 'zero-area';
}

export const measureDistance: ToolDefinition<'measure-distance'> = {
  ...baseDefinition('measure-distance', NO_PARAMS),
  geometry: 'line',
  minPoints: () => 2,
  maxPoints: () => 2,
  parseParams: parseNoParams,
};

export const measurePolyline: ToolDefinition<'measure-polyline'> = {
  ...baseDefinition('measure-polyline', NO_PARAMS),
  geometry: 'line',
  minPoints: () => 2,
  maxPoints: () => MAX_MEASURE_POINTS,
  parseParams: parseNoParams,
};

export const measureAreaHorizontal: ToolDefinition<'measure-area-horizontal'> = {
  ...baseDefinition('measure-area-horizontal', NO_PARAMS),
  geometry: 'polygon',
  closesOnFirstPoint: true,
  minPoints: () => 3,
  maxPoints: () => MAX_MEASURE_POINTS,
  checkFinish: (points: readonly Vec3[]) => ringToolProblem(horizontalRing(points)),
  parseParams: parseNoParams,
};

export const measureAreaSurface: ToolDefinition<'measure-area-surface'> = {
  ...baseDefinition('measure-area-surface', NO_PARAMS),
  geometry: 'polygon',
  closesOnFirstPoint: true,
  minPoints: () => 3,
  maxPoints: () => MAX_MEASURE_POINTS,
  acceptPoint(points, hit) {
    if (hit.kind === 'ground' || hit.buildingId === undefined) return 'needs-building';
    const first = points[0];
    return first && first.buildingId !== hit.buildingId ? 'other-building' : null;
  },
  checkFinish(points) {
    if (points.length < 3) return 'too-few-points';
    if (!(planeDeviation(points) <= PLANAR_TOLERANCE_M)) return planeDeviation(points) === Infinity ? 'zero-area' : 'not-planar';
    return ringToolProblem(inPlaneRing(points));
  },
  inputs(points, params) {
    const base = { kind: 'measure-area-surface' as const, points: points.map((p): Vec3 => [p.point[0], p.point[1], p.point[2]]), params };
    const id = points[0]?.buildingId;
    return id === undefined ? base : { ...base, buildingId: id };
  },
  parseParams: parseNoParams,
};

export const measureHeight: ToolDefinition<'measure-height'> = {
  ...baseDefinition('measure-height', NO_PARAMS),
  // One point: its height above ground; two: the difference. Enter finishes with one.
  geometry: 'line',
  minPoints: () => 1,
  maxPoints: () => 2,
  parseParams: parseNoParams,
};

export const measureBearing: ToolDefinition<'measure-bearing'> = {
  ...baseDefinition('measure-bearing', NO_PARAMS),
  geometry: 'line',
  minPoints: () => 2,
  maxPoints: () => 2,
  // Two points stacked vertically have no bearing.
  checkFinish: (points) => (points[0] && points[1] && distH(points[0], points[1]) > 0 ? null : 'zero-length'),
  parseParams: parseNoParams,
};
