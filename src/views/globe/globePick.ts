/**
 * Turns a click on the globe into the same plain-data selection the three.js view makes, so one
 * attribute panel serves both. Cesium exposes a building's EXT_structural_metadata row through
 * Cesium3DTileFeature.getProperty.
 */
import type { Cartesian3, Scene as CesiumScene } from 'cesium';
import type { EnuFrame, Vec3 } from '../../core/geodesy';
import type { BuildingProperties, BuildingSelection } from '../../state/selectionSlice';
import type { CesiumModule } from './loadCesium';

/** Metadata values the panel can show; anything else (arrays, vectors) is left out. */
function plainValue(v: unknown): string | number | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

export function pickBuilding(
  Cesium: CesiumModule,
  scene: CesiumScene,
  frame: EnuFrame,
  x: number,
  y: number,
): BuildingSelection | null {
  const windowPos = new Cesium.Cartesian2(x, y);
  const picked: unknown = scene.pick(windowPos);
  if (!(picked instanceof Cesium.Cesium3DTileFeature)) return null;
  const properties: BuildingProperties = {};
  for (const name of picked.getPropertyIds()) {
    const v = plainValue(picked.getProperty(name));
    if (v !== null) properties[name] = v;
  }
  const id = properties.id;
  if (typeof id !== 'string' || id === '') return null;
  // Depth picking can miss (e.g. translucent surfaces); fall back to the ray's ellipsoid hit.
  let hit: Cartesian3 | undefined = scene.pickPositionSupported ? scene.pickPosition(windowPos) : undefined;
  if (!hit || !Number.isFinite(hit.x)) hit = scene.camera.pickEllipsoid(windowPos) ?? undefined;
  const point: Vec3 = hit ? frame.ecefToEnu(hit.x, hit.y, hit.z) : [0, 0, 0];
  return { id, properties, point };
}
