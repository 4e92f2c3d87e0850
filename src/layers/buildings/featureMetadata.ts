/**
 * Adapter from what 3d-tiles-renderer's GLTF metadata extensions attach to a mesh
 * (`userData.meshFeatures`, `userData.structuralMetadata`) to the buildings layer's plain data.
 * Feature ids are read from the vertex attribute directly: the library's `getFeatures` also
 * supports feature-id textures and for that lazily creates a second WebGL renderer, which this
 * app neither needs nor wants.
 */
import type { BufferGeometry, Object3D } from 'three';
import type { BuildingProperties } from '../../state/selectionSlice';
import { featureIdForFace, toPlainProperties } from './model';
import { readStringColumn, type ColumnTableLike } from './stringColumn';

interface FeatureIdInfo {
  attribute?: number;
  texture?: unknown;
  propertyTable?: number | null;
  nullFeatureId?: number | null;
}

interface TableAccessor extends ColumnTableLike {
  count: number;
  getPropertyValue(name: string, id: number): unknown;
}

interface MeshFeaturesLike {
  getFeatureInfo(): FeatureIdInfo[];
}

interface StructuralMetadataLike {
  tableAccessors?: TableAccessor[];
  getPropertyTableData(table: number, id: number): Record<string, unknown>;
}

export interface FeatureSource {
  /** Attribute holding the feature ids, or null for implicit ids (vertex index). */
  attributeName: string | null;
  table: number | null;
  nullFeatureId: number | null;
}

/** The first feature-id set of a mesh that can be read from vertices, or null. */
export function featureSourceOf(mesh: Object3D): FeatureSource | null {
  const mf = mesh.userData.meshFeatures as MeshFeaturesLike | undefined;
  const info = mf?.getFeatureInfo?.().find((f) => f.texture === undefined);
  if (info) {
    return {
      attributeName: typeof info.attribute === 'number' ? `_feature_id_${info.attribute}` : null,
      table: typeof info.propertyTable === 'number' ? info.propertyTable : null,
      nullFeatureId: typeof info.nullFeatureId === 'number' ? info.nullFeatureId : null,
    };
  }
  // Without the extension object, fall back to the attribute name the tiler writes.
  const geometry = (mesh as { geometry?: BufferGeometry }).geometry;
  if (geometry?.getAttribute('_feature_id_0')) return { attributeName: '_feature_id_0', table: 0, nullFeatureId: null };
  return null;
}

export function featureIdAtFace(mesh: Object3D, faceIndex: number): number | null {
  const source = featureSourceOf(mesh);
  const geometry = (mesh as { geometry?: BufferGeometry }).geometry;
  if (!source || !geometry) return null;
  const position = geometry.getAttribute('position');
  if (!position) return null;
  const ids = source.attributeName ? geometry.getAttribute(source.attributeName) : undefined;
  if (source.attributeName && !ids) return null;
  return featureIdForFace(geometry.index, ids ?? null, faceIndex, source.nullFeatureId, position.count);
}

function metadataOf(mesh: Object3D): StructuralMetadataLike | null {
  return (mesh.userData.structuralMetadata as StructuralMetadataLike | undefined) ?? null;
}

/** A feature's property row, as plain data; null when the tile has no such row. */
export function featureProperties(mesh: Object3D, featureId: number): BuildingProperties | null {
  const source = featureSourceOf(mesh);
  const metadata = metadataOf(mesh);
  if (!source || source.table === null || !metadata) return null;
  const table = metadata.tableAccessors?.[source.table];
  if (!table || featureId >= table.count) return null;
  try {
    return toPlainProperties(metadata.getPropertyTableData(source.table, featureId));
  } catch {
    // A malformed property table must not break picking; the building is just not identifiable.
    return null;
  }
}

export interface BuildingIdRow {
  featureId: number;
  buildingId: string;
}

/**
 * Building ids per property table. The highlight index and the existing-building hider both read
 * them as a tile loads; the table belongs to the tile, so the entry goes with it.
 */
const idsByTable = new WeakMap<object, readonly BuildingIdRow[]>();

function readBuildingIds(table: TableAccessor): BuildingIdRow[] {
  const out: BuildingIdRow[] = [];
  const column = readStringColumn(table, 'id');
  if (column) {
    for (let i = 0; i < column.length; i++) if (column[i]!.length > 0) out.push({ featureId: i, buildingId: column[i]! });
    return out;
  }
  try {
    for (let i = 0; i < table.count; i++) {
      const id = table.getPropertyValue('id', i);
      if (typeof id === 'string' && id.length > 0) out.push({ featureId: i, buildingId: id });
    }
  } catch {
    return out;
  }
  return out;
}

/** Every (feature id, building id) pair of a tile mesh, read once per tile when it loads. */
export function buildingIdsOfMesh(mesh: Object3D): readonly BuildingIdRow[] {
  const source = featureSourceOf(mesh);
  const metadata = metadataOf(mesh);
  if (!source || source.table === null || !metadata) return [];
  const table = metadata.tableAccessors?.[source.table];
  if (!table) return [];
  let rows = idsByTable.get(table);
  if (!rows) {
    rows = readBuildingIds(table);
    idsByTable.set(table, rows);
  }
  return rows;
}
