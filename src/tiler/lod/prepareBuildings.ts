/**
 * Validates BuildingInput and precomputes everything the level-of-detail planner and the
 * geometry builders need (clean rings, oriented rectangle, overview outline, conservative bounds).
 * Pure; bad buildings are counted per reason, never passed on.
 */
import { LAND_USE_CLASSES } from '../../core/landUse';
import { convexHull } from '../geometry/convexHull';
import { cleanRing, MIN_HOLE_AREA_M2, ringCentroid, signedArea } from '../geometry/footprint';
import { minAreaRect, rectCorners, type OrientedRect } from '../geometry/orientedBox';
import { expandAabbPoint, emptyAabb, type Aabb } from '../tileset/aabb';
import type { BuildingInput, Ring } from '../types';

/** Storey height used when a building states no usable floor count. */
export const DEFAULT_STOREY_M = 3.2;
/** Taller than any building on Earth: anything above is a unit or parsing error. */
export const MAX_HEIGHT_M = 1000;
/** Overview outlines use the convex hull up to this many vertices, the oriented rectangle beyond. */
export const OVERVIEW_MAX_HULL_VERTICES = 12;
/**
 * Horizontal margin added to every building's bounds: glass, mullions and floor lines float up to
 * 0.2 m off the wall, and mitred corners can push that to 3× at sharp angles.
 */
export const EXTENT_MARGIN_M = 1;

export interface PreparedBuilding {
  input: BuildingInput;
  /** Counter-clockwise, open, clean. */
  outer: Ring;
  /** Clockwise, open, clean. */
  holes: Ring[];
  areaM2: number;
  centroid: [number, number];
  rect: OrientedRect;
  /** Simplified CIM2 outline, counter-clockwise. */
  overview: Ring;
  baseM: number;
  heightM: number;
  topM: number;
  /** Validated floor count (input floors when usable, else derived from the height). */
  floors: number;
  /** Largest visible dimension: what a coarse level of detail loses when it drops the building. */
  prominenceM: number;
  /** Conservative bounds of every level of detail of this building. */
  extent: Aabb;
}

export interface BuildingRejections {
  degenerateFootprint: number;
  invalidHeight: number;
  duplicateId: number;
  invalidAttributes: number;
  droppedHoles: number;
}

export interface PreparedBuildings {
  /** Sorted by id so output never depends on input order. */
  buildings: PreparedBuilding[];
  rejected: BuildingRejections;
}

function validFloors(b: BuildingInput): number {
  if (Number.isInteger(b.floors) && b.floors >= 1 && b.floors <= 300) return b.floors;
  return Math.max(1, Math.round(b.heightM / DEFAULT_STOREY_M));
}

function hasValidAttributes(b: BuildingInput): boolean {
  return typeof b.id === 'string' && b.id.length > 0
    && typeof b.name === 'string' && typeof b.nameEn === 'string' && typeof b.osmId === 'string'
    && (LAND_USE_CLASSES as readonly string[]).includes(b.landUse)
    && (b.status === 'existing' || b.status === 'planned')
    && (b.source === 'osm' || b.source === 'generated' || b.source === 'scheme')
    && (b.schemeId === undefined || typeof b.schemeId === 'string')
    && (b.roof === 'flat' || b.roof === 'gable');
}

/** Prepares one building, or names the reason it cannot be built. */
export function prepareBuilding(
  b: BuildingInput,
): { ok: true; building: PreparedBuilding; droppedHoles: number } | { ok: false; reason: keyof BuildingRejections } {
  if (!hasValidAttributes(b)) return { ok: false, reason: 'invalidAttributes' };
  if (!Number.isFinite(b.heightM) || b.heightM <= 0 || b.heightM > MAX_HEIGHT_M || !Number.isFinite(b.baseM)) {
    return { ok: false, reason: 'invalidHeight' };
  }
  const outer = cleanRing(b.footprint, { orientation: 'ccw', rejectSelfIntersection: true });
  if (!outer) return { ok: false, reason: 'degenerateFootprint' };
  const holes: Ring[] = [];
  let droppedHoles = 0;
  for (const h of b.holes ?? []) {
    const clean = cleanRing(h, { orientation: 'cw', minAreaM2: MIN_HOLE_AREA_M2, rejectSelfIntersection: true });
    if (clean) holes.push(clean);
    else droppedHoles++;
  }
  // Holes are clockwise, so their signed areas are negative and simply add up.
  const areaM2 = signedArea(outer) + holes.reduce((s, h) => s + signedArea(h), 0);
  if (!(areaM2 > 0)) return { ok: false, reason: 'degenerateFootprint' };
  const rect = minAreaRect(outer);
  const hull = convexHull(outer);
  const corners = rectCorners(rect);
  const overview = hull.length <= OVERVIEW_MAX_HULL_VERTICES ? hull : corners;
  const baseM = b.baseM;
  const topM = baseM + b.heightM;
  const extent = emptyAabb();
  for (const p of outer) expandAabbPoint(extent, p[0], p[1], baseM);
  for (const p of corners) expandAabbPoint(extent, p[0], p[1], topM);
  extent.min[0] -= EXTENT_MARGIN_M;
  extent.min[1] -= EXTENT_MARGIN_M;
  extent.max[0] += EXTENT_MARGIN_M;
  extent.max[1] += EXTENT_MARGIN_M;
  return {
    ok: true,
    droppedHoles,
    building: {
      input: b,
      outer,
      holes,
      areaM2,
      centroid: ringCentroid(outer),
      rect,
      overview,
      baseM,
      heightM: b.heightM,
      topM,
      floors: validFloors(b),
      prominenceM: Math.max(b.heightM, 2 * rect.halfLength),
      extent,
    },
  };
}

export function prepareBuildings(inputs: readonly BuildingInput[]): PreparedBuildings {
  const rejected: BuildingRejections = { degenerateFootprint: 0, invalidHeight: 0, duplicateId: 0, invalidAttributes: 0, droppedHoles: 0 };
  const seen = new Set<string>();
  const buildings: PreparedBuilding[] = [];
  for (const b of inputs) {
    const r = prepareBuilding(b);
    if (!r.ok) {
      rejected[r.reason]++;
      continue;
    }
    if (seen.has(b.id)) {
      rejected.duplicateId++;
      continue;
    }
    seen.add(b.id);
    rejected.droppedHoles += r.droppedHoles;
    buildings.push(r.building);
  }
  buildings.sort((a, b) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0));
  return { buildings, rejected };
}
