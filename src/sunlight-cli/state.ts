/**
 * The CLI's state of the city: today's buildings (footprints.json), or today's with a scheme
 * applied — the scheme's site loses its existing buildings and gains the scheme's, exactly as the
 * viewer shows a scheme. And the receivers' buildings: a plot's, or those inside a GeoJSON polygon.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pointInPolygon, polygonCentroid } from '../analysis/planning/polygon';
import { parseSchemeFile } from '../analysis/planning/schemeFile';
import type { Bilingual, Ring, Scheme, ZonePlan } from '../analysis/planning/types';
import type { CasterBuilding } from '../analysis/sunlight/casters';
import type { ZoneFootprints } from '../analysis/sunlight/zoneFootprints';
import type { LandUseClass } from '../core/landUse';
import type { Scene } from '../scene/schema';
import { ZoneProjection } from '../tiler/zones/project';
import { UsageError } from './args';

export interface StateBuilding extends CasterBuilding {
  name: Bilingual;
  floors: number;
  use: LandUseClass;
  baseM: number;
  status: 'existing' | 'planned';
}

export function existingState(fp: ZoneFootprints): StateBuilding[] {
  return fp.buildings.map((b) => ({
    id: b.id, name: b.name, footprint: b.footprint, ...(b.holes ? { holes: b.holes } : {}),
    heightM: b.heightM, baseM: b.baseM, floors: b.floors, use: b.landUse, status: 'existing',
  }));
}

/** Scheme buildings stand on the ground of their site (the tiler builds them at base 0 too). */
export function applyScheme(existing: readonly StateBuilding[], plan: ZonePlan, scheme: Scheme): StateBuilding[] {
  const site = plan.sites.find((s) => s.id === scheme.siteId);
  if (!site) throw new UsageError(`scheme "${scheme.id}" names site "${scheme.siteId}", which zone "${plan.zoneId}" does not have`);
  const replaced = new Set(site.existing.map((b) => b.id));
  const added = scheme.buildings.map((b): StateBuilding => ({
    id: b.id, name: b.name, footprint: b.footprint, ...(b.holes ? { holes: b.holes } : {}),
    heightM: b.heightM, baseM: 0, floors: b.floors, use: b.use, status: 'planned',
  }));
  return [...existing.filter((b) => !replaced.has(b.id)), ...added];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A shipped scheme id, else a scheme file read with the planning parser (every error listed). */
export async function resolveScheme(arg: string, plan: ZonePlan, scene: Scene, crs: 'wgs84' | 'gcj02'): Promise<Scheme> {
  const shipped = plan.schemes.find((s) => s.id === arg);
  if (shipped) return shipped;
  if (!(await isFile(arg))) {
    throw new UsageError(`--scheme "${arg}" is neither a scheme of zone "${plan.zoneId}" (${plan.schemes.map((s) => s.id).join(', ') || 'none'}) nor a file`);
  }
  const buf = await readFile(arg);
  const r = parseSchemeFile(buf.toString('utf8'), buf.byteLength, {
    fileName: basename(arg), origin: scene.origin, bounds: scene.bounds, crs, source: 'imported',
    knownSiteIds: plan.sites.map((s) => s.id),
    ...(plan.sites.length === 1 ? { defaultSiteId: plan.sites[0]!.id } : {}),
  });
  if (!r.ok) {
    const lines = r.errors.slice(0, 10).map((e) => `  ${e.file} ${e.feature}: ${e.reason}`);
    throw new UsageError(`--scheme ${arg}: ${r.errors.length} problem(s)\n${lines.join('\n')}`);
  }
  return r.scheme;
}

interface Area {
  outer: Ring;
  holes: Ring[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Polygons of a GeoJSON file (Polygon, MultiPolygon, Feature or FeatureCollection of them), lon/lat. */
function geojsonPolygons(doc: unknown, file: string): number[][][][] {
  const out: number[][][][] = [];
  const visit = (g: unknown): void => {
    if (!isObj(g)) return;
    if (g.type === 'FeatureCollection' && Array.isArray(g.features)) g.features.forEach((f) => visit(f));
    else if (g.type === 'Feature') visit(g.geometry);
    else if (g.type === 'Polygon' && Array.isArray(g.coordinates)) out.push(g.coordinates as number[][][]);
    else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) out.push(...(g.coordinates as number[][][][]));
  };
  visit(doc);
  if (out.length === 0) throw new UsageError(`--receivers ${file}: no Polygon or MultiPolygon in the GeoJSON`);
  return out;
}

async function readAreas(file: string, scene: Scene): Promise<Area[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--receivers ${file}: not valid JSON (${(e as Error).message})`);
  }
  const proj = new ZoneProjection(scene.origin);
  const { west, south, east, north } = scene.bounds;
  return geojsonPolygons(doc, file).map((poly, pi) => {
    const rings = poly.map((ring, ri) => {
      const ok = Array.isArray(ring) && ring.length >= 4 && ring.every((c) => Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]));
      if (!ok) throw new UsageError(`--receivers ${file}: polygon ${pi} ring ${ri} needs ≥ 4 finite [lon, lat] positions`);
      const off = ring.find((c) => c[0]! < west - 0.05 || c[0]! > east + 0.05 || c[1]! < south - 0.05 || c[1]! > north + 0.05);
      if (off) throw new UsageError(`--receivers ${file}: polygon ${pi} has [${off[0]}, ${off[1]}], outside zone "${scene.id}" (wrong zone, or lat/lon swapped?)`);
      return proj.ring(ring);
    });
    return { outer: rings[0]!, holes: rings.slice(1) };
  });
}

export interface ReceiverPick {
  buildings: StateBuilding[];
  /** Human-readable: "plot plot:B-16 (R)", "polygon file x.geojson (R)". */
  description: string;
  plotId: string | null;
}

const usesLabel = (uses: LandUseClass[] | 'all'): string => (uses === 'all' ? 'all uses' : uses.join(','));

/** Buildings of the state whose footprint centroid lies in the plot or polygon, of the given uses. */
export async function pickReceivers(
  arg: string | null, scheme: Scheme | null, state: readonly StateBuilding[], plan: ZonePlan, scene: Scene, uses: LandUseClass[] | 'all',
): Promise<ReceiverPick> {
  let areas: Area[];
  let description: string;
  let plotId: string | null = null;
  const plotOf = (id: string) => plan.plots.find((p) => p.id === id || p.code === id);
  const siteOf = (s: Scheme) => plan.sites.find((x) => x.id === s.siteId);
  if (arg === null) {
    const site = scheme ? siteOf(scheme) : undefined;
    const plot = site ? plotOf(site.plotId) : undefined;
    if (!plot) throw new UsageError(`scheme "${scheme?.id}": its site's plot is not in plan.json; give --receivers`);
    areas = [{ outer: plot.ring, holes: plot.holes ?? [] }];
    plotId = plot.id;
    description = `plot ${plot.id} of scheme ${scheme!.id}`;
  } else if (plotOf(arg)) {
    const plot = plotOf(arg)!;
    areas = [{ outer: plot.ring, holes: plot.holes ?? [] }];
    plotId = plot.id;
    description = `plot ${plot.id}`;
  } else if (await isFile(arg)) {
    areas = await readAreas(arg, scene);
    description = `polygon file ${basename(arg)}`;
  } else {
    throw new UsageError(`--receivers "${arg}" is neither a plot id of zone "${plan.zoneId}" nor a file`);
  }
  const buildings = state.filter((b) => {
    if (uses !== 'all' && !uses.includes(b.use)) return false;
    const c = polygonCentroid(b.footprint, b.holes ?? []);
    return areas.some((a) => pointInPolygon(c, a.outer, a.holes));
  });
  return { buildings, description: `${description} (${usesLabel(uses)})`, plotId };
}
