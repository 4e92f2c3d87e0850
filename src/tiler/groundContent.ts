/**
 * Ground polygons of a zone → one tile's content: one primitive per kind (water, road, green,
 * landuse), each in a node and mesh named after the kind so the viewer can toggle sub-layers.
 * Kinds are stacked by small vertical offsets so they never z-fight:
 *   landuse 0 m (the base), water 0.3 m, green 0.4 m (parks over water edges), road 0.6 m (on top).
 * Land-use blocks carry their planning colour as vertex colours: one draw call for all classes.
 */
import { isLandUseClass } from '../core/landUse';
import { cleanRing, MIN_HOLE_AREA_M2, ringCentroid } from './geometry/footprint';
import { MeshBatch } from './geometry/meshBatch';
import { appendCap } from './geometry/prism';
import { triangulatePolygon } from './geometry/triangulate';
import type { TileContent } from './gltf/encodeTileGlb';
import { landUseColor, MATERIALS } from './gltf/materials';
import type { MetadataSchema, PropertyTableData } from './gltf/propertyTable';
import { emptyAabb, expandAabbPoint, type Aabb } from './tileset/aabb';
import type { GroundInput, GroundKind, Ring } from './types';

export const GROUND_OFFSET_M: Record<GroundKind, number> = { landuse: 0, water: 0.3, green: 0.4, road: 0.6 };
/** Draw order inside a tile: bottom layer first. */
export const GROUND_KINDS: GroundKind[] = ['landuse', 'water', 'green', 'road'];
/** Polygons smaller than this are noise (digitising slivers). */
export const MIN_GROUND_AREA_M2 = 0.5;
/** The bow-tie check is quadratic; very long rings (coastlines) skip it and rely on earcut. */
const SELF_INTERSECTION_CHECK_MAX_VERTICES = 2000;

export const GROUND_SCHEMA: MetadataSchema = {
  id: 'shentwin_ground',
  name: 'ShenTwin ground',
  classes: {
    ground: {
      name: 'Ground polygon',
      properties: {
        id: { type: 'STRING', required: true },
        kind: { type: 'STRING', description: 'water | road | green | landuse', required: true },
        landUse: { type: 'STRING', description: 'GB 50137-2011 land-use class', required: true },
        name: { type: 'STRING', required: true },
      },
    },
  },
};

export interface PreparedGround {
  input: GroundInput;
  outer: Ring;
  holes: Ring[];
  centroid: [number, number];
  box: Aabb;
}

export interface GroundRejections {
  degenerate: number;
  invalidAttributes: number;
  duplicateId: number;
}

export function prepareGround(inputs: readonly GroundInput[]): { ground: PreparedGround[]; rejected: GroundRejections } {
  const rejected: GroundRejections = { degenerate: 0, invalidAttributes: 0, duplicateId: 0 };
  const seen = new Set<string>();
  const ground: PreparedGround[] = [];
  for (const g of inputs) {
    if (!GROUND_KINDS.includes(g.kind) || !isLandUseClass(g.landUse) || typeof g.id !== 'string' || typeof g.name !== 'string') {
      rejected.invalidAttributes++;
      continue;
    }
    const check = g.polygon.length <= SELF_INTERSECTION_CHECK_MAX_VERTICES;
    const outer = cleanRing(g.polygon, { orientation: 'ccw', minAreaM2: MIN_GROUND_AREA_M2, rejectSelfIntersection: check });
    if (!outer) {
      rejected.degenerate++;
      continue;
    }
    if (seen.has(g.id)) {
      rejected.duplicateId++;
      continue;
    }
    seen.add(g.id);
    const holes = (g.holes ?? [])
      .map((h) => cleanRing(h, { orientation: 'cw', minAreaM2: MIN_HOLE_AREA_M2 }))
      .filter((h): h is Ring => h !== null);
    const box = emptyAabb();
    for (const p of outer) expandAabbPoint(box, p[0], p[1], GROUND_OFFSET_M[g.kind]);
    ground.push({ input: g, outer, holes, centroid: ringCentroid(outer), box });
  }
  ground.sort((a, b) => (a.input.id < b.input.id ? -1 : a.input.id > b.input.id ? 1 : 0));
  return { ground, rejected };
}

function groundTable(items: readonly PreparedGround[]): PropertyTableData {
  const col = (f: (g: GroundInput) => string) => ({ type: 'STRING' as const, values: items.map((g) => f(g.input)) });
  return {
    name: 'ground',
    class: 'ground',
    count: items.length,
    columns: { id: col((g) => g.id), kind: col((g) => g.kind), landUse: col((g) => g.landUse), name: col((g) => g.name) },
  };
}

/** Geometry and table of one ground tile (pure). */
export function buildGroundTileContent(items: readonly PreparedGround[]): TileContent {
  const batches = new Map<GroundKind, MeshBatch>(
    GROUND_KINDS.map((k) => [k, new MeshBatch('triangles', { normals: true, colors: k === 'landuse' })]),
  );
  items.forEach((g, featureId) => {
    const batch = batches.get(g.input.kind)!;
    if (g.input.kind === 'landuse') batch.setColor(landUseColor(g.input.landUse));
    appendCap(batch, triangulatePolygon(g.outer, g.holes), GROUND_OFFSET_M[g.input.kind], 'up', featureId);
  });
  return {
    schema: GROUND_SCHEMA,
    table: groundTable(items),
    primitives: GROUND_KINDS.map((k) => ({ role: k, batch: batches.get(k)!, material: MATERIALS[k] })),
  };
}

