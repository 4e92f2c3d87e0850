/**
 * The results list as a GeoJSON FeatureCollection (RFC 7946), so that a planner can keep a
 * session's measurements, open them in a GIS, and load them again. Geometry is WGS84 lon/lat with
 * the ellipsoidal height as the third coordinate (converted from the zone's ENU frame); the
 * properties carry the kind, name, the parameters (geometry holds the points), the values and a
 * format version. The collection's foreign member "shentwin:results" names the zone.
 *
 * Reading never throws and follows the scheme-file parser's error shape (file, feature, code,
 * reason): a bad feature is reported and skipped while the good ones load; a file too large, not
 * JSON, of another zone or of a newer format is refused whole.
 */
import { z } from 'zod';
import { EnuFrame, type GeoOrigin } from '../core/geodesy';
import { isRecord, show } from '../analysis/planning/schemeFileCommon';
import { cleanResultName, MAX_RESULTS, type AnyToolResult, type ResultDraft } from './results';
import { DEFAULT_MAX_DISTANCE_M, DEFAULT_MAX_RESULTS_BYTES, ResultsIssues, type ResultsErrorCode, type ResultsFileContext, type ResultsFileResult, type ResultsZone } from './resultsFileTypes';
import { describeParamProblem } from './toolParams';
import { definitionOf, isToolKind } from './toolKinds';
import type { AnyToolInputs, GeometryStyle, Vec3 } from './toolTypes';

export type { ResultsErrorCode, ResultsFileContext, ResultsFileError, ResultsFileResult, ResultsZone } from './resultsFileTypes';
export { DEFAULT_MAX_DISTANCE_M, DEFAULT_MAX_RESULTS_BYTES, MAX_RESULTS_ERRORS } from './resultsFileTypes';

export const RESULTS_FORMAT = 'shentwin-results';
export const RESULTS_FORMAT_VERSION = 1;

type Position = [number, number, number];
export type ResultsGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint' | 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };

export interface ResultsFeature {
  type: 'Feature';
  id: string;
  geometry: ResultsGeometry | null;
  properties: {
    'shentwin:version': number;
    kind: string;
    name: string;
    inputs: { params: unknown; buildingId?: string };
    values: Record<string, unknown>;
    createdAt: number;
  };
}

export interface ResultsFeatureCollection {
  type: 'FeatureCollection';
  'shentwin:results': { format: typeof RESULTS_FORMAT; version: number; zoneId: string; origin: GeoOrigin; app?: string };
  features: ResultsFeature[];
}

/** One point is a Point whatever the style; polygons close their ring as RFC 7946 asks. */
function geometryOf(style: GeometryStyle, c: Position[]): ResultsGeometry | null {
  if (c.length === 0) return null;
  if (c.length === 1) return { type: 'Point', coordinates: c[0]! };
  if (style === 'polygon' && c.length >= 3) return { type: 'Polygon', coordinates: [[...c, c[0]!]] };
  if (style === 'line') return { type: 'LineString', coordinates: c };
  return { type: 'MultiPoint', coordinates: c };
}

/** `appVersion` (package.json's) is written for the record; reading checks only the format version. */
export function exportResultsGeoJson(items: readonly AnyToolResult[], zone: ResultsZone, appVersion?: string): ResultsFeatureCollection {
  const frame = new EnuFrame(zone.origin);
  const features = items.map((r): ResultsFeature => {
    const coords = r.inputs.points.map((p): Position => {
      const g = frame.enuToLonLat(p[0], p[1], p[2]);
      return [g.lonDeg, g.latDeg, g.heightM];
    });
    const inputs: ResultsFeature['properties']['inputs'] = { params: r.inputs.params };
    if (r.inputs.buildingId !== undefined) inputs.buildingId = r.inputs.buildingId;
    return {
      type: 'Feature',
      id: r.id,
      geometry: geometryOf(definitionOf(r.kind).geometry, coords),
      properties: { 'shentwin:version': RESULTS_FORMAT_VERSION, kind: r.kind, name: r.name, inputs, values: { ...r.values }, createdAt: r.createdAt },
    };
  });
  const meta: ResultsFeatureCollection['shentwin:results'] = { format: RESULTS_FORMAT, version: RESULTS_FORMAT_VERSION, zoneId: zone.zoneId, origin: zone.origin };
  if (appVersion !== undefined) meta.app = appVersion;
  return { type: 'FeatureCollection', 'shentwin:results': meta, features };
}

const metaSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.number().int().positive(),
  zoneId: z.string().min(1),
});

const valueSchema = z.union([z.number(), z.string().max(10_000), z.boolean(), z.null(), z.array(z.number()).max(1_000_000)]);
const propsSchema = z.object({
  kind: z.string(),
  name: z.string().max(1000).optional(),
  inputs: z.object({ params: z.unknown().optional(), buildingId: z.string().min(1).max(200).optional() }),
  values: z.record(z.string(), valueSchema),
  createdAt: z.number().optional(),
});

/** The positions of a geometry in file order, or a reason it is not one we write. */
function positionsOf(g: unknown): { ok: true; type: string | null; positions: unknown[] } | { ok: false; reason: string } {
  if (g === null) return { ok: true, type: null, positions: [] };
  if (!isRecord(g)) return { ok: false, reason: `geometry must be an object or null, got ${show(g)}` };
  const c = g.coordinates;
  if (g.type === 'Point') return { ok: true, type: 'Point', positions: [c] };
  if ((g.type === 'MultiPoint' || g.type === 'LineString') && Array.isArray(c)) return { ok: true, type: g.type, positions: c };
  if (g.type === 'Polygon' && Array.isArray(c) && c.length === 1 && Array.isArray(c[0])) {
    const ring = c[0] as unknown[];
    const first = ring[0], last = ring[ring.length - 1];
    const same = Array.isArray(first) && Array.isArray(last) && first.length === last.length && first.every((v, k) => v === last[k]);
    if (ring.length < 4 || !same) return { ok: false, reason: 'the Polygon ring must be closed (its last position repeats the first) and have at least 3 corners' };
    return { ok: true, type: 'Polygon', positions: ring.slice(0, -1) };
  }
  return { ok: false, reason: `geometry ${show(g.type)} is not a Point, MultiPoint, LineString or single-ring Polygon` };
}

function readFeature(f: unknown, i: number, ctx: ResultsFileContext, frame: EnuFrame, issues: ResultsIssues): ResultDraft | null {
  const rawName = isRecord(f) && isRecord(f.properties) && typeof f.properties.name === 'string' ? cleanResultName(f.properties.name) : null;
  const where = rawName ? `feature ${i} (${rawName})` : `feature ${i}`;
  if (!isRecord(f) || f.type !== 'Feature' || !isRecord(f.properties)) {
    issues.add(where, 'bad-feature', `each entry of "features" must be a GeoJSON Feature with properties, got ${show(isRecord(f) ? f.type : f)}`);
    return null;
  }
  const version = f.properties['shentwin:version'];
  if (version !== RESULTS_FORMAT_VERSION) {
    issues.add(where, 'bad-version', `"shentwin:version" must be ${RESULTS_FORMAT_VERSION}, got ${show(version)}`, { value: show(version) });
    return null;
  }
  const props = propsSchema.safeParse(f.properties);
  if (!props.success) {
    const issue = props.error.issues[0];
    issues.add(where, 'bad-properties', `properties.${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`);
    return null;
  }
  const { kind, inputs, values, createdAt } = props.data;
  if (!isToolKind(kind)) {
    issues.add(where, 'bad-kind', `kind ${show(kind)} is not a ShenTwin tool`, { value: show(kind) });
    return null;
  }
  const def = definitionOf(kind);
  const parsed = def.parseParams(inputs.params);
  if (!parsed.ok) {
    issues.add(where, 'bad-params', `inputs.params.${parsed.reason}`);
    return null;
  }
  const problem = def.validateParams(parsed.params)[0];
  if (problem) {
    issues.add(where, 'bad-params', `inputs.params: ${describeParamProblem(problem)}`, { param: problem.param });
    return null;
  }
  const geom = positionsOf(f.geometry);
  if (!geom.ok) {
    issues.add(where, 'bad-geometry', geom.reason);
    return null;
  }
  const points = readPositions(geom.positions, where, ctx, frame, issues);
  if (!points) return null;
  const min = def.minPoints(parsed.params), max = def.maxPoints(parsed.params);
  if (points.length < min || points.length > max) {
    const code = points.length < min ? 'too-few-points' : 'too-many-points';
    issues.add(where, code, `a ${kind} result has ${min === max ? min : `${min} to ${max}`} points, got ${points.length}`, { count: points.length });
    return null;
  }
  const expected = geometryOf(def.geometry, points.map(() => [0, 0, 0]))?.type ?? null;
  if (expected !== geom.type) {
    issues.add(where, 'bad-geometry', `a ${kind} result with ${points.length} points is stored as ${expected ?? 'null geometry'}, got ${geom.type ?? 'null'}`);
    return null;
  }
  const shape = def.checkFinish(points, parsed.params);
  if (shape) {
    issues.add(where, 'bad-shape', `the ${kind} geometry is not usable: ${shape}`, { problem: shape });
    return null;
  }
  const result: AnyToolInputs = { kind, points, params: parsed.params } as AnyToolInputs;
  if (inputs.buildingId !== undefined) result.buildingId = inputs.buildingId;
  const draft: ResultDraft = { inputs: result, values, createdAt: createdAt ?? ctx.now ?? 0 };
  if (rawName) draft.name = rawName;
  return draft;
}

function readPositions(positions: unknown[], where: string, ctx: ResultsFileContext, frame: EnuFrame, issues: ResultsIssues): Vec3[] | null {
  const maxM = ctx.maxDistanceM ?? DEFAULT_MAX_DISTANCE_M;
  const out: Vec3[] = [];
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k];
    const ok = Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!ok) {
      issues.add(where, 'non-finite-coordinate', `position ${k} must be [lon, lat] or [lon, lat, height] of finite numbers, got ${show(p)}`, { vertex: k });
      return null;
    }
    const [lon, lat, h] = p as number[];
    if (Math.abs(lat!) > 90) {
      issues.add(where, 'latitude-out-of-range', `position ${k} has latitude ${lat}, outside −90..90`, { vertex: k, lat: lat! });
      return null;
    }
    if (Math.abs(lon!) > 180) {
      issues.add(where, 'longitude-out-of-range', `position ${k} has longitude ${lon}, outside −180..180`, { vertex: k, lon: lon! });
      return null;
    }
    // A 2D position lies at the zone's ground level.
    const enu = frame.lonLatToEnu(lon!, lat!, h ?? ctx.origin.heightM);
    if (!(Math.hypot(enu[0], enu[1]) <= maxM)) {
      issues.add(where, 'outside-zone', `position ${k} (${lon!.toFixed(6)}, ${lat!.toFixed(6)}) is more than ${maxM / 1000} km from the zone`, { vertex: k, lon: lon!, lat: lat! });
      return null;
    }
    out.push(enu);
  }
  return out;
}

/** `byteLength` is File.size (or the buffer length); it is checked before JSON.parse can stall the tab. */
export function parseResultsFile(text: string, byteLength: number, ctx: ResultsFileContext): ResultsFileResult {
  const issues = new ResultsIssues(ctx.fileName);
  const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_RESULTS_BYTES;
  const size = Math.max(byteLength, text.length);
  const refuse = (code: ResultsErrorCode, reason: string, params?: Record<string, string | number>): ResultsFileResult => {
    issues.add('file', code, reason, params);
    return { ok: false, errors: issues.errors };
  };
  if (!(size <= maxBytes)) return refuse('too-large', `the file is ${size} bytes; the limit is ${maxBytes} bytes`, { bytes: size, maxBytes });
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return refuse('not-json', `the file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    return refuse('unknown-format', `expected a GeoJSON FeatureCollection with a "features" array, got ${show(isRecord(doc) ? doc.type : doc)}`);
  }
  const rawMeta = doc['shentwin:results'];
  // Without the block (a hand-made file) each position is still checked against the zone.
  if (rawMeta !== undefined) {
    const meta = metaSchema.safeParse(rawMeta);
    if (!meta.success) {
      const issue = meta.error.issues[0];
      return refuse('bad-meta', `"shentwin:results".${issue?.path.join('.') || ''} ${issue?.message ?? 'is invalid'}`);
    }
    if (meta.data.version > RESULTS_FORMAT_VERSION) {
      return refuse('bad-version', `the file is results format ${meta.data.version}; this version of ShenTwin reads up to ${RESULTS_FORMAT_VERSION}`, { version: meta.data.version });
    }
    if (meta.data.zoneId !== ctx.zoneId) {
      return refuse('other-zone', `the file holds results of zone "${meta.data.zoneId}", not of the open zone "${ctx.zoneId}"`, { zone: meta.data.zoneId, openZone: ctx.zoneId });
    }
  }
  const features = doc.features as unknown[];
  if (features.length > MAX_RESULTS) {
    issues.add('file', 'too-many-features', `the file has ${features.length} results; only the first ${MAX_RESULTS} are read`, { count: features.length, max: MAX_RESULTS });
  }
  const frame = new EnuFrame(ctx.origin);
  const results: ResultDraft[] = [];
  for (let i = 0; i < Math.min(features.length, MAX_RESULTS); i++) {
    const r = readFeature(features[i], i, ctx, frame, issues);
    if (r) results.push(r);
  }
  return { ok: true, results, errors: issues.errors };
}
