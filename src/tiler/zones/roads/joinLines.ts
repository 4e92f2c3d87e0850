/**
 * Makes hand-drawn skeleton roads meet the network. OSM ways share node coordinates where they
 * join; skeleton lines are drawn by hand, so their ends are snapped onto nearby roads and their
 * at-grade crossings get a shared vertex. Crossings between two OSM ways are left alone: OSM
 * already says whether they meet, and a missing shared node there usually means a bridge.
 */
import { SpatialGrid } from '../geom/SpatialGrid';
import { distPointSegment, projectOnSegment, segmentIntersection, type Pt } from '../geom/planar';
import type { RoadAttributes } from './roadAttributes';

export interface RoadLine {
  points: Pt[];
  attrs: RoadAttributes;
  source: 'osm' | 'skeleton';
  osmWayId?: string;
}

/** A skeleton end this close to another road is meant to join it. */
export const END_SNAP_M = 25;
/** Inserted vertices closer than this to an existing one reuse it. */
const VERTEX_REUSE_M = 0.5;
const GRID_CELL_M = 80;

interface Insertion { seg: number; t: number; p: Pt }

function segmentIndex(lines: readonly RoadLine[]): { grid: SpatialGrid; refs: [number, number][] } {
  const grid = new SpatialGrid(GRID_CELL_M);
  const refs: [number, number][] = [];
  lines.forEach((line, li) => {
    for (let s = 0; s + 1 < line.points.length; s++) {
      const a = line.points[s]!, b = line.points[s + 1]!;
      grid.insert(refs.length, Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
      refs.push([li, s]);
    }
  });
  return { grid, refs };
}

function applyInsertions(line: RoadLine, ins: Insertion[]): void {
  if (ins.length === 0) return;
  ins.sort((x, y) => x.seg - y.seg || x.t - y.t);
  const out: Pt[] = [];
  let k = 0;
  for (let s = 0; s < line.points.length; s++) {
    const p = line.points[s]!;
    out.push(p);
    while (k < ins.length && ins[k]!.seg === s) {
      const q = ins[k++]!.p;
      const last = out[out.length - 1]!;
      const next = line.points[s + 1];
      if (Math.hypot(q[0] - last[0], q[1] - last[1]) < VERTEX_REUSE_M) continue;
      if (next && Math.hypot(q[0] - next[0], q[1] - next[1]) < VERTEX_REUSE_M) continue;
      out.push(q);
    }
  }
  line.points = out;
}

/** Moves skeleton line ends onto the nearest other road within END_SNAP_M (vertex or segment). */
function snapSkeletonEnds(lines: RoadLine[]): void {
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.source !== 'skeleton' || line.attrs.gradeSeparated) continue;
    for (const end of [0, -1] as const) {
      // Rebuild the index per line: earlier snaps inserted vertices that later ends may reuse.
      const { grid, refs } = segmentIndex(lines);
      const idx = end === 0 ? 0 : line.points.length - 1;
      const e = line.points[idx]!;
      let best: { li: number; seg: number; t: number; d: number } | null = null;
      let bestVertex: { p: Pt; d: number } | null = null;
      const near = grid.query(e[0] - END_SNAP_M, e[1] - END_SNAP_M, e[0] + END_SNAP_M, e[1] + END_SNAP_M);
      // An end drawn onto an existing vertex already joins there, even a bridge's end (where
      // bridges meet the street network); snapping it elsewhere would undo the drawing.
      const onVertex = near.some((r) => {
        const [oli, seg] = refs[r]!;
        if (oli === li) return false;
        const o = lines[oli]!.points;
        return [o[seg]!, o[seg + 1]!].some((v) => Math.hypot(v[0] - e[0], v[1] - e[1]) <= VERTEX_REUSE_M);
      });
      if (onVertex) continue;
      for (const r of near) {
        const [oli, seg] = refs[r]!;
        if (oli === li) continue;
        const other = lines[oli]!;
        if (other.attrs.gradeSeparated) continue;
        const a = other.points[seg]!, b = other.points[seg + 1]!;
        const d = distPointSegment(e[0], e[1], a[0], a[1], b[0], b[1]);
        if (d <= END_SNAP_M && (!best || d < best.d)) best = { li: oli, seg, t: projectOnSegment(e[0], e[1], a[0], a[1], b[0], b[1]), d };
        for (const v of [a, b]) {
          const dv = Math.hypot(v[0] - e[0], v[1] - e[1]);
          if (dv <= END_SNAP_M && (!bestVertex || dv < bestVertex.d)) bestVertex = { p: v, d: dv };
        }
      }
      if (!best) continue;
      // Prefer an existing vertex unless it is clearly farther than the segment foot point.
      if (bestVertex && bestVertex.d <= best.d + 3) {
        line.points[idx] = [bestVertex.p[0], bestVertex.p[1]];
        continue;
      }
      const other = lines[best.li]!;
      const a = other.points[best.seg]!, b = other.points[best.seg + 1]!;
      const p: Pt = [a[0] + (b[0] - a[0]) * best.t, a[1] + (b[1] - a[1]) * best.t];
      applyInsertions(other, [{ seg: best.seg, t: best.t, p }]);
      line.points[idx] = [p[0], p[1]];
    }
  }
}

/** Adds a shared vertex wherever a skeleton line crosses another at-grade road. */
function splitSkeletonCrossings(lines: RoadLine[]): void {
  const { grid, refs } = segmentIndex(lines);
  const pending: Insertion[][] = lines.map(() => []);
  const hits: number[] = [];
  refs.forEach(([li, s], r) => {
    const line = lines[li]!;
    if (line.attrs.gradeSeparated) return;
    const a = line.points[s]!, b = line.points[s + 1]!;
    grid.query(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]), hits);
    for (const q of hits) {
      // Each unordered pair once; lines never split against themselves.
      if (q <= r) continue;
      const [oli, os] = refs[q]!;
      const other = lines[oli]!;
      if (oli === li || other.attrs.gradeSeparated) continue;
      if (line.source !== 'skeleton' && other.source !== 'skeleton') continue;
      const c = other.points[os]!, d = other.points[os + 1]!;
      const hit = segmentIntersection(a, b, c, d);
      if (!hit) continue;
      const p: Pt = [a[0] + (b[0] - a[0]) * hit[0], a[1] + (b[1] - a[1]) * hit[0]];
      pending[li]!.push({ seg: s, t: hit[0], p });
      pending[oli]!.push({ seg: os, t: hit[1], p });
    }
  });
  lines.forEach((line, li) => applyInsertions(line, pending[li]!));
}

export function joinSkeletonLines(lines: RoadLine[]): void {
  snapSkeletonEnds(lines);
  splitSkeletonCrossings(lines);
}
