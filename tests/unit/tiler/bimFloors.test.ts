/**
 * The tiler's BIM floors: the `_FLOOR` vertex attribute of CIM5 tiles and the per-zone sidecar
 * bim/floors.json, against what bimModel builds (shipped West Bund zone, and synthetic buildings
 * for courtyards, short storeys and stated floor counts the walls cannot hold).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBimFloors, type BimBuilding, type BimFloorsFile } from '../../../src/analysis/bim/bimFloorsFile';
import { floorAt } from '../../../src/analysis/bim/floorModel';
import { FloorTags } from '../../../src/tiler/bim/floorTags';
import { bimBuildingOf, zoneBimFloors } from '../../../src/tiler/bim/zoneBimFloors';
import { buildBuildingTileContent } from '../../../src/tiler/buildingTileContent';
import { appendBimBuilding, bimLevels, GLASS_OFFSET_M, SLAB_THICKNESS_M } from '../../../src/tiler/geometry/bimModel';
import { signedArea } from '../../../src/tiler/geometry/footprint';
import { MeshBatch } from '../../../src/tiler/geometry/meshBatch';
import { offsetRing } from '../../../src/tiler/geometry/offsetRing';
import { encodeTileGlb } from '../../../src/tiler/gltf/encodeTileGlb';
import { prepareBuilding, prepareBuildings, type PreparedBuilding } from '../../../src/tiler/lod/prepareBuildings';
import type { BuildingInput } from '../../../src/tiler/types';
import { loadZoneInput } from '../../../src/tiler/zones';
import { builtZoneDir, REPO_ROOT } from './builtZones';
import { enuNormals, enuPositions, parseGlb, readDocument, readTileset, validateGlb, walkTiles } from './tilerSupport';

/** 西岸美术馆 (West Bund Museum): a shipped signature building, 18 m and 5 storeys. */
const WEST_BUND_MUSEUM = 'osm:way/745277168';

interface FloorPrimitive {
  role: string;
  /** ENU metres. */
  enu: Float64Array;
  normals: Float64Array | null;
  floors: number[];
  indices: number[];
}

async function floorPrimitives(bytes: Uint8Array): Promise<FloorPrimitive[]> {
  const doc = await readDocument(bytes);
  const out: FloorPrimitive[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const m = node.getWorldMatrix();
    for (const prim of mesh.listPrimitives()) {
      const enu = enuPositions(prim, m);
      const normals = enuNormals(prim);
      const floors = prim.getAttribute('_FLOOR');
      if (!floors) throw new Error(`${mesh.getName()}: no _FLOOR attribute`);
      out.push({ role: mesh.getName(), enu, normals, floors: Array.from(floors.getArray()!), indices: Array.from(prim.getIndices()!.getArray()!) });
    }
  }
  return out;
}

function input(over: Partial<BuildingInput>): BuildingInput {
  return {
    id: 'gen:test:bim', name: '测试楼', nameEn: 'Test tower', footprint: [[0, 0], [40, 0], [40, 30], [0, 30]],
    heightM: 60, baseM: 2, floors: 15, landUse: 'B', status: 'existing', source: 'generated', osmId: '', roof: 'flat',
    signature: true, ...over,
  };
}

function prepared(b: BuildingInput): PreparedBuilding {
  const p = prepareBuilding(b);
  if (!p.ok) throw new Error(p.reason);
  return p.building;
}

async function cim5Glb(b: PreparedBuilding, compress = true): Promise<Uint8Array> {
  return encodeTileGlb(buildBuildingTileContent({ key: 'sig0-cim5', kind: 'signature-bim', cimLevel: 'CIM5', rows: [0], box: b.extent, geometricError: 0, children: [] }, [b]), { compress });
}

/** Every vertex's `_FLOOR` agrees with the sidecar: slabs by slab band, spanning pieces by level. */
function expectFloorsMatch(prims: FloorPrimitive[], sidecar: BimBuilding): number {
  let checked = 0;
  for (const p of prims) {
    for (let i = 0; i < p.floors.length; i++) {
      const z = p.enu[3 * i + 2]!;
      const k = p.floors[i]!;
      const floor = sidecar.floors[k]!;
      expect(floor, `${p.role} vertex ${i}: floor ${k}`).toBeDefined();
      if (p.role === 'slabs') {
        expect(z).toBeGreaterThanOrEqual(floor.slabBottomM - 2e-3);
        expect(z).toBeLessThanOrEqual(floor.slabTopM + 2e-3);
        expect(floorAt(sidecar, z)).toBe(k);
      } else {
        // Core, curtain wall and mullions only have vertices on levels, tagged with that level.
        expect(Math.abs(z - floor.elevationM), `${p.role} vertex ${i} at ${z}`).toBeLessThan(2e-3);
      }
      checked++;
    }
  }
  return checked;
}

/** Area of the upward-facing slab triangles of one floor, as drawn. */
function drawnSlabTopArea(slabs: FloorPrimitive, floor: number): number {
  let area = 0;
  const v = (i: number, k: number): number => slabs.enu[3 * i + k]!;
  for (let t = 0; t < slabs.indices.length; t += 3) {
    const [a, b, c] = [slabs.indices[t]!, slabs.indices[t + 1]!, slabs.indices[t + 2]!];
    if (![a, b, c].every((i) => slabs.floors[i] === floor && slabs.normals![3 * i + 2]! > 0.99)) continue;
    area += ((v(b, 0) - v(a, 0)) * (v(c, 1) - v(a, 1)) - (v(c, 0) - v(a, 0)) * (v(b, 1) - v(a, 1))) / 2;
  }
  return area;
}

describe('BIM floors of a shipped zone (West Bund)', () => {
  let dir = '';
  let file: BimFloorsFile;
  let building: PreparedBuilding;

  beforeAll(async () => {
    dir = await builtZoneDir('westbund', 'bim-floors');
    const parsed = parseBimFloors(await readFile(join(dir, 'bim', 'floors.json'), 'utf8'), 'westbund');
    if (!parsed.ok) throw new Error(parsed.message);
    file = parsed.file;
    const zone = await loadZoneInput('westbund', REPO_ROOT);
    building = prepareBuildings(zone.buildings).buildings.find((b) => b.input.id === WEST_BUND_MUSEUM)!;
  }, 180_000);

  it('lists the floors and elevations bimModel builds for 西岸美术馆', () => {
    const b = file.buildings.find((x) => x.id === WEST_BUND_MUSEUM)!;
    const levels = bimLevels(building);
    expect(b.name).toEqual({ zh: '西岸美术馆', en: 'West Bund Museum' });
    expect(b.storeys).toBe(5);
    expect(levels).toHaveLength(6);
    expect(b.floors.map((f) => f.elevationM)).toEqual(levels.map((z) => Math.round(z * 1000) / 1000));
    expect(b.floors.map((f) => f.elevationM)).toEqual([0, 3.6, 7.2, 10.8, 14.4, 18]);
    expect(b.floors.map((f) => f.name.zh)).toEqual(['1F', '2F', '3F', '4F', '5F', '屋面']);
    expect(b.floors.map((f) => f.kind)).toEqual(['storey', 'storey', 'storey', 'storey', 'storey', 'roof']);
    expect(b.floors.slice(0, 5).every((f) => f.heightM === 3.6)).toBe(true);
    expect(b.floors[5]!.slabBottomM).toBeCloseTo(18 - SLAB_THICKNESS_M, 9);
    expect(b.floors.every((f) => f.use.illustrative)).toBe(true);
  });

  it('lists exactly the signature buildings, each with its CIM5 tile from tileset.json', async () => {
    const tileset = await readTileset(join(dir, 'buildings', 'tileset.json'));
    const cim5 = walkTiles(tileset.root).map((t) => t.tile).filter((t) => t.metadata?.properties.cimLevel === 'CIM5');
    expect(cim5.map((t) => `buildings/${t.content!.uri}`).sort()).toEqual(file.buildings.map((b) => b.content).sort());
    expect(file.buildings.map((b) => b.id)).toEqual(['osm:way/307455604', 'osm:way/543033477', WEST_BUND_MUSEUM]);
    for (const b of file.buildings) {
      const { json, bin } = parseGlb(new Uint8Array(await readFile(join(dir, b.content))));
      // The property table's single row is this building (its id string is in the binary chunk).
      expect(json.extensions.EXT_structural_metadata.propertyTables[0].count).toBe(1);
      expect(new TextDecoder().decode(bin).includes(b.id)).toBe(true);
    }
  });

  it('tags every vertex of every CIM5 tile with the floor the sidecar gives it', async () => {
    for (const b of file.buildings) {
      const bytes = new Uint8Array(await readFile(join(dir, b.content)));
      const prims = await floorPrimitives(bytes);
      expect(prims.map((p) => p.role)).toEqual(['slabs', 'core', 'glass', 'mullions']);
      expect(expectFloorsMatch(prims, b)).toBeGreaterThan(100);
      // Every floor has its slab, and the spanning pieces reach from the ground floor to the roof.
      expect(new Set(prims[0]!.floors).size).toBe(b.floors.length);
      for (const p of prims.slice(1)) expect([Math.min(...p.floors), Math.max(...p.floors)]).toEqual([0, b.storeys]);
      const { json } = parseGlb(bytes);
      for (const mesh of json.meshes) expect(json.accessors[mesh.primitives[0].attributes._FLOOR].componentType).toBe(5123);
      const report = await validateGlb(bytes);
      expect([report.errors, report.warnings]).toEqual([0, 0]);
    }
  });

  it('gives slab areas exactly from the slab polygon and gross floor areas at the curtain wall', async () => {
    const b = file.buildings.find((x) => x.id === WEST_BUND_MUSEUM)!;
    const shoelace = signedArea(building.outer) + building.holes.reduce((s, h) => s + signedArea(h), 0);
    const enclosed = signedArea(offsetRing(building.outer, GLASS_OFFSET_M)) + building.holes.reduce((s, h) => s + signedArea(h), 0);
    for (const f of b.floors) expect(f.slabAreaM2).toBe(Math.round(shoelace * 100) / 100);
    expect(b.footprintAreaM2).toBe(Math.round(shoelace * 100) / 100);
    for (const f of b.floors.slice(0, 5)) expect(f.grossFloorAreaM2).toBe(Math.round(enclosed * 100) / 100);
    expect(b.floors[5]!.grossFloorAreaM2).toBe(0);
    expect(b.grossFloorAreaM2).toBeCloseTo(5 * enclosed, 1);
    // Independently of the polygon code: the slab top as triangulated and drawn has that area.
    const slabs = (await floorPrimitives(new Uint8Array(await readFile(join(dir, b.content)))))[0]!;
    for (let k = 0; k < b.floors.length; k++) expect(Math.abs(drawnSlabTopArea(slabs, k) - b.floors[k]!.slabAreaM2)).toBeLessThan(0.05);
  });
});

describe('BIM floors of synthetic buildings', () => {
  it('tags a courtyard tower on a raised base and agrees with its sidecar entry', async () => {
    const courtyard = prepared(input({ holes: [[[10, 10], [10, 20], [30, 20], [30, 10]]] }));
    const sidecar = bimBuildingOf(courtyard, 0);
    expect(sidecar.storeys).toBe(15);
    expect(sidecar.floors[0]!.elevationM).toBe(2);
    expect(sidecar.floors[15]!.elevationM).toBe(62);
    expect(sidecar.floors[0]!.slabAreaM2).toBe(40 * 30 - 20 * 10);
    const prims = await floorPrimitives(await cim5Glb(courtyard));
    expect(expectFloorsMatch(prims, sidecar)).toBeGreaterThan(1000);
    // 16-bit positions over a 62 m tower move vertices by up to ~1 mm: ~0.1 m² on a 200 m perimeter.
    expect(drawnSlabTopArea(prims[0]!, 7)).toBeCloseTo(1000, 0);
    const raw = await floorPrimitives(await cim5Glb(courtyard, false));
    expect(drawnSlabTopArea(raw[0]!, 7)).toBeCloseTo(1000, 3);
    expect(parseBimFloors(JSON.stringify(zoneBimFloors('test', [courtyard])), 'test').ok).toBe(true);
  });

  it('follows the storeys the walls can hold, not a stated floor count they cannot', () => {
    const b = prepared(input({ heightM: 12, floors: 10 }));
    const sidecar = bimBuildingOf(b, 0);
    expect(b.floors).toBe(10);
    expect(sidecar.storeys).toBe(bimLevels(b).length - 1);
    expect(sidecar.storeys).toBe(6);
  });

  it('counts storeys under 2.20 m at half their area (GB/T 50353-2013)', () => {
    const b = prepared(input({ heightM: 6.3, floors: 3 }));
    const sidecar = bimBuildingOf(b, 0);
    const enclosed = signedArea(offsetRing(b.outer, GLASS_OFFSET_M));
    expect(sidecar.floors[0]!.heightM).toBe(2.1);
    expect(sidecar.floors[0]!.grossFloorAreaM2).toBe(Math.round((enclosed / 2) * 100) / 100);
    const tall = bimBuildingOf(prepared(input({ heightM: 6.6, floors: 3 })), 0);
    expect(tall.floors[0]!.grossFloorAreaM2).toBe(Math.round(enclosed * 100) / 100);
  });

  it('lists no building for a zone without signature buildings, and numbers CIM5 tiles in id order', () => {
    expect(zoneBimFloors('z', [prepared(input({ signature: false }))]).buildings).toEqual([]);
    const two = prepareBuildings([input({ id: 'b' }), input({ id: 'a', footprint: [[100, 0], [120, 0], [120, 20], [100, 20]] })]).buildings;
    expect(zoneBimFloors('z', two).buildings.map((x) => [x.id, x.content])).toEqual([['a', 'buildings/sig0-cim5.glb'], ['b', 'buildings/sig1-cim5.glb']]);
  });

  it('refuses to leave vertices untagged or to tag a spanning vertex that is on no level', () => {
    const b = prepared(input({}));
    const batch = (): MeshBatch => new MeshBatch('triangles', { normals: true, colors: false });
    const t = { slabs: batch(), core: batch(), glass: batch(), mullions: new MeshBatch('lines', { normals: false, colors: false }) };
    appendBimBuilding(t, b, 0);
    expect(() => new FloorTags().of(t.slabs)).toThrow(/0 of \d+ vertices tagged/);
    const tags = new FloorTags();
    const odd = batch();
    odd.vertex(0, 0, 5, 0, 0, 1, 0);
    expect(() => tags.fillByLevel(odd, 0, bimLevels(b))).toThrow(/on no storey level/);
    const gap = batch();
    gap.vertex(0, 0, 2, 0, 0, 1, 0);
    gap.vertex(0, 0, 2, 0, 0, 1, 0);
    expect(() => tags.fill(gap, 1, 0)).toThrow(/left untagged/);
  });
});
