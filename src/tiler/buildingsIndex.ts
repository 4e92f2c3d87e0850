/**
 * buildings-index.json: the compact search index behind the UI's search and attribute panel.
 * Every building that made it into the tiles is listed, real and generated alike; named
 * landmarks that are not buildings (points, sites, bridges) can be listed beside them for search.
 */
import type { PreparedBuilding } from './lod/prepareBuildings';
import type { BuildingSource } from './types';
import type { LandUseClass } from '../core/landUse';

export interface BuildingIndexEntry {
  id: string;
  name: string;
  nameEn: string;
  source: BuildingSource;
  heightM: number;
  floors: number;
  landUse: LandUseClass;
  /** Footprint centroid, zone ENU metres. */
  x: number;
  y: number;
  /** Roof top above the zone origin height (base + height), metres. */
  topM: number;
}

/** A named landmark that is not one of the tiles' buildings, zone ENU metres (app/buildingIndex.ts reads it). */
export interface LandmarkIndexEntry {
  /** OSM id as "osm:node/123" / "osm:way/123". */
  id: string;
  name: string;
  nameEn: string;
  x: number;
  y: number;
  z?: number;
}

export interface BuildingsIndex {
  version: 1;
  zoneId: string;
  buildings: BuildingIndexEntry[];
  /** Present when the caller lists landmarks; older indexes have none. */
  landmarks?: LandmarkIndexEntry[];
}

/** Centimetres are plenty for search and fly-to, and keep the file small. */
const cm = (v: number): number => Math.round(v * 100) / 100;

export function buildBuildingsIndex(zoneId: string, buildings: readonly PreparedBuilding[], landmarks?: readonly LandmarkIndexEntry[]): BuildingsIndex {
  return {
    version: 1,
    zoneId,
    buildings: buildings.map((b) => ({
      id: b.input.id,
      name: b.input.name,
      nameEn: b.input.nameEn,
      source: b.input.source,
      heightM: cm(b.heightM),
      floors: b.floors,
      landUse: b.input.landUse,
      x: cm(b.centroid[0]),
      y: cm(b.centroid[1]),
      topM: cm(b.topM),
    })),
    ...(landmarks ? { landmarks: landmarks.map((l) => ({ ...l, x: cm(l.x), y: cm(l.y), ...(l.z !== undefined ? { z: cm(l.z) } : {}) })) } : {}),
  };
}
