/**
 * Road lines (OSM ways and skeleton roads, ENU) → the RoadGraph the simulator drives on:
 * junction nodes where lines meet (vertices within NODE_MERGE_M are one place), edges between
 * them, signals on the junctions they stand at, and only the largest connected piece kept so a
 * vehicle can reach every edge it is given.
 */
import type { RoadEdge, RoadGraph, RoadNode } from '../../../core/roadGraph';
import { SpatialGrid } from '../geom/SpatialGrid';
import { polylineLength, type Pt } from '../geom/planar';
import { joinSkeletonLines, type RoadLine } from './joinLines';
import { largestWeakComponent, strongComponentSizes } from './components';

export const NODE_MERGE_M = 2;
/** A junction within this distance of a signal head is controlled by it. */
export const SIGNAL_RADIUS_M = 25;

export interface SignalPoint {
  x: number;
  y: number;
  /** "node/123" for a real OSM signal. */
  osmId?: string;
}

export interface RoadGraphStats {
  nodes: number;
  edges: number;
  droppedNodes: number;
  droppedEdges: number;
  components: number;
  largestStrongComponentNodes: number;
  signalisedNodes: number;
  osmSignalNodes: number;
  totalLengthM: number;
}

interface Cluster { x: number; y: number; uses: number; endpoint: boolean; forced: boolean }

function clusterVertices(lines: readonly RoadLine[], signals: readonly SignalPoint[]): { clusters: Cluster[]; ids: number[][] } {
  const grid = new SpatialGrid(NODE_MERGE_M * 4);
  const clusters: Cluster[] = [];
  const found: number[] = [];
  const find = (x: number, y: number): number => {
    let best = -1, bestD = NODE_MERGE_M;
    for (const c of grid.query(x - NODE_MERGE_M, y - NODE_MERGE_M, x + NODE_MERGE_M, y + NODE_MERGE_M, found)) {
      const d = Math.hypot(clusters[c]!.x - x, clusters[c]!.y - y);
      if (d <= bestD) { best = c; bestD = d; }
    }
    return best;
  };
  const ids = lines.map((line) => line.points.map((p, i) => {
    let c = find(p[0], p[1]);
    if (c < 0) {
      c = clusters.length;
      clusters.push({ x: p[0], y: p[1], uses: 0, endpoint: false, forced: false });
      grid.insert(c, p[0], p[1], p[0], p[1]);
    }
    const cl = clusters[c]!;
    cl.uses++;
    if (i === 0 || i === line.points.length - 1) cl.endpoint = true;
    return c;
  }));
  // A signal standing on a way vertex marks a place where traffic stops: make it a node.
  for (const s of signals) {
    const c = find(s.x, s.y);
    if (c >= 0) clusters[c]!.forced = true;
  }
  return { clusters, ids };
}

interface RawEdge { from: number; to: number; points: Pt[]; line: RoadLine }

function splitIntoEdges(lines: readonly RoadLine[], clusters: Cluster[], ids: number[][]): RawEdge[] {
  const isNode = (c: number): boolean => { const k = clusters[c]!; return k.endpoint || k.uses >= 2 || k.forced; };
  const edges: RawEdge[] = [];
  lines.forEach((line, li) => {
    const cid = ids[li]!;
    let start = cid[0]!;
    let pts: Pt[] = [[clusters[start]!.x, clusters[start]!.y]];
    let prev = start;
    for (let i = 1; i < line.points.length; i++) {
      const c = cid[i]!;
      if (c === prev) continue; // consecutive vertices merged into one place
      prev = c;
      const node = isNode(c);
      pts.push(node ? [clusters[c]!.x, clusters[c]!.y] : line.points[i]!);
      if (!node) continue;
      if (c === start) {
        // A closed loop back to its start: cut at its middle vertex so no edge is a self-loop.
        if (pts.length >= 4) {
          const mid = Math.floor(pts.length / 2);
          const m = pts[mid]!;
          const mc = clusters.length;
          clusters.push({ x: m[0], y: m[1], uses: 2, endpoint: false, forced: true });
          edges.push({ from: start, to: mc, points: pts.slice(0, mid + 1), line });
          edges.push({ from: mc, to: c, points: pts.slice(mid), line });
        }
      } else {
        edges.push({ from: start, to: c, points: pts, line });
      }
      start = c;
      pts = [[clusters[c]!.x, clusters[c]!.y]];
    }
  });
  return edges;
}

export function buildRoadGraph(
  zoneId: string,
  input: readonly RoadLine[],
  signals: readonly SignalPoint[],
): { graph: RoadGraph; stats: RoadGraphStats } {
  const lines: RoadLine[] = input
    .map((l) => ({ ...l, points: l.attrs.reversed ? [...l.points].reverse() : [...l.points] }))
    .filter((l) => l.points.length >= 2);
  joinSkeletonLines(lines);
  const { clusters, ids } = clusterVertices(lines, signals);
  const raw = splitIntoEdges(lines, clusters, ids).filter((e) => polylineLength(e.points) > 0);

  const keep = largestWeakComponent(clusters.length, raw);
  const nodeIndex = new Map<number, number>();
  const nodes: RoadNode[] = [];
  const degree: number[] = [];
  const edges: RoadEdge[] = [];
  const nodeOf = (c: number): number => {
    let i = nodeIndex.get(c);
    if (i === undefined) {
      i = nodes.length;
      nodeIndex.set(c, i);
      nodes.push({ id: i, x: clusters[c]!.x, y: clusters[c]!.y, signalised: false });
      degree.push(0);
    }
    return i;
  };
  let droppedEdges = 0;
  for (const e of raw) {
    if (!keep.has(e.from)) { droppedEdges++; continue; }
    const from = nodeOf(e.from), to = nodeOf(e.to);
    degree[from]!++;
    degree[to]!++;
    const a = e.line.attrs;
    edges.push({
      id: edges.length,
      from,
      to,
      points: e.points.map((p) => [p[0], p[1]]),
      lengthM: polylineLength(e.points),
      lanes: a.lanesPerDirection,
      oneway: a.oneway,
      speedLimitKmh: a.speedLimitKmh,
      roadClass: a.roadClass,
      name: a.name,
      nameEn: a.nameEn,
      source: e.line.source,
      ...(e.line.osmWayId ? { osmWayId: e.line.osmWayId } : {}),
      ...(a.structure ? { structure: a.structure } : {}),
    });
  }
  const signalised = markSignals(nodes, degree, signals);
  const usedClusters = new Set<number>();
  for (const e of raw) { usedClusters.add(e.from); usedClusters.add(e.to); }
  const graph: RoadGraph = { version: 1, zoneId, nodes, edges };
  return {
    graph,
    stats: {
      nodes: nodes.length,
      edges: edges.length,
      droppedNodes: usedClusters.size - nodes.length,
      droppedEdges,
      components: keep.componentCount,
      largestStrongComponentNodes: Math.max(0, ...strongComponentSizes(graph)),
      signalisedNodes: signalised.all,
      osmSignalNodes: signalised.osm,
      totalLengthM: edges.reduce((s, e) => s + e.lengthM, 0),
    },
  };
}

/**
 * A junction (degree ≥ 3) within SIGNAL_RADIUS_M of a signal is signalised, and so is any node a
 * signal stands on. Dual carriageways put several junction nodes around one crossing; each of
 * them takes the id of its nearest signal head.
 */
function markSignals(nodes: RoadNode[], degree: number[], signals: readonly SignalPoint[]): { all: number; osm: number } {
  const grid = new SpatialGrid(SIGNAL_RADIUS_M);
  signals.forEach((s, i) => grid.insert(i, s.x, s.y, s.x, s.y));
  const found: number[] = [];
  let all = 0, osm = 0;
  for (const n of nodes) {
    let best = -1, bestD = SIGNAL_RADIUS_M;
    for (const i of grid.query(n.x - SIGNAL_RADIUS_M, n.y - SIGNAL_RADIUS_M, n.x + SIGNAL_RADIUS_M, n.y + SIGNAL_RADIUS_M, found)) {
      const d = Math.hypot(signals[i]!.x - n.x, signals[i]!.y - n.y);
      if (d <= bestD) { best = i; bestD = d; }
    }
    if (best < 0) continue;
    if (degree[n.id]! < 3 && bestD > NODE_MERGE_M) continue;
    n.signalised = true;
    all++;
    const id = signals[best]!.osmId;
    if (id) { n.osmSignalId = id; osm++; }
  }
  return { all, osm };
}
