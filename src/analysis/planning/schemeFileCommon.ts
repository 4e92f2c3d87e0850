/**
 * Pieces shared by the GeoJSON and CityJSON scheme readers: value checks with specific messages,
 * lon/lat → ENU projection of rings with every geographic check, the `shentwin:scheme` block, and
 * the final assembly of a Scheme.
 */
import { z } from 'zod';
import { EnuFrame } from '../../core/geodesy';
import { isLandUseClass, type LandUseClass } from '../../core/landUse';
import { gcj02ToWgs84 } from './gcj02';
import { normaliseRing, ringProblem, ringSignedArea } from './polygon';
import type { SchemeFileContext, SchemeFileResult, SchemeIssues } from './schemeFileTypes';
import type { Bilingual, PlanBuilding, Ring } from './types';

export const FLOORS_MIN = 1;
export const FLOORS_MAX = 200;
export const STOREY_HEIGHT_MIN_M = 1.5;
export const STOREY_HEIGHT_MAX_M = 20;
export const HEIGHT_MAX_M = 1000;
/** Vertices this far outside the zone's bounds are rejected as belonging somewhere else. */
export const ZONE_MARGIN_M = 2000;
/** Bounds the exact self-intersection test on hostile input (about 1 s worst case at this size); real footprints have hundreds. */
export const MAX_RING_VERTICES = 10_000;
export const DEFAULT_USE: LandUseClass = 'B';
/** Rings smaller than this (a 10 cm square) are degenerate, not a building or a lawn. */
export const MIN_RING_AREA_M2 = 0.01;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short rendering of an offending value for a message: `"10" (string)`, `null`, `12.5`. */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)} (string)`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

export function checkFloors(v: unknown, where: string, issues: SchemeIssues, field = 'floors'): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= FLOORS_MIN && v <= FLOORS_MAX) return v;
  issues.error(where, 'bad-floors', `${field} must be an integer from ${FLOORS_MIN} to ${FLOORS_MAX}, got ${show(v)}`, { field, value: show(v) });
  return null;
}

export function checkHeight(v: unknown, where: string, issues: SchemeIssues, field = 'heightM'): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= HEIGHT_MAX_M) return v;
  issues.error(where, 'bad-height', `${field} must be a number above 0 and at most ${HEIGHT_MAX_M} m, got ${show(v)}`, { field, value: show(v) });
  return null;
}

export function checkStoreyHeight(v: unknown, where: string, issues: SchemeIssues): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= STOREY_HEIGHT_MIN_M && v <= STOREY_HEIGHT_MAX_M) return v;
  issues.error(where, 'bad-height', `storeyHeightM must be a number from ${STOREY_HEIGHT_MIN_M} to ${STOREY_HEIGHT_MAX_M} m, got ${show(v)}`, { field: 'storeyHeightM', value: show(v) });
  return null;
}

/** GB 50137 major class; a mid class such as "R2" or "B1" is accepted and reduced to its letter. */
export function parseUse(v: unknown, where: string, issues: SchemeIssues): LandUseClass | null {
  if (v === undefined || v === null) return DEFAULT_USE;
  if (typeof v === 'string' && /^[A-Z]\d{0,2}$/.test(v)) {
    const major = v.charAt(0);
    if (isLandUseClass(major)) return major;
  }
  issues.error(where, 'bad-use', `use must be a GB 50137 land-use class (R, A, B, M, W, S, U, G, E), got ${show(v)}`, { value: show(v) });
  return null;
}

export function optionalText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Checks and projects lon/lat rings of one zone into its ENU frame. */
export class RingProjector {
  private readonly frame: EnuFrame;
  private readonly west: number;
  private readonly east: number;
  private readonly south: number;
  private readonly north: number;

  constructor(private readonly ctx: SchemeFileContext, private readonly issues: SchemeIssues) {
    this.frame = new EnuFrame(ctx.origin);
    const b = ctx.bounds;
    // Degrees per 2 km, erring large: the shortest metre-per-degree of latitude, and longitude at
    // the bounds' highest latitude.
    const dLat = ZONE_MARGIN_M / 110_574;
    const cosLat = Math.cos((Math.min(89, Math.max(Math.abs(b.south), Math.abs(b.north))) * Math.PI) / 180);
    const dLon = ZONE_MARGIN_M / (111_320 * cosLat);
    this.west = b.west - dLon;
    this.east = b.east + dLon;
    this.south = b.south - dLat;
    this.north = b.north + dLat;
  }

  private inZone(lon: number, lat: number): boolean {
    return lon >= this.west && lon <= this.east && lat >= this.south && lat <= this.north;
  }

  private swapHint(x: number, y: number): string {
    const [lon, lat] = this.ctx.crs === 'gcj02' && Math.abs(x) <= 90 ? gcj02ToWgs84(y, x) : [y, x];
    return this.inZone(lon, lat) ? '; the values look like [latitude, longitude], but the order must be [longitude, latitude]' : '';
  }

  /**
   * Validates each vertex (finite, in range, within 2 km of the zone), converts GCJ-02 if asked,
   * projects to ENU and normalises the ring (open; CCW for outer rings, CW for holes). Reports at
   * most one problem of each kind per ring and returns null if the ring is unusable.
   */
  project(positions: readonly unknown[], where: string, ringLabel: string, role: 'outer' | 'hole'): Ring | null {
    const { issues } = this;
    if (positions.length > MAX_RING_VERTICES) {
      issues.error(where, 'bad-geometry-type', `${ringLabel} has ${positions.length} vertices; at most ${MAX_RING_VERTICES} are accepted`, { ring: ringLabel, count: positions.length });
      return null;
    }
    const out: Ring = [];
    for (let k = 0; k < positions.length; k++) {
      const pos = positions[k];
      const [x, y]: unknown[] = Array.isArray(pos) ? pos : [pos, pos];
      const params = { ring: ringLabel, vertex: k };
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        issues.error(where, 'non-finite-coordinate', `${ringLabel} vertex ${k} has a non-finite or non-numeric coordinate (${show(x)}, ${show(y)})`, params);
        return null;
      }
      if (Math.abs(y) > 90) {
        issues.error(where, 'latitude-out-of-range', `${ringLabel} vertex ${k} has latitude ${y}, outside −90..90${this.swapHint(x, y)}`, { ...params, lat: y });
        return null;
      }
      if (Math.abs(x) > 180) {
        issues.error(where, 'longitude-out-of-range', `${ringLabel} vertex ${k} has longitude ${x}, outside −180..180`, { ...params, lon: x });
        return null;
      }
      const [lon, lat] = this.ctx.crs === 'gcj02' ? gcj02ToWgs84(x, y) : [x, y];
      if (!this.inZone(lon, lat)) {
        issues.error(where, 'outside-zone', `${ringLabel} vertex ${k} (${lon.toFixed(6)}, ${lat.toFixed(6)}) is more than 2 km outside the zone${this.swapHint(x, y)}`, { ...params, lon, lat });
        return null;
      }
      const enu = this.frame.lonLatToEnu(lon, lat, this.ctx.origin.heightM);
      out.push([enu[0], enu[1]]);
    }
    const ring = normaliseRing(out, role);
    // Points collinear in lon/lat are not exactly collinear once projected, hence the area floor.
    const problem = ringProblem(ring) ?? (Math.abs(ringSignedArea(ring)) < MIN_RING_AREA_M2 ? 'zero-area' : null);
    if (problem === 'too-few-points') {
      issues.error(where, 'ring-too-few-points', `${ringLabel} has fewer than 3 distinct points`, { ring: ringLabel });
    } else if (problem === 'self-intersecting') {
      issues.error(where, 'ring-self-intersecting', `${ringLabel} crosses or touches itself`, { ring: ringLabel });
    } else if (problem === 'zero-area') {
      issues.error(where, 'ring-zero-area', `${ringLabel} has (almost) zero area: its points lie on one line`, { ring: ringLabel });
    } else if (problem === 'non-finite') {
      issues.error(where, 'non-finite-coordinate', `${ringLabel} does not project to finite coordinates`, { ring: ringLabel });
    }
    return problem ? null : ring;
  }
}

/** Lower-case ASCII slug of a file name without its extension; a hash stands in for non-Latin names. */
export function fileSlug(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = base.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  if (slug.length >= 3) return slug;
  // FNV-1a, so "方案一.geojson" and "方案二.geojson" get different ids.
  let h = 0x811c9dc5;
  for (let i = 0; i < base.length; i++) h = Math.imul(h ^ base.charCodeAt(i), 0x01000193) >>> 0;
  return `${slug ? `${slug}-` : ''}scheme-${h.toString(16).padStart(8, '0')}`;
}

export const SCHEME_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

const META_FIELDS = {
  id: z.string().regex(SCHEME_ID_PATTERN, 'must be 1–64 characters of a–z, 0–9 and "-"'),
  site: z.string().min(1, 'must not be empty'),
  name: z.string().min(1, 'must not be empty'),
  nameEn: z.string().min(1, 'must not be empty'),
} as const;
type MetaField = keyof typeof META_FIELDS;

export interface SchemeMeta {
  id: string;
  siteId: string;
  name: Bilingual;
}

/**
 * Reads the `shentwin:scheme` block. Shipped files must give id, site and name; an imported file
 * may leave any out (id from the file name + "-imported", site from the context, name = file name),
 * and a malformed value there is replaced with a warning rather than refused. Fields are checked
 * one by one so that one bad field does not discard the good ones.
 */
export function readMeta(raw: unknown, ctx: SchemeFileContext, issues: SchemeIssues): SchemeMeta | null {
  const where = 'file';
  const shipped = ctx.source === 'shipped';
  let refused = false;
  const complain = (field: string, reason: string): void => {
    refused ||= shipped;
    if (shipped) issues.error(where, 'bad-scheme-meta', reason, { field });
    else issues.warn(where, 'bad-scheme-meta', `${reason}; using a default instead`, { field });
  };
  if (raw !== undefined && !isRecord(raw)) complain('', '"shentwin:scheme" must be an object');
  const block = isRecord(raw) ? raw : {};
  const values: Partial<Record<MetaField, string>> = {};
  for (const field of Object.keys(META_FIELDS) as MetaField[]) {
    const v = block[field];
    if (v === undefined) continue;
    const r = META_FIELDS[field].safeParse(v);
    if (r.success) values[field] = r.data;
    else complain(field, `"shentwin:scheme".${field} ${r.error.issues[0]?.message ?? 'is invalid'}, got ${show(v)}`);
  }
  if (refused) return null;
  const pick = (k: MetaField): string | undefined => values[k];

  const baseName = ctx.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || ctx.fileName;
  let id = pick('id');
  let zh = pick('name');
  if (shipped && (!id || !zh)) {
    issues.error(where, 'bad-scheme-meta', `a shipped scheme needs "shentwin:scheme" with id and name`, { field: !id ? 'id' : 'name' });
    return null;
  }
  id ??= `${fileSlug(ctx.fileName)}-imported`;
  zh ??= baseName;
  const siteId = pick('site') ?? (shipped ? undefined : ctx.defaultSiteId);
  if (!siteId) {
    issues.error(where, 'missing-site', 'the scheme does not say which site it is for ("shentwin:scheme".site)');
    return null;
  }
  if (ctx.knownSiteIds && !ctx.knownSiteIds.includes(siteId)) {
    issues.error(where, 'unknown-site', `site "${siteId}" is not a redevelopment site of this zone`, { site: siteId });
    return null;
  }
  return { id, siteId, name: { zh, en: pick('nameEn') ?? zh } };
}

/** Final checks across the whole file (ids unique, at least one building) and the result. */
export function assembleScheme(
  meta: SchemeMeta | null,
  buildings: { where: string; building: PlanBuilding }[],
  green: Ring[],
  ctx: SchemeFileContext,
  issues: SchemeIssues,
): SchemeFileResult {
  const seen = new Map<string, string>();
  for (const { where, building } of buildings) {
    const first = seen.get(building.id);
    if (first !== undefined) issues.error(where, 'duplicate-id', `building id "${building.id}" is already used by ${first}`, { id: building.id });
    else seen.set(building.id, where);
  }
  if (buildings.length === 0 && issues.errors.length === 0) {
    issues.error('file', 'no-buildings', 'the file contains no usable building');
  }
  if (issues.errors.length > 0 || !meta) return { ok: false, errors: issues.errors };
  return {
    ok: true,
    scheme: { id: meta.id, siteId: meta.siteId, name: meta.name, source: ctx.source, buildings: buildings.map((b) => b.building), green },
    warnings: issues.warnings,
  };
}
