/**
 * CIM3 geometry of one building: extruded walls, a roof in its own material (flat cap or gable)
 * and floor lines. Floor lines are a single LINES primitive per tile: far cheaper than modelled
 * bands and enough to read storeys from the street.
 */
import type { PreparedBuilding } from '../lod/prepareBuildings';
import { facadeColor, roofColor } from '../gltf/materials';
import { appendGableBuilding } from './gableRoof';
import type { MeshBatch } from './meshBatch';
import { offsetRing } from './offsetRing';
import { appendPrism, appendRingLines } from './prism';

/** Floor lines float this far off the wall so they never z-fight it. */
export const FLOOR_LINE_OFFSET_M = 0.08;
/** Never draw floor lines closer than this, whatever the floor count says. */
export const MIN_DRAWN_STOREY_M = 2;
/** Gables need some width to be worth their triangles. */
export const MIN_GABLE_HALF_WIDTH_M = 1.5;

export interface DetailBatches {
  walls: MeshBatch;
  roof: MeshBatch;
  floorLines: MeshBatch;
}

/** Heights of the floor lines between base and the top of the walls. */
export function floorLineHeights(baseM: number, wallTopM: number, floors: number): number[] {
  const wall = wallTopM - baseM;
  const drawn = Math.max(1, Math.min(floors, Math.floor(wall / MIN_DRAWN_STOREY_M)));
  const storey = wall / drawn;
  const out: number[] = [];
  for (let k = 1; k < drawn; k++) out.push(baseM + k * storey);
  return out;
}

export function appendDetailBuilding(t: DetailBatches, b: PreparedBuilding, featureId: number): void {
  t.walls.setColor(facadeColor(b.input.landUse));
  t.roof.setColor(roofColor(b.input.landUse));
  let wallTopM = b.topM;
  // Courtyard buildings keep flat roofs: a gable across a hole has no sensible ridge.
  if (b.input.roof === 'gable' && b.holes.length === 0 && b.rect.halfWidth >= MIN_GABLE_HALF_WIDTH_M) {
    wallTopM = appendGableBuilding(t.walls, t.roof, b.outer, b.rect, b.baseM, b.heightM, featureId);
  } else {
    appendPrism(t.walls, t.roof, b.outer, b.holes, b.baseM, b.topM, featureId);
  }
  const ring = offsetRing(b.outer, FLOOR_LINE_OFFSET_M);
  for (const z of floorLineHeights(b.baseM, wallTopM, b.floors)) appendRingLines(t.floorLines, ring, z, featureId);
}
