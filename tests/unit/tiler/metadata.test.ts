import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GLTFMeshFeaturesExtension, GLTFStructuralMetadataExtension } from '3d-tiles-renderer/three/plugins';
import type { Mesh } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StructuralMetadata } from '../../../src/tiler/gltf/extStructuralMetadata';
import { BUILDING_PROPERTIES } from '../../../src/tiler/types';
import { buildingIdsOfMesh } from '../../../src/layers/buildings/featureMetadata';
import { readStringColumn, type ColumnTableLike } from '../../../src/layers/buildings/stringColumn';
import type { TilesetJson } from '../../../src/tiler/tileset/tilesetJson';
import { syntheticZone } from './syntheticZone';
import { buildZoneInTemp, parseGlb, readDocument, readPrimitives, readTileset, walkTiles } from './tilerSupport';

let dir = '';
let tileset: TilesetJson;
const zone = syntheticZone();

/** A tile as 3d-tiles-renderer reads it (its metadata plugins, meshopt), and its walls mesh. */
async function wallsOf(bytes: Uint8Array): Promise<Mesh> {
  // The same decoder TilesetLayer hands to GLTFExtensionsPlugin for compact tiles.
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  // The plugins read the parser from afterRoot's argument, as the typings show (no constructor args).
  loader.register(() => new GLTFMeshFeaturesExtension() as never);
  loader.register(() => new GLTFStructuralMetadataExtension() as never);
  const gltf = await loader.parseAsync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '');
  let walls: Mesh | null = null;
  gltf.scene.traverse((o) => {
    if (o.name === 'walls' && (o as Mesh).isMesh) walls = o as Mesh;
  });
  expect(walls).not.toBeNull();
  return walls!;
}

/** The detail tile holding a building, found through the tileset like a viewer would. */
async function detailTileOf(id: string): Promise<{ uri: string; bytes: Uint8Array; row: number }> {
  for (const { tile } of walkTiles(tileset.root)) {
    if (!tile.content || tile.children) continue;
    const bytes = new Uint8Array(await readFile(join(dir, 'buildings', tile.content.uri)));
    const doc = await readDocument(bytes);
    const meta = doc.getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata')!;
    const ids = meta.listPropertyTables()[0]!.columns.id!.values as string[];
    const row = ids.indexOf(id);
    if (row >= 0) return { uri: tile.content.uri, bytes, row };
  }
  throw new Error(`building ${id} not found in any leaf tile`);
}

beforeAll(async () => {
  ({ dir } = await buildZoneInTemp(zone, 'metadata'));
  tileset = await readTileset(join(dir, 'buildings', 'tileset.json'));
});

describe('EXT_structural_metadata', () => {
  it('stores every building property with the right values (read back through glTF-Transform)', async () => {
    const { bytes, row } = await detailTileOf('gen:test:42');
    const doc = await readDocument(bytes);
    const meta = doc.getRoot().getExtension<StructuralMetadata>('EXT_structural_metadata')!;
    const table = meta.listPropertyTables()[0]!;
    // All-empty STRING columns (schemeId always, osmId in a tile of only generated buildings) are left out.
    const required = BUILDING_PROPERTIES.filter((p) => meta.getSchema()!.classes.building!.properties[p]!.required);
    expect(Object.keys(table.columns)).toEqual(BUILDING_PROPERTIES.filter((p) => required.includes(p) || p in table.columns));
    expect(required).toEqual(['id', 'heightM', 'floors', 'landUse', 'status', 'source', 'cimLevel']);
    expect(table.columns.schemeId).toBeUndefined();
    const input = zone.buildings.find((b) => b.id === 'gen:test:42')!;
    const value = (name: string): unknown => table.columns[name]!.values[row];
    expect(value('name')).toBe(input.name);
    expect(value('nameEn')).toBe(input.nameEn);
    expect(value('heightM')).toBeCloseTo(input.heightM, 4);
    expect(value('floors')).toBe(input.floors);
    expect(value('source')).toBe('generated');
    expect(value('landUse')).toBe(input.landUse);
    expect(value('cimLevel')).toBe('CIM3');
    const schema = meta.getSchema()!;
    expect(schema.classes.building!.properties.heightM).toMatchObject({ type: 'SCALAR', componentType: 'FLOAT32' });
    expect(schema.classes.building!.properties.floors).toMatchObject({ type: 'SCALAR', componentType: 'UINT16' });
  });

  it('follows the binary layout rules: 8-byte aligned views, UINT32 string offsets, extensionsUsed', async () => {
    const { bytes } = await detailTileOf('osm:way/900001');
    const { json } = parseGlb(bytes);
    expect(json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata']));
    const table = json.extensions.EXT_structural_metadata.propertyTables[0];
    expect(table.class).toBe('building');
    for (const [name, p] of Object.entries<any>(table.properties)) {
      const views = [p.values, p.stringOffsets].filter((v) => v !== undefined) as number[];
      for (const v of views) expect(json.bufferViews[v].byteOffset % 8, `${name} view ${v}`).toBe(0);
      if (name === 'heightM' || name === 'floors') expect(p.stringOffsets).toBeUndefined();
      else expect(p.stringOffsetType).toBe('UINT32');
    }
  });

  it('is readable by 3d-tiles-renderer: feature id of a face → property table row', async () => {
    const { bytes, row } = await detailTileOf('osm:way/900001');
    const mesh = await wallsOf(bytes);
    const info = (mesh.userData.meshFeatures as { getFeatureInfo(): { propertyTable: number; featureCount: number }[] }).getFeatureInfo();
    expect(info[0]!.propertyTable).toBe(0);
    // What the viewer does after a raycast: the picked face's vertex → feature id → table row.
    const ids = mesh.geometry.getAttribute('_feature_id_0');
    const index = mesh.geometry.getIndex()!;
    let face = -1;
    for (let t = 0; t < index.count / 3; t++) if (ids.getX(index.getX(3 * t)) === row) { face = t; break; }
    expect(face).toBeGreaterThanOrEqual(0);
    const meta = mesh.userData.structuralMetadata as { getPropertyTableData(t: number, id: number): Record<string, unknown> };
    const data = meta.getPropertyTableData(info[0]!.propertyTable, ids.getX(index.getX(3 * face)));
    expect(data).toMatchObject({ id: 'osm:way/900001', name: '四合院', nameEn: 'Courtyard House', floors: 3, source: 'osm', osmId: 'way/900001' });
    expect(data.heightM as number).toBeCloseTo(12.5, 5);
  });

  it('whole string columns read at once equal the library reading row by row', async () => {
    const { bytes } = await detailTileOf('osm:way/900001');
    const mesh = await wallsOf(bytes);
    type Table = ColumnTableLike & { getPropertyValue(name: string, row: number): unknown };
    const table = (mesh.userData.structuralMetadata as { tableAccessors: Table[] }).tableAccessors[0]!;
    expect(table.count).toBeGreaterThan(1);
    const rowByRow = (name: string) => Array.from({ length: table.count }, (_, i) => table.getPropertyValue(name, i));
    // ids are ASCII (one decode for the column); names hold Chinese (decoded per value).
    for (const name of ['id', 'name', 'nameEn', 'source']) {
      const column = readStringColumn(table, name);
      expect(column, name).not.toBeNull();
      expect(column).toEqual(rowByRow(name));
    }
    expect(rowByRow('name')).toContain('四合院');
    // Not a string column: left to the library.
    expect(readStringColumn(table, 'heightM')).toBeNull();
    expect(readStringColumn(table, 'no-such-property')).toBeNull();
    // What the highlight index and the hider read, once per table.
    const ids = buildingIdsOfMesh(mesh);
    expect(ids.map((r) => r.buildingId)).toEqual(rowByRow('id').filter((id) => id !== ''));
    expect(buildingIdsOfMesh(mesh)).toBe(ids);
  });
});

describe('EXT_mesh_features', () => {
  it('every vertex of every primitive has a feature id below featureCount', async () => {
    for (const { tile } of walkTiles(tileset.root)) {
      if (!tile.content) continue;
      const bytes = new Uint8Array(await readFile(join(dir, 'buildings', tile.content.uri)));
      const { json } = parseGlb(bytes);
      const count = json.extensions.EXT_structural_metadata.propertyTables[0].count as number;
      for (const prim of await readPrimitives(bytes)) {
        expect(prim.featureCount).toBe(count);
        expect(prim.featureIds.length).toBe(prim.enu.length / 3);
        expect(Math.max(...prim.featureIds)).toBeLessThan(prim.featureCount);
        expect(Math.min(...prim.featureIds)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("a building's vertices all carry its id, and only its vertices do", async () => {
    const { bytes, row } = await detailTileOf('gen:test:42');
    const input = zone.buildings.find((b) => b.id === 'gen:test:42')!;
    const xs = input.footprint.map((p) => p[0]), ys = input.footprint.map((p) => p[1]);
    const margin = 0.5;
    let mine = 0;
    for (const prim of await readPrimitives(bytes)) {
      for (let v = 0; v < prim.featureIds.length; v++) {
        const x = prim.enu[3 * v]!, y = prim.enu[3 * v + 1]!;
        const inside = x >= Math.min(...xs) - margin && x <= Math.max(...xs) + margin && y >= Math.min(...ys) - margin && y <= Math.max(...ys) + margin;
        // Grid spacing keeps neighbours metres away, so "inside the footprint box" ⇔ "this building".
        expect(inside).toBe(prim.featureIds[v] === row);
        if (inside) mine++;
      }
    }
    expect(mine).toBeGreaterThan(0);
  });
});
