/**
 * GeoJSON FeatureCollection (WGS84) → BuildingInput[] in a zone's ENU frame. Understands OSM
 * exports (overpass / osmtogeojson: `@id` or `id` like "way/123", tags flat in properties or
 * under `properties.tags`) and plain footprint files. Input is untrusted: every feature is checked.
 */
import { EnuFrame, type GeoOrigin } from '../../core/geodesy';
import type { LandUseClass } from '../../core/landUse';
import { cleanRing, MIN_HOLE_AREA_M2 } from '../geometry/footprint';
import type { BuildingInput, Ring } from '../types';
import { emptySkips, type ImportSkips } from './importStats';
import {
  buildingHeight, buildingLandUse, buildingStatus, isBuildingTag, normaliseOsmId, roofShape, type Tags,
} from './osmTags';

export interface GeojsonBuildingsOptions {
  origin: GeoOrigin;
  zoneId: string;
  /** Land use when the tags do not say (default 'B'). */
  defaultLandUse?: LandUseClass;
  /** Only features tagged building=* (other than "no") become buildings (default false). */
  requireBuildingTag?: boolean;
}

export interface GeojsonBuildingsResult {
  buildings: BuildingInput[];
  stats: { features: number; buildings: number; skipped: ImportSkips };
}

type Position = [number, number];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function tagsOf(props: unknown): Tags {
  if (!isObject(props)) return {};
  const source = isObject(props.tags) ? props.tags : props;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}

function readRing(raw: unknown): Position[] | null {
  if (!Array.isArray(raw)) return null;
  const out: Position[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || p.length < 2) return null;
    const lon = p[0], lat = p[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
    out.push([lon, lat]);
  }
  return out;
}

/** Polygon / MultiPolygon coordinates → list of polygons (rings in lon/lat), or why not. */
function polygonsOf(geometry: unknown): Position[][][] | 'notPolygon' | 'invalidCoordinates' {
  if (!isObject(geometry)) return 'notPolygon';
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!Array.isArray(polys)) return 'notPolygon';
  const out: Position[][][] = [];
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return 'invalidCoordinates';
    const rings: Position[][] = [];
    for (const r of poly) {
      const ring = readRing(r);
      if (!ring) return 'invalidCoordinates';
      rings.push(ring);
    }
    out.push(rings);
  }
  return out;
}

export function geojsonToBuildings(data: unknown, options: GeojsonBuildingsOptions): GeojsonBuildingsResult {
  const frame = new EnuFrame(options.origin);
  const skipped = emptySkips();
  const buildings: BuildingInput[] = [];
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    throw new Error('GeoJSON input must be a FeatureCollection with a features array');
  }
  const project = (ring: Position[]): Ring => ring.map(([lon, lat]) => {
    const p = frame.lonLatToEnu(lon, lat, 0);
    return [p[0], p[1]];
  });
  const seen = new Set<string>();
  data.features.forEach((feature: unknown, index: number) => {
    if (!isObject(feature)) {
      skipped.notPolygon++;
      return;
    }
    const tags = tagsOf(feature.properties);
    if (tags.building === 'no' || (options.requireBuildingTag && !isBuildingTag(tags.building))) {
      skipped.notBuilding++;
      return;
    }
    const polygons = polygonsOf(feature.geometry);
    if (typeof polygons === 'string') {
      skipped[polygons]++;
      return;
    }
    const props = isObject(feature.properties) ? feature.properties : {};
    const osmId = normaliseOsmId(props['@id']) ?? normaliseOsmId(feature.id) ?? normaliseOsmId(props.id);
    const baseId = osmId ? `osm:${osmId}` : `gen:${options.zoneId}:geojson-${index}`;
    const height = buildingHeight(tags);
    let part = 0;
    for (const rings of polygons) {
      const outer = cleanRing(project(rings[0]!), { orientation: 'ccw', rejectSelfIntersection: true });
      if (!outer) {
        skipped.degenerate++;
        continue;
      }
      const holes = rings.slice(1)
        .map((r) => cleanRing(project(r), { orientation: 'cw', minAreaM2: MIN_HOLE_AREA_M2 }))
        .filter((h): h is Ring => h !== null);
      // Parts of a MultiPolygon share the feature's attributes; ids stay unique and stable.
      const id = part === 0 ? baseId : `${baseId}#${part + 1}`;
      part++;
      if (seen.has(id)) {
        skipped.duplicate++;
        continue;
      }
      seen.add(id);
      buildings.push({
        id,
        name: tags.name ?? tags['name:zh'] ?? '',
        nameEn: tags['name:en'] ?? '',
        footprint: outer,
        ...(holes.length > 0 ? { holes } : {}),
        heightM: height.heightM,
        baseM: 0,
        floors: height.floors,
        landUse: buildingLandUse(tags, options.defaultLandUse ?? 'B'),
        status: buildingStatus(tags),
        source: osmId ? 'osm' : 'generated',
        osmId: osmId ?? '',
        roof: roofShape(tags),
        signature: false,
      });
    }
  });
  return { buildings, stats: { features: data.features.length, buildings: buildings.length, skipped } };
}
