/**
 * Plans the buildings tileset (pure: prepared buildings in, a tile tree out; no geometry yet).
 *
 *   overview (CIM2, REPLACE)                       root: always an overview of the whole zone
 *   ├─ overview (CIM2, generalised)                 only when a region exceeds the overview capacity
 *   │   └─ …
 *   └─ complete overview (CIM2)                     all blocks of its region
 *       ├─ detail (CIM3)                            ≤ DETAIL_TILE_CAPACITY ordinary buildings
 *       └─ signature shell (CIM3) ─ BIM (CIM5)      one subtree per signature building
 *
 * Signature buildings never appear in detail tiles; they do appear (as blocks, ranked first) in
 * overviews, because REPLACE refinement must not make them vanish at a distance.
 */
import type { CimLevel } from '../types';
import { emptyAabb, expandAabb, type Aabb } from '../tileset/aabb';
import {
  DETAIL_TILE_CAPACITY,
  GEOMETRIC_ERROR,
  MAX_QUADTREE_DEPTH,
  OVERVIEW_TILE_CAPACITY,
} from './lodConstants';
import type { PreparedBuilding } from './prepareBuildings';
import { buildQuadtree, quadLeaves, type QuadNode } from './quadtree';

export type TileContentKind = 'overview' | 'detail' | 'signature-shell' | 'signature-bim';

export interface PlannedTile {
  /** File stem of the content, unique in the tileset. */
  key: string;
  kind: TileContentKind;
  cimLevel: CimLevel;
  /** Indices into the prepared building list, ascending; row i of the property table is rows[i]. */
  rows: number[];
  box: Aabb;
  geometricError: number;
  children: PlannedTile[];
}

export interface PlanOptions {
  detailCapacity?: number;
  overviewCapacity?: number;
}

const CIM: Record<TileContentKind, CimLevel> = {
  overview: 'CIM2',
  detail: 'CIM3',
  'signature-shell': 'CIM3',
  'signature-bim': 'CIM5',
};

function boxOf(buildings: readonly PreparedBuilding[], rows: readonly number[], children: readonly PlannedTile[]): Aabb {
  const box = emptyAabb();
  for (const i of rows) expandAabb(box, buildings[i]!.extent);
  for (const c of children) expandAabb(box, c.box);
  return box;
}

function tile(
  buildings: readonly PreparedBuilding[], key: string, kind: TileContentKind, rows: number[],
  geometricError: number, children: PlannedTile[],
): PlannedTile {
  return { key, kind, cimLevel: CIM[kind], rows, box: boxOf(buildings, rows, children), geometricError, children };
}

/** Stable ordinal names for signature subtrees: by building order, which is id order. */
function signatureSubtree(buildings: readonly PreparedBuilding[], index: number, ordinal: number): PlannedTile {
  const bim = tile(buildings, `sig${ordinal}-cim5`, 'signature-bim', [index], GEOMETRIC_ERROR.signatureBimM, []);
  return tile(buildings, `sig${ordinal}-cim3`, 'signature-shell', [index], GEOMETRIC_ERROR.signatureShellM, [bim]);
}

/** Signatures first, then by prominence, then by index, so generalisation is deterministic. */
function byRank(buildings: readonly PreparedBuilding[]) {
  return (a: number, b: number): number => {
    const sa = buildings[a]!.input.signature ? 1 : 0, sb = buildings[b]!.input.signature ? 1 : 0;
    return sb - sa || buildings[b]!.prominenceM - buildings[a]!.prominenceM || a - b;
  };
}

export function planBuildingTiles(buildings: readonly PreparedBuilding[], options: PlanOptions = {}): PlannedTile | null {
  if (buildings.length === 0) return null;
  const detailCapacity = options.detailCapacity ?? DETAIL_TILE_CAPACITY;
  const overviewCapacity = Math.max(options.overviewCapacity ?? OVERVIEW_TILE_CAPACITY, detailCapacity);
  const points = buildings.map((b) => ({ x: b.centroid[0], y: b.centroid[1] }));
  const all = buildings.map((_, i) => i);
  const root = buildQuadtree(points, all, detailCapacity, MAX_QUADTREE_DEPTH);
  const signatureOrdinal = new Map<number, number>();
  all.filter((i) => buildings[i]!.input.signature).forEach((i, k) => signatureOrdinal.set(i, k));

  const completeOverview = (q: QuadNode): PlannedTile => {
    const children: PlannedTile[] = [];
    for (const leaf of quadLeaves(q)) {
      const ordinary = leaf.indices.filter((i) => !buildings[i]!.input.signature);
      if (ordinary.length > 0) {
        children.push(tile(buildings, `d${leaf.path || 'r'}`, 'detail', ordinary, GEOMETRIC_ERROR.detailM, []));
      }
    }
    for (const i of q.indices) {
      const k = signatureOrdinal.get(i);
      if (k !== undefined) children.push(signatureSubtree(buildings, i, k));
    }
    return tile(buildings, `o${q.path || 'r'}`, 'overview', q.indices, GEOMETRIC_ERROR.overviewM, children);
  };

  const convert = (q: QuadNode): PlannedTile => {
    if (q.indices.length <= overviewCapacity || q.children.length === 0) return completeOverview(q);
    const children = q.children.map(convert);
    const ranked = q.indices.slice().sort(byRank(buildings));
    const kept = ranked.slice(0, overviewCapacity).sort((a, b) => a - b);
    let omittedM = 0;
    for (const i of ranked.slice(overviewCapacity)) omittedM = Math.max(omittedM, buildings[i]!.prominenceM);
    const childMax = Math.max(...children.map((c) => c.geometricError));
    const error = Math.max(GEOMETRIC_ERROR.overviewM, omittedM, GEOMETRIC_ERROR.overviewGrowth * childMax);
    return tile(buildings, `o${q.path || 'r'}`, 'overview', kept, Math.ceil(error), children);
  };

  return convert(root);
}

/** Depth-first list of every tile in the plan. */
export function listPlannedTiles(root: PlannedTile): PlannedTile[] {
  return [root, ...root.children.flatMap(listPlannedTiles)];
}
