/**
 * The shipped schemes of a zone (tiles/<zone>/schemes/*.geojson), read with the same parser the
 * viewer uses for imported files, plus the buildings of each scheme's own 3D Tiles tileset. A
 * shipped scheme that does not parse cleanly fails the build: it is our data, not a user's.
 */
import { parseSchemeFile } from '../../analysis/planning/schemeFile';
import type { PlanBuilding, Scheme } from '../../analysis/planning/types';
import type { BuildingInput } from '../types';
import type { SchemeSourceFile } from './planRules';

export interface SchemeContext {
  origin: { lonDeg: number; latDeg: number; heightM: number };
  bounds: { west: number; south: number; east: number; north: number };
  siteIds: string[];
}

export function schemeBuildingId(schemeId: string, featureId: string): string {
  return `scheme:${schemeId}:${featureId}`;
}

export function schemeTilesetPath(schemeId: string): string {
  return `schemes/${schemeId}/tileset.json`;
}

export function readShippedScheme(file: SchemeSourceFile, ctx: SchemeContext): Scheme {
  const r = parseSchemeFile(file.text, file.byteLength, {
    fileName: file.fileName,
    origin: ctx.origin,
    bounds: ctx.bounds,
    crs: 'wgs84',
    source: 'shipped',
    knownSiteIds: ctx.siteIds,
  });
  if (!r.ok) {
    const lines = r.errors.slice(0, 5).map((e) => `  ${e.feature}: ${e.reason} (${e.code})`);
    throw new Error(`${file.fileName}: ${r.errors.length} problem(s)\n${lines.join('\n')}`);
  }
  if (r.warnings.length > 0) {
    throw new Error(`${file.fileName}: ${r.warnings.map((w) => `${w.feature}: ${w.reason}`).join('; ')}`);
  }
  if (r.scheme.id !== file.stem) throw new Error(`${file.fileName}: scheme id "${r.scheme.id}" must match the file name`);
  const s = r.scheme;
  // Ids the viewer can tell apart from the zone's own buildings, identical in plan.json and the tiles.
  const buildings = s.buildings.map((b): PlanBuilding => ({ ...b, id: schemeBuildingId(s.id, b.id), status: 'planned' }));
  return { id: s.id, siteId: s.siteId, name: s.name, source: 'shipped', buildings, green: s.green, tileset: schemeTilesetPath(s.id) };
}

/** A scheme's buildings as the buildings tileset writer takes them. */
export function schemeBuildingInputs(scheme: Scheme): BuildingInput[] {
  return scheme.buildings.map((b): BuildingInput => ({
    id: b.id,
    name: b.name.zh,
    nameEn: b.name.en,
    footprint: b.footprint,
    ...(b.holes && b.holes.length > 0 ? { holes: b.holes } : {}),
    heightM: b.heightM,
    baseM: 0,
    floors: b.floors,
    landUse: b.use,
    status: 'planned',
    source: 'scheme',
    osmId: '',
    roof: 'flat',
    signature: false,
    schemeId: scheme.id,
  }));
}
