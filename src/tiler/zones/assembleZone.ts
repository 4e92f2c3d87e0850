/**
 * Validated zone sources → the ZoneInput the 3D Tiles writer consumes: the road graph, real
 * landmarks, generated buildings on the blocks between the roads, and the ground polygons.
 */
import type { BuildingInput, GroundInput, ZoneInput } from '../types';
import { Obstacles } from './buildings/Obstacles';
import { RoadCorridors } from './buildings/RoadCorridors';
import { generateBuildings, type Block } from './buildings/generateBuildings';
import { HeightZoning } from './buildings/heritage';
import { landmarkLayers } from './buildings/landmarkBuildings';
import { modelledLandmarks } from './buildings/modelledLandmarks';
import { ZoneProjection } from './project';
import type { ZoneSources } from './readSources';
import type { AreaFile } from './sourceSchemas';
import { buildRoadGraph, type RoadGraphStats, type SignalPoint } from './roads/buildRoadGraph';
import type { RoadLine } from './roads/joinLines';
import { roadAttributes } from './roads/roadAttributes';
import { roadSurfaces } from './roads/roadSurfaces';

export interface ZoneStats {
  buildingsOsm: number;
  buildingsGenerated: number;
  /** Hand-modelled structures (boxes, bridge parts) from generator.json. */
  buildingsModelled: number;
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
  // Inner rings are holes: a park around a lake leaves the lake out.
  const area = (f: AreaFile['features'][number]) => {
    const [outer, ...holes] = f.geometry.coordinates.map((r) => proj.ring(r));
    return { name: f.properties.name, ring: outer!, ...(holes.length > 0 ? { holes } : {}) };
  };
  const water = src.water.features.map(area);
  const green = src.green.features.map(area);
  const modelled = modelledLandmarks(zoneId, src, proj, water.map((w) => w.ring));
  const protectedAreas = [...landmarks.protectedAreas, ...modelled.protectedAreas];

  const obstacles = new Obstacles(OBSTACLE_CELL_M);
  for (const w of water) obstacles.add(w.ring, cfg.clearanceM.water);
  for (const g of green) obstacles.add(g.ring, cfg.clearanceM.green);
  for (const b of landmarks.buildings) obstacles.add(b.footprint, cfg.clearanceM.landmark);
  for (const r of landmarks.obstacles) obstacles.add(r, cfg.clearanceM.landmark);
  for (const r of modelled.obstacles) obstacles.add(r, cfg.clearanceM.landmark);
  for (const a of protectedAreas) obstacles.add(a.ring, a.marginM);
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
      protected: s.protected,
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
  const heights = new HeightZoning(protectedAreas.map((a) => a.ring), cfg.heritage);
  const generated = generateBuildings(blocks, { zoneId, config: cfg, roads: new RoadCorridors(graph, cfg.roadSetbackM), obstacles, sites, heights });

  const ground: GroundInput[] = [
    ...blocks.map((b): GroundInput => ({
      id: b.kind === 'site' ? `site:${b.code}` : `landuse:${b.code}`,
      kind: 'landuse',
      landUse: b.landUse,
      name: b.prefix,
      polygon: b.ring,
    })),
    ...water.map((w, i): GroundInput => ({ id: `water:${i}`, kind: 'water', landUse: 'E', name: w.name, polygon: w.ring, ...(w.holes ? { holes: w.holes } : {}) })),
    ...green.map((g, i): GroundInput => ({ id: `green:${i}`, kind: 'green', landUse: 'G', name: g.name, polygon: g.ring, ...(g.holes ? { holes: g.holes } : {}) })),
    ...roadSurfaces(graph, water.map((w) => w.ring)),
  ];

  const buildings: BuildingInput[] = [...landmarks.buildings, ...modelled.buildings, ...generated];
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
      buildingsModelled: modelled.buildings.length,
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
