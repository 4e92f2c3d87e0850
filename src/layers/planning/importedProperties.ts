/**
 * Attribute-panel properties of a building from an imported scheme file, in the same shape as
 * a tile's metadata row, so picking, the panel and the URL treat both alike.
 */
import type { PlanBuilding, Scheme } from '../../analysis/planning/types';
import type { BuildingProperties } from '../../state/selectionSlice';

export function importedBuildingId(schemeId: string, buildingId: string): string {
  return `imported:${schemeId}:${buildingId}`;
}

export function importedProperties(scheme: Scheme, b: PlanBuilding): BuildingProperties {
  return {
    id: importedBuildingId(scheme.id, b.id),
    name: b.name.zh,
    nameEn: b.name.en,
    heightM: b.heightM,
    floors: b.floors,
    landUse: b.use,
    status: 'planned',
    source: 'imported',
    schemeId: scheme.id,
    cimLevel: 'CIM3',
  };
}
