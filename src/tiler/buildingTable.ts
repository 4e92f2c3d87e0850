/**
 * The per-building EXT_structural_metadata class and the property table of one tile. Every name in
 * BUILDING_PROPERTIES must have a column here; the Record type makes a missing one a compile error.
 */
import type { ClassPropertyDef, MetadataSchema, PropertyColumn, PropertyTableData } from './gltf/propertyTable';
import type { PreparedBuilding } from './lod/prepareBuildings';
import { BUILDING_PROPERTIES, type BuildingPropertyName, type CimLevel } from './types';

interface ColumnSpec {
  def: ClassPropertyDef;
  value: (b: PreparedBuilding, cimLevel: CimLevel) => string | number;
  /**
   * May be '' for every building of a tile. Such a column is left out of that tile's table (an
   * all-empty STRING column has no valid encoding), so the class property cannot be `required`.
   */
  mayBeEmpty?: true;
}

const COLUMNS: Record<BuildingPropertyName, ColumnSpec> = {
  id: { def: { type: 'STRING', description: 'Stable building id (osm:way/…, gen:<zone>:<n>, scheme:<scheme>:<feature>)' }, value: (b) => b.input.id },
  name: { def: { type: 'STRING', description: 'Chinese name; empty when unnamed' }, value: (b) => b.input.name, mayBeEmpty: true },
  nameEn: { def: { type: 'STRING', description: 'English name' }, value: (b) => b.input.nameEn, mayBeEmpty: true },
  heightM: { def: { type: 'SCALAR', componentType: 'FLOAT32', description: 'Height above the base, metres' }, value: (b) => b.heightM },
  floors: { def: { type: 'SCALAR', componentType: 'UINT16', description: 'Storeys above ground' }, value: (b) => Math.min(65535, b.floors) },
  landUse: { def: { type: 'STRING', description: 'GB 50137-2011 land-use class' }, value: (b) => b.input.landUse },
  status: { def: { type: 'STRING', description: 'existing | planned' }, value: (b) => b.input.status },
  source: { def: { type: 'STRING', description: 'osm (real) | generated (synthetic) | scheme (planning scheme, 示意)' }, value: (b) => b.input.source },
  osmId: { def: { type: 'STRING', description: 'OSM element (way/123); absent or empty for generated and scheme buildings' }, value: (b) => b.input.osmId, mayBeEmpty: true },
  cimLevel: { def: { type: 'STRING', description: 'CIM grade of this representation' }, value: (_b, cim) => cim },
  schemeId: { def: { type: 'STRING', description: 'Planning scheme id; only scheme buildings have one' }, value: (b) => b.input.schemeId ?? '', mayBeEmpty: true },
};

export const BUILDING_CLASS = 'building';

export const BUILDING_SCHEMA: MetadataSchema = {
  id: 'shentwin_buildings',
  name: 'ShenTwin buildings',
  classes: {
    [BUILDING_CLASS]: {
      name: 'Building',
      properties: Object.fromEntries(BUILDING_PROPERTIES.map((p) => [p, { ...COLUMNS[p].def, required: !COLUMNS[p].mayBeEmpty }])),
    },
  },
};

/**
 * Rows in the given order: feature id i is buildings[rows[i]]. Every column is present here; the
 * GLB encoder drops all-empty STRING columns (omitEmptyStringColumns).
 */
export function buildingPropertyTable(buildings: readonly PreparedBuilding[], rows: readonly number[], cimLevel: CimLevel): PropertyTableData {
  const columns: Record<string, PropertyColumn> = {};
  for (const p of BUILDING_PROPERTIES) {
    const spec = COLUMNS[p];
    const values = rows.map((i) => spec.value(buildings[i]!, cimLevel));
    columns[p] = spec.def.type === 'STRING'
      ? { type: 'STRING', values: values.map(String) }
      : { type: 'SCALAR', componentType: spec.def.componentType!, values: values.map(Number) };
  }
  return { name: 'buildings', class: BUILDING_CLASS, count: rows.length, columns };
}
