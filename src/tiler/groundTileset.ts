/**
 * Writes <outDir>/tileset.json and GLB(s) for a zone's ground polygons: normally one tile;
 * very large inputs are split into a few tiles under an empty root (ADD refinement).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EnuFrame, type GeoOrigin } from '../core/geodesy';
import { buildGroundTileContent, prepareGround, type GroundRejections, type PreparedGround } from './groundContent';
import { encodeTileGlb, type TileEncodeOptions } from './gltf/encodeTileGlb';
import { buildQuadtree, quadLeaves } from './lod/quadtree';
import { emptyAabb, expandAabb } from './tileset/aabb';
import { POSITION_BITS } from './gltf/compressTile';
import { padTileTree } from './tileset/quantisationPad';
import { buildTilesetJson, formatTilesetJson, type TileNode } from './tileset/tilesetJson';
import type { GroundInput } from './types';

export type { GroundRejections } from './groundContent';

/** Polygons per ground tile; beyond it the ground is split into a few tiles. */
export const GROUND_TILE_CAPACITY = 5000;
/** Ground tiles have no coarser level; when split, the empty root always refines (ADD). */
export const GROUND_ROOT_ERROR_M = 100000;
export const GROUND_TILESET_ERROR_M = 100000;

export interface GroundTilesetResult {
  polygons: number;
  rejected: GroundRejections;
  tiles: number;
  bytes: number;
}

export async function writeGroundTileset(inputs: readonly GroundInput[], origin: GeoOrigin, outDir: string,
  options: TileEncodeOptions = {},
): Promise<GroundTilesetResult> {
  const frame = new EnuFrame(origin);
  const { ground, rejected } = prepareGround(inputs);
  await mkdir(outDir, { recursive: true });
  let bytes = 0;
  const writeTile = async (key: string, items: PreparedGround[]): Promise<TileNode> => {
    const glb = await encodeTileGlb(buildGroundTileContent(items), options);
    await writeFile(join(outDir, `${key}.glb`), glb);
    bytes += glb.byteLength;
    const box = emptyAabb();
    for (const g of items) expandAabb(box, g.box);
    return { box, geometricError: 0, refine: 'ADD', contentUri: `${key}.glb`, children: [] };
  };
  let root: TileNode;
  let tiles = 0;
  if (ground.length === 0) {
    root = { box: { min: [-1, -1, 0], max: [1, 1, 1] }, geometricError: 0, refine: 'ADD', children: [] };
  } else if (ground.length <= GROUND_TILE_CAPACITY) {
    root = await writeTile('ground', ground);
    tiles = 1;
  } else {
    const points = ground.map((g) => ({ x: g.centroid[0], y: g.centroid[1] }));
    const tree = buildQuadtree(points, ground.map((_, i) => i), GROUND_TILE_CAPACITY, 8);
    const children: TileNode[] = [];
    for (const leaf of quadLeaves(tree)) {
      children.push(await writeTile(`ground-${leaf.path}`, leaf.indices.map((i) => ground[i]!)));
      tiles++;
    }
    const box = emptyAabb();
    for (const c of children) expandAabb(box, c.box);
    root = { box, geometricError: GROUND_ROOT_ERROR_M, refine: 'ADD', children };
  }
  if (ground.length > 0 && (options.compress ?? true)) root = padTileTree(root, POSITION_BITS);
  const json = formatTilesetJson(buildTilesetJson(root, frame.enuToEcefMatrix(), GROUND_TILESET_ERROR_M));
  await writeFile(join(outDir, 'tileset.json'), json);
  bytes += Buffer.byteLength(json);
  return { polygons: ground.length, rejected, tiles, bytes };
}
