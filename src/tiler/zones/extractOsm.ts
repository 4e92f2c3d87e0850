/**
 * Re-runnable extract of the real OSM features each zone uses, from the shared sample data
 * (../shared/data relative to the repo root) into tiles/<zone>/:
 *   - landmarks.geojson for every zone: landmark features inside the zone's scene bounds, with the
 *     checked names of landmarkNames.ts (the OSM values kept as name:osm / name:en:osm);
 *   - roads.geojson and signals.geojson for jiading: signalised-road ways and signal nodes inside
 *     the Anting box. Hand-drawn features (source "skeleton") already in roads.geojson are kept.
 * The tiler itself reads only tiles/, so it works without ../shared.
 *
 * Usage: npx tsx src/tiler/zones/extractOsm.ts [--shared <dir>]
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { featureCollectionText, type Feature } from './geojsonFile';
import { ZONE_IDS } from './index';
import { withCheckedName } from './landmarkNames';
import { readZoneScene, SOURCE_FILES, zoneSourceDir } from './readSources';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** The International Automobile City around Anting, where the signalised-road sample has ~33 signals. */
export const JIADING_OSM_ROADS_BBOX: Bbox = [121.14, 31.27, 121.22, 31.31];

const LANDMARK_TAGS = [
  '@id', 'name', 'name:zh', 'name:en', 'building', 'building:levels', 'height', 'tourism', 'heritage', 'heritage:operator',
  'heritage:ref', 'historic', 'man_made', 'amenity', 'leisure', 'religion', 'start_date', 'tower:type', 'wikidata',
] as const;
const ROAD_TAGS = ['highway', 'name', 'name:en', 'lanes', 'oneway', 'maxspeed', 'bridge', 'tunnel', 'layer', 'junction', 'ref'] as const;
const SIGNAL_TAGS = ['highway', 'traffic_signals', 'traffic_signals:direction', 'crossing'] as const;

const LICENCE = '© OpenStreetMap contributors (ODbL 1.0), extracted by src/tiler/zones/extractOsm.ts';

interface RawFeature { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }

function inBbox(lon: number, lat: number, b: Bbox): boolean {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

function positions(c: unknown, out: [number, number][] = []): [number, number][] {
  if (Array.isArray(c) && typeof c[0] === 'number') out.push([c[0], c[1] as number]);
  else if (Array.isArray(c)) for (const x of c) positions(x, out);
  return out;
}

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

function osmIdOrder(id: string): [string, number] {
  const [kind, num] = id.split('/');
  return [kind ?? '', Number(num)];
}

/** Landmark features whose geometry has a vertex (or centre point) inside the bounds, by OSM id. */
export function extractLandmarks(all: readonly RawFeature[], bounds: Bbox): Feature[] {
  return all
    .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' || f.geometry.type === 'Point')
    .filter((f) => positions(f.geometry.coordinates).some(([lon, lat]) => inBbox(lon, lat, bounds)))
    .map((f) => ({ type: 'Feature' as const, properties: withCheckedName(pick(f.properties, LANDMARK_TAGS)), geometry: f.geometry }))
    .sort((a, b) => {
      const [ka, na] = osmIdOrder(String(a.properties['@id'])), [kb, nb] = osmIdOrder(String(b.properties['@id']));
      return ka < kb ? -1 : ka > kb ? 1 : na - nb;
    });
}

/** Road ways of the signalised-roads sample touching the box (whole ways, deduplicated by id). */
export function extractRoads(all: readonly RawFeature[], box: Bbox): Feature[] {
  const byId = new Map<number, Feature>();
  for (const f of all) {
    if (f.properties.type !== 'way' || f.geometry.type !== 'LineString') continue;
    const id = Number(f.properties.way_id);
    if (byId.has(id) || !positions(f.geometry.coordinates).some(([lon, lat]) => inBbox(lon, lat, box))) continue;
    const tags = (f.properties.tags ?? {}) as Record<string, unknown>;
    byId.set(id, { type: 'Feature', properties: { ...pick(tags, ROAD_TAGS), source: 'osm', '@id': `way/${id}` }, geometry: f.geometry });
  }
  return [...byId].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

export function extractSignals(all: readonly RawFeature[], box: Bbox): Feature[] {
  const byId = new Map<number, Feature>();
  for (const f of all) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const id = Number(f.properties.id);
    if (!inBbox(lon, lat, box) || byId.has(id)) continue;
    const tags = (f.properties.tags ?? {}) as Record<string, unknown>;
    byId.set(id, { type: 'Feature', properties: { ...pick(tags, SIGNAL_TAGS), source: 'osm', '@id': `node/${id}` }, geometry: f.geometry });
  }
  return [...byId].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

async function readFeatures(path: string): Promise<RawFeature[]> {
  return (JSON.parse(await readFile(path, 'utf8')) as { features: RawFeature[] }).features;
}

export interface ExtractResult {
  /** File path (relative to the repo root) → file text. */
  files: Map<string, string>;
  counts: Record<string, number>;
}

/** Computes every extracted file's text without writing anything. */
export async function extractOsm(repoRoot: string, sharedDataDir: string): Promise<ExtractResult> {
  const osm = join(sharedDataDir, 'osm');
  const landmarks = await readFeatures(join(osm, 'shanghai-landmarks.geojson'));
  const files = new Map<string, string>();
  const counts: Record<string, number> = {};
  for (const zoneId of ZONE_IDS) {
    const { bounds } = await readZoneScene(repoRoot, zoneId);
    const lm = extractLandmarks(landmarks, [bounds.west, bounds.south, bounds.east, bounds.north]);
    files.set(join('tiles', zoneId, SOURCE_FILES.landmarks), featureCollectionText(lm, { name: `${zoneId} landmarks`, licence: LICENCE }));
    counts[`${zoneId}.landmarks`] = lm.length;
  }
  const roads = extractRoads(await readFeatures(join(osm, 'west-shanghai-signalised-roads.geojson')), JIADING_OSM_ROADS_BBOX);
  const roadsPath = join(zoneSourceDir(repoRoot, 'jiading'), SOURCE_FILES.roads);
  const skeleton: Feature[] = existsSync(roadsPath)
    ? (JSON.parse(await readFile(roadsPath, 'utf8')) as { features: Feature[] }).features.filter((f) => f.properties.source === 'skeleton')
    : [];
  files.set(join('tiles', 'jiading', SOURCE_FILES.roads), featureCollectionText([...roads, ...skeleton], {
    name: 'jiading roads',
    licence: `${LICENCE}; features with source "skeleton" are hand-drawn connectors following the real layout`,
  }));
  counts['jiading.roads.osm'] = roads.length;
  counts['jiading.roads.skeleton'] = skeleton.length;
  const signals = extractSignals(await readFeatures(join(osm, 'west-shanghai-traffic-signals.geojson')), JIADING_OSM_ROADS_BBOX);
  files.set(join('tiles', 'jiading', SOURCE_FILES.signals), featureCollectionText(signals, { name: 'jiading signals', licence: LICENCE }));
  counts['jiading.signals'] = signals.length;
  return { files, counts };
}

async function main(): Promise<void> {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const i = process.argv.indexOf('--shared');
  const shared = i > 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]!) : resolve(repoRoot, '../shared/data');
  const { files, counts } = await extractOsm(repoRoot, shared);
  for (const [rel, text] of files) await writeFile(join(repoRoot, rel), text);
  for (const [k, v] of Object.entries(counts)) console.log(`${k}: ${v}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
