/** Reads and validates one zone's sources: scenes/<zone>.json for the origin, tiles/<zone>/* for the rest. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { formatPath, parseSceneText } from '../../scene/validate';
import type { Scene } from '../../scene/schema';
import {
  generatorFileSchema, greenFileSchema, landmarksFileSchema, landuseFileSchema, roadsFileSchema, signalsFileSchema, waterFileSchema,
  type AreaFile, type GeneratorConfig, type LandmarksFile, type LanduseFile, type RoadsFile, type SignalsFile,
} from './sourceSchemas';

export interface ZoneSources {
  scene: Scene;
  roads: RoadsFile;
  signals: SignalsFile;
  landmarks: LandmarksFile;
  water: AreaFile;
  green: AreaFile;
  landuse: LanduseFile;
  generator: GeneratorConfig;
}

export const SOURCE_FILES = {
  roads: 'roads.geojson',
  signals: 'signals.geojson',
  landmarks: 'landmarks.geojson',
  water: 'water.geojson',
  green: 'green.geojson',
  landuse: 'landuse.geojson',
  generator: 'generator.json',
} as const;

export function zoneSourceDir(repoRoot: string, zoneId: string): string {
  return join(repoRoot, 'tiles', zoneId);
}

async function readJson<S extends z.ZodTypeAny>(path: string, schema: S): Promise<z.infer<S>> {
  const text = await readFile(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 5).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new Error(`${path}: ${r.error.issues.length} problem(s)\n${lines.join('\n')}`);
  }
  return r.data as z.infer<S>;
}

export async function readZoneScene(repoRoot: string, zoneId: string): Promise<Scene> {
  const file = join(repoRoot, 'scenes', `${zoneId}.json`);
  const r = parseSceneText(file, await readFile(file, 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file}: ${i.path}: ${i.message}`).join('\n'));
  return r.scene;
}

export async function readZoneSources(repoRoot: string, zoneId: string): Promise<ZoneSources> {
  const dir = zoneSourceDir(repoRoot, zoneId);
  const at = (f: string): string => join(dir, f);
  const [scene, roads, signals, landmarks, water, green, landuse, generator] = await Promise.all([
    readZoneScene(repoRoot, zoneId),
    readJson(at(SOURCE_FILES.roads), roadsFileSchema),
    readJson(at(SOURCE_FILES.signals), signalsFileSchema),
    readJson(at(SOURCE_FILES.landmarks), landmarksFileSchema),
    readJson(at(SOURCE_FILES.water), waterFileSchema),
    readJson(at(SOURCE_FILES.green), greenFileSchema),
    readJson(at(SOURCE_FILES.landuse), landuseFileSchema),
    readJson(at(SOURCE_FILES.generator), generatorFileSchema),
  ]);
  return { scene, roads, signals, landmarks, water, green, landuse, generator };
}
