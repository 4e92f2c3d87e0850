/**
 * Writes <outDir>/tileset.json and one GLB per planned tile for a zone's buildings.
 * Tiles are built, encoded and written one at a time, so memory stays at one tile's worth.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EnuFrame, type GeoOrigin } from '../core/geodesy';
import { buildBuildingTileContent } from './buildingTileContent';
import { encodeTileGlb, type TileEncodeOptions } from './gltf/encodeTileGlb';
import { GEOMETRIC_ERROR } from './lod/lodConstants';
import { listPlannedTiles, planBuildingTiles, type PlannedTile, type PlanOptions } from './lod/planBuildingTiles';
import { prepareBuildings, type BuildingRejections, type PreparedBuildings } from './lod/prepareBuildings';
import { POSITION_BITS } from './gltf/compressTile';
import { padTileTree } from './tileset/quantisationPad';
import { buildTilesetJson, formatTilesetJson, type TileNode } from './tileset/tilesetJson';
import type { BuildingInput } from './types';

export interface BuildingsTilesetResult {
  prepared: PreparedBuildings;
  buildings: number;
  signatureBuildings: number;
  rejected: BuildingRejections;
  /** Tiles with content (= GLB files). */
  tiles: number;
  /** GLB bytes plus tileset.json bytes. */
  bytes: number;
  rootGeometricError: number;
}

function toTileNode(t: PlannedTile): TileNode {
  return {
    box: t.box,
    geometricError: t.geometricError,
    refine: 'REPLACE',
    contentUri: `${t.key}.glb`,
    cimLevel: t.cimLevel,
    children: t.children.map(toTileNode),
  };
}

/** A valid tileset with nothing in it, so viewers get an empty layer instead of a 404. */
function emptyRoot(): TileNode {
  return { box: { min: [-1, -1, 0], max: [1, 1, 1] }, geometricError: 0, refine: 'REPLACE', children: [] };
}

export async function writeBuildingsTileset(
  inputs: readonly BuildingInput[],
  origin: GeoOrigin,
  outDir: string,
  options: { plan?: PlanOptions } & TileEncodeOptions = {},
): Promise<BuildingsTilesetResult> {
  const frame = new EnuFrame(origin);
  const prepared = prepareBuildings(inputs);
  const plan = planBuildingTiles(prepared.buildings, options.plan);
  await mkdir(outDir, { recursive: true });
  let bytes = 0;
  let tiles = 0;
  if (plan) {
    for (const t of listPlannedTiles(plan)) {
      const glb = await encodeTileGlb(buildBuildingTileContent(t, prepared.buildings), options);
      await writeFile(join(outDir, `${t.key}.glb`), glb);
      bytes += glb.byteLength;
      tiles++;
    }
  }
  const planned = plan ? toTileNode(plan) : emptyRoot();
  const root = plan && (options.compress ?? true) ? padTileTree(planned, POSITION_BITS) : planned;
  const tilesetError = Math.max(2 * root.geometricError, GEOMETRIC_ERROR.tilesetMinM);
  const json = formatTilesetJson(buildTilesetJson(root, frame.enuToEcefMatrix(), tilesetError));
  await writeFile(join(outDir, 'tileset.json'), json);
  bytes += Buffer.byteLength(json);
  return {
    prepared,
    buildings: prepared.buildings.length,
    signatureBuildings: prepared.buildings.filter((b) => b.input.signature).length,
    rejected: prepared.rejected,
    tiles,
    bytes,
    rootGeometricError: root.geometricError,
  };
}
