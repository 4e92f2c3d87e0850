/**
 * A defined stacking order for overlapping ground polygons, resolved in plan rather than in
 * depth. Coplanar overlaps z-fight (a temple site over its land-use block flickered green and
 * pink), and a small lift per kind only moves the fight to the wrong winner: a park lifted over
 * a lake hid the lake. So each polygon is cut by every polygon above it, and what is drawn is a
 * partition: nothing overlaps, nothing fights, whatever the depth buffer.
 *
 * Order, top first: water, green, land use; within a kind the smaller polygon wins (a site over
 * the block that contains it). Road surfaces are not cut: they lie on top, lifted, and are
 * drawn last (the viewer's GROUND_RENDER_ORDER agrees with GROUND_STACK here).
 */
import { differenceOf, fromClip, partsArea, toClip, type PolygonPart } from './geometry/clipping';
import type { GroundKind } from './types';

/** Bottom to top. The tiler's lifts (GROUND_OFFSET_M) and the viewer's render order follow it. */
export const GROUND_STACK: Record<GroundKind, number> = { landuse: 0, green: 1, water: 2, road: 3 };

export interface LayerItem {
  id: string;
  kind: GroundKind;
  parts: PolygonPart[];
}

type Box = [number, number, number, number];

function boundsOf(parts: readonly PolygonPart[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const p of part.outer) {
      b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]);
    }
  }
  return b;
}

const meet = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** True when `a` is drawn above `b`. */
export function above(a: LayerItem & { areaM2: number }, b: LayerItem & { areaM2: number }): boolean {
  if (GROUND_STACK[a.kind] !== GROUND_STACK[b.kind]) return GROUND_STACK[a.kind] > GROUND_STACK[b.kind];
  if (a.areaM2 !== b.areaM2) return a.areaM2 < b.areaM2;
  return a.id < b.id;
}

/**
 * Cuts every non-road item by the items above it (in place). Returns how many were cut and how
 * many were covered entirely (left with no parts).
 */
export function layerGround(items: readonly LayerItem[], minAreaM2: number): { cut: number; covered: number } {
  const stack = items
    .filter((it) => it.kind !== 'road')
    .map((it) => ({ item: it, areaM2: partsArea(it.parts), box: boundsOf(it.parts), polys: it.parts.map(toClip) }));
  stack.sort((a, b) => (above({ ...a.item, areaM2: a.areaM2 }, { ...b.item, areaM2: b.areaM2 }) ? -1 : 1));
  let cut = 0, covered = 0;
  for (let i = 0; i < stack.length; i++) {
    const s = stack[i]!;
    const over = [];
    for (let j = 0; j < i; j++) if (meet(stack[j]!.box, s.box)) over.push(...stack[j]!.polys);
    if (over.length === 0) continue;
    const before = s.areaM2;
    const parts = fromClip(differenceOf(s.polys, over), minAreaM2);
    // Neighbours that only touch leave the area as it was: keep the original rings then.
    if (Math.abs(partsArea(parts) - before) <= minAreaM2) continue;
    s.item.parts = parts;
    cut++;
    if (parts.length === 0) covered++;
  }
  return { cut, covered };
}
