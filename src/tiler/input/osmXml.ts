/**
 * Raw OSM XML → tiler inputs in a zone's ENU frame:
 *   - buildings from closed ways and multipolygon relations tagged building=*,
 *   - highways as polylines (plus traffic-signal nodes) for road-graph building,
 *   - land-use, green and water areas as GroundInput.
 * Every skipped element is counted by reason.
 */
import type { GeoOrigin } from '../../core/geodesy';
import type { LandUseClass } from '../../core/landUse';
import { MIN_GROUND_AREA_M2 } from '../groundContent';
import type { BuildingInput, GroundInput } from '../types';
import { emptySkips, type ImportSkips } from './importStats';
import { osmGroundClass } from './osmGroundClass';
import {
  buildingHeight, buildingLandUse, buildingStatus, isBuildingTag, parseLevels, roofShape, type Tags,
} from './osmTags';
import { memberWays, OsmAreaBuilder, type AreaPolygon } from './osmAreaBuilder';
import { parseOsmXml } from './osmXmlParse';

export interface OsmImportOptions {
  origin: GeoOrigin;
  /** Land use of buildings whose tags do not say (default 'B'). */
  defaultLandUse?: LandUseClass;
}

export interface OsmHighway {
  /** OSM way id, "way/123". */
  osmId: string;
  highway: string;
  name: string;
  nameEn: string;
  /** ENU metres, in the way's direction of travel when one-way. */
  points: [number, number][];
  lanes: number | null;
  oneway: boolean;
  maxspeedKmh: number | null;
}

export interface OsmSignal {
  osmId: string;
  x: number;
  y: number;
}

export interface OsmImportResult {
  buildings: BuildingInput[];
  ground: GroundInput[];
  highways: OsmHighway[];
  signals: OsmSignal[];
  stats: {
    buildings: number;
    buildingsSkipped: ImportSkips;
    ground: number;
    groundSkipped: ImportSkips;
    highways: number;
    highwaysSkipped: number;
    invalidNodes: number;
  };
}


const MPH_KMH = 1.609344;

function parseMaxspeedKmh(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?$/.exec(raw.trim().toLowerCase());
  if (!m) return null;
  const v = Number(m[1]) * (m[2] === 'mph' ? MPH_KMH : 1);
  return v > 0 ? Math.round(v) : null;
}

/** One id per polygon: the element id, then "#2", "#3"… for further outer rings. */
function partId(base: string, k: number): string {
  return k === 0 ? base : `${base}#${k + 1}`;
}

export function osmXmlToInputs(xml: string, options: OsmImportOptions): OsmImportResult {
  const data = parseOsmXml(xml);
  const conv = new OsmAreaBuilder(data, options.origin);
  const buildingsSkipped = emptySkips();
  const groundSkipped = emptySkips();
  const buildings: BuildingInput[] = [];
  const ground: GroundInput[] = [];
  const highways: OsmHighway[] = [];
  let highwaysSkipped = 0;

  const addBuilding = (osmId: string, tags: Tags, polygons: AreaPolygon[]): void => {
    const height = buildingHeight(tags);
    polygons.forEach((poly, k) => {
      buildings.push({
        id: partId(`osm:${osmId}`, k),
        name: tags.name ?? tags['name:zh'] ?? '',
        nameEn: tags['name:en'] ?? '',
        footprint: poly.outer,
        ...(poly.holes.length > 0 ? { holes: poly.holes } : {}),
        heightM: height.heightM,
        baseM: 0,
        floors: height.floors,
        landUse: buildingLandUse(tags, options.defaultLandUse ?? 'B'),
        status: buildingStatus(tags),
        source: 'osm',
        osmId,
        roof: roofShape(tags),
        signature: false,
      });
    });
  };
  const addGround = (osmId: string, tags: Tags, polygons: AreaPolygon[]): void => {
    const cls = osmGroundClass(tags)!;
    polygons.forEach((poly, k) => {
      ground.push({
        id: partId(`osm:${osmId}`, k),
        kind: cls.kind,
        landUse: cls.landUse,
        name: tags.name ?? '',
        polygon: poly.outer,
        ...(poly.holes.length > 0 ? { holes: poly.holes } : {}),
      });
    });
  };

  // Ways that outline a building multipolygon would otherwise be counted twice.
  const buildingOutlineWays = new Set<string>();
  for (const rel of data.relations) {
    if (rel.tags.type !== 'multipolygon') continue;
    const isBuilding = isBuildingTag(rel.tags.building);
    if (!isBuilding && !osmGroundClass(rel.tags)) continue;
    const skips = isBuilding ? buildingsSkipped : groundSkipped;
    const refs = memberWays(data, rel.members);
    if (refs.missing > 0) {
      skips.incomplete++;
      continue;
    }
    const polygons = conv.multipolygon(refs, isBuilding ? 1 : MIN_GROUND_AREA_M2, skips);
    if (!polygons) continue;
    if (isBuilding) {
      addBuilding(`relation/${rel.id}`, rel.tags, polygons);
      for (const m of rel.members) if (m.type === 'way' && m.role !== 'inner') buildingOutlineWays.add(m.ref);
    } else {
      addGround(`relation/${rel.id}`, rel.tags, polygons);
    }
  }

  for (const way of data.ways.values()) {
    const tags = way.tags;
    if (isBuildingTag(tags.building)) {
      if (buildingOutlineWays.has(way.id)) {
        buildingsSkipped.duplicate++;
        continue;
      }
      const polygons = conv.closedWay(way.refs, 1, buildingsSkipped);
      if (polygons) addBuilding(`way/${way.id}`, tags, polygons);
      continue;
    }
    if (tags.highway !== undefined && tags.area !== 'yes') {
      const points = conv.project(way.refs);
      if (!points || points.length < 2) {
        highwaysSkipped++;
        continue;
      }
      const reverse = tags.oneway === '-1';
      highways.push({
        osmId: `way/${way.id}`,
        highway: tags.highway,
        name: tags.name ?? '',
        nameEn: tags['name:en'] ?? '',
        points: reverse ? points.reverse() : points,
        lanes: parseLevels(tags.lanes),
        oneway: reverse || tags.oneway === 'yes' || tags.oneway === '1' || tags.oneway === 'true',
        maxspeedKmh: parseMaxspeedKmh(tags.maxspeed),
      });
      continue;
    }
    if (osmGroundClass(tags)) {
      const polygons = conv.closedWay(way.refs, MIN_GROUND_AREA_M2, groundSkipped);
      if (polygons) addGround(`way/${way.id}`, tags, polygons);
    }
  }

  const signals: OsmSignal[] = [];
  for (const [id, node] of data.nodes) {
    if (node.tags.highway !== 'traffic_signals') continue;
    const p = conv.project([id])![0]!;
    signals.push({ osmId: `node/${id}`, x: p[0], y: p[1] });
  }
  return {
    buildings,
    ground,
    highways,
    signals,
    stats: {
      buildings: buildings.length,
      buildingsSkipped,
      ground: ground.length,
      groundSkipped,
      highways: highways.length,
      highwaysSkipped,
      invalidNodes: data.invalidNodes,
    },
  };
}
