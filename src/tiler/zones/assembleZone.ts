/**
 * Validated zone sources → the ZoneInput the 3D Tiles writer consumes: the road graph, real
 * landmarks, generated buildings on the blocks between the roads, and the ground polygons.
 */
import type { BuildingInput, GroundInput, ZoneInput } from '../types';
import { Obstacles } from './buildings/Obstacles';
import { RoadCorridors } from './buildings/RoadCorridors';
import { generateBuildings, type Block } from './buildings/generateBuildings';
import { landmarkLayers } from './buildings/landmarkBuildings';
import { ZoneProjection } from './project';
import type { ZoneSources } from './readSources';
import { buildRoadGraph, type RoadGraphStats, type SignalPoint } from './roads/buildRoadGraph';
import type { RoadLine } from './roads/joinLines';
import { roadAttributes } from './roads/roadAttributes';
import { roadSurfaces } from './roads/roadSurfaces';

export interface ZoneStats {
  buildingsOsm: number;
  buildingsGenerated: number;
  buildingsPlanned: number;
  signature: number;
  sites: number;
  ground: Record<GroundInput['kind'], number>;
  roads: RoadGraphStats;
  /** Road features whose highway tag is not a drivable class (footways etc.), left out. */
  skippedRoadFeatures: number;
  signals: number;
}

const OBSTACLE_CELL_M = 120;

export function assembleZone(zoneId: string, src: ZoneSources): { input: ZoneInput; stats: ZoneStats } {
  const origin = src.scene.origin;
  const proj = new ZoneProjection(origin);

  const lines: RoadLine[] = [];
  let skippedRoadFeatures = 0;
  for (const f of src.roads.features) {
    const attrs = roadAttributes(f.properties);
    if (!attrs) { skippedRoadFeatures++; continue; }
    const osmWayId = f.properties['@id'];
    lines.push({ points: proj.line(f.geometry.coordinates), attrs, source: f.properties.source, ...(osmWayId ? { osmWayId } : {}) });
  }
  const signals: SignalPoint[] = src.signals.features.map((f) => {
    const [x, y] = proj.point(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    const osmId = f.properties.source === 'osm' ? f.properties['@id'] : undefined;
    return { x, y, ...(osmId ? { osmId } : {}) };
  });
  const { graph, stats: roadStats } = buildRoadGraph(zoneId, lines, signals);

  const cfg = src.generator;
  const landmarks = landmarkLayers(src.landmarks, proj, cfg);
  const water = src.water.features.map((f) => ({ name: f.properties.name, ring: proj.ring(f.geometry.coordinates[0]!) }));
  const green = src.green.features.map((f) => ({ name: f.properties.name, ring: proj.ring(f.geometry.coordinates[0]!) }));

  const obstacles = new Obstacles(OBSTACLE_CELL_M);
  for (const w of water) obstacles.add(w.ring, cfg.clearanceM.water);
  for (const g of green) obstacles.add(g.ring, cfg.clearanceM.green);
  for (const b of landmarks.buildings) obstacles.add(b.footprint, cfg.clearanceM.landmark);
  for (const r of landmarks.obstacles) obstacles.add(r, cfg.clearanceM.landmark);
  const sites = new Obstacles(OBSTACLE_CELL_M);
  for (const s of landmarks.sites) sites.add(s.ring, cfg.clearanceM.site);

  const planned = new Set(cfg.plannedBlocks);
  const blocks: Block[] = [
    ...landmarks.sites.map((s): Block => ({
      code: s.osmId,
      kind: 'site',
      prefix: s.name,
      prefixEn: s.nameEn,
      landUse: s.landUse,
      ...(s.typology ? { typology: s.typology } : {}),
      ring: s.ring,
      planned: planned.has(s.osmId),
    })),
    ...src.landuse.features.map((f): Block => {
      const p = f.properties;
      return {
        code: p.code,
        kind: 'landuse',
        prefix: `${p.place} ${p.code} 地块`,
        prefixEn: `${p['place:en']} block ${p.code}`,
        landUse: p.class,
        ...(p.typology ? { typology: p.typology } : {}),
        ring: proj.ring(f.geometry.coordinates[0]!),
        planned: planned.has(p.code),
      };
    }),
  ];
  const seenCodes = new Set<string>();
  for (const b of blocks) {
    if (seenCodes.has(b.code)) throw new Error(`tiles/${zoneId}/landuse.geojson: duplicate block code "${b.code}"`);
    seenCodes.add(b.code);
  }
  const generated = generateBuildings(blocks, { zoneId, config: cfg, roads: new RoadCorridors(graph, cfg.roadSetbackM), obstacles, sites });

  const ground: GroundInput[] = [
    ...blocks.map((b): GroundInput => ({
      id: b.kind === 'site' ? `site:${b.code}` : `landuse:${b.code}`,
      kind: 'landuse',
      landUse: b.landUse,
      name: b.prefix,
      polygon: b.ring,
    })),
    ...water.map((w, i): GroundInput => ({ id: `water:${i}`, kind: 'water', landUse: 'E', name: w.name, polygon: w.ring })),
    ...green.map((g, i): GroundInput => ({ id: `green:${i}`, kind: 'green', landUse: 'G', name: g.name, polygon: g.ring })),
    ...roadSurfaces(graph),
  ];

  const buildings: BuildingInput[] = [...landmarks.buildings, ...generated];
  const groundCounts: Record<GroundInput['kind'], number> = { water: 0, road: 0, green: 0, landuse: 0 };
  for (const g of ground) groundCounts[g.kind]++;
  return {
    input: {
      zoneId,
      origin: { lonDeg: origin.lonDeg, latDeg: origin.latDeg, heightM: origin.heightM },
      buildings,
      ground,
      roads: graph,
    },
    stats: {
      buildingsOsm: landmarks.buildings.length,
      buildingsGenerated: generated.length,
      buildingsPlanned: buildings.filter((b) => b.status === 'planned').length,
      signature: buildings.filter((b) => b.signature).length,
      sites: landmarks.sites.length,
      ground: groundCounts,
      roads: roadStats,
      skippedRoadFeatures,
      signals: signals.length,
    },
  };
}
