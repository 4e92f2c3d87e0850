/**
 * Reads a scheme given as CityJSON 1.1 or 2.0: integer vertices with a `transform`, and
 * Building / BuildingPart CityObjects with Solid, MultiSurface or CompositeSurface geometry of
 * lod ≥ 1 (the highest such lod is used).
 *
 * Coordinate systems: only geographic lon/lat ones are supported, i.e. EPSG:4326, EPSG:4979 and
 * OGC CRS84 (WGS84), and EPSG:4490 (CGCS2000), which we treat as WGS84: the two differ by well
 * under 1 m, less than drawing precision. Vertices are read as x = longitude, y = latitude (the
 * order CityJSON and GIS tools use, though EPSG:4326 formally lists latitude first). Projected
 * systems (Shanghai 2000 grid, UTM zones, Web Mercator) are out of scope: they would need a
 * projection library and per-city parameters; the planner reprojects to lon/lat first.
 *
 * Per building: the footprint is the surface whose vertices all lie at the object's lowest z
 * (the largest one if several do), the height is attributes.measuredHeight or else max z − min z,
 * and floors come from attributes.storeysAboveGround (required, for GFA). When a Building's
 * BuildingParts carry geometry, the parts are the buildings and the parent's own geometry is
 * ignored, so the same volume is not counted twice. CityJSON schemes carry no green polygons.
 */
import {
  assembleScheme, checkFloors, checkHeight, isRecord, optionalText, parseUse, readMeta, RingProjector, show,
} from './schemeFileCommon';
import type { SchemeFileContext, SchemeFileResult, SchemeIssues } from './schemeFileTypes';
import type { PlanBuilding, Ring } from './types';

/** Vertices within this height of the object's lowest point belong to the ground surface. */
const GROUND_TOLERANCE_M = 0.01;
const BUILDING_TYPES = new Set(['Building', 'BuildingPart']);
const SURFACE_TYPES = new Set(['Solid', 'MultiSurface', 'CompositeSurface']);

type Surface = number[][];

/** The geographic CRS of a referenceSystem string, or null if it is not one we read. */
export function geographicCrs(rs: string): 'WGS84' | 'CGCS2000' | null {
  const s = rs.trim();
  if (/CRS:?84h?$/i.test(s)) return 'WGS84';
  const code = /EPSG(?:\/[\d.]+\/|:[\d.]*:|:)(\d+)$/i.exec(s)?.[1];
  if (code === '4326' || code === '4979') return 'WGS84';
  if (code === '4490') return 'CGCS2000';
  return null;
}

function vec3(v: unknown): [number, number, number] | null {
  return Array.isArray(v) && v.length === 3 && v.every((c) => typeof c === 'number' && Number.isFinite(c)) ? (v as [number, number, number]) : null;
}

function isIndexRings(v: unknown): v is number[][] {
  return Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.every((i) => typeof i === 'number'));
}

/** Surfaces of the best usable geometry, or a reason why there is none. */
function surfacesOf(geometry: unknown): { surfaces: Surface[]; type: string } | { problem: string } | null {
  if (!Array.isArray(geometry)) return null;
  const usable = geometry.filter((g): g is Record<string, unknown> => isRecord(g) && SURFACE_TYPES.has(String(g.type)) && Number(g.lod) >= 1);
  if (usable.length === 0) return null;
  const best = usable.reduce((a, b) => (Number(b.lod) > Number(a.lod) ? b : a));
  const type = String(best.type);
  const b = best.boundaries;
  const shell = type === 'Solid' ? (Array.isArray(b) ? b[0] : undefined) : b;
  if (!Array.isArray(shell) || shell.length === 0 || !shell.every(isIndexRings)) {
    return { problem: `the lod ${String(best.lod)} ${type} has malformed boundaries` };
  }
  return { surfaces: shell, type };
}

export function readCityjson(doc: Record<string, unknown>, ctx: SchemeFileContext, issues: SchemeIssues): SchemeFileResult {
  const fail = (reason: string, params?: Record<string, string | number>): SchemeFileResult => {
    issues.error('file', 'unknown-format', reason, params);
    return { ok: false, errors: issues.errors };
  };
  const version = typeof doc.version === 'string' ? doc.version : '';
  if (!/^(1\.1|2\.0)(\.\d+)?$/.test(version)) return fail(`CityJSON version ${show(doc.version)} is not supported; use 1.1 or 2.0`, { version: show(doc.version) });
  const metadata = isRecord(doc.metadata) ? doc.metadata : {};
  const rs = metadata.referenceSystem;
  if (typeof rs !== 'string') {
    return fail('CityJSON metadata.referenceSystem is missing; give EPSG:4326, OGC CRS84 or EPSG:4490 (lon/lat degrees)');
  }
  if (!geographicCrs(rs)) {
    return fail(`CityJSON reference system "${rs}" is not supported; only lon/lat EPSG:4326, EPSG:4979, OGC CRS84 and EPSG:4490 are (reproject projected coordinates first)`, { crs: rs });
  }
  const transform = isRecord(doc.transform) ? doc.transform : {};
  const scale = vec3(transform.scale), translate = vec3(transform.translate);
  if (!scale || !translate || scale.some((s) => s === 0)) return fail('CityJSON transform needs scale (three non-zero numbers) and translate (three numbers)');
  if (!Array.isArray(doc.vertices)) return fail('CityJSON "vertices" must be an array');
  if (!isRecord(doc.CityObjects)) return fail('CityJSON "CityObjects" must be an object');

  const meta = readMeta(doc['shentwin:scheme'] ?? metadata['shentwin:scheme'], ctx, issues);
  const raw = doc.vertices as unknown[];
  const coords = new Float64Array(raw.length * 3);
  raw.forEach((v, i) => {
    const p = vec3(v);
    for (let k = 0; k < 3; k++) coords[i * 3 + k] = p ? p[k]! * scale[k]! + translate[k]! : NaN;
  });

  const objects = doc.CityObjects;
  const partsWithGeometry = new Set<string>();
  for (const obj of Object.values(objects)) {
    if (!isRecord(obj) || obj.type !== 'BuildingPart' || !surfacesOf(obj.geometry) || !Array.isArray(obj.parents)) continue;
    for (const p of obj.parents) if (typeof p === 'string') partsWithGeometry.add(p);
  }

  const proj = new RingProjector(ctx, issues);
  const buildings: { where: string; building: PlanBuilding }[] = [];
  let skipped = 0;
  for (const [key, obj] of Object.entries(objects)) {
    if (issues.full) break;
    if (!isRecord(obj) || !BUILDING_TYPES.has(String(obj.type))) {
      skipped++;
      continue;
    }
    const where = `CityObject "${key}"`;
    const found = surfacesOf(obj.geometry);
    if (obj.type === 'Building' && partsWithGeometry.has(key)) {
      if (found) issues.warn(where, 'bad-geometry-type', "the building's own geometry is ignored: its BuildingParts carry geometry");
      continue;
    }
    if (!found || 'problem' in found) {
      const reason = found ? found.problem : 'has no Solid, MultiSurface or CompositeSurface geometry of lod 1 or higher';
      issues.error(where, 'bad-geometry-type', reason);
      continue;
    }
    const building = readBuilding(key, obj, found.surfaces, coords, objects, where, proj, issues);
    if (building) buildings.push({ where, building });
  }
  if (skipped > 0) issues.warn('file', 'bad-geometry-type', `${skipped} CityObject(s) that are not Building or BuildingPart were ignored`, { count: skipped });
  return assembleScheme(meta, buildings, [], ctx, issues);
}

function readBuilding(
  key: string,
  obj: Record<string, unknown>,
  surfaces: Surface[],
  coords: Float64Array,
  objects: Record<string, unknown>,
  where: string,
  proj: RingProjector,
  issues: SchemeIssues,
): PlanBuilding | null {
  const nVerts = coords.length / 3;
  let minZ = Infinity, maxZ = -Infinity;
  for (const ring of surfaces.flat()) {
    for (const i of ring) {
      if (!Number.isInteger(i) || i < 0 || i >= nVerts) {
        issues.error(where, 'bad-vertex-index', `refers to vertex ${i}, but the file has vertices 0..${nVerts - 1}`, { index: i });
        return null;
      }
      const z = coords[i * 3 + 2]!;
      if (!Number.isFinite(z) || !Number.isFinite(coords[i * 3]!) || !Number.isFinite(coords[i * 3 + 1]!)) {
        issues.error(where, 'non-finite-coordinate', `vertex ${i} is not three finite numbers`, { index: i });
        return null;
      }
      minZ = Math.min(minZ, z);
      maxZ = Math.max(maxZ, z);
    }
  }

  // Largest ground surface, compared by area in degrees with longitude scaled to the latitude.
  let ground: Surface | null = null;
  let groundArea = -1;
  for (const s of surfaces) {
    if (!s.every((ring) => ring.every((i) => coords[i * 3 + 2]! <= minZ + GROUND_TOLERANCE_M))) continue;
    const outer = s[0] ?? [];
    const k = Math.cos(((coords[(outer[0] ?? 0) * 3 + 1] ?? 0) * Math.PI) / 180);
    let a2 = 0;
    for (let j = 0; j < outer.length; j++) {
      const p = outer[j]!, q = outer[(j + 1) % outer.length]!;
      a2 += coords[p * 3]! * k * coords[q * 3 + 1]! - coords[q * 3]! * k * coords[p * 3 + 1]!;
    }
    if (Math.abs(a2) > groundArea) {
      groundArea = Math.abs(a2);
      ground = s;
    }
  }
  if (!ground) {
    issues.error(where, 'bad-geometry-type', 'no surface lies at the lowest height, so there is no footprint');
    return null;
  }
  const rings: Ring[] = [];
  for (let r = 0; r < ground.length; r++) {
    const positions = ground[r]!.map((i) => [coords[i * 3], coords[i * 3 + 1]]);
    const ring = proj.project(positions, where, `footprint ring ${r}`, r === 0 ? 'outer' : 'hole');
    if (!ring) return null;
    rings.push(ring);
  }

  const attrs = isRecord(obj.attributes) ? obj.attributes : {};
  const heightM = attrs.measuredHeight !== undefined
    ? checkHeight(attrs.measuredHeight, where, issues, 'attributes.measuredHeight')
    : checkHeight(maxZ - minZ, where, issues, 'max z − min z');
  let floors: number | null = null;
  if (attrs.storeysAboveGround === undefined) {
    issues.error(where, 'bad-floors', 'attributes.storeysAboveGround is required for the floor area', { field: 'attributes.storeysAboveGround' });
  } else {
    floors = checkFloors(attrs.storeysAboveGround, where, issues, 'attributes.storeysAboveGround');
  }
  // A part without its own use inherits its building's.
  const parentKey = Array.isArray(obj.parents) && typeof obj.parents[0] === 'string' ? obj.parents[0] : undefined;
  const parent = parentKey !== undefined ? objects[parentKey] : undefined;
  const parentAttrs = isRecord(parent) && isRecord(parent.attributes) ? parent.attributes : {};
  const use = parseUse(attrs.use ?? parentAttrs.use, where, issues);
  if (heightM === null || floors === null || use === null) return null;

  const zh = optionalText(attrs.name) ?? key;
  const [footprint, ...holes] = rings;
  const b: PlanBuilding = {
    id: key,
    name: { zh, en: optionalText(attrs.nameEn) ?? zh },
    footprint: footprint!,
    floors,
    heightM,
    use,
    status: 'planned',
  };
  if (holes.length > 0) b.holes = holes;
  return b;
}
