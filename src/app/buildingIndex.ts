/**
 * The per-zone building name index (tiles/<zone>/buildings-index.json), written by the tiler.
 * Fetched lazily the first time a zone's search is used, then cached for the session so that
 * switching zones back and forth costs nothing. The file is untrusted: entries that do not
 * validate are dropped and counted, the rest stay searchable.
 */
import { z } from 'zod';
import type { BuildingSelection } from '../state/selectionSlice';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

export const buildingIndexEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  nameEn: z.string(),
  source: z.enum(['osm', 'generated']),
  heightM: finite.nonnegative(),
  floors: finite.nonnegative(),
  landUse: z.string(),
  x: finite,
  y: finite,
  topM: finite,
});
export type BuildingIndexEntry = z.infer<typeof buildingIndexEntrySchema>;

/**
 * A named landmark that is not a building of the tiles (a museum mapped as a point, a temple
 * compound, a bridge), for search. Optional in the file: an index written before the tiler
 * listed landmarks simply has none.
 */
export const landmarkIndexEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  nameEn: z.string(),
  x: finite,
  y: finite,
  z: finite.optional(),
});
export type LandmarkIndexEntry = z.infer<typeof landmarkIndexEntrySchema>;

const indexEnvelopeSchema = z.object({
  version: z.literal(1),
  zoneId: z.string(),
  buildings: z.array(z.unknown()),
  landmarks: z.array(z.unknown()).optional(),
});

export interface BuildingIndex {
  zoneId: string;
  buildings: BuildingIndexEntry[];
  landmarks: LandmarkIndexEntry[];
  /** Entries that failed validation and were left out. */
  dropped: number;
}

export type IndexResult = { ok: true; index: BuildingIndex } | { ok: false; message: string };

export function parseBuildingIndex(text: string, expectedZoneId: string): IndexResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
  }
  const env = indexEnvelopeSchema.safeParse(raw);
  if (!env.success) {
    const first = env.error.issues[0];
    return { ok: false, message: `${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}` };
  }
  if (env.data.zoneId !== expectedZoneId) {
    return { ok: false, message: `index is for zone "${env.data.zoneId}", expected "${expectedZoneId}"` };
  }
  const buildings: BuildingIndexEntry[] = [];
  let dropped = 0;
  for (const b of env.data.buildings) {
    const r = buildingIndexEntrySchema.safeParse(b);
    if (r.success) buildings.push(r.data);
    else dropped++;
  }
  const landmarks: LandmarkIndexEntry[] = [];
  for (const l of env.data.landmarks ?? []) {
    const r = landmarkIndexEntrySchema.safeParse(l);
    if (r.success) landmarks.push(r.data);
    else dropped++;
  }
  return { ok: true, index: { zoneId: env.data.zoneId, buildings, landmarks, dropped } };
}

const cache = new Map<string, Promise<IndexResult>>();

/**
 * Loads and caches an index by URL. A failed load is not cached, so the next search retries.
 * `fetchImpl` is injectable for tests; `onFresh` sees the result of a real fetch, not a cache hit.
 */
export function loadBuildingIndex(
  url: string,
  zoneId: string,
  opts: { fetchImpl?: typeof fetch; onFresh?: (r: IndexResult) => void } = {},
): Promise<IndexResult> {
  const hit = cache.get(url);
  if (hit) return hit;
  const fetchImpl = opts.fetchImpl ?? fetch;
  const p = (async (): Promise<IndexResult> => {
    try {
      const res = await fetchImpl(url);
      if (!res.ok) return { ok: false, message: `HTTP ${res.status}` };
      return parseBuildingIndex(await res.text(), zoneId);
    } catch (e) {
      return { ok: false, message: `network error: ${(e as Error).message}` };
    }
  })();
  cache.set(url, p);
  void p.then((r) => {
    if (!r.ok) cache.delete(url);
    // Only the request that actually fetched reports, so problems are counted once per load.
    opts.onFresh?.(r);
  });
  return p;
}

export function clearBuildingIndexCache(): void {
  cache.clear();
}

/** "osm:way/123" → "way/123": lets the attribute panel link to OSM before tile metadata arrives. */
export function osmIdFromBuildingId(id: string): string {
  const m = /^osm:((?:way|relation|node)\/\d+)$/.exec(id);
  return m?.[1] ?? '';
}

/** A selection made from the index (search or shared link): only the fields the index carries. */
export function selectionFromEntry(e: BuildingIndexEntry): BuildingSelection {
  const properties: BuildingSelection['properties'] = {
    id: e.id,
    name: e.name,
    nameEn: e.nameEn,
    heightM: e.heightM,
    floors: e.floors,
    landUse: e.landUse,
    source: e.source,
  };
  const osmId = osmIdFromBuildingId(e.id);
  if (osmId) properties.osmId = osmId;
  return { id: e.id, properties, point: [e.x, e.y, e.topM] };
}

/** Never closer than this, so a low building still shows its surroundings. */
export const FLY_MIN_RADIUS_M = 120;
/** Viewing distance relative to the building height. */
export const FLY_HEIGHT_FACTOR = 2.5;

/** Where to aim the camera and how far back to stand for one building. */
export function flyTargetForEntry(e: BuildingIndexEntry): { target: [number, number, number]; radiusM: number } {
  return {
    target: [e.x, e.y, e.topM - e.heightM / 2],
    radiusM: Math.max(FLY_MIN_RADIUS_M, e.heightM * FLY_HEIGHT_FACTOR),
  };
}
