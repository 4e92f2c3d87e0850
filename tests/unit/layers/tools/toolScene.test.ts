import { describe, expect, it } from 'vitest';
import { computeSkyline } from '../../../../src/analysis/visibility';
import { buildCasterBvh } from '../../../../src/analysis/sunlight/casters';
import { PointBuffer, SegmentBuffer, srgbHex } from '../../../../src/layers/tools/sceneBuffers';
import { ownsHandles, writeActive, writeResults, type ActiveBuffers, type ResultBuffers, type ToolSceneInput } from '../../../../src/layers/tools/toolScene';
import {
  BLOCKER_COLOR, CIRCLE_SEGMENTS, HIDDEN_COLOR, LIMIT_COLOR, ROLE_COLORS, SKYLINE_EXISTING_COLOR, SKYLINE_SCHEME_COLOR, VISIBLE_COLOR,
} from '../../../../src/layers/tools/toolShapes';
import type { ToolPayload } from '../../../../src/tools/compute/payloads';
import { createTool, toolReducer, type AnyToolState } from '../../../../src/tools/machine';
import { addResult, EMPTY_RESULTS, type ResultsList } from '../../../../src/tools/results';
import type { AnyToolInputs, PickHit, ToolKind } from '../../../../src/tools/toolTypes';

const g = (x: number, y: number, z = 0): PickHit => ({ point: [x, y, z], kind: 'ground' });

function tool(kind: ToolKind, hits: PickHit[], extra: { hover?: PickHit; finish?: boolean; params?: Record<string, unknown> } = {}): AnyToolState {
  let s = toolReducer(createTool(kind, extra.params as never) as AnyToolState, { type: 'start' });
  for (const h of hits) s = toolReducer(s, { type: 'place', hit: h });
  if (extra.finish) s = toolReducer(s, { type: 'finish' });
  if (extra.hover) s = { ...s, hover: extra.hover } as AnyToolState;
  return s;
}

const activeBuffers = (): ActiveBuffers => ({ active: new SegmentBuffer(4096), points: new PointBuffer(256), handles: new PointBuffer(16) });
const resultBuffers = (): ResultBuffers => ({ selected: new SegmentBuffer(8192), results: new SegmentBuffer(8192), points: new PointBuffer(256) });
const input = (t: AnyToolState | null, results: ResultsList = EMPTY_RESULTS, payloads: Record<string, ToolPayload> = {}): ToolSceneInput => ({
  tool: t, results, payloadOf: (id) => payloads[id] ?? null, live: null, groundZ: 0,
});

/** Segment i's ends as ENU (the buffer holds three's x, y = up, z = −north), float32 rounded off. */
function seg(b: SegmentBuffer, i: number): number[][] {
  const p = b.positions, o = 6 * i;
  const r = (v: number) => Math.round(v * 1e5) / 1e5 + 0;
  return [[r(p[o]!), r(-p[o + 2]!), r(p[o + 1]!)], [r(p[o + 3]!), r(-p[o + 5]!), r(p[o + 4]!)]];
}
const colourOf = (b: SegmentBuffer | PointBuffer, i: number, per: number) => Array.from(b.colors.subarray(per * i, per * i + 3));
const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 1e-6);

describe('scene buffers', () => {
  it('converts sRGB to linear', () => {
    expect(srgbHex(0xffffff)).toEqual([1, 1, 1]);
    expect(srgbHex(0x000000)).toEqual([0, 0, 0]);
    expect(srgbHex(0x808080)[0]).toBeCloseTo(0.2158605, 6);
  });

  it('stores ENU in three.js axes, drops non-finite input and counts what did not fit', () => {
    const b = new SegmentBuffer(2);
    expect(b.push(1, 2, 3, 4, 5, 6, [1, 0, 0])).toBe(true);
    expect(Array.from(b.positions.subarray(0, 6))).toEqual([1, 3, -2, 4, 6, -5]);
    expect(Array.from(b.colors.subarray(0, 6))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(b.push(Number.NaN, 0, 0, 1, 1, 1, [1, 1, 1])).toBe(false);
    expect(b.count).toBe(1);
    b.polyline([[0, 0, 0], [1, 0, 0], [1, 1, 0]], true, [0, 1, 0]);
    expect(b.count).toBe(2);
    expect(b.dropped).toBe(2);
    b.clear();
    expect([b.count, b.dropped]).toEqual([0, 0]);
    const p = new PointBuffer(1);
    expect(p.push(1, 2, 3, [0, 0, 1])).toBe(true);
    expect(Array.from(p.positions)).toEqual([1, 3, -2]);
    expect(p.push(0, 0, 0, [0, 0, 1])).toBe(false);
    expect(p.dropped).toBe(1);
  });

  it('closes a polyline with three points or more', () => {
    const b = new SegmentBuffer(8);
    b.polyline([[0, 0, 0], [1, 0, 0]], true, [1, 1, 1]);
    expect(b.count).toBe(1);
    b.clear();
    b.polyline([[0, 0, 0], [1, 0, 0], [1, 1, 0]], true, [1, 1, 1], 2);
    expect(b.count).toBe(3);
    expect(seg(b, 2)).toEqual([[1, 1, 2], [0, 0, 2]]);
  });
});

describe('the tool being drawn', () => {
  it('draws a distance as its slant with the horizontal and vertical legs', () => {
    const out = activeBuffers();
    writeActive(input(tool('measure-distance', [g(0, 0)], { hover: g(3, 0, 4) })), out);
    expect(out.active.count).toBe(3);
    expect(seg(out.active, 0)).toEqual([[0, 0, 0], [3, 0, 4]]);
    expect(seg(out.active, 1)).toEqual([[0, 0, 0], [3, 0, 0]]);
    expect(seg(out.active, 2)).toEqual([[3, 0, 0], [3, 0, 4]]);
    expect(near(colourOf(out.active, 0, 6), ROLE_COLORS.active.main)).toBe(true);
    expect(near(colourOf(out.active, 1, 6), ROLE_COLORS.active.hint)).toBe(true);
    // The placed point and the rubber-band point.
    expect(out.points.count).toBe(2);
  });

  it('closes a polygon through the pointer while placing, and on its points once finished', () => {
    const out = activeBuffers();
    const pts = [g(0, 0), g(10, 0), g(10, 10)];
    writeActive(input(tool('measure-area-horizontal', pts.slice(0, 2), { hover: g(10, 10) })), out);
    expect(out.active.count).toBe(3);
    expect(seg(out.active, 2)).toEqual([[10, 10, 0], [0, 0, 0]]);
    writeActive(input(tool('measure-area-horizontal', pts, { finish: true })), out);
    expect(out.active.count).toBe(3);
    expect(out.points.count).toBe(3);
  });

  it("draws a height limit's prism up to the limit while it is drawn", () => {
    const out = activeBuffers();
    const t = tool('height-limit', [g(0, 0), g(10, 0), g(10, 10)], { finish: true, params: { limitM: 50 } });
    expect(t.phase).toBe('editing');
    writeActive(input(t), out);
    // The ring on its points (3), the ring at 50 m (3), three verticals.
    expect(out.active.count).toBe(9);
    const tops = Array.from({ length: out.active.count }, (_, i) => seg(out.active, i)).filter(([a, b]) => a![2] === 50 && b![2] === 50);
    expect(tops).toHaveLength(3);
    expect(near(colourOf(out.active, 3, 6), LIMIT_COLOR)).toBe(true);
  });

  it('draws sight lines from the raised eye to each target', () => {
    const out = activeBuffers();
    writeActive(input(tool('sight-line', [g(0, 0), g(10, 0)], { hover: g(0, 20) })), out);
    // The eye's post, the placed target, the rubber-band target.
    expect(out.active.count).toBe(3);
    expect(seg(out.active, 0)).toEqual([[0, 0, 0], [0, 0, 1.6]]);
    expect(seg(out.active, 1)).toEqual([[0, 0, 1.6], [10, 0, 0]]);
    expect(seg(out.active, 2)[1]).toEqual([0, 20, 0]);
  });

  it("draws a viewshed's range circle, or its cone's sector", () => {
    const out = activeBuffers();
    writeActive(input(tool('viewshed', [g(0, 0)], { params: { distanceM: 100 } })), out);
    expect(out.active.count).toBe(1 + CIRCLE_SEGMENTS);
    const [a] = seg(out.active, 1);
    expect(Math.hypot(a![0]!, a![1]!)).toBeCloseTo(100, 3);
    writeActive(input(tool('viewshed', [g(0, 0)], { params: { distanceM: 100, mode: 'cone', horizontalFovDeg: 90 } })), out);
    expect(out.active.count).toBe(1 + CIRCLE_SEGMENTS / 4 + 2);
  });

  it("leaves the section being edited to the section layer's outline and handles, and draws nothing once cancelled", () => {
    const out = activeBuffers();
    const box = tool('section', [g(0, 0)]);
    expect(box.phase).toBe('editing');
    expect(ownsHandles(box)).toBe(false);
    writeActive(input(box), out);
    expect([out.active.count, out.handles.count]).toEqual([0, 0]);
    const d = tool('measure-distance', [g(0, 0), g(1, 0)]);
    expect(ownsHandles(d)).toBe(true);
    writeActive(input(toolReducer(tool('measure-polyline', [g(0, 0), g(5, 0)]), { type: 'cancel' })), out);
    expect([out.active.count, out.points.count, out.handles.count]).toEqual([0, 0, 0]);
  });
});

describe('kept results', () => {
  const inputsOf = (t: AnyToolState): AnyToolInputs => ({ kind: t.kind, points: t.points.map((p) => p.point), params: t.params }) as AnyToolInputs;
  const withResults = (...ts: AnyToolState[]): ResultsList =>
    ts.reduce((l, t) => addResult(l, { inputs: inputsOf(t), values: {}, createdAt: 0 }), EMPTY_RESULTS);

  it("outlines a section box thin when it is not the one the section layer shows", () => {
    const box = tool('section', [g(0, 0)]);
    const list = withResults(box, box);
    const out = resultBuffers();
    writeResults(input(null, list), out);
    expect(out.results.count).toBe(12);
    expect(out.selected.count).toBe(0);
  });

  it('draws the selected result wide and the others thin', () => {
    const d = tool('measure-distance', [g(0, 0), g(10, 0)]);
    const list = withResults(d, d);
    expect(list.selectedId).toBe('r2');
    const out = resultBuffers();
    writeResults(input(null, list), out);
    expect(out.selected.count).toBe(3);
    expect(out.results.count).toBe(3);
    expect(near(colourOf(out.selected, 0, 6), ROLE_COLORS.selected.main)).toBe(true);
    expect(near(colourOf(out.results, 0, 6), ROLE_COLORS.result.main)).toBe(true);
    expect(out.points.count).toBe(4);
  });

  it('splits a sight line at its blocker: visible green, hidden red, the blocker marked', () => {
    const list = withResults(tool('sight-line', [g(0, 0), g(20, 0)]));
    const payload: ToolPayload = {
      kind: 'sight-line',
      observer: [0, 0, 1.6],
      lines: [{
        target: [20, 0, 0], distanceM: 20, visible: false, blockerId: 'b', blockDistanceM: 10, blockPoint: [10, 0, 0.8], clearFromM: 12,
        segments: [{ from: [0, 0, 1.6], to: [10, 0, 0.8], visible: true }, { from: [10, 0, 0.8], to: [20, 0, 0], visible: false }],
      }],
    };
    const out = resultBuffers();
    writeResults(input(null, list, { r1: payload }), out);
    expect(out.selected.count).toBe(2);
    expect(near(colourOf(out.selected, 0, 6), VISIBLE_COLOR)).toBe(true);
    expect(near(colourOf(out.selected, 1, 6), HIDDEN_COLOR)).toBe(true);
    expect(seg(out.selected, 1)[0]).toEqual([10, 0, 0.8]);
    // Observer, target, blocker.
    expect(out.points.count).toBe(3);
    expect(near(colourOf(out.points, 2, 3), BLOCKER_COLOR)).toBe(true);
  });

  it('draws existing and scheme skylines and counts their samples', () => {
    const eye: [number, number, number] = [0, 0, 1.6];
    const existing = computeSkyline({ casters: buildCasterBvh([]), viewpoint: eye, horizontalFovDeg: 40, stepDeg: 1 });
    const scheme = computeSkyline({
      casters: buildCasterBvh([{ id: 'A', footprint: [[-5, 50], [5, 50], [5, 60], [-5, 60]], heightM: 30, baseM: 0 }]),
      viewpoint: eye, horizontalFovDeg: 40, stepDeg: 1,
    });
    const list = withResults(tool('skyline', [g(0, 0)]));
    const out = resultBuffers();
    const samples = writeResults(input(null, list, { r1: { kind: 'skyline', profile: scheme, existing, comparison: null } }), out);
    expect(samples).toBe(existing.count + scheme.count);
    expect(out.selected.count).toBe(existing.count - 1 + scheme.count - 1);
    expect(near(colourOf(out.selected, 0, 6), SKYLINE_EXISTING_COLOR)).toBe(true);
    expect(near(colourOf(out.selected, existing.count - 1, 6), SKYLINE_SCHEME_COLOR)).toBe(true);
  });

  it("draws a height limit's polygon at the limit height from its payload", () => {
    const t = tool('height-limit', [], { params: { mode: 'plot', plotId: 'P1' } });
    const list = withResults(t);
    const payload: ToolPayload = {
      kind: 'height-limit',
      ring: [[0, 0], [10, 0], [10, 10], [0, 10]],
      report: { limitM: 50, checked: 1, over: 1, maxExcessM: 10, exceedances: [], skipped: [] },
      shader: { limitZ: 50, edges: new Float32Array(256), edgeCount: 4, bbox: [0, 0, 10, 10], simplified: false, maxDeviationM: 0 },
    };
    const out = resultBuffers();
    writeResults(input(null, list, { r1: payload }), out);
    // Top ring, ground ring, four verticals.
    expect(out.selected.count).toBe(12);
    expect(seg(out.selected, 0)).toEqual([[0, 0, 50], [10, 0, 50]]);
  });
});
