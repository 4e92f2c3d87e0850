/**
 * Reads a scheme drawn as a GeoJSON FeatureCollection (RFC 7946) with the foreign member
 * `"shentwin:scheme"`. Each Polygon feature is a building (or, with `kind: "green"`, green space);
 * a MultiPolygon gives one building per part, ids suffixed "-1", "-2", ….
 *
 * Building height and floors, from the properties:
 * - `heightM` + `floors`: as given.
 * - `heightM` + `storeyHeightM`: floors = round(heightM / storeyHeightM), at least 1.
 * - `floors` + `storeyHeightM`: height = floors × storeyHeightM.
 * - `heightM` alone: refused ('bad-floors'); GFA needs floors.
 * - neither `heightM` nor `storeyHeightM`: refused ('missing-height').
 */
import {
  assembleScheme, checkFloors, checkHeight, checkStoreyHeight, FLOORS_MAX, isRecord, optionalText,
  parseUse, readMeta, RingProjector, show,
} from './schemeFileCommon';
import type { SchemeFileContext, SchemeFileResult, SchemeIssues } from './schemeFileTypes';
import type { PlanBuilding, Ring } from './types';

interface RawPolygon {
  rings: unknown[][];
  label: string;
}

/** The polygons of a geometry, or null (with an error) if it is not a well-formed (Multi)Polygon. */
function polygonsOf(geometry: unknown, where: string, issues: SchemeIssues): RawPolygon[] | null {
  if (!isRecord(geometry)) {
    issues.error(where, 'bad-geometry-type', `geometry must be a Polygon or MultiPolygon, got ${show(geometry)}`, { type: show(geometry) });
    return null;
  }
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    issues.error(where, 'bad-geometry-type', `geometry type ${show(type)} is not supported; use Polygon or MultiPolygon`, { type: show(type) });
    return null;
  }
  // Positions themselves are checked vertex by vertex later, for a precise message.
  const isPolygon = (p: unknown): p is unknown[][] => Array.isArray(p) && p.length > 0 && p.every((r) => Array.isArray(r));
  if (type === 'Polygon') {
    if (isPolygon(coordinates)) return [{ rings: coordinates, label: '' }];
  } else if (Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)) {
    return coordinates.map((rings, k) => ({ rings, label: `polygon ${k} ` }));
  }
  issues.error(where, 'bad-geometry-type', `${type} coordinates must be ${type === 'Polygon' ? 'a non-empty array of rings' : 'a non-empty array of polygons'}, each ring an array of [lon, lat] positions`, { type });
  return null;
}

/** Projects a polygon's rings; RFC 7946 rings must repeat their first position at the end. */
function projectPolygon(poly: RawPolygon, where: string, proj: RingProjector, issues: SchemeIssues): Ring[] | null {
  const out: Ring[] = [];
  let ok = true;
  poly.rings.forEach((ring, r) => {
    const label = `${poly.label}ring ${r}`;
    const first = ring[0], last = ring[ring.length - 1];
    // Only finite end points are compared: a null or infinite one is reported as such by project().
    const finitePair = (p: unknown): p is [number, number] =>
      Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
    if (ring.length > 1 && finitePair(first) && finitePair(last) && (first[0] !== last[0] || first[1] !== last[1])) {
      issues.error(where, 'ring-not-closed', `${label} is not closed (its last position must repeat the first)`, { ring: label });
      ok = false;
      return;
    }
    const projected = proj.project(ring, where, label, r === 0 ? 'outer' : 'hole');
    if (projected) out.push(projected);
    else ok = false;
  });
  return ok ? out : null;
}

interface Storeys {
  floors: number;
  heightM: number;
}

function storeysOf(p: Record<string, unknown>, where: string, issues: SchemeIssues): Storeys | null {
  const has = (k: string): boolean => p[k] !== undefined && p[k] !== null;
  if (!has('heightM') && !has('storeyHeightM')) {
    issues.error(where, 'missing-height', 'give heightM, or storeyHeightM with floors');
    return null;
  }
  const heightM = has('heightM') ? checkHeight(p.heightM, where, issues) : undefined;
  const storeyM = has('storeyHeightM') ? checkStoreyHeight(p.storeyHeightM, where, issues) : undefined;
  if (heightM === null || storeyM === null) return null;
  if (has('floors')) {
    const floors = checkFloors(p.floors, where, issues);
    if (floors === null) return null;
    const h = heightM ?? checkHeight(floors * storeyM!, where, issues, 'floors × storeyHeightM');
    return h === null ? null : { floors, heightM: h };
  }
  if (heightM === undefined || storeyM === undefined) {
    issues.error(where, 'bad-floors', 'floors is missing; give floors (or storeyHeightM) so that the floor area can be computed');
    return null;
  }
  const floors = Math.max(1, Math.round(heightM / storeyM));
  if (floors > FLOORS_MAX) {
    issues.error(where, 'bad-floors', `heightM / storeyHeightM gives ${floors} floors, more than ${FLOORS_MAX}`, { value: floors });
    return null;
  }
  return { floors, heightM };
}

export function readGeojson(doc: Record<string, unknown>, ctx: SchemeFileContext, issues: SchemeIssues): SchemeFileResult {
  const features = doc.features;
  if (!Array.isArray(features)) {
    issues.error('file', 'unknown-format', 'a FeatureCollection needs a "features" array');
    return { ok: false, errors: issues.errors };
  }
  const meta = readMeta(doc['shentwin:scheme'], ctx, issues);
  const proj = new RingProjector(ctx, issues);

  // Explicit ids first, so that generated ones ("b1", "b2", …) can avoid them.
  const explicitIds = new Set<string>();
  const idOf = (f: unknown): string | undefined => {
    if (!isRecord(f)) return undefined;
    const props = isRecord(f.properties) ? f.properties : {};
    const raw = props.id ?? f.id;
    return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
  };
  for (const f of features) {
    const id = idOf(f);
    if (id) explicitIds.add(id);
  }
  let nextGenerated = 1;
  const generateId = (): string => {
    while (explicitIds.has(`b${nextGenerated}`)) nextGenerated++;
    return `b${nextGenerated++}`;
  };

  const buildings: { where: string; building: PlanBuilding }[] = [];
  const green: Ring[] = [];
  for (let i = 0; i < features.length && !issues.full; i++) {
    const f: unknown = features[i];
    const explicit = idOf(f);
    const where = explicit ? `feature ${i} (${explicit})` : `feature ${i}`;
    if (!isRecord(f) || f.type !== 'Feature') {
      issues.error(where, 'unknown-format', `each entry of "features" must be a GeoJSON Feature, got ${show(isRecord(f) ? f.type : f)}`);
      continue;
    }
    const props = isRecord(f.properties) ? f.properties : {};
    const kind = props.kind ?? 'building';
    if (kind !== 'building' && kind !== 'green') {
      issues.error(where, 'bad-kind', `kind must be "building" or "green", got ${show(kind)}`, { value: show(kind) });
      continue;
    }
    const polygons = polygonsOf(f.geometry, where, issues);
    if (!polygons) continue;
    const projected = polygons.map((p) => projectPolygon(p, where, proj, issues));

    if (kind === 'green') {
      for (const rings of projected) {
        if (!rings?.[0]) continue;
        green.push(rings[0]);
        if (rings.length > 1) issues.warn(where, 'bad-geometry-type', 'holes in green space are ignored; draw the green around them as separate polygons');
      }
      continue;
    }
    const storeys = storeysOf(props, where, issues);
    const use = parseUse(props.use, where, issues);
    if (!storeys || !use || projected.some((r) => r === null)) continue;

    const id = explicit ?? generateId();
    const zh = optionalText(props.name) ?? id;
    const en = optionalText(props.nameEn) ?? zh;
    projected.forEach((rings, k) => {
      const [outer, ...holes] = rings!;
      const partId = projected.length > 1 ? `${id}-${k + 1}` : id;
      const building: PlanBuilding = {
        id: partId,
        name: projected.length > 1 ? { zh: `${zh} (${k + 1})`, en: `${en} (${k + 1})` } : { zh, en },
        footprint: outer!,
        floors: storeys.floors,
        heightM: storeys.heightM,
        use,
        status: 'planned',
      };
      if (holes.length > 0) building.holes = holes;
      buildings.push({ where, building });
    });
  }
  return assembleScheme(meta, buildings, green, ctx, issues);
}
