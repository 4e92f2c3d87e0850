/**
 * The synthetic city as zone sources, so it goes through the same assembly as the real zones
 * (road graph, corridors, the seeded building generator, ground polygons). Its layout is drawn
 * from tiles/synthetic-city/city.json in ENU metres and expressed in WGS84 like a real zone's
 * GeoJSON; the building rules are its own generator.json. Nothing here is surveyed: every road,
 * block and building is generated, and the scene says so.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EnuFrame } from '../../../core/geodesy';
import type { Scene } from '../../../scene/schema';
import type { Pt } from '../geom/planar';
import { readZoneScene, zoneSourceDir, type ZoneSources } from '../readSources';
import { generatorFileSchema, type GeneratorConfig } from '../sourceSchemas';
import { cityConfigSchema, type CityConfig } from './cityConfig';
import { layoutCity, type CityLayout } from './cityLayout';

export const SYNTHETIC_CITY_ZONE = 'synthetic-city';
export const CITY_CONFIG_FILE = 'city.json';

/** Overrides for quick or test builds (a smaller square with the same rules). */
export interface SyntheticCityOptions {
  sizeM?: number;
}

async function readValidated<T>(path: string, parse: (raw: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  const r = parse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${path}: ${r.error.issues.length} problem(s)\n${lines.join('\n')}`);
  }
  return r.data;
}

export function syntheticSources(scene: Scene, city: CityConfig, generator: GeneratorConfig): ZoneSources {
  const frame = new EnuFrame(scene.origin);
  const layout: CityLayout = layoutCity(city);
  const lonLat = (p: Pt): [number, number] => {
    const g = frame.enuToLonLat(p[0], p[1], 0);
    return [g.lonDeg, g.latDeg];
  };
  const closed = (ring: readonly Pt[]): [number, number][] => [...ring, ring[0]!].map(lonLat);
  return {
    scene,
    roads: {
      type: 'FeatureCollection',
      features: layout.streets.map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates: s.points.map(lonLat) },
        properties: { highway: s.highway, name: s.name, 'name:en': s.nameEn, lanes: String(s.lanes), maxspeed: String(s.maxspeedKmh), source: 'skeleton' as const },
      })),
    },
    signals: {
      type: 'FeatureCollection',
      features: layout.signals.map((p) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: lonLat(p) }, properties: { source: 'skeleton' as const } })),
    },
    landmarks: { type: 'FeatureCollection', features: [] },
    water: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [closed(layout.river.ring)] }, properties: { name: layout.river.name, 'name:en': layout.river.nameEn } }],
    },
    green: { type: 'FeatureCollection', features: [] },
    landuse: {
      type: 'FeatureCollection',
      features: layout.blocks.map((b) => ({
        type: 'Feature' as const,
        geometry: { type: 'Polygon' as const, coordinates: [closed(b.ring)] },
        properties: { class: b.landUse, code: b.code, name: `${b.place} ${b.code} 地块`, 'name:en': `${b.placeEn} block ${b.code}`, place: b.place, 'place:en': b.placeEn },
      })),
    },
    generator,
  };
}

export async function readSyntheticCitySources(repoRoot: string, options: SyntheticCityOptions = {}): Promise<ZoneSources> {
  const dir = zoneSourceDir(repoRoot, SYNTHETIC_CITY_ZONE);
  const [scene, city, generator] = await Promise.all([
    readZoneScene(repoRoot, SYNTHETIC_CITY_ZONE),
    readValidated(join(dir, CITY_CONFIG_FILE), (raw) => cityConfigSchema.safeParse(raw)),
    readValidated(join(dir, 'generator.json'), (raw) => generatorFileSchema.safeParse(raw)),
  ]);
  return syntheticSources(scene, options.sizeM === undefined ? city : { ...city, sizeM: options.sizeM }, generator);
}
