/**
 * CIM2 geometry of one building: its simplified outline (convex hull or oriented rectangle)
 * extruded to full height. Batched per tile, a whole district becomes two primitives.
 */
import type { PreparedBuilding } from '../lod/prepareBuildings';
import { facadeColor, roofColor } from '../gltf/materials';
import type { MeshBatch } from './meshBatch';
import { appendPrism } from './prism';

export function appendOverviewBlock(walls: MeshBatch, roof: MeshBatch, b: PreparedBuilding, featureId: number): void {
  walls.setColor(facadeColor(b.input.landUse));
  roof.setColor(roofColor(b.input.landUse));
  appendPrism(walls, roof, b.overview, [], b.baseM, b.topM, featureId);
}
