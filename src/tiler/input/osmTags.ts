/**
 * Reading OpenStreetMap building tags: heights, levels, roof shape, land use. Shared by the
 * GeoJSON and the OSM XML importers, which see the same tags in different wrappers.
 */
import type { LandUseClass } from '../../core/landUse';
import type { BuildingStatus, RoofShape } from '../types';

export type Tags = Readonly<Record<string, string>>;

/** Storey height when only building:levels is known (typical Shanghai mid-rise). */
export const METRES_PER_LEVEL = 3.2;
/** Height of a building that states neither height nor levels: a three-storey block. */
export const DEFAULT_BUILDING_HEIGHT_M = 10;
const FOOT_M = 0.3048;

/** "45", "45 m", "45.5m", "10,5", "30 ft", "30'" → metres; null when unusable. */
export function parseLengthM(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.trim().toLowerCase().replace(',', '.');
  const m = /^(-?\d+(?:\.\d+)?)\s*(m|metres|meters|ft|feet|')?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * (m[2] === 'ft' || m[2] === 'feet' || m[2] === "'" ? FOOT_M : 1);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** "9", "9.0", "3;4" (multiple values: take the largest) → a positive integer; null when unusable. */
export function parseLevels(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  let best: number | null = null;
  for (const part of raw.split(';')) {
    const v = Number(part.trim());
    if (Number.isFinite(v) && v > 0 && v < 300) best = Math.max(best ?? 0, Math.round(v));
  }
  return best;
}

export interface HeightInfo {
  heightM: number;
  floors: number;
  /** Where the height came from, for statistics. */
  basis: 'height' | 'levels' | 'default';
}

export function buildingHeight(tags: Tags): HeightInfo {
  const levels = parseLevels(tags['building:levels']);
  const height = parseLengthM(tags.height) ?? parseLengthM(tags['building:height']);
  if (height !== null) return { heightM: height, floors: levels ?? Math.max(1, Math.round(height / METRES_PER_LEVEL)), basis: 'height' };
  // Rounded to centimetres so 6 × 3.2 is 19.2, not 19.200000000000003.
  if (levels !== null) return { heightM: Math.round(levels * METRES_PER_LEVEL * 100) / 100, floors: levels, basis: 'levels' };
  return { heightM: DEFAULT_BUILDING_HEIGHT_M, floors: Math.round(DEFAULT_BUILDING_HEIGHT_M / METRES_PER_LEVEL), basis: 'default' };
}

const BUILDING_USE: Record<string, LandUseClass> = {
  apartments: 'R', residential: 'R', house: 'R', detached: 'R', terrace: 'R', dormitory: 'R', semidetached_house: 'R',
  university: 'A', college: 'A', school: 'A', kindergarten: 'A', hospital: 'A', public: 'A', civic: 'A',
  government: 'A', museum: 'A', library: 'A', church: 'A', temple: 'A', stadium: 'A', sports_hall: 'A',
  commercial: 'B', retail: 'B', office: 'B', hotel: 'B', supermarket: 'B',
  industrial: 'M', factory: 'M', manufacture: 'M',
  warehouse: 'W', storage_tank: 'W',
  train_station: 'S', transportation: 'S', parking: 'S',
  service: 'U', transformer_tower: 'U', water_tower: 'U',
};

const AMENITY_USE: Record<string, LandUseClass> = {
  university: 'A', college: 'A', school: 'A', library: 'A', hospital: 'A', townhall: 'A',
  restaurant: 'B', cafe: 'B', bank: 'B', fast_food: 'B', bar: 'B', parking: 'S',
};

/** Land-use class of a building from building=* then amenity=*, else the caller's fallback. */
export function buildingLandUse(tags: Tags, fallback: LandUseClass): LandUseClass {
  return BUILDING_USE[tags.building ?? ''] ?? AMENITY_USE[tags.amenity ?? ''] ?? fallback;
}

export function roofShape(tags: Tags): RoofShape {
  return tags['roof:shape'] === 'gable' ? 'gable' : 'flat';
}

export function buildingStatus(tags: Tags): BuildingStatus {
  return tags.building === 'construction' || tags.construction !== undefined || tags['building:status'] === 'planned'
    ? 'planned'
    : 'existing';
}

/** True for a tag value that marks a building (building=no is an explicit negative). */
export function isBuildingTag(v: string | undefined): boolean {
  return v !== undefined && v !== 'no';
}

/** "way/123", "relation/5", "node/7" → itself; anything else → null. */
export function normaliseOsmId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(node|way|relation)\/(\d+)$/.exec(raw.trim());
  return m ? `${m[1]}/${m[2]}` : null;
}
