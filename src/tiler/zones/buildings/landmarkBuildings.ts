/**
 * Real OSM landmark polygons → buildings (with their OSM ids and names) or sites. A site is an
 * area such as a water works or a temple compound: too large to be one building, so it becomes a
 * land-use block of its own. The generator fills an ordinary site (a circuit's grandstands) at its
 * class's density, but leaves heritage sites empty: their real buildings are not in the data, and
 * invented ones would stand where the temple halls are. Heritage and museum landmarks are also
 * returned as protected areas, which the generator keeps a margin from and caps heights near.
 */
import type { LandUseClass } from '../../../core/landUse';
import type { BuildingInput, Ring } from '../../types';
import { signedArea } from '../geom/planar';
import { isProtectedLandmark, isProtectedPoint, pointMarker, type ProtectedArea } from './heritage';
import type { ZoneProjection } from '../project';
import type { GeneratorConfig, LandmarksFile } from '../sourceSchemas';

/** Museums mapped without a building tag but smaller than this are the museum building itself. */
const SMALL_MUSEUM_AREA_M2 = 5000;
/** Non-building areas at least this large are sites the generator fills. */
const SITE_MIN_AREA_M2 = 5000;
const LEVEL_HEIGHT_M = 3.5;

export interface LandmarkSite {
  osmId: string;
  name: string;
  nameEn: string;
  landUse: LandUseClass;
  typology?: string;
  ring: Ring;
  /** Heritage (or museum, temple) site: no generated buildings inside. */
  protected: boolean;
}

export interface LandmarkLayers {
  buildings: BuildingInput[];
  sites: LandmarkSite[];
  /** Small mapped structures (bridges, platforms) that generated buildings keep away from. */
  obstacles: Ring[];
  protectedAreas: ProtectedArea[];
}

type Props = LandmarksFile['features'][number]['properties'];

function tag(p: Props, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' ? v : undefined;
}

function parseMetres(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*m?\s*$/.exec(v);
  return m ? Number(m[1]) : null;
}

/** Height when OSM has neither `height` nor `building:levels`: typical for the kind of place. */
function defaultHeightM(p: Props): number {
  if (tag(p, 'building') === 'pagoda' || tag(p, 'man_made') === 'tower') return 40;
  if (tag(p, 'tourism') === 'museum') return 18;
  if (tag(p, 'building') === 'industrial') return 12;
  if (tag(p, 'historic') !== undefined) return 8;
  return 12;
}

function landUseOf(p: Props): LandUseClass {
  if (tag(p, 'building') === 'industrial') return 'M';
  return 'A';
}

function largestOuterRing(geometry: LandmarksFile['features'][number]['geometry'], proj: ZoneProjection): { outer: Ring; holes: Ring[] } | null {
  if (geometry.type === 'Point') return null;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { outer: Ring; holes: Ring[] } | null = null;
  let bestArea = 0;
  for (const poly of polys) {
    const outer = proj.ring(poly[0]!);
    const a = signedArea(outer);
    if (a > bestArea) {
      bestArea = a;
      best = { outer, holes: poly.slice(1).map((h) => proj.ring(h)).filter((h) => h.length >= 3) };
    }
  }
  return best && best.outer.length >= 3 ? best : null;
}

export function landmarkLayers(file: LandmarksFile, proj: ZoneProjection, config: GeneratorConfig): LandmarkLayers {
  const signature = new Set(config.landmarks.signature);
  const out: LandmarkLayers = { buildings: [], sites: [], obstacles: [], protectedAreas: [] };
  const { marginM, pointRadiusM } = config.heritage;
  for (const f of file.features) {
    const p = f.properties;
    const osmId = p['@id'];
    const isProtected = isProtectedLandmark(p);
    if (f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      if (isProtectedPoint(p)) out.protectedAreas.push({ ring: pointMarker(proj.point(lon, lat)), marginM: pointRadiusM });
      continue;
    }
    const shape = largestOuterRing(f.geometry, proj);
    if (!shape) continue;
    if (isProtected) out.protectedAreas.push({ ring: shape.outer, marginM });
    const area = signedArea(shape.outer);
    const name = tag(p, 'name') ?? tag(p, 'name:zh') ?? '';
    const nameEn = tag(p, 'name:en') ?? '';
    const building = tag(p, 'building');
    const tourism = tag(p, 'tourism');
    const site = config.sites[osmId];
    const isBuilding = !site && ((building !== undefined && building !== 'no')
      || ((tourism === 'museum' || tourism === 'gallery') && area < SMALL_MUSEUM_AREA_M2));
    if (isBuilding) {
      const levels = parseMetres(tag(p, 'building:levels'));
      const heightM = parseMetres(tag(p, 'height'))
        ?? (levels !== null && levels > 0 ? levels * LEVEL_HEIGHT_M : null)
        ?? config.landmarks.heightM[osmId]
        ?? defaultHeightM(p);
      out.buildings.push({
        id: `osm:${osmId}`,
        name,
        nameEn,
        footprint: shape.outer,
        ...(shape.holes.length ? { holes: shape.holes } : {}),
        heightM,
        baseM: 0,
        floors: Math.max(1, Math.round(levels ?? heightM / LEVEL_HEIGHT_M)),
        landUse: landUseOf(p),
        status: 'existing',
        source: 'osm',
        osmId,
        roof: 'flat',
        signature: signature.has(osmId),
      });
    } else if (site || area >= SITE_MIN_AREA_M2) {
      out.sites.push({
        osmId,
        name: name || osmId,
        nameEn: nameEn || name || osmId,
        landUse: site?.class ?? 'A',
        ...(site?.typology ? { typology: site.typology } : {}),
        ring: shape.outer,
        protected: isProtected,
      });
    } else {
      out.obstacles.push(shape.outer);
    }
  }
  return out;
}
