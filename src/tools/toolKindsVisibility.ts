/**
 * The tools whose values need the scene (injected compute): height limit, sight line, viewshed
 * and skyline. Each produces points and parameters only, and goes through 'editing' so that the
 * planner can adjust parameters against a live preview before keeping the result.
 */
import { z } from 'zod';
import { horizontalRing } from './measureLocal';
import { checkChoice, checkRange, baseDefinition, parseWith } from './toolParams';
import { MAX_MEASURE_POINTS, ringToolProblem } from './toolKindsMeasure';
import type { HeightLimitParams, ParamProblem, SightLineParams, SkylineParams, ToolDefinition, ViewshedParams } from './toolTypes';

/** A standing adult's eye above the ground (GB/T 50103 drawings use 1.5–1.7 m). */
export const EYE_HEIGHT_M = 1.6;
export const MAX_EYE_HEIGHT_M = 500;
export const MAX_HEIGHT_LIMIT_M = 1000;
export const MAX_SIGHT_TARGETS = 20;
export const MAX_VIEW_DISTANCE_M = 5000;

export const heightLimit: ToolDefinition<'height-limit'> = {
  ...baseDefinition<'height-limit'>('height-limit', { mode: 'value', limitM: 100, plotId: null }),
  geometry: 'polygon',
  editable: true,
  closesOnFirstPoint: true,
  // A plot's own boundary is the polygon: nothing is drawn.
  minPoints: (p) => (p.mode === 'plot' ? 0 : 3),
  maxPoints: (p) => (p.mode === 'plot' ? 0 : MAX_MEASURE_POINTS),
  checkFinish: (points, p) => (p.mode === 'plot' ? null : ringToolProblem(horizontalRing(points))),
  inputs: (points, params) => ({
    kind: 'height-limit',
    points: params.mode === 'plot' ? [] : points.map((p) => [p.point[0], p.point[1], p.point[2]]),
    params,
  }),
  validateParams(p) {
    const out: ParamProblem[] = [];
    checkChoice(out, 'mode', p.mode, ['value', 'plot']);
    if (p.mode === 'value') checkRange(out, 'limitM', p.limitM, 0, MAX_HEIGHT_LIMIT_M, true);
    if (p.mode === 'plot' && !p.plotId) out.push({ param: 'plotId', code: 'required' });
    return out;
  },
  parseParams: (raw) =>
    parseWith<HeightLimitParams>(
      z.object({ mode: z.enum(['value', 'plot']), limitM: z.number(), plotId: z.string().min(1).nullable() }).partial(),
      heightLimit.defaultParams,
      raw,
    ),
};

export const sightLine: ToolDefinition<'sight-line'> = {
  ...baseDefinition<'sight-line'>('sight-line', { eyeHeightM: EYE_HEIGHT_M, targetHeightM: 0 }),
  // The observer first, then each target.
  geometry: 'points',
  editable: true,
  minPoints: () => 2,
  maxPoints: () => 1 + MAX_SIGHT_TARGETS,
  validateParams(p) {
    const out: ParamProblem[] = [];
    checkRange(out, 'eyeHeightM', p.eyeHeightM, 0, MAX_EYE_HEIGHT_M);
    checkRange(out, 'targetHeightM', p.targetHeightM, 0, MAX_EYE_HEIGHT_M);
    return out;
  },
  parseParams: (raw) =>
    parseWith<SightLineParams>(z.object({ eyeHeightM: z.number(), targetHeightM: z.number() }).partial(), sightLine.defaultParams, raw),
};

function checkView(out: ParamProblem[], p: { headingDeg: number; pitchDeg: number; distanceM: number; eyeHeightM: number; horizontalFovDeg: number }): void {
  checkRange(out, 'eyeHeightM', p.eyeHeightM, 0, MAX_EYE_HEIGHT_M);
  checkRange(out, 'headingDeg', p.headingDeg, -360, 360);
  checkRange(out, 'pitchDeg', p.pitchDeg, -90, 90);
  checkRange(out, 'horizontalFovDeg', p.horizontalFovDeg, 0, 360, true);
  checkRange(out, 'distanceM', p.distanceM, 0, MAX_VIEW_DISTANCE_M, true);
}

export const viewshed: ToolDefinition<'viewshed'> = {
  ...baseDefinition<'viewshed'>('viewshed', {
    eyeHeightM: EYE_HEIGHT_M,
    mode: '360',
    headingDeg: 0,
    pitchDeg: 0,
    horizontalFovDeg: 90,
    verticalFovDeg: 60,
    distanceM: 300,
  }),
  geometry: 'points',
  editable: true,
  minPoints: () => 1,
  maxPoints: () => 1,
  validateParams(p) {
    const out: ParamProblem[] = [];
    checkChoice(out, 'mode', p.mode, ['360', 'cone']);
    checkView(out, p);
    checkRange(out, 'verticalFovDeg', p.verticalFovDeg, 0, 180, true);
    return out;
  },
  parseParams: (raw) =>
    parseWith<ViewshedParams>(
      z.object({
        eyeHeightM: z.number(),
        mode: z.enum(['360', 'cone']),
        headingDeg: z.number(),
        pitchDeg: z.number(),
        horizontalFovDeg: z.number(),
        verticalFovDeg: z.number(),
        distanceM: z.number(),
      }).partial(),
      viewshed.defaultParams,
      raw,
    ),
};

export const skyline: ToolDefinition<'skyline'> = {
  ...baseDefinition<'skyline'>('skyline', {
    source: 'pick',
    eyeHeightM: EYE_HEIGHT_M,
    headingDeg: 0,
    pitchDeg: 0,
    horizontalFovDeg: 60,
    distanceM: 2000,
  }),
  // With source 'camera' the single point is the camera's position (see skylineCamera.ts).
  geometry: 'points',
  editable: true,
  minPoints: () => 1,
  maxPoints: () => 1,
  validateParams(p) {
    const out: ParamProblem[] = [];
    checkChoice(out, 'source', p.source, ['pick', 'camera']);
    checkView(out, p);
    return out;
  },
  parseParams: (raw) =>
    parseWith<SkylineParams>(
      z.object({
        source: z.enum(['pick', 'camera']),
        eyeHeightM: z.number(),
        headingDeg: z.number(),
        pitchDeg: z.number(),
        horizontalFovDeg: z.number(),
        distanceM: z.number(),
      }).partial(),
      skyline.defaultParams,
      raw,
    ),
};
