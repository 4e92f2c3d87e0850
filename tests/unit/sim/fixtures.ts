/** Synthetic road graphs for simulator tests: a regular grid and an irregular one with the awkward cases. */
import type { RoadEdge, RoadGraph, RoadNode } from '../../../src/core/roadGraph';
import { createRng } from '../../../src/core/rng';
import { createGridRoadGraph } from '../../../src/sim/graph/syntheticGrid';
import { shanghaiLocalTimeMs } from '../../../src/sim/time/simTime';

export const JIADING_ORIGIN = { lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 };

/** A weekday (Thursday 20 Nov 2025) at the given Shanghai local hour. */
export const weekdayAt = (hour: number, minute = 0) => shanghaiLocalTimeMs(2025, 11, 20, hour, minute);

export function grid(cols = 6, rows = 5, spacingM = 250): RoadGraph {
  return createGridRoadGraph({ cols, rows, spacingM, arterialEvery: 3, zoneId: 'jiading' });
}

/**
 * Jittered junctions, curved multi-point polylines, some one-way streets, a dead-end spur (U-turn
 * needed), a one-way sink, and a disconnected two-node fragment.
 */
export function irregularGraph(seed = 7): RoadGraph {
  const rng = createRng(seed);
  const nodes: RoadNode[] = [];
  const edges: RoadEdge[] = [];
  const cols = 5, rows = 4, sp = 280;
  const id = (c: number, r: number) => r * cols + c;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      nodes.push({ id: id(c, r), x: c * sp + rng.range(-40, 40), y: r * sp + rng.range(-40, 40), signalised: (c + r) % 2 === 0 && c > 0 && r > 0 });
    }
  }
  const add = (a: RoadNode, b: RoadNode, oneway: boolean, lanes: number) => {
    const pts: [number, number][] = [[a.x, a.y]];
    const k = 4;
    const nx = -(b.y - a.y), ny = b.x - a.x, nl = Math.hypot(nx, ny);
    const bend = rng.range(-25, 25);
    for (let i = 1; i < k; i++) {
      const t = i / k;
      const w = Math.sin(Math.PI * t) * bend;
      pts.push([a.x + (b.x - a.x) * t + (nx / nl) * w, a.y + (b.y - a.y) * t + (ny / nl) * w]);
    }
    pts.push([b.x, b.y]);
    let len = 0;
    for (let i = 1; i < pts.length; i++) len += Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
    edges.push({ id: edges.length + 100, from: a.id, to: b.id, points: pts, lengthM: len, lanes, oneway, speedLimitKmh: lanes > 1 ? 60 : 40,
      roadClass: lanes > 1 ? 'primary' : 'residential', name: `路${edges.length}`, nameEn: `Road ${edges.length}`, source: 'skeleton' });
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const n = nodes[id(c, r)]!;
      if (c + 1 < cols) add(n, nodes[id(c + 1, r)]!, r === 1, r === 2 ? 2 : 1);
      if (r + 1 < rows) add(n, nodes[id(c, r + 1)]!, c === 3, 1);
    }
  }
  const spur: RoadNode = { id: 900, x: -300, y: 100, signalised: false };
  nodes.push(spur);
  add(nodes[id(0, 0)]!, spur, false, 1);
  const sink: RoadNode = { id: 901, x: 1500, y: -200, signalised: false };
  nodes.push(sink);
  add(nodes[id(cols - 1, 0)]!, sink, true, 1);
  const f1: RoadNode = { id: 950, x: 3000, y: 3000, signalised: false };
  const f2: RoadNode = { id: 951, x: 3100, y: 3000, signalised: false };
  nodes.push(f1, f2);
  add(f1, f2, false, 1);
  return { version: 1, zoneId: 'jiading', nodes, edges };
}

/** Distance from a point to a polyline. */
export function distanceToPolyline(x: number, y: number, xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let best = Infinity;
  for (let i = 1; i < xs.length; i++) {
    const ax = xs[i - 1]!, ay = ys[i - 1]!, bx = xs[i]!, by = ys[i]!;
    const dx = bx - ax, dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}
