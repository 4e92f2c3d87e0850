/**
 * What a finished tool measures, from its inputs and the buildings of the state it analyses
 * (today, a scheme, or an imported scheme: the caller passes that state's full-detail footprints,
 * never the streamed tiles, so no value depends on the camera or the level of detail).
 *
 * Measuring kinds are exact geometry on the picked points (src/analysis/measure); the height limit
 * checks footprints against the limit polygon (src/analysis/heightLimit); sight lines, viewsheds
 * and skylines cast rays against a BVH of the buildings in reach (src/analysis/visibility).
 * Values are small named numbers for the store, links and GeoJSON; bulky geometry goes to a payload.
 */
import { checkHeightLimit, heightLimitOfPlot } from '../../analysis/heightLimit/check';
import { heightLimitShaderParams } from '../../analysis/heightLimit/shaderParams';
import type { HeightLimit } from '../../analysis/heightLimit/types';
import { direction } from '../../analysis/measure/angles';
import { horizontalArea } from '../../analysis/measure/area';
import { measureDistance, polylineLength } from '../../analysis/measure/distance';
import { heightAboveGround, heightDifference } from '../../analysis/measure/height';
import { planarArea } from '../../analysis/measure/planarArea';
import type { MeasureResult } from '../../analysis/measure/types';
import type { Plot, Ring } from '../../analysis/planning/types';
import type { CasterBuilding } from '../../analysis/sunlight/casters';
import {
  compareProfiles, computeSkylineAsync, runViewshedAsync, sightLines, skyShare, skyViewFactor, type SkylineProfile, type ViewCone,
} from '../../analysis/visibility';
import type { HeightLimitBuilding } from '../../analysis/heightLimit/types';
import type { AnyToolInputs, ResultValues, ToolInputs, Vec3 } from '../toolTypes';
import { castersNear } from './castersNear';
import type { ToolPayload } from './payloads';

export interface ToolComputeContext {
  /** The analysed state's buildings at full detail (footprint, base, height). */
  buildings: readonly (CasterBuilding & HeightLimitBuilding)[];
  /** Today's buildings, for comparisons (the skyline of a scheme against today). */
  existing?: readonly (CasterBuilding & HeightLimitBuilding)[];
  plots: readonly Plot[];
  /** Ground elevation of the zone frame, metres (the city stands on z = 0). */
  groundZ?: number;
  onProgress?(share: number): void;
  shouldCancel?(): boolean;
}

export type ToolComputeOutcome =
  | { ok: true; values: ResultValues; payload: ToolPayload | null }
  | { ok: false; code: string; message: string };

/** A sight line's corridor: buildings this far from the line are considered (they cannot touch it). */
const SIGHT_CORRIDOR_M = 2;

const fail = (code: string, message: string): ToolComputeOutcome => ({ ok: false, code, message });
const done = (values: ResultValues, payload: ToolPayload | null = null): ToolComputeOutcome => ({ ok: true, values, payload });
const raise = (p: Vec3, dz: number): Vec3 => [p[0], p[1], p[2] + dz];
const r3 = (v: number): number => Math.round(v * 1000) / 1000;

function measured<T>(r: MeasureResult<T>, then: (v: T) => ToolComputeOutcome): ToolComputeOutcome {
  return r.ok ? then(r.value) : fail(r.problem, `measure: ${r.problem}${r.index !== undefined ? ` at point ${r.index + 1}` : ''}`);
}

function measure(inputs: AnyToolInputs, groundZ: number): ToolComputeOutcome | null {
  const p = inputs.points;
  const [a, b] = p;
  switch (inputs.kind) {
    case 'measure-distance':
      if (!a || !b) return fail('too-few-points', 'two points');
      return measured(measureDistance(a, b), (d) => done({ distanceM: d.slantM, horizontalM: d.horizontalM, verticalM: d.verticalM }));
    case 'measure-polyline':
      return measured(polylineLength(p), (l) => done({ lengthM: l.slantM, horizontalLengthM: l.horizontalM, segments: l.segments.length }));
    case 'measure-area-horizontal':
      return measured(horizontalArea(p), (h) => done({ areaM2: h.areaM2, perimeterM: h.perimeterM }));
    case 'measure-area-surface':
      return measured(planarArea(p), (s) => done({ areaM2: s.areaM2, perimeterM: s.perimeterM, tiltDeg: s.tiltDeg, planarityM: s.planarityDeviationM }));
    case 'measure-height':
      if (!a) return fail('too-few-points', 'one point');
      if (!b) return measured(heightAboveGround(a, groundZ), (h) => done({ heightM: h.heightM }));
      return measured(heightDifference(a, b), (h) =>
        measured(measureDistance(a, b), (d) => done({ heightM: h.deltaM, horizontalM: d.horizontalM })));
    case 'measure-bearing':
      if (!a || !b) return fail('too-few-points', 'two points');
      return measured(direction(a, b), (d) =>
        measured(measureDistance(a, b), (m) => done({ bearingDeg: d.bearingDeg, elevationDeg: d.elevationDeg, horizontalM: m.horizontalM })));
    default:
      return null;
  }
}

function heightLimit(inputs: ToolInputs<'height-limit'>, ctx: ToolComputeContext): ToolComputeOutcome {
  let limit: HeightLimit;
  if (inputs.params.mode === 'plot') {
    const plot = ctx.plots.find((q) => q.id === inputs.params.plotId);
    if (!plot) return fail('no-plot', `no plot "${inputs.params.plotId ?? ''}" in this zone`);
    const r = heightLimitOfPlot(plot);
    if (!r.ok) return fail(r.problem, `plot ${plot.code}: ${r.problem}`);
    limit = r.value;
  } else {
    limit = { ring: inputs.points.map((q): [number, number] => [q[0], q[1]]), limitM: inputs.params.limitM };
  }
  const report = checkHeightLimit(limit, ctx.buildings);
  if (!report.ok) return fail(report.problem, `height limit: ${report.problem}`);
  const shader = heightLimitShaderParams(limit, ctx.groundZ ?? 0);
  const r = report.value;
  return done(
    { limitM: r.limitM, checked: r.checked, over: r.over, maxExcessM: r.maxExcessM, plotId: limit.plotId ?? null },
    { kind: 'height-limit', report: r, shader: shader.ok ? shader.value : null, ring: limit.ring as Ring },
  );
}

function sightLine(inputs: ToolInputs<'sight-line'>, ctx: ToolComputeContext): ToolComputeOutcome {
  const [o, ...targets] = inputs.points;
  if (!o || targets.length === 0) return fail('too-few-points', 'an observer and a target');
  const observer = raise(o, inputs.params.eyeHeightM);
  const raised = targets.map((t) => raise(t, inputs.params.targetHeightM));
  const corridor = raised.flatMap((t) => [observer, t]);
  const lines = sightLines(castersNear(ctx.buildings, corridor, SIGHT_CORRIDOR_M), observer, raised);
  const visible = lines.filter((l) => l.visible).length;
  const blockers = [...new Set(lines.map((l) => l.blockerId).filter((id): id is string => id !== null))];
  return done(
    { targets: lines.length, visible, hidden: lines.length - visible, blockers: blockers.join(','), firstBlockerId: lines[0]?.blockerId ?? null },
    { kind: 'sight-line', lines, observer },
  );
}

async function viewshed(inputs: ToolInputs<'viewshed'>, ctx: ToolComputeContext): Promise<ToolComputeOutcome> {
  const o = inputs.points[0];
  if (!o) return fail('too-few-points', 'an observer');
  const p = inputs.params;
  const observer = raise(o, p.eyeHeightM);
  const cone: ViewCone | undefined = p.mode === 'cone'
    ? { headingDeg: p.headingDeg, pitchDeg: p.pitchDeg, horizontalFovDeg: p.horizontalFovDeg, verticalFovDeg: p.verticalFovDeg }
    : undefined;
  const casters = castersNear(ctx.buildings, [observer], p.distanceM);
  const result = await runViewshedAsync({
    casters, observer, maxDistanceM: p.distanceM, groundZ: ctx.groundZ ?? 0, ...(cone ? { cone } : {}),
    onProgress: (d, t) => ctx.onProgress?.(t > 0 ? d / t : 1), shouldCancel: () => ctx.shouldCancel?.() ?? false,
  });
  if (result.cancelled) return fail('cancelled', 'cancelled');
  return done(
    { visibleAreaM2: result.visibleAreaM2, inRangeAreaM2: result.inRangeAreaM2, visiblePercent: r3(result.visiblePercent), cellM: result.grid.cellSizeM },
    { kind: 'viewshed', result },
  );
}

async function skyline(inputs: ToolInputs<'skyline'>, ctx: ToolComputeContext): Promise<ToolComputeOutcome> {
  const o = inputs.points[0];
  if (!o) return fail('too-few-points', 'a viewpoint');
  const p = inputs.params;
  const viewpoint = p.source === 'pick' ? raise(o, p.eyeHeightM) : o;
  const run = (buildings: ToolComputeContext['buildings'], share: [number, number]): Promise<SkylineProfile> =>
    computeSkylineAsync({
      casters: castersNear(buildings, [viewpoint], p.distanceM), viewpoint, headingDeg: p.headingDeg, horizontalFovDeg: p.horizontalFovDeg,
      maxDistanceM: p.distanceM,
      onProgress: (d, t) => ctx.onProgress?.(share[0] + (share[1] - share[0]) * (t > 0 ? d / t : 1)),
      shouldCancel: () => ctx.shouldCancel?.() ?? false,
    });
  const compare = ctx.existing && ctx.existing !== ctx.buildings;
  const profile = await run(ctx.buildings, [0, compare ? 0.5 : 1]);
  if (profile.cancelled) return fail('cancelled', 'cancelled');
  const existing = compare ? await run(ctx.existing!, [0.5, 1]) : null;
  if (existing?.cancelled) return fail('cancelled', 'cancelled');
  const comparison = existing ? compareProfiles(existing, profile) : null;
  let maxEl = 0;
  for (let i = 0; i < profile.count; i++) maxEl = Math.max(maxEl, profile.elevationDeg[i]!);
  return done(
    {
      samples: profile.count, maxElevationDeg: maxEl, skyShare: r3(skyShare(profile)),
      skyViewFactor: profile.full360 ? r3(skyViewFactor(profile)) : null,
      areaBetweenDeg2: comparison ? comparison.areaBetweenDeg2 : null,
      higherAreaDeg2: comparison ? comparison.higherAreaDeg2 : null,
    },
    { kind: 'skyline', profile, existing, comparison },
  );
}

function section(inputs: ToolInputs<'section'>): ToolComputeOutcome {
  const c = inputs.points[0];
  if (!c) return fail('too-few-points', 'a point');
  const p = inputs.params;
  return p.shape === 'box'
    ? done({ shape: 'box', sizeXM: p.sizeM[0], sizeYM: p.sizeM[1], sizeZM: p.sizeM[2], headingDeg: p.headingDeg })
    : done({ shape: 'plane', normalX: r3(p.normal[0]), normalY: r3(p.normal[1]), normalZ: r3(p.normal[2]) });
}

export async function computeTool(inputs: AnyToolInputs, ctx: ToolComputeContext): Promise<ToolComputeOutcome> {
  try {
    const m = measure(inputs, ctx.groundZ ?? 0);
    if (m) return m;
    switch (inputs.kind) {
      case 'height-limit':
        return heightLimit(inputs, ctx);
      case 'sight-line':
        return sightLine(inputs, ctx);
      case 'viewshed':
        return await viewshed(inputs, ctx);
      case 'skyline':
        return await skyline(inputs, ctx);
      case 'section':
        return section(inputs);
      default:
        return fail('unknown-kind', `no compute for ${(inputs as { kind: string }).kind}`);
    }
  } catch (e) {
    // A bad input the analyses refuse (VisibilityInputError) must not take the panel down.
    return fail('compute-failed', e instanceof Error ? e.message : String(e));
  }
}
