/** Reads a zone's origin (from its scene file) and road graph from disk, validating both. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { GeoOrigin } from '../core/geodesy';
import type { RoadGraph } from '../core/roadGraph';
import { parseRoadGraph } from '../sim/graph/roadGraphSchema';
import { createGridRoadGraph } from '../sim/graph/syntheticGrid';

/** Only the part of the scene the server needs; the app validates the full scene itself. */
const sceneOriginSchema = z.object({
  origin: z.object({ lonDeg: z.number().min(-180).max(180), latDeg: z.number().min(-90).max(90), heightM: z.number().min(-1000).max(10_000) }),
});

export interface LoadedZone {
  id: string;
  origin: GeoOrigin;
  graph: RoadGraph;
  warnings: string[];
}

export const SYNTHETIC_ROADS = 'synthetic';

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${path}: invalid JSON (${(e as Error).message})`);
  }
}

export async function loadZone(zone: string, scenePath: string, roadsPath: string, originOverride: GeoOrigin | null): Promise<LoadedZone> {
  const warnings: string[] = [];
  let origin = originOverride;
  if (!origin) {
    const path = scenePath.replaceAll('{zone}', zone);
    const r = sceneOriginSchema.safeParse(await readJson(path));
    if (!r.success) throw new Error(`${path}: origin missing or invalid (${r.error.issues[0]?.message})`);
    origin = r.data.origin;
  }
  let graph: RoadGraph;
  if (roadsPath === SYNTHETIC_ROADS) {
    graph = createGridRoadGraph({ cols: 12, rows: 9, spacingM: 260, arterialEvery: 4, zoneId: zone });
    warnings.push(`${zone}: using a synthetic street grid, not the zone's real roads`);
  } else {
    const path = roadsPath.replaceAll('{zone}', zone);
    const g = parseRoadGraph(await readJson(path));
    if (!g.ok) throw new Error(`${path}: ${g.error}`);
    graph = g.graph;
    warnings.push(...g.warnings.slice(0, 5));
    if (g.warnings.length > 5) warnings.push(`… and ${g.warnings.length - 5} more road graph warnings`);
  }
  return { id: zone, origin, graph, warnings };
}
