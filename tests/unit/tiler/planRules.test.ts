/** The pure steps behind plan.json, on hand-made geometry with known answers. */
import { describe, expect, it } from 'vitest';
import { polygonArea, ringSignedArea } from '../../../src/analysis/planning/polygon';
import type { ZonePlan } from '../../../src/analysis/planning/types';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { redLines } from '../../../src/tiler/plan/controlLines';
import { derivePlots, type PlanBlock } from '../../../src/tiler/plan/derivePlots';
import { planRulesSchema, type PlanRules } from '../../../src/tiler/plan/planRules';
import { plotLimits } from '../../../src/tiler/plan/plotLimits';
import { bufferConvex } from '../../../src/tiler/plan/purpleLines';
import { formatPlanJson, roundRing } from '../../../src/tiler/plan/writeZonePlan';
import type { GroundInput, Ring } from '../../../src/tiler/types';

const none = { farMax: null, heightMaxM: null, densityMax: null, greenRatioMin: null };
const rules: PlanRules = planRulesSchema.parse({
  prefix: 'TS',
  classDefaults: {
    R: { farMax: 2, heightMaxM: 80, densityMax: 0.3, greenRatioMin: 0.35 },
    B: { farMax: 3, heightMaxM: 100, densityMax: 0.5, greenRatioMin: 0.2 },
    A: none, M: none, W: none, S: none, U: none, E: none,
    G: { farMax: 0, heightMaxM: null, densityMax: 0, greenRatioMin: 0.7 },
  },
  core: { water: ['lake'], withinM: 100, limits: { B: { farMax: 4, heightMaxM: 150, densityMax: 0.45, greenRatioMin: 0.2 } } },
  overrides: { 'B-2': { heightMaxM: 120, $why: 'test' } },
  purpleLineMarginM: 30,
  sites: [{ id: 'site-a', block: 'B-1', name: { zh: '测试', en: 'Test' } }],
});
const square = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];

describe('plot limits', () => {
  it('applies class default, then core limits near the core water, then the named override fields', () => {
    expect(plotLimits(rules, 'B', 'B-9', false)).toEqual({ limits: rules.classDefaults.B, origin: 'class' });
    expect(plotLimits(rules, 'B', 'B-9', true)).toEqual({ limits: rules.core.limits.B, origin: 'core' });
    expect(plotLimits(rules, 'R', 'R-1', true).origin).toBe('class');
    expect(plotLimits(rules, 'B', 'B-2', true)).toEqual({ limits: { ...rules.core.limits.B, heightMaxM: 120 }, origin: 'override' });
    expect(plotLimits(rules, 'E', 'E-1', false).limits).toEqual(none);
  });

  it('derives plot codes, core context and cuts landmark sites out of the block they lie in', () => {
    const blocks: PlanBlock[] = [
      { code: 'B-1', kind: 'landuse', landUse: 'B', name: { zh: 'b1', en: 'b1' }, ring: square(0, 0, 100) },
      { code: 'B-2', kind: 'landuse', landUse: 'B', name: { zh: 'b2', en: 'b2' }, ring: square(1000, 0, 100) },
      { code: 'way/9', kind: 'site', landUse: 'A', name: { zh: '寺', en: 'Temple' }, ring: square(40, 40, 20) },
    ];
    const { plots } = derivePlots(rules, blocks, [square(150, 0, 50)]);
    expect(plots.map((p) => p.code)).toEqual(['TS-B-1', 'TS-B-2', 'TS-A-S01']);
    const [b1, b2, site] = plots as [typeof plots[0], typeof plots[0], typeof plots[0]];
    expect(b1.limits.farMax).toBe(4);
    expect(b2.limits).toEqual({ ...rules.classDefaults.B, heightMaxM: 120 });
    expect(polygonArea(b1.ring, b1.holes)).toBeCloseTo(10000 - 400, 6);
    expect(b1.holes).toHaveLength(1);
    expect(site.id).toBe('plot:way/9');
    expect(() => derivePlots({ ...rules, overrides: { 'X-1': { $why: 'x' } } }, blocks, [])).toThrow(/unknown block/);
  });
});

describe('purple line buffer', () => {
  it('grows a point into a circle and a square into a rounded square of the right area', () => {
    const circle = bufferConvex([[5, 5]], 30);
    for (const [x, y] of circle) expect(Math.hypot(x - 5, y - 5)).toBeCloseTo(30, 9);
    expect(ringSignedArea(circle)).toBeGreaterThan(0.97 * Math.PI * 900);
    const rounded = bufferConvex(square(0, 0, 10), 30);
    expect(ringSignedArea(rounded)).toBeGreaterThan(0);
    // Minkowski sum of a square and a disc: s² + 4·s·r + π·r² (the polygon arcs are slightly inside).
    const exact = 100 + 4 * 10 * 30 + Math.PI * 900;
    expect(ringSignedArea(rounded)).toBeLessThanOrEqual(exact);
    expect(ringSignedArea(rounded)).toBeGreaterThan(0.98 * exact);
    for (const [x, y] of rounded) expect(Math.hypot(Math.max(0, Math.abs(x - 5) - 5), Math.max(0, Math.abs(y - 5) - 5))).toBeCloseTo(30, 6);
  });
});

describe('red lines', () => {
  it('merges the pieces of one named road through its junction pad into one outline', () => {
    const graph = {
      nodes: [], edges: [
        { id: 1, from: 10, to: 11, name: '测试路', nameEn: 'Test Road' },
        { id: 2, from: 11, to: 12, name: '测试路', nameEn: 'Test Road' },
        { id: 3, from: 11, to: 13, name: '', nameEn: '' },
      ],
    } as unknown as RoadGraph;
    const road = (id: string, ring: Ring): GroundInput => ({ id, kind: 'road', landUse: 'S', name: '', polygon: ring });
    const ground = [
      road('road:1:0', [[0, -5], [100, -5], [100, 5], [0, 5]]),
      road('road:2:0', [[104, -5], [200, -5], [200, 5], [104, 5]]),
      road('junction:11', [[97, -7], [107, -7], [107, 7], [97, 7]]),
      road('road:3:0', [[98, 6], [106, 6], [106, 80], [98, 80]]),
    ];
    const lines = redLines(graph, ground);
    expect(lines.map((l) => l.name.en)).toEqual(['Local street', 'Test Road']);
    // Both carriageway pieces plus the pad, minus the two 3 × 10 m overlaps; one outline, no gap.
    expect(lines).toHaveLength(2);
    expect(ringSignedArea(lines[1]!.ring)).toBeCloseTo(1000 + 960 + 140 - 30 - 30, 6);
    // The pad belongs to every road meeting there, so the side street reaches the junction too.
    expect(ringSignedArea(lines[0]!.ring)).toBeCloseTo(592 + 140 - 8, 6);
  });
});

describe('plan.json formatting', () => {
  it('rounds rings to centimetres, drops the repeated vertices that leaves and refuses NaN', () => {
    expect(roundRing([[0.001, 0.004], [0.002, 0.001], [10.006, 0], [10, 10], [0.004, 0.002]])).toEqual([[0, 0], [10.01, 0], [10, 10]]);
    const plan: ZonePlan = { version: 1, zoneId: 't', illustrative: true, plots: [], controlLines: [], sites: [], schemes: [] };
    expect(formatPlanJson(plan)).toBe('{"version":1,"zoneId":"t","illustrative":true,"plots":[],"controlLines":[],"sites":[],"schemes":[]}\n');
    const bad = { ...plan, controlLines: [{ id: 'x', kind: 'red' as const, name: { zh: 'x', en: 'x' }, ring: [[0, 0], [1, 0], [Number.NaN, 1]] as Ring }] };
    expect(() => formatPlanJson(bad)).toThrow(/non-finite/);
  });
});
