/**
 * Everything generator.json models by hand: boxes for landmarks OSM lacks (`modelled`) and
 * cable-stayed bridges along named roads (`bridges`). Returns the buildings, the protected areas
 * generated buildings keep clear of, and the ground footprints (piers, tower feet) they avoid.
 */
import type { BuildingInput, Ring } from '../../types';
import type { ZoneProjection } from '../project';
import type { ZoneSources } from '../readSources';
import { cableStayedBridge } from './cableStayedBridge';
import type { ProtectedArea } from './heritage';
import { boxStructures, modelledBuildings } from './modelledStructures';

export interface ModelledLandmarks {
  buildings: BuildingInput[];
  protectedAreas: ProtectedArea[];
  obstacles: Ring[];
}

/** Pieces standing on the ground (piers, tower legs) are obstacles; raised decks are not. */
const GROUND_PIECE_MAX_BASE_M = 1;

function longestRoadNamed(src: ZoneSources, name: string): readonly (readonly number[])[] | null {
  let best: readonly (readonly number[])[] | null = null;
  let bestLen = -1;
  for (const f of src.roads.features) {
    if (f.properties.name !== name) continue;
    const c = f.geometry.coordinates;
    let len = 0;
    for (let i = 1; i < c.length; i++) len += Math.hypot(c[i]![0]! - c[i - 1]![0]!, c[i]![1]! - c[i - 1]![1]!);
    if (len > bestLen) { best = c; bestLen = len; }
  }
  return best;
}

export function modelledLandmarks(zoneId: string, src: ZoneSources, proj: ZoneProjection, water: readonly Ring[]): ModelledLandmarks {
  const cfg = src.generator;
  const boxes = boxStructures(zoneId, cfg.modelled, proj);
  const out: ModelledLandmarks = {
    buildings: [...boxes],
    protectedAreas: boxes.map((b) => ({ ring: b.footprint, marginM: cfg.heritage.marginM })),
    obstacles: [],
  };
  for (const spec of cfg.bridges) {
    const coords = longestRoadNamed(src, spec.road);
    if (!coords) throw new Error(`tiles/${zoneId}/generator.json: bridge "${spec.id}" names road "${spec.road}", which roads.geojson does not have`);
    const model = cableStayedBridge(spec, proj.line(coords), water);
    const buildings = modelledBuildings(zoneId, spec.id, 'S', model.pieces);
    out.buildings.push(...buildings);
    for (const b of buildings) if (b.baseM < GROUND_PIECE_MAX_BASE_M) out.obstacles.push(b.footprint);
    out.obstacles.push(...model.towerFootprints);
  }
  return out;
}
