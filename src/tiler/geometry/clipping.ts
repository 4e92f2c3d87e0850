/**
 * Polygon boolean operations for the tiler through `polygon-clipping` (Martinez–Rueda–Feito), in
 * the tiler's ring convention: open rings, outer counter-clockwise, holes clockwise. The library
 * accepts self-crossing rings (non-zero rule), holes that leak out of their outer ring and any
 * winding, and always returns simple, non-overlapping polygons: what repairs need.
 */
import * as clippingNs from 'polygon-clipping';
import type { MultiPolygon, Polygon } from 'polygon-clipping';
import type { Ring } from '../types';
import { signedArea } from './footprint';

type Clipping = typeof clippingNs;
// Node resolves the CJS build (module.exports = { union, … }); bundlers may hand over the ESM
// build's default export instead. The typings declare named exports; take whichever arrived.
const clipping: Clipping = (clippingNs as Clipping & { default?: Clipping }).default ?? clippingNs;

/** One simple polygon: a counter-clockwise outer ring and clockwise holes, all open. */
export interface PolygonPart {
  outer: Ring;
  holes: Ring[];
}

export function toClip(part: PolygonPart): Polygon {
  return [part.outer, ...part.holes].map((r) => r.map((p): [number, number] => [p[0], p[1]]));
}

function openRing(r: readonly (readonly number[])[]): Ring {
  const out: Ring = r.map((p) => [p[0]!, p[1]!]);
  const a = out[0], b = out[out.length - 1];
  if (a && b && out.length > 1 && a[0] === b[0] && a[1] === b[1]) out.pop();
  return out;
}

/** Library output → parts, dropping pieces (and holes) smaller than `minAreaM2`. */
export function fromClip(mp: MultiPolygon, minAreaM2: number): PolygonPart[] {
  const parts: PolygonPart[] = [];
  for (const poly of mp) {
    const [outerRaw, ...holesRaw] = poly;
    if (!outerRaw) continue;
    const outer = openRing(outerRaw);
    if (outer.length < 3 || Math.abs(signedArea(outer)) < minAreaM2) continue;
    if (signedArea(outer) < 0) outer.reverse();
    const holes: Ring[] = [];
    for (const h of holesRaw) {
      const hole = openRing(h);
      if (hole.length < 3 || Math.abs(signedArea(hole)) < minAreaM2) continue;
      if (signedArea(hole) > 0) hole.reverse();
      holes.push(hole);
    }
    parts.push({ outer, holes });
  }
  return parts;
}

export function unionOf(polygons: readonly Polygon[]): MultiPolygon {
  if (polygons.length === 0) return [];
  return clipping.union(polygons[0]!, ...polygons.slice(1));
}

export function differenceOf(subject: readonly Polygon[], clips: readonly Polygon[]): MultiPolygon {
  if (subject.length === 0) return [];
  const s: MultiPolygon = subject.map((p) => p);
  return clips.length === 0 ? clipping.union(s) : clipping.difference(s, ...clips);
}

export function intersectionOf(a: readonly Polygon[], b: readonly Polygon[]): MultiPolygon {
  if (a.length === 0 || b.length === 0) return [];
  return clipping.intersection(a.map((p) => p), b.map((p) => p));
}

/** Area of parts: outers minus holes. */
export function partsArea(parts: readonly PolygonPart[]): number {
  return parts.reduce((s, p) => s + signedArea(p.outer) + p.holes.reduce((t, h) => t + signedArea(h), 0), 0);
}
