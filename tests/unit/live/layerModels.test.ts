/** Pure models of the live layers: picking, ribbons, heatmap, bus arrivals, signal heads, labels, RSU discs. */
import { describe, expect, it } from 'vitest';
import { Matrix4, PerspectiveCamera } from 'three';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { CONGESTION_BOUNDS, congestionColor, congestionLevel, hexToRgb, NO_DATA_COLOR } from '../../../src/analysis/live/congestion';
import { estimateLabelSize } from '../../../src/layers/live/LabelOverlay';
import { metresPerPixelPerMetre, nearestIndices, pickNearest, screenScale } from '../../../src/layers/live/model';
import { buildRibbons, FLOW_GAIN, FLOW_MIN, paintSegment, quantiseRatio, RATIO_STEPS } from '../../../src/layers/roads/model';
import { coverageGeometryArrays, DISC_ALPHA, RIM_ALPHA } from '../../../src/layers/rsu/model';
import { AQI_SCALE, heatExtent, renderHeatmap, scaleColor } from '../../../src/layers/sensors/model';
import { countdownText, headPosition, SIGNAL_HEAD_BACK_M, SIGNAL_HEAD_RIGHT_M } from '../../../src/layers/signals/model';
import { ARRIVALS_PER_STOP, OVERDUE_DROP_S, stopArrivals } from '../../../src/layers/stops/model';

describe('screen-space picking', () => {
  const cam = new PerspectiveCamera(45, 2, 1, 10_000);
  cam.position.set(0, 500, 0.001);
  cam.lookAt(0, 0, 0);
  cam.updateMatrixWorld();
  const vp = new Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).elements;
  const xs = [0, 50, -50, 0], ys = [0, 0, 0, 3];

  it('finds the nearest point within the radius, and nothing outside it', () => {
    // Looking straight down: the zone origin is at the centre of an 800×400 canvas.
    const hit = pickNearest(3, (i) => xs[i]!, (i) => ys[i]!, 0, () => true, vp, 800, 400, 400, 200, 10);
    expect(hit?.index).toBe(0);
    expect(hit!.distPx).toBeLessThan(1);
    expect(pickNearest(3, (i) => xs[i]!, (i) => ys[i]!, 0, () => true, vp, 800, 400, 600, 50, 10)).toBeNull();
    expect(pickNearest(3, (i) => xs[i]!, (i) => ys[i]!, 0, (i) => i !== 0, vp, 800, 400, 400, 200, 10)).toBeNull();
  });

  it('north in ENU is up on a north-up screen; points behind the camera or NaN are skipped', () => {
    const up = pickNearest(4, (i) => xs[i]!, (i) => ys[i]!, 0, (i) => i === 3, vp, 800, 400, 400, 190, 20);
    expect(up?.index).toBe(3);
    expect(pickNearest(1, () => Number.NaN, () => 0, 0, () => true, vp, 800, 400, 400, 200, 50)).toBeNull();
    expect(pickNearest(1, () => 0, () => 0, 900, () => true, vp, 800, 400, 400, 200, 50)).toBeNull();
  });

  it('nearestIndices sorts by distance and caps the count', () => {
    const out: number[] = [];
    nearestIndices(4, (i) => xs[i]!, (i) => ys[i]!, () => true, 40, 0, 100, 2, out);
    expect(out).toEqual([1, 0]);
    nearestIndices(4, (i) => xs[i]!, (i) => ys[i]!, () => true, 40, 0, 5, 10, out);
    expect(out).toEqual([]);
  });

  it('screen size: a marker is enlarged only when it would be smaller than minPx', () => {
    const k = metresPerPixelPerMetre(45, 900);
    expect(k).toBeCloseTo((2 * Math.tan(Math.PI / 8)) / 900, 12);
    expect(screenScale(10, k, 10, 5)).toBe(1);
    const far = screenScale(10_000, k, 10, 5);
    expect(far * 5).toBeCloseTo(10_000 * k * 10, 6);
    expect(metresPerPixelPerMetre(45, 0)).toBe(0);
  });
});

describe('congestion ribbons', () => {
  const graph: RoadGraph = {
    version: 1, zoneId: 'z', nodes: [],
    edges: [
      { id: 1, from: 1, to: 2, points: [[0, 0], [100, 0], [100, 50]], lengthM: 150, lanes: 2, oneway: false, speedLimitKmh: 60, roadClass: 'primary', name: '', nameEn: '', source: 'osm' },
      { id: 2, from: 2, to: 3, points: [[0, 0], [0, 80]], lengthM: 80, lanes: 1, oneway: true, speedLimitKmh: 40, roadClass: 'tertiary', name: '', nameEn: '', source: 'osm' },
    ],
  };
  const r = buildRibbons(graph, 0.9);

  it('one ribbon per direction, named as the feed names segments', () => {
    expect([...r.segments.keys()].sort()).toEqual(['1:f', '1:r', '2:f']);
    expect(r.index.length % 3).toBe(0);
    expect(Math.max(...r.index)).toBeLessThan(r.vertexCount);
  });

  it('distance along grows in the direction of travel, for both directions', () => {
    for (const key of ['1:f', '1:r']) {
      const s = r.segments.get(key)!;
      const along = Array.from(r.along.slice(s.start, s.start + s.count));
      expect(along[0]).toBe(0);
      expect(along.at(-1)).toBeCloseTo(150, 6);
    }
    // The reverse direction starts at the forward direction's end point (three.js x = east, z = −north).
    const rev = r.segments.get('1:r')!;
    expect([r.position[rev.start * 3], r.position[rev.start * 3 + 2]]).toEqual([100, -50]);
  });

  it('two-way ribbons lie right of travel; one-way ones are centred', () => {
    const f = r.segments.get('1:f')!;
    // Travelling east, right is south: three.js +z. The side vector is (x, z) = (0, 1).
    expect([r.side[f.start * 2], r.side[f.start * 2 + 1]]).toEqual([0, 1]);
    expect(r.lateral[f.start]).toBeGreaterThan(0);
    const o = r.segments.get('2:f')!;
    expect(r.lateral[o.start]! + r.lateral[o.start + 1]!).toBeCloseTo(0, 9);
  });

  it('paints speed over free flow with the congestion scale; no reading or stale is grey and still', () => {
    const color = new Float32Array(r.vertexCount * 3), flow = new Float32Array(r.vertexCount);
    const f = r.segments.get('1:f')!;
    paintSegment(f, { speedKmh: 15, stale: false }, color, flow);
    const want = congestionColor(0.25);
    for (let k = 0; k < 3; k++) expect(color[f.start * 3 + k]).toBeCloseTo(want[k]!, 6);
    expect(flow[f.start]).toBeCloseTo(FLOW_MIN + FLOW_GAIN * 0.25, 6);
    paintSegment(f, { speedKmh: 15, stale: true }, color, flow);
    expect(Array.from(color.slice(f.start * 3, f.start * 3 + 3)).map((x) => Math.round(x * 255))).toEqual(hexToRgb(NO_DATA_COLOR).map((x) => Math.round(x * 255)));
    expect(flow[f.start]).toBe(0);
  });

  it('reports a change only when the painted step changes, so unchanged segments are not re-uploaded', () => {
    const color = new Float32Array(r.vertexCount * 3), flow = new Float32Array(r.vertexCount);
    const f = r.segments.get('1:f')!;
    expect(paintSegment(f, { speedKmh: 15, stale: false }, color, flow)).toBe(true);
    expect(paintSegment(f, { speedKmh: 15, stale: false }, color, flow)).toBe(false);
    // 15 km/h over the edge's free flow is 0.25; a few hundredths of a km/h stay in the same step.
    expect(paintSegment(f, { speedKmh: 15.05, stale: false }, color, flow)).toBe(false);
    expect(paintSegment(f, { speedKmh: 30, stale: false }, color, flow)).toBe(true);
    expect(paintSegment(f, null, color, flow)).toBe(true);
    expect(paintSegment(f, { speedKmh: 30, stale: true }, color, flow)).toBe(false);
    // Every vertex of the segment carries the paint, and no other segment's vertex was touched.
    const rev = r.segments.get('1:r')!;
    for (let v = f.start; v < f.start + f.count; v++) expect(flow[v]).toBe(0);
    expect(paintSegment(f, { speedKmh: 30, stale: false }, color, flow)).toBe(true);
    for (let v = f.start; v < f.start + f.count; v++) expect(flow[v]).toBe(flow[f.start]);
    expect(flow[rev.start]).toBe(0);
  });

  it('quantises ratios down to 1/RATIO_STEPS, never across a congestion bound, and keeps NaN as no data', () => {
    expect(quantiseRatio(0.251)).toBe(0.25);
    const q = quantiseRatio(0.737);
    expect(q).toBeLessThanOrEqual(0.737);
    expect(0.737 - q).toBeLessThan(1 / RATIO_STEPS);
    for (const bound of Object.values(CONGESTION_BOUNDS)) {
      expect(congestionLevel(quantiseRatio(bound))).toBe(congestionLevel(bound));
      expect(congestionLevel(quantiseRatio(bound - 1e-6))).toBe(congestionLevel(bound - 1e-6));
    }
    expect(quantiseRatio(Number.NaN)).toBeNaN();
    expect(quantiseRatio(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});

describe('heatmap', () => {
  const pts = [{ x: 0, y: 0, v: 40 }, { x: 1000, y: 0, v: 160 }];
  it('covers the stations plus the fade radius', () => {
    const g = heatExtent(pts, 500, 32)!;
    expect([g.minX, g.maxX, g.minY, g.maxY]).toEqual([-500, 1500, -500, 500]);
    expect(g.width).toBe(32);
    expect(g.height).toBe(16);
    expect(heatExtent([], 500, 32)).toBeNull();
  });

  it('shows a station\'s own category at the station, fades to transparent beyond the radius, row 0 south', () => {
    const out = new Uint8Array(4);
    renderHeatmap(pts, { minX: -0.5, maxX: 0.5, minY: -0.5, maxY: 0.5, width: 1, height: 1 }, AQI_SCALE, 300, 0.5, out);
    const c = [0, 0, 0];
    scaleColor(AQI_SCALE, 40, c);
    expect(out[0]).toBe(Math.round(c[0]! * 255));
    expect(out[1]).toBe(Math.round(c[1]! * 255));
    expect(out[3]).toBe(Math.round(0.5 * 255));
    const far = new Uint8Array(4);
    renderHeatmap(pts, { minX: 5000, maxX: 5010, minY: 0, maxY: 10, width: 1, height: 1 }, AQI_SCALE, 300, 0.5, far);
    expect(far[3]).toBe(0);
    const rows = new Uint8Array(1 * 2 * 4);
    renderHeatmap([{ x: 0, y: -100, v: 300 }], { minX: -5, maxX: 5, minY: -100, maxY: 100, width: 1, height: 2 }, AQI_SCALE, 150, 1, rows);
    expect(rows[3]).toBeGreaterThan(rows[7]!);
  });

  it('uses China\'s AQI bands', () => {
    const c = [0, 0, 0];
    expect(scaleColor(AQI_SCALE, 50, c).map((x) => Math.round(x * 255))).toEqual([0, 228, 0]);
    expect(scaleColor(AQI_SCALE, 151, c).map((x) => Math.round(x * 255))).toEqual([255, 0, 0]);
  });
});

describe('bus arrivals at stops', () => {
  const T = 1_800_000_000_000;
  const v = {
    highWater: 3,
    alive: [1, 1, 1], stale: [0, 0, 1], ids: ['B-1', 'B-2', 'B-3'],
    lines: [
      { id: 'L1', ts: T, nextStops: [{ stopId: 's1', etaS: 120 }, { stopId: 's2', etaS: 400 }] },
      { id: 'L1', ts: T - 10_000, nextStops: [{ stopId: 's1', etaS: 30 }, { stopId: 's2', etaS: 100 }] },
      { id: 'L2', ts: T, nextStops: [{ stopId: 's1', etaS: 5 }] },
    ],
  };

  it('counts ETAs down from each report at the time scale and sorts them', () => {
    const m = stopArrivals(v, T, 1);
    expect(m.get('s1')).toEqual([{ vehicleId: 'B-2', lineId: 'L1', etaS: 20 }, { vehicleId: 'B-1', lineId: 'L1', etaS: 120 }]);
    // At 60×, one second is a minute of feed time: B-1 is a minute out, B-2's old report is long overdue.
    const fast = stopArrivals(v, T + 1000, 60);
    expect(fast.get('s1')!.map((a) => [a.vehicleId, a.etaS])).toEqual([['B-1', 60]]);
  });

  it('drops stale buses and long-overdue predictions, and keeps at most ARRIVALS_PER_STOP', () => {
    const late = stopArrivals(v, T + (OVERDUE_DROP_S + 200) * 1000, 1);
    expect(late.get('s1')).toBeUndefined();
    const many = { highWater: 5, alive: [1, 1, 1, 1, 1], stale: [0, 0, 0, 0, 0], ids: ['a', 'b', 'c', 'd', 'e'], lines: ['a', 'b', 'c', 'd', 'e'].map((_, i) => ({ id: 'L', ts: T, nextStops: [{ stopId: 's', etaS: 10 * i }] })) };
    expect(stopArrivals(many, T, 1).get('s')).toHaveLength(ARRIVALS_PER_STOP);
  });
});

describe('signal heads', () => {
  it('stand before the junction against the direction of travel, to its right', () => {
    const p = headPosition(0, 0, 0, [0, 0]);
    expect(p[0]).toBeCloseTo(SIGNAL_HEAD_RIGHT_M, 9);
    expect(p[1]).toBeCloseTo(-SIGNAL_HEAD_BACK_M, 9);
    const e = headPosition(0, 0, 90, [0, 0]);
    expect(e[0]).toBeCloseTo(-SIGNAL_HEAD_BACK_M, 9);
    expect(e[1]).toBeCloseTo(-SIGNAL_HEAD_RIGHT_M, 9);
  });

  it('count down in whole seconds, rounded up', () => {
    expect(countdownText(12.1)).toBe('13');
    expect(countdownText(0)).toBe('0');
    expect(countdownText(-3)).toBe('0');
    expect(countdownText(Number.NaN)).toBe('—');
  });
});

describe('labels and RSU discs', () => {
  it('estimates label boxes from text, wide characters counting double', () => {
    const a = estimateLabelSize('AB', { w: 0, h: 0 });
    const b = estimateLabelSize('下立交', { w: 0, h: 0 });
    const two = estimateLabelSize('x\ny', { w: 0, h: 0 });
    expect(b.w).toBeGreaterThan(a.w);
    expect(two.h).toBeGreaterThan(a.h);
  });

  it('RSU coverage is a unit disc with a brighter rim', () => {
    const g = coverageGeometryArrays(8);
    let maxR = 0;
    for (let i = 0; i < g.position.length; i += 3) maxR = Math.max(maxR, Math.hypot(g.position[i]!, g.position[i + 2]!));
    expect(maxR).toBeCloseTo(1, 6);
    expect(g.color[3]).toBeCloseTo(DISC_ALPHA, 6);
    expect(Array.from(g.color).filter((_, i) => i % 4 === 3).some((a) => Math.abs(a - RIM_ALPHA) < 1e-6)).toBe(true);
    expect(Math.max(...g.index)).toBeLessThan(g.position.length / 3);
  });
});
