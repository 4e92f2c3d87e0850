/**
 * Paved road surfaces for the ground tiles: each graph edge's centreline buffered by its
 * carriageway width (lanes × 3.5 m), mitred along gentle bends and cut at sharp ones, plus an
 * octagonal pad on every junction so crossings have no gaps. A tunnel has no surface, and a
 * bridge none over the water: drawn on the ground they read as a road floating on the river.
 */
import type { RoadGraph } from '../../../core/roadGraph';
import { differenceOf, fromClip, toClip } from '../../geometry/clipping';
import type { GroundInput, Ring } from '../../types';
import { normalizeRing, segmentIntersection, type Pt } from '../geom/planar';
import { carriagewayWidthM } from './roadAttributes';

/** Bends sharper than this start a new piece: a mitre there would spike far past the road. */
const MAX_MITRE_TURN_RAD = (50 * Math.PI) / 180;
const MIN_STEP_M = 1;

function dedupe(points: readonly [number, number][]): Pt[] {
  const out: Pt[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP_M) out.push([p[0], p[1]]);
  }
  const end = points[points.length - 1];
  if (end && out.length >= 2) out[out.length - 1] = [end[0], end[1]];
  return out;
}

function direction(a: Pt, b: Pt): Pt {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
}

/** Splits a polyline at vertices where it turns more than MAX_MITRE_TURN_RAD. */
function gentlePieces(points: Pt[]): Pt[][] {
  const pieces: Pt[][] = [];
  let cur: Pt[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    cur.push(points[i]!);
    if (i + 1 >= points.length) break;
    const d0 = direction(points[i - 1]!, points[i]!), d1 = direction(points[i]!, points[i + 1]!);
    const turn = Math.acos(Math.max(-1, Math.min(1, d0[0] * d1[0] + d0[1] * d1[1])));
    if (turn > MAX_MITRE_TURN_RAD) { pieces.push(cur); cur = [points[i]!]; }
  }
  pieces.push(cur);
  return pieces.filter((p) => p.length >= 2);
}

function bufferPiece(points: Pt[], half: number): Ring {
  const left: Pt[] = [], right: Pt[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const dIn = i > 0 ? direction(points[i - 1]!, p) : direction(p, points[i + 1]!);
    const dOut = i + 1 < points.length ? direction(p, points[i + 1]!) : dIn;
    let mx = dIn[0] + dOut[0], my = dIn[1] + dOut[1];
    const ml = Math.hypot(mx, my);
    mx /= ml; my /= ml;
    // Left normal of the averaged direction, stretched so both offset edges stay `half` away.
    const nx = -my, ny = mx;
    const cosHalf = Math.max(nx * -dIn[1] + ny * dIn[0], 0.5);
    const s = half / cosHalf;
    left.push([p[0] + nx * s, p[1] + ny * s]);
    right.push([p[0] - nx * s, p[1] - ny * s]);
  }
  return [...right, ...left.reverse()];
}

function selfIntersects(ring: Ring): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, b = ring[(i + 1) % n]!;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      const c = ring[j]!, d = ring[(j + 1) % n]!;
      if (segmentIntersection(a, b, c, d)) return true;
    }
  }
  return false;
}

function pad(x: number, y: number, radius: number): Ring {
  const ring: Ring = [];
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4 + Math.PI / 8;
    ring.push([x + radius * Math.cos(a), y + radius * Math.sin(a)]);
  }
  return ring;
}

/** Pieces of a bridge's surface left after cutting out the water (none when all of it is over water). */
function offWater(ring: Ring, water: readonly Ring[]): Ring[] {
  if (water.length === 0) return [ring];
  return fromClip(differenceOf([toClip({ outer: ring, holes: [] })], water.map((w) => toClip({ outer: w, holes: [] }))), 1)
    .map((p) => p.outer);
}

export function roadSurfaces(graph: RoadGraph, water: readonly Ring[] = []): GroundInput[] {
  const out: GroundInput[] = [];
  const padRadius = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const e of graph.edges) {
    const half = carriagewayWidthM({ lanesPerDirection: e.lanes, oneway: e.oneway }) / 2;
    for (const n of [e.from, e.to]) {
      padRadius.set(n, Math.max(padRadius.get(n) ?? 0, half));
      degree.set(n, (degree.get(n) ?? 0) + 1);
    }
    const pts = dedupe(e.points);
    if (pts.length < 2 || e.structure === 'tunnel') continue;
    let k = 0;
    for (const piece of gentlePieces(pts)) {
      const ring = bufferPiece(piece, half);
      // A tight curve can fold the inner offset; fall back to one quad per segment there.
      const rings = selfIntersects(ring) ? piece.slice(1).map((q, i) => bufferPiece([piece[i]!, q], half)) : [ring];
      for (const r of rings.flatMap((q) => (e.structure === 'bridge' ? offWater(q, water) : [q]))) {
        out.push({ id: `road:${e.id}:${k++}`, kind: 'road', landUse: 'S', name: e.name, polygon: normalizeRing(r) });
      }
    }
  }
  for (const n of graph.nodes) {
    if ((degree.get(n.id) ?? 0) < 3) continue;
    out.push({ id: `junction:${n.id}`, kind: 'road', landUse: 'S', name: '', polygon: normalizeRing(pad(n.x, n.y, (padRadius.get(n.id) ?? 3) * 1.1)) });
  }
  return out;
}
