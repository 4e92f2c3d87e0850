/**
 * Validation and repair of ground polygons. Hand-drawn and OSM areas arrive with bow-ties,
 * either winding, and holes that cross or leave their outer ring; earcut given such input
 * returns fans of spiky triangles that cover the wrong area. A valid polygon passes through
 * untouched (cleaned and wound); an invalid one is rebuilt by the clipping library into simple
 * parts with the same filled area (non-zero rule), so nothing is dropped that could be drawn.
 */
import type { Ring } from '../types';
import { differenceOf, fromClip, toClip, unionOf, type PolygonPart } from './clipping';
import { cleanRing, isSelfIntersecting, MIN_HOLE_AREA_M2, pointInRing } from './footprint';

export type RepairKind = 'selfIntersection' | 'holes';

export interface RepairResult {
  parts: PolygonPart[];
  /** What had to be fixed; empty for a valid polygon. */
  repairs: RepairKind[];
}

/** The bow-tie check is quadratic; longer rings always take the (n log n) clipping path. */
const DIRECT_CHECK_MAX_VERTICES = 2000;

function ringsCross(a: Ring, b: Ring): boolean {
  const o = (p: readonly number[], q: readonly number[], r: readonly number[]): number =>
    (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!, q = a[(i + 1) % a.length]!;
    for (let j = 0; j < b.length; j++) {
      const r = b[j]!, s = b[(j + 1) % b.length]!;
      if (o(p, q, r) * o(p, q, s) < 0 && o(r, s, p) * o(r, s, q) < 0) return true;
    }
  }
  return false;
}

/** Holes that lie strictly inside the outer ring and apart from each other. */
function holesValid(outer: Ring, holes: readonly Ring[]): boolean {
  for (let i = 0; i < holes.length; i++) {
    const h = holes[i]!;
    if (!h.every((p) => pointInRing(p[0], p[1], outer)) || ringsCross(h, outer)) return false;
    for (let j = i + 1; j < holes.length; j++) {
      const g = holes[j]!;
      if (ringsCross(h, g) || pointInRing(g[0]![0], g[0]![1], h) || pointInRing(h[0]![0], h[0]![1], g)) return false;
    }
  }
  return true;
}

/**
 * Cleans and, where needed, repairs one polygon. Returns no parts when nothing of at least
 * `minAreaM2` remains (a sliver, a NaN, a zero-area scribble).
 */
export function repairPolygon(outerIn: readonly (readonly number[])[], holesIn: readonly (readonly number[])[][], minAreaM2: number): RepairResult {
  for (const r of [outerIn, ...holesIn]) {
    for (const p of r) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { parts: [], repairs: [] };
  }
  const outer = cleanRing(outerIn, { orientation: 'ccw', minAreaM2 });
  if (!outer) {
    // Too small or degenerate as drawn; a bow-tie whose lobes cancel also lands here, so let
    // the clipping library decide what area is really enclosed.
    const parts = rebuild(outerIn, [], minAreaM2);
    return { parts, repairs: parts.length > 0 ? ['selfIntersection'] : [] };
  }
  const holes = holesIn.map((h) => cleanRing(h, { orientation: 'cw', minAreaM2: MIN_HOLE_AREA_M2 })).filter((h): h is Ring => h !== null);
  const simple = outer.length <= DIRECT_CHECK_MAX_VERTICES && !isSelfIntersecting(outer);
  const holesOk = holes.every((h) => h.length <= DIRECT_CHECK_MAX_VERTICES && !isSelfIntersecting(h)) && holesValid(outer, holes);
  if (simple && holesOk) return { parts: [{ outer, holes }], repairs: [] };
  const repairs: RepairKind[] = [];
  if (!simple) repairs.push('selfIntersection');
  if (!holesOk) repairs.push('holes');
  return { parts: rebuild(outerIn, holesIn, minAreaM2), repairs };
}

function rebuild(outer: readonly (readonly number[])[], holes: readonly (readonly number[])[][], minAreaM2: number): PolygonPart[] {
  const asPolygon = (r: readonly (readonly number[])[]) => toClip({ outer: r.map((p): [number, number] => [p[0]!, p[1]!]), holes: [] });
  // The union of a ring with itself resolves its crossings; the holes are then cut out of it.
  const filled = unionOf([asPolygon(outer)]);
  return fromClip(holes.length === 0 ? filled : differenceOf(filled, holes.map(asPolygon)), minAreaM2);
}
