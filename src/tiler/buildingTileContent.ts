/**
 * Geometry + property table of one planned building tile, by content kind. Pure: the caller
 * encodes and writes it, then drops it, so only one tile's arrays are alive at a time.
 */
import { FLOOR_ATTRIBUTE, FloorTags } from './bim/floorTags';
import { appendBimBuilding } from './geometry/bimModel';
import { appendDetailBuilding } from './geometry/detailBuilding';
import { MeshBatch } from './geometry/meshBatch';
import { appendOverviewBlock } from './geometry/overviewBlock';
import type { TileContent } from './gltf/encodeTileGlb';
import { MATERIALS } from './gltf/materials';
import type { PlannedTile } from './lod/planBuildingTiles';
import type { PreparedBuilding } from './lod/prepareBuildings';
import { BUILDING_SCHEMA, buildingPropertyTable } from './buildingTable';

const solid = (colors: boolean): MeshBatch => new MeshBatch('triangles', { normals: true, colors });
const lines = (): MeshBatch => new MeshBatch('lines', { normals: false, colors: false });

export function buildBuildingTileContent(tile: PlannedTile, buildings: readonly PreparedBuilding[]): TileContent {
  const table = buildingPropertyTable(buildings, tile.rows, tile.cimLevel);
  const each = (fn: (b: PreparedBuilding, featureId: number) => void): void =>
    tile.rows.forEach((i, featureId) => fn(buildings[i]!, featureId));
  switch (tile.kind) {
    case 'overview': {
      const walls = solid(true), roof = solid(true);
      each((b, f) => appendOverviewBlock(walls, roof, b, f));
      return {
        schema: BUILDING_SCHEMA,
        table,
        primitives: [
          { role: 'walls', batch: walls, material: MATERIALS.walls },
          { role: 'roof', batch: roof, material: MATERIALS.roof },
        ],
      };
    }
    case 'detail':
    case 'signature-shell': {
      const t = { walls: solid(true), roof: solid(true), floorLines: lines() };
      each((b, f) => appendDetailBuilding(t, b, f));
      return {
        schema: BUILDING_SCHEMA,
        table,
        primitives: [
          { role: 'walls', batch: t.walls, material: MATERIALS.walls },
          { role: 'roof', batch: t.roof, material: MATERIALS.roof },
          { role: 'floor-lines', batch: t.floorLines, material: MATERIALS.floorLines },
        ],
      };
    }
    case 'signature-bim': {
      const t = { slabs: solid(false), core: solid(false), glass: solid(false), mullions: lines() };
      const tags = new FloorTags();
      each((b, f) => appendBimBuilding(t, b, f, tags));
      const floors = (batch: MeshBatch) => [{ semantic: FLOOR_ATTRIBUTE, values: tags.of(batch) }];
      return {
        schema: BUILDING_SCHEMA,
        table,
        primitives: [
          { role: 'slabs', batch: t.slabs, material: MATERIALS.slabs, attributes: floors(t.slabs) },
          { role: 'core', batch: t.core, material: MATERIALS.core, attributes: floors(t.core) },
          { role: 'glass', batch: t.glass, material: MATERIALS.glass, attributes: floors(t.glass) },
          { role: 'mullions', batch: t.mullions, material: MATERIALS.mullions, attributes: floors(t.mullions) },
        ],
      };
    }
  }
}
