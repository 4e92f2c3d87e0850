/**
 * CIM5 ("BIM-like") close-up model of a signature building: floor slabs, a stair/lift core,
 * a semi-transparent glass curtain wall just outside the slab edges, and a facade grid of
 * mullions and transoms as lines. Only loaded when the camera is close to that one building.
 *
 * Storeys: level k (bimLevels) is the foot of storey k and carries slab k; the last level is the
 * roof, whose slab hangs below it. With FloorTags every vertex also gets its `_FLOOR` value: the
 * slab's index on slab vertices, and on the pieces that span storeys (core, curtain wall,
 * mullions), which only ever have vertices on levels, the index of the level the vertex sits on.
 * Levels are equally spaced, so the value interpolated across a spanning face is the storey
 * coordinate of each fragment (its floor is floor(value)), and offsetting vertices by value × gap
 * stretches those pieces exactly through the exploded stack. See src/tiler/bim/floorTags.ts.
 */
import type { FloorTags } from '../bim/floorTags';
import type { PreparedBuilding } from '../lod/prepareBuildings';
import { pointInRing } from './footprint';
import type { MeshBatch } from './meshBatch';
import { offsetRing } from './offsetRing';
import { rectCorners } from './orientedBox';
import { appendCap, appendPrism, appendRingLines, appendWalls } from './prism';
import { floorLineHeights } from './detailBuilding';
import { triangulatePolygon } from './triangulate';

export const SLAB_THICKNESS_M = 0.3;
/** Curtain wall sits just outside the slab edges, mullions just outside the glass. */
export const GLASS_OFFSET_M = 0.15;
export const MULLION_OFFSET_M = 0.2;
/** A common curtain-wall module width. */
export const MULLION_SPACING_M = 1.5;
/** Core footprint as a share of the building's oriented rectangle, clamped to real shaft sizes. */
const CORE_LENGTH_SHARE = 0.18;
const CORE_WIDTH_SHARE = 0.25;
const CORE_HALF_LENGTH_RANGE_M: [number, number] = [2, 8];
const CORE_HALF_WIDTH_RANGE_M: [number, number] = [1.5, 5];

export interface BimBatches {
  slabs: MeshBatch;
  core: MeshBatch;
  glass: MeshBatch;
  mullions: MeshBatch;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function insideFootprint(b: PreparedBuilding, x: number, y: number): boolean {
  return pointInRing(x, y, b.outer) && !b.holes.some((h) => pointInRing(x, y, h));
}

/**
 * Storey levels from the base to the roof, equally spaced: storeys = length − 1. The floor list of
 * the BIM sidecar (src/tiler/bim) is built from these too, so it always matches the geometry.
 */
export function bimLevels(b: PreparedBuilding): number[] {
  return [b.baseM, ...floorLineHeights(b.baseM, b.topM, b.floors), b.topM];
}

/** Bottom of slab k of `levels`: on its level, except the roof slab, which hangs below the top. */
export function slabBottomM(levels: readonly number[], k: number): number {
  return k === levels.length - 1 ? levels[k]! - SLAB_THICKNESS_M : levels[k]!;
}

function appendCore(core: MeshBatch, b: PreparedBuilding, featureId: number): void {
  const r = b.rect;
  const centre = [[r.cx, r.cy], b.centroid].find((c) => insideFootprint(b, c[0]!, c[1]!));
  if (!centre) return;
  const halfLength = Math.min(clamp(r.halfLength * CORE_LENGTH_SHARE, ...CORE_HALF_LENGTH_RANGE_M), r.halfLength * 0.5);
  const halfWidth = Math.min(clamp(r.halfWidth * CORE_WIDTH_SHARE, ...CORE_HALF_WIDTH_RANGE_M), r.halfWidth * 0.5);
  const ring = rectCorners({ cx: centre[0]!, cy: centre[1]!, ux: r.ux, uy: r.uy, halfLength, halfWidth });
  appendPrism(core, core, ring, [], b.baseM, b.topM, featureId);
}

function appendFacadeGrid(mullions: MeshBatch, b: PreparedBuilding, levels: number[], featureId: number): void {
  const ring = offsetRing(b.outer, MULLION_OFFSET_M);
  for (const z of levels) appendRingLines(mullions, ring, z, featureId);
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!, c = ring[(i + 1) % n]!;
    const steps = Math.max(1, Math.round(Math.hypot(c[0] - a[0], c[1] - a[1]) / MULLION_SPACING_M));
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const x = a[0] + (c[0] - a[0]) * t, y = a[1] + (c[1] - a[1]) * t;
      const lo = mullions.vertex(x, y, b.baseM, 0, 0, 0, featureId);
      const hi = mullions.vertex(x, y, b.topM, 0, 0, 0, featureId);
      mullions.line(lo, hi);
    }
  }
}

/** Appends the building; with `tags`, also tags each new vertex with its floor (see the file comment). */
export function appendBimBuilding(t: BimBatches, b: PreparedBuilding, featureId: number, tags?: FloorTags): void {
  const levels = bimLevels(b);
  const tri = triangulatePolygon(b.outer, b.holes);
  for (let k = 0; k < levels.length; k++) {
    // The roof slab hangs below the top so nothing pokes out of the building's bounds.
    const bottom = slabBottomM(levels, k);
    const top = bottom + SLAB_THICKNESS_M;
    const from = t.slabs.vertexCount;
    appendCap(t.slabs, tri, top, 'up', featureId);
    appendCap(t.slabs, tri, bottom, 'down', featureId);
    appendWalls(t.slabs, b.outer, bottom, top, featureId);
    for (const h of b.holes) appendWalls(t.slabs, h, bottom, top, featureId);
    tags?.fill(t.slabs, from, k);
  }
  const spanning = (batch: MeshBatch, append: () => void): void => {
    const from = batch.vertexCount;
    append();
    tags?.fillByLevel(batch, from, levels);
  };
  spanning(t.core, () => appendCore(t.core, b, featureId));
  spanning(t.glass, () => appendWalls(t.glass, offsetRing(b.outer, GLASS_OFFSET_M), b.baseM, b.topM, featureId));
  spanning(t.mullions, () => appendFacadeGrid(t.mullions, b, levels, featureId));
}
