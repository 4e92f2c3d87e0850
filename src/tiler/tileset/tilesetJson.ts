/**
 * tileset.json (3D Tiles 1.1) from a tile tree. Bounding volumes are boxes in the zone's ENU frame
 * (x east, y north, z up); the root `transform` places that frame on the globe. Every tile also
 * carries its CIM level as 3D Tiles 1.1 tile metadata.
 */
import type { CimLevel } from '../types';
import { isEmptyAabb, type Aabb } from './aabb';

export interface TileNode {
  box: Aabb;
  geometricError: number;
  refine: 'REPLACE' | 'ADD';
  contentUri?: string;
  cimLevel?: CimLevel;
  children: TileNode[];
}

export interface TileJson {
  boundingVolume: { box: number[] };
  geometricError: number;
  refine: 'REPLACE' | 'ADD';
  transform?: number[];
  content?: { uri: string };
  metadata?: { class: string; properties: Record<string, string> };
  children?: TileJson[];
}

export interface TilesetJson {
  asset: { version: '1.1'; generator: string; tilesetVersion?: string };
  schema: unknown;
  geometricError: number;
  root: TileJson;
}

/** Boxes thinner than this upset culling maths in clients (flat ground, single-storey sheds). */
export const MIN_BOX_HALF_EXTENT_M = 0.5;
export const TILESET_GENERATOR = 'ShenTwin tiler';

/** The tileset-level schema: one class so tiles can say which CIM level they hold. */
export const TILE_METADATA_SCHEMA = {
  id: 'shentwin_tiles',
  classes: {
    tile: {
      name: 'Tile',
      properties: {
        cimLevel: { type: 'STRING', description: 'CIM grade of the content: CIM2 overview, CIM3 detail, CIM5 BIM' },
      },
    },
  },
};

const MM = 1000;

/**
 * A 3D Tiles box (centre + three half-axis vectors). The centre is rounded to millimetres and the
 * half-axes rounded *up* to cover that shift, so a parent still contains every child exactly.
 */
export function aabbToBox(b: Aabb): number[] {
  if (isEmptyAabb(b)) throw new Error('cannot write an empty bounding box');
  const c: number[] = [], h: number[] = [];
  for (let k = 0; k < 3; k++) {
    const centre = (b.min[k]! + b.max[k]!) / 2;
    const rc = Math.round(centre * MM) / MM;
    const half = (b.max[k]! - b.min[k]!) / 2 + Math.abs(centre - rc);
    c.push(rc);
    h.push(Math.max(MIN_BOX_HALF_EXTENT_M, Math.ceil(half * MM) / MM));
  }
  return [c[0]!, c[1]!, c[2]!, h[0]!, 0, 0, 0, h[1]!, 0, 0, 0, h[2]!];
}

function tileJson(t: TileNode): TileJson {
  if (!Number.isFinite(t.geometricError) || t.geometricError < 0) throw new Error(`bad geometricError ${t.geometricError}`);
  const out: TileJson = { boundingVolume: { box: aabbToBox(t.box) }, geometricError: t.geometricError, refine: t.refine };
  if (t.contentUri) out.content = { uri: t.contentUri };
  if (t.cimLevel) out.metadata = { class: 'tile', properties: { cimLevel: t.cimLevel } };
  if (t.children.length > 0) out.children = t.children.map(tileJson);
  return out;
}

/** Indented JSON with numeric arrays kept on one line: readable, diffable, deterministic. */
export function formatTilesetJson(tileset: TilesetJson): string {
  return `${JSON.stringify(tileset, null, 1).replace(/\[[-\d.e+,\s]*\]/g, (m) => m.replace(/\s+/g, ''))}\n`;
}

export function buildTilesetJson(root: TileNode, transform: number[], tilesetGeometricError: number): TilesetJson {
  if (transform.length !== 16 || !transform.every(Number.isFinite)) throw new Error('root transform must be 16 finite numbers');
  const { boundingVolume, ...rest } = tileJson(root);
  // Keep `transform` near the top of the root object for readability.
  const ordered: TileJson = { boundingVolume, transform, ...rest };
  return {
    asset: { version: '1.1', generator: TILESET_GENERATOR },
    schema: TILE_METADATA_SCHEMA,
    geometricError: tilesetGeometricError,
    root: ordered,
  };
}
