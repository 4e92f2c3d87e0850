/**
 * Plain arrays for the planning overlays, built in ENU metres and emitted in three.js axes
 * (x = east, y = up, z = −north): filled plot polygons, control-line ribbons, and extruded
 * blocks for imported schemes and the diff overlay. Pure; the .tsx files only upload these.
 * Non-finite input is skipped here so NaN never reaches a GPU buffer.
 */
import earcut from 'earcut';
import type { PlanBuilding, Ring } from '../../analysis/planning/types';

export interface TriangleArrays {
  positions: Float32Array;
  colors: Float32Array;
  /** One value per vertex: the index of the source item (plot, building) it belongs to. */
  itemIds: Float32Array;
  index: Uint32Array;
}

type Rgb = [number, number, number];

const finiteRing = (r: Ring): boolean => r.length >= 3 && r.every(([e, n]) => Number.isFinite(e) && Number.isFinite(n));

export function hexToRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

class Builder {
  pos: number[] = [];
  col: number[] = [];
  ids: number[] = [];
  idx: number[] = [];
  vertex(e: number, n: number, u: number, c: Rgb, id: number): number {
    this.pos.push(e, u, -n);
    this.col.push(c[0], c[1], c[2]);
    this.ids.push(id);
    return this.ids.length - 1;
  }
  done(): TriangleArrays {
    return {
      positions: new Float32Array(this.pos),
      colors: new Float32Array(this.col),
      itemIds: new Float32Array(this.ids),
      index: new Uint32Array(this.idx),
    };
  }
}

/** Adds a flat polygon (with holes) at height `u`, facing up. */
function addFlat(b: Builder, ring: Ring, holes: readonly Ring[], u: number, c: Rgb, id: number): void {
  const flat: number[] = [];
  const holeStarts: number[] = [];
  for (const [e, n] of ring) flat.push(e, n);
  for (const h of holes) {
    holeStarts.push(flat.length / 2);
    for (const [e, n] of h) flat.push(e, n);
  }
  const tris = earcut(flat, holeStarts, 2);
  const base = b.ids.length;
  for (let i = 0; i < flat.length; i += 2) b.vertex(flat[i]!, flat[i + 1]!, u, c, id);
  // earcut's winding follows the input; emit counter-clockwise seen from above (three: +y normal).
  for (let i = 0; i + 2 < tris.length; i += 3) b.idx.push(base + tris[i]!, base + tris[i + 2]!, base + tris[i + 1]!);
}

/** Filled polygons, one item each, at a small height above the ground. */
export function flatPolygons(items: readonly { ring: Ring; holes?: Ring[]; color: string }[], heightM: number): TriangleArrays {
  const b = new Builder();
  items.forEach((it, i) => {
    const holes = (it.holes ?? []).filter(finiteRing);
    if (finiteRing(it.ring)) addFlat(b, it.ring, holes, heightM, hexToRgb(it.color), i);
  });
  return b.done();
}

/** A closed ring as a flat ribbon of `widthM` centred on its edges: lines with a width WebGL can draw. */
export function ringRibbons(items: readonly { ring: Ring; color: string }[], widthM: number, heightM: number): TriangleArrays {
  const b = new Builder();
  const h = widthM / 2;
  items.forEach((it, id) => {
    if (!finiteRing(it.ring)) return;
    const c = hexToRgb(it.color);
    const r = it.ring;
    for (let i = 0; i < r.length; i++) {
      const [e0, n0] = r[i]!;
      const [e1, n1] = r[(i + 1) % r.length]!;
      const len = Math.hypot(e1 - e0, n1 - n0);
      if (len < 1e-6) continue;
      const oe = (-(n1 - n0) / len) * h;
      const on = ((e1 - e0) / len) * h;
      const a = b.vertex(e0 - oe, n0 - on, heightM, c, id);
      const bb = b.vertex(e1 - oe, n1 - on, heightM, c, id);
      const cc = b.vertex(e1 + oe, n1 + on, heightM, c, id);
      const d = b.vertex(e0 + oe, n0 + on, heightM, c, id);
      b.idx.push(a, cc, bb, a, d, cc);
    }
  });
  return b.done();
}

/**
 * Buildings as extruded prisms (walls + roof), item id = index in `buildings`. `inflateM` grows
 * them a little so an overlay drawn over identical geometry does not z-fight with it.
 */
export function extrudedBuildings(buildings: readonly PlanBuilding[], colorOf: (b: PlanBuilding, i: number) => string, inflateM = 0): TriangleArrays {
  const bld = new Builder();
  buildings.forEach((building, id) => {
    if (!finiteRing(building.footprint) || !Number.isFinite(building.heightM) || building.heightM <= 0) return;
    const c = hexToRgb(colorOf(building, id));
    const ring = inflateM > 0 ? inflate(building.footprint, inflateM) : building.footprint;
    const top = building.heightM + inflateM;
    const bottom = inflateM > 0 ? -inflateM * 0.2 : 0;
    for (let i = 0; i < ring.length; i++) {
      const [e0, n0] = ring[i]!;
      const [e1, n1] = ring[(i + 1) % ring.length]!;
      const a = bld.vertex(e0, n0, bottom, c, id);
      const b = bld.vertex(e1, n1, bottom, c, id);
      const t1 = bld.vertex(e1, n1, top, c, id);
      const t0 = bld.vertex(e0, n0, top, c, id);
      // Outward for a counter-clockwise ring (seen from above).
      bld.idx.push(a, b, t1, a, t1, t0);
    }
    addFlat(bld, ring, inflateM > 0 ? [] : (building.holes ?? []).filter(finiteRing), top, c, id);
  });
  return bld.done();
}

/** Moves every vertex away from the ring's centroid by `m` metres (enough for convex-ish footprints). */
function inflate(ring: Ring, m: number): Ring {
  let ce = 0;
  let cn = 0;
  for (const [e, n] of ring) {
    ce += e;
    cn += n;
  }
  ce /= ring.length;
  cn /= ring.length;
  return ring.map(([e, n]) => {
    const d = Math.hypot(e - ce, n - cn) || 1;
    return [e + ((e - ce) / d) * m, n + ((n - cn) / d) * m];
  });
}

/** Even–odd point-in-ring test, ENU metres. */
export function pointInRing(ring: Ring, e: number, n: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ei, ni] = ring[i]!;
    const [ej, nj] = ring[j]!;
    if (ni > n !== nj > n && e < ((ej - ei) * (n - ni)) / (nj - ni) + ei) inside = !inside;
  }
  return inside;
}

/** The first plot containing a ground point (outside its holes), or null. */
export function plotAt<T extends { id: string; ring: Ring; holes?: Ring[] }>(plots: readonly T[], e: number, n: number): T | null {
  for (const p of plots) {
    if (!pointInRing(p.ring, e, n)) continue;
    if ((p.holes ?? []).some((h) => pointInRing(h, e, n))) continue;
    return p;
  }
  return null;
}
