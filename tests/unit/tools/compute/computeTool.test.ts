/**
 * The tools' compute on hand-made geometry with known answers: what the panel shows and the
 * hook reports for each kind, computed from the inputs and the state's buildings alone.
 */
import { describe, expect, it } from 'vitest';
import type { Plot } from '../../../../src/analysis/planning/types';
import { computeTool, type ToolComputeContext } from '../../../../src/tools/compute/computeTool';
import { buildingsNear } from '../../../../src/tools/compute/castersNear';
import { definitionOf } from '../../../../src/tools/toolKinds';
import type { AnyToolInputs, ToolKind, Vec3 } from '../../../../src/tools/toolTypes';

const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const bldg = (id: string, r: [number, number][], heightM: number) => ({ id, name: { zh: id, en: id }, footprint: r, heightM, baseM: 0 });

/** A 60 m tower at x 40–60, a 20 m block far east at x 400–420. */
const CITY = [bldg('tower', rect(40, -10, 60, 10), 60), bldg('far', rect(400, -10, 420, 10), 20)];
const PLOT = { id: 'plot:1', code: 'P-1', ring: rect(0, -50, 100, 50), limits: { farMax: null, heightMaxM: 50, densityMax: null, greenRatioMin: null } } as unknown as Plot;
const ctx: ToolComputeContext = { buildings: CITY, plots: [PLOT], groundZ: 0 };

function inputs<K extends ToolKind>(kind: K, points: Vec3[], params: Record<string, unknown> = {}): AnyToolInputs {
  return { kind, points, params: { ...definitionOf(kind).defaultParams, ...params } } as unknown as AnyToolInputs;
}

async function values(i: AnyToolInputs, c: ToolComputeContext = ctx) {
  const out = await computeTool(i, c);
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('computeTool', () => {
  it('measures a 3-4-5 slant, an L-shaped area, a height and a bearing', async () => {
    expect((await values(inputs('measure-distance', [[0, 0, 0], [3, 0, 4]]))).values).toEqual({ distanceM: 5, horizontalM: 3, verticalM: 4 });
    const l = await values(inputs('measure-area-horizontal', [[0, 0, 0], [10, 0, 0], [10, 5, 0], [5, 5, 0], [5, 10, 0], [0, 10, 0]]));
    expect(l.values.areaM2).toBeCloseTo(75, 9);
    expect(l.values.perimeterM).toBeCloseTo(40, 9);
    const facade = await values(inputs('measure-area-surface', [[40, -10, 0], [40, 10, 0], [40, 10, 60], [40, -10, 60]]));
    expect(facade.values.areaM2).toBeCloseTo(1200, 6);
    // Tilt from the horizontal: a facade stands at 90°.
    expect(facade.values.tiltDeg).toBeCloseTo(90, 6);
    expect((await values(inputs('measure-height', [[50, 0, 60]]))).values.heightM).toBe(60);
    expect((await values(inputs('measure-bearing', [[0, 0, 0], [10, 10, 0]]))).values.bearingDeg).toBeCloseTo(45, 9);
  });

  it('a 50 m limit on a 60 m box gives 10 m of excess, from a plot or a drawn polygon', async () => {
    const fromPlot = await values(inputs('height-limit', [], { mode: 'plot', plotId: 'plot:1' }));
    expect(fromPlot.values).toMatchObject({ limitM: 50, checked: 1, over: 1, maxExcessM: 10, plotId: 'plot:1' });
    expect(fromPlot.payload?.kind === 'height-limit' && fromPlot.payload.report.exceedances.map((e) => [e.id, e.excessM])).toEqual([['tower', 10]]);
    const drawn = await values(inputs('height-limit', [[0, -50, 0], [100, -50, 0], [100, 50, 0], [0, 50, 0]], { mode: 'value', limitM: 70 }));
    expect(drawn.values).toMatchObject({ over: 0, maxExcessM: 0 });
    const none = await computeTool(inputs('height-limit', [], { mode: 'plot', plotId: 'nope' }), ctx);
    expect(none.ok).toBe(false);
  });

  it('a sight line through the tower is blocked by it, one beside it is clear', async () => {
    const out = await values(inputs('sight-line', [[0, 0, 0], [100, 0, 0], [100, 40, 0]], { eyeHeightM: 1.6, targetHeightM: 1.6 }));
    expect(out.values).toMatchObject({ targets: 2, visible: 1, hidden: 1, blockers: 'tower', firstBlockerId: 'tower' });
    const lines = out.payload?.kind === 'sight-line' ? out.payload.lines : [];
    expect(lines[0]!.blockDistanceM).toBeCloseTo(40, 6);
  });

  it('the skyline of the tower seen from 40 m away peaks at atan(58.4 / 40)', async () => {
    const out = await values(inputs('skyline', [[0, 0, 0]], { source: 'pick', eyeHeightM: 1.6, headingDeg: 90, horizontalFovDeg: 60, distanceM: 300 }));
    expect(out.values.maxElevationDeg as number).toBeCloseTo((Math.atan2(58.4, 40) * 180) / Math.PI, 1);
    // A scheme state compared with today: the same city, so nothing between the lines.
    const cmp = await values(inputs('skyline', [[0, 0, 0]], { source: 'pick', headingDeg: 90, horizontalFovDeg: 60, distanceM: 300 }), { ...ctx, existing: [...CITY] });
    expect(cmp.values.areaBetweenDeg2).toBe(0);
  });

  it('a viewshed reports its visible share and never NaN', async () => {
    const out = await values(inputs('viewshed', [[0, 0, 0]], { mode: '360', distanceM: 100 }));
    expect(out.values.visiblePercent as number).toBeGreaterThan(50);
    expect(out.values.visiblePercent as number).toBeLessThan(100);
    expect(Object.values(out.values).every((v) => typeof v !== 'number' || Number.isFinite(v))).toBe(true);
  });

  it('turns a failing analysis into a failure, not an exception', async () => {
    const out = await computeTool(inputs('measure-distance', [[0, 0, 0], [Number.NaN, 0, 0]]), ctx);
    expect(out.ok).toBe(false);
  });
});

describe('buildingsNear', () => {
  it('keeps the buildings within reach of the points and the corridor between them', () => {
    expect(buildingsNear(CITY, [[0, 0, 0]], 20).map((b) => b.id)).toEqual([]);
    expect(buildingsNear(CITY, [[0, 0, 0]], 45).map((b) => b.id)).toEqual(['tower']);
    expect(buildingsNear(CITY, [[0, 30, 0], [500, 30, 0]], 25).map((b) => b.id)).toEqual(['tower', 'far']);
  });
});
