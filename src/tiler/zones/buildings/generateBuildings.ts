/**
 * Seeded building generator. For every block (land-use polygon or landmark site) it picks a
 * typology of the block's land-use class, lays lots along the nearest road, and places one
 * building per lot where the footprint keeps clear of road corridors, water, parks, real
 * landmarks and the buildings already placed. Each block has its own random stream, so editing
 * one block leaves the other blocks' random choices as they were; only a building right at a
 * shared edge can change, through the overlap check against its neighbour.
 */
import type { LandUseClass } from '../../../core/landUse';
import { createRng, type Rng } from '../../../core/rng';
import type { BuildingInput, Ring } from '../../types';
import { orientedRect, pointInRing, ringBounds, ringEdgeDistance } from '../geom/planar';
import type { BuildingType, ClassRule, GeneratorConfig, Typology } from '../sourceSchemas';
import { blockAngle, blockLots } from './blockLots';
import type { HeightZoning } from './heritage';
import { Obstacles } from './Obstacles';
import type { RoadCorridors } from './RoadCorridors';

export interface Block {
  /** Unique within the zone: the land-use block code, or a site's OSM id. It keys the random stream. */
  code: string;
  kind: 'landuse' | 'site';
  /** Building names are "<prefix> <n> 号楼" / "<prefixEn> bldg <n>", e.g. "安亭 M-07 地块". */
  prefix: string;
  prefixEn: string;
  landUse: LandUseClass;
  typology?: string;
  ring: Ring;
  planned: boolean;
  /** A heritage site: it keeps its ground polygon but gets no generated buildings. */
  protected?: boolean;
}

/** Buildings turn to face a road this close if it runs within ROAD_TURN_MAX_RAD of the lot grid. */
const ROAD_TURN_SEARCH_M = 90;
const ROAD_TURN_MAX_RAD = (25 * Math.PI) / 180;
/** A lot that fails at full size gets one retry at this scale before it stays empty. */
const RETRY_SCALE = 0.7;
/** Chamfer of an octagonal tower, as a share of its shorter side. */
const CHAMFER_SHARE = 0.2;
const BUILDING_GRID_CELL_M = 80;

function weightedPick<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((s, t) => s + t.weight, 0);
  let r = rng.next() * total;
  for (const t of items) {
    r -= t.weight;
    if (r < 0) return t;
  }
  return items[items.length - 1]!;
}

/**
 * An angle folded to (-π/4, π/4]. For a difference, it is how far to turn a box to align with a
 * road; for a direction, it is the quarter turn of it closest to east–west.
 */
function quarterTurn(delta: number): number {
  const q = Math.PI / 2;
  let d = ((delta % q) + q) % q;
  if (d > q / 2) d -= q;
  return d;
}

function chooseTypology(rng: Rng, rule: ClassRule, block: Block): Typology | null {
  if (rule.typologies.length === 0) return null;
  if (block.typology) {
    const forced = rule.typologies.find((t) => t.id === block.typology);
    if (!forced) throw new Error(`block ${block.code}: typology "${block.typology}" is not defined for class ${block.landUse}`);
    return forced;
  }
  const candidates = rule.typologies.filter((t) => t.weight > 0);
  return candidates.length > 0 ? weightedPick(rng, candidates) : null;
}

interface Candidate { ring: Ring; inflated: Ring; bounds: [number, number, number, number]; inflatedBounds: [number, number, number, number] }

export interface GeneratorContext {
  zoneId: string;
  config: GeneratorConfig;
  roads: RoadCorridors;
  /** Water, parks and landmark footprints, already loaded with their clearances. */
  obstacles: Obstacles;
  /** Landmark sites: land-use blocks keep out of them, site blocks build inside their own. */
  sites: Obstacles;
  /** Height caps near heritage and museum landmarks. */
  heights?: HeightZoning;
}

export function generateBuildings(blocks: readonly Block[], ctx: GeneratorContext): BuildingInput[] {
  const { config, roads, obstacles } = ctx;
  const placed = new Obstacles(BUILDING_GRID_CELL_M);
  const gap = config.clearanceM.building;
  const out: BuildingInput[] = [];

  const candidate = (x: number, y: number, w: number, d: number, angle: number, chamfer: number): Candidate => {
    const ring = orientedRect(x, y, w, d, angle, chamfer);
    const inflated = orientedRect(x, y, w + gap, d + gap, angle, chamfer);
    return { ring, inflated, bounds: ringBounds(ring), inflatedBounds: ringBounds(inflated) };
  };

  const fits = (c: Candidate, block: Block): boolean => {
    for (const p of c.ring) if (!pointInRing(p[0], p[1], block.ring)) return false;
    if (ringEdgeDistance(c.ring, block.ring) < config.clearanceM.blockEdge) return false;
    const b = c.bounds;
    return roads.clear(c.ring, b) && obstacles.clear(c.ring, b) && (block.kind === 'site' || ctx.sites.clear(c.ring, b))
      && placed.clear(c.ring, c.inflatedBounds, c.inflated);
  };

  for (const block of blocks) {
    const rule = config.classes[block.landUse];
    if (!rule || block.protected) continue;
    const rng = createRng(`${config.seed}/${block.code}`);
    const typology = chooseTypology(rng, rule, block);
    if (!typology) continue;
    const angle = rule.southFacing ? quarterTurn(blockAngle(block.ring, roads)) : blockAngle(block.ring, roads);
    const [lotAlong, lotAcross] = typology.lotM;
    let n = 0;
    for (const lot of blockLots(block.ring, angle, lotAlong, lotAcross)) {
      // Draw every random number for the lot up front so a rejected lot consumes the same amount
      // of the stream as a built one: changing a check never reshuffles the rest of the block.
      const fill = rng.next();
      const type: BuildingType = weightedPick(rng, typology.types);
      const wr = rng.next(), dr = rng.next(), hr = rng.next(), jx = rng.next(), jy = rng.next();
      const gable = rng.next(), chamferPick = rng.next();
      if (fill >= typology.fill) continue;
      const w = Math.min(type.widthM[0] + wr * (type.widthM[1] - type.widthM[0]), lotAlong - gap);
      const d = Math.min(type.depthM[0] + dr * (type.depthM[1] - type.depthM[0]), lotAcross - gap);
      if (w < type.widthM[0] * RETRY_SCALE || d < type.depthM[0] * RETRY_SCALE || w <= 0 || d <= 0) continue;
      const drawnM = Math.max(3, Math.round((type.heightM[0] + hr * (type.heightM[1] - type.heightM[0])) * 10) / 10);
      const near = roads.nearestAngle(lot.x, lot.y, ROAD_TURN_SEARCH_M);
      const turn = near ? quarterTurn(near.angle - lot.angle) : 0;
      const bAngle = Math.abs(turn) <= ROAD_TURN_MAX_RAD ? lot.angle + turn : lot.angle;
      // Jitter within the lot's slack keeps rows from looking stamped.
      const su = Math.max(0, lotAlong - w - gap) * (jx - 0.5), sv = Math.max(0, lotAcross - d - gap) * (jy - 0.5);
      const cos = Math.cos(lot.angle), sin = Math.sin(lot.angle);
      const x = lot.x + su * cos - sv * sin, y = lot.y + su * sin + sv * cos;
      // The cap comes after every draw, so zoning never shifts the random stream of the block.
      const heightM = Math.min(drawnM, Math.max(3, ctx.heights?.maxHeightAt(x, y) ?? Infinity));
      const chamfer = chamferPick < type.chamferShare ? Math.min(w, d) * CHAMFER_SHARE : 0;
      let c = candidate(x, y, w, d, bAngle, chamfer);
      if (!fits(c, block)) {
        // Lots on a block's ragged edge often fit a smaller building of the same kind.
        c = candidate(x, y, w * RETRY_SCALE, d * RETRY_SCALE, bAngle, chamfer * RETRY_SCALE);
        if (!fits(c, block)) continue;
      }
      placed.add(c.ring, 0, true);
      n++;
      const index = out.length + 1;
      out.push({
        id: `gen:${ctx.zoneId}:${index}`,
        name: `${block.prefix} ${n} 号楼`,
        nameEn: `${block.prefixEn} bldg ${n}`,
        footprint: c.ring,
        heightM,
        baseM: 0,
        floors: Math.max(1, Math.round(heightM / rule.floorHeightM)),
        landUse: block.landUse,
        status: block.planned ? 'planned' : 'existing',
        source: 'generated',
        osmId: '',
        roof: gable < type.gableShare && heightM <= config.gableMaxHeightM ? 'gable' : 'flat',
        signature: false,
      });
    }
  }
  return out;
}
