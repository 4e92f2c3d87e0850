/**
 * Everything the viewer loads for one zone, written under one directory:
 *   buildings/tileset.json + *.glb, ground/tileset.json + *.glb, buildings-index.json, roads.json,
 *   bim/floors.json (the floor lists of the CIM5 buildings),
 *   and where the zone has planning layers plan/plan.json + schemes/<id>/tileset.json + *.glb, and
 *   plan/footprints.json (every building's footprint, for sunlight casters at full detail).
 * Deterministic: the same ZoneInput always yields the same bytes (no timestamps, sorted ids).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeZoneBimFloors } from './bim/zoneBimFloors';
import { buildBuildingsIndex } from './buildingsIndex';
import { writeBuildingsTileset } from './buildingsTileset';
import { writeGroundTileset, type GroundRejections } from './groundTileset';
import type { TileEncodeOptions } from './gltf/encodeTileGlb';
import type { PlanOptions } from './lod/planBuildingTiles';
import type { BuildingRejections } from './lod/prepareBuildings';
import { planCounts, type ZonePlanCounts } from './plan/types';
import { writeZonePlan } from './plan/writeZonePlan';
import { formatZoneFootprints } from './plan/zoneFootprintsFile';
import type { ZoneInput } from './types';

export interface ZoneTilesSummary {
  zoneId: string;
  buildings: number;
  signatureBuildings: number;
  rejectedBuildings: BuildingRejections;
  groundPolygons: number;
  rejectedGround: GroundRejections;
  /** GLB files written (buildings + ground). */
  tiles: number;
  /** All bytes written. */
  bytes: number;
  /** Planning layers written (plan/plan.json, schemes/<id>/), if the zone has them. */
  plan: ZonePlanCounts | null;
}

/** Road geometry comes from upstream code; a NaN must fail the build, not become `null` in JSON. */
function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`roads.json: non-finite number at "${key}"`);
  return value;
}

function checkOrigin(zone: ZoneInput): void {
  const o = zone.origin;
  const ok = Number.isFinite(o.lonDeg) && Number.isFinite(o.latDeg) && Number.isFinite(o.heightM)
    && Math.abs(o.lonDeg) <= 180 && Math.abs(o.latDeg) <= 90;
  if (!ok) throw new Error(`zone "${zone.zoneId}": origin ${JSON.stringify(o)} is not a valid lon/lat/height`);
}

export async function writeZoneTiles(zone: ZoneInput, zoneDir: string, options: { plan?: PlanOptions } & TileEncodeOptions = {}): Promise<ZoneTilesSummary> {
  const encode: TileEncodeOptions = options.compress === undefined ? {} : { compress: options.compress };
  checkOrigin(zone);
  await mkdir(zoneDir, { recursive: true });
  const b = await writeBuildingsTileset(zone.buildings, zone.origin, join(zoneDir, 'buildings'), options);
  const g = await writeGroundTileset(zone.ground, zone.origin, join(zoneDir, 'ground'), encode);
  const index = `${JSON.stringify(buildBuildingsIndex(zone.zoneId, b.prepared.buildings))}\n`;
  const roads = `${JSON.stringify(zone.roads, finiteOnly)}\n`;
  await writeFile(join(zoneDir, 'buildings-index.json'), index);
  await writeFile(join(zoneDir, 'roads.json'), roads);
  const bimBytes = await writeZoneBimFloors(zone.zoneId, b.prepared.buildings, zoneDir);
  const p = zone.plan ? await writeZonePlan(zone.plan, zone.origin, zoneDir, encode) : { tiles: 0, bytes: 0 };
  if (zone.plan) {
    const footprints = formatZoneFootprints(zone, b.prepared.buildings);
    await writeFile(join(zoneDir, 'plan', 'footprints.json'), footprints);
    p.bytes += Buffer.byteLength(footprints);
  }
  return {
    zoneId: zone.zoneId,
    buildings: b.buildings,
    signatureBuildings: b.signatureBuildings,
    rejectedBuildings: b.rejected,
    groundPolygons: g.polygons,
    rejectedGround: g.rejected,
    tiles: b.tiles + g.tiles + p.tiles,
    bytes: b.bytes + g.bytes + p.bytes + Buffer.byteLength(index) + Buffer.byteLength(roads) + bimBytes,
    plan: zone.plan ? planCounts(zone.plan) : null,
  };
}
