/**
 * Ground polygons of a zone → one tile's content: one primitive per kind (water, road, green,
 * landuse), each in a node and mesh named after the kind so the viewer can toggle sub-layers.
 * Every polygon is validated and repaired (polygonRepair.ts), then cut by the polygons stacked
 * above it (groundLayering.ts), so water, green and land use form a partition with no coplanar
 * overlap. Road surfaces overlay the rest, lifted 0.6 m; the small lifts of the other kinds follow
 * the same stack (landuse 0 m, green 0.2 m, water 0.3 m) in case a viewer draws them unsorted.
 * Land-use blocks carry their planning colour as vertex colours: one draw call for all classes.
 */
import { isLandUseClass } from '../core/landUse';
import type { PolygonPart } from './geometry/clipping';
import { ringCentroid, signedArea } from './geometry/footprint';
import { MeshBatch } from './geometry/meshBatch';
import { appendCap } from './geometry/prism';
import { repairPolygon } from './geometry/polygonRepair';
import { triangulatePolygon } from './geometry/triangulate';
import type { TileContent } from './gltf/encodeTileGlb';
import { landUseColor, MATERIALS } from './gltf/materials';
import type { MetadataSchema, PropertyTableData } from './gltf/propertyTable';
import { emptyAabb, expandAabbPoint, type Aabb } from './tileset/aabb';
import { layerGround } from './groundLayering';
import type { GroundInput, GroundKind } from './types';

export const GROUND_OFFSET_M: Record<GroundKind, number> = { landuse: 0, green: 0.2, water: 0.3, road: 0.6 };
/** Draw order inside a tile: bottom layer first (GROUND_STACK). */
export const GROUND_KINDS: GroundKind[] = ['landuse', 'green', 'water', 'road'];
/** Polygons smaller than this are noise (digitising slivers). */
export const MIN_GROUND_AREA_M2 = 0.5;

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
        // Junction pads are unnamed: a tile of only those leaves the column out, so it cannot be required.
        name: { type: 'STRING', required: false },
      },
    },
  },
};

export interface PreparedGround {
  input: GroundInput;
  /** Simple polygons as drawn: repaired, and cut by the ground stacked above. */
  parts: PolygonPart[];
  centroid: [number, number];
  box: Aabb;
}

export interface GroundRejections {
  degenerate: number;
  invalidAttributes: number;
  duplicateId: number;
  /** Wholly under ground stacked above it (a block that is all lake): nothing left to draw. */
  covered: number;
}

/** Polygons that were fixed rather than rejected. */
export interface GroundRepairs {
  selfIntersections: number;
  holes: number;
  /** Cut by the ground stacked above them, so no two ground polygons overlap. */
  cutByLayers: number;
}

export function prepareGround(inputs: readonly GroundInput[]): { ground: PreparedGround[]; rejected: GroundRejections; repaired: GroundRepairs } {
  const rejected: GroundRejections = { degenerate: 0, invalidAttributes: 0, duplicateId: 0, covered: 0 };
  const repaired: GroundRepairs = { selfIntersections: 0, holes: 0, cutByLayers: 0 };
  const seen = new Set<string>();
  const valid: { input: GroundInput; id: string; kind: GroundKind; parts: PolygonPart[] }[] = [];
  for (const g of inputs) {
    if (!GROUND_KINDS.includes(g.kind) || !isLandUseClass(g.landUse) || typeof g.id !== 'string' || typeof g.name !== 'string'
      || !Array.isArray(g.polygon)) {
      rejected.invalidAttributes++;
      continue;
    }
    const { parts, repairs } = repairPolygon(g.polygon, g.holes ?? [], MIN_GROUND_AREA_M2);
    if (parts.length === 0) {
      rejected.degenerate++;
      continue;
    }
    if (seen.has(g.id)) {
      rejected.duplicateId++;
      continue;
    }
    seen.add(g.id);
    if (repairs.includes('selfIntersection')) repaired.selfIntersections++;
    if (repairs.includes('holes')) repaired.holes++;
    valid.push({ input: g, id: g.id, kind: g.kind, parts });
  }
  // Input order must not decide the stack: sort first, then cut.
  valid.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const layers = layerGround(valid, MIN_GROUND_AREA_M2);
  repaired.cutByLayers = layers.cut;
  rejected.covered = layers.covered;
  const ground: PreparedGround[] = [];
  for (const v of valid) {
    if (v.parts.length === 0) continue;
    const box = emptyAabb();
    for (const part of v.parts) for (const p of part.outer) expandAabbPoint(box, p[0], p[1], GROUND_OFFSET_M[v.kind]);
    const largest = v.parts.reduce((a, b) => (signedArea(b.outer) > signedArea(a.outer) ? b : a));
    ground.push({ input: v.input, parts: v.parts, centroid: ringCentroid(largest.outer), box });
  }
  return { ground, rejected, repaired };
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
    for (const part of g.parts) appendCap(batch, triangulatePolygon(part.outer, part.holes), GROUND_OFFSET_M[g.input.kind], 'up', featureId);
  });
  return {
    schema: GROUND_SCHEMA,
    table: groundTable(items),
    primitives: GROUND_KINDS.map((k) => ({ role: k, batch: batches.get(k)!, material: MATERIALS[k] })),
  };
}

