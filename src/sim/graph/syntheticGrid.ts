/**
 * A small rectangular street grid for tests, benchmarks and demos before a zone's real roads.json
 * exists. Interior crossings are signalised; the outer ring is not, like a district edge.
 */
import type { RoadClass, RoadEdge, RoadGraph, RoadNode } from '../../core/roadGraph';

export interface GridOptions {
  cols: number;
  rows: number;
  spacingM: number;
  zoneId?: string;
  lanes?: number;
  speedLimitKmh?: number;
  /** Every n-th row and column becomes a primary arterial with more lanes. */
  arterialEvery?: number;
}

export function createGridRoadGraph(o: GridOptions): RoadGraph {
  const nodes: RoadNode[] = [];
  const edges: RoadEdge[] = [];
  const id = (c: number, r: number) => r * o.cols + c;
  const x0 = (-(o.cols - 1) * o.spacingM) / 2;
  const y0 = (-(o.rows - 1) * o.spacingM) / 2;
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const interior = c > 0 && r > 0 && c < o.cols - 1 && r < o.rows - 1;
      nodes.push({ id: id(c, r), x: x0 + c * o.spacingM, y: y0 + r * o.spacingM, signalised: interior });
    }
  }
  const every = o.arterialEvery ?? 0;
  const add = (a: RoadNode, b: RoadNode, lineIndex: number, axis: 'ew' | 'ns') => {
    const arterial = every > 0 && lineIndex % every === 0;
    const roadClass: RoadClass = arterial ? 'primary' : 'secondary';
    const lengthM = Math.hypot(b.x - a.x, b.y - a.y);
    // A mid point makes polylines non-trivial, so position interpolation is exercised.
    const mid: [number, number] = [(a.x + b.x) / 2, (a.y + b.y) / 2];
    edges.push({
      id: edges.length,
      from: a.id,
      to: b.id,
      points: [[a.x, a.y], mid, [b.x, b.y]],
      lengthM,
      lanes: arterial ? (o.lanes ?? 2) + 1 : o.lanes ?? 2,
      oneway: false,
      speedLimitKmh: arterial ? (o.speedLimitKmh ?? 50) + 10 : o.speedLimitKmh ?? 50,
      roadClass,
      name: `${axis === 'ew' ? '东西' : '南北'}路${lineIndex}`,
      nameEn: `${axis === 'ew' ? 'EW' : 'NS'} Road ${lineIndex}`,
      source: 'skeleton',
    });
  };
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const n = nodes[id(c, r)]!;
      if (c + 1 < o.cols) add(n, nodes[id(c + 1, r)]!, r, 'ew');
      if (r + 1 < o.rows) add(n, nodes[id(c, r + 1)]!, c, 'ns');
    }
  }
  return { version: 1, zoneId: o.zoneId ?? 'synthetic', nodes, edges };
}
