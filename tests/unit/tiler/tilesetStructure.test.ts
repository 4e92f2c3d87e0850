import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Cartesian3, Matrix4, Transforms } from 'cesium';
import { beforeAll, describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { containsAabb } from '../../../src/tiler/tileset/aabb';
import type { TilesetJson } from '../../../src/tiler/tileset/tilesetJson';
import { SYNTHETIC_ORIGIN, syntheticZone } from './syntheticZone';
import { boxToAabb, buildZoneInTemp, parseGlb, readPrimitives, readTileset, walkTiles } from './tilerSupport';

let dir = '';
let tileset: TilesetJson;
let ground: TilesetJson;

beforeAll(async () => {
  ({ dir } = await buildZoneInTemp(syntheticZone(), 'structure'));
  tileset = await readTileset(join(dir, 'buildings', 'tileset.json'));
  ground = await readTileset(join(dir, 'ground', 'tileset.json'));
});

describe('buildings tileset structure', () => {
  it('is 3D Tiles 1.1 with the zone ENU frame as root transform', () => {
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.root.transform).toEqual(new EnuFrame(SYNTHETIC_ORIGIN).enuToEcefMatrix());
    expect(ground.asset.version).toBe('1.1');
    expect(ground.root.transform).toEqual(new EnuFrame(SYNTHETIC_ORIGIN).enuToEcefMatrix());
  });

  it('root transform matches CesiumJS eastNorthUpToFixedFrame within 1e-6', () => {
    const o = SYNTHETIC_ORIGIN;
    const cesium = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(o.lonDeg, o.latDeg, o.heightM)));
    const ours = tileset.root.transform!;
    expect(ours).toHaveLength(16);
    cesium.forEach((v, i) => expect(Math.abs(v - ours[i]!)).toBeLessThan(1e-6));
  });

  it('every bounding volume contains its children', () => {
    for (const { tile, parent } of walkTiles(tileset.root)) {
      if (!parent) continue;
      expect(containsAabb(boxToAabb(parent.boundingVolume.box), boxToAabb(tile.boundingVolume.box))).toBe(true);
    }
  });

  it('geometric error strictly decreases from parent to child, and the tileset error tops the root', () => {
    expect(tileset.geometricError).toBeGreaterThan(tileset.root.geometricError);
    for (const { tile, parent } of walkTiles(tileset.root)) {
      expect(Number.isFinite(tile.geometricError)).toBe(true);
      if (parent) expect(tile.geometricError).toBeLessThan(parent.geometricError);
    }
  });

  it('refines by REPLACE, has a CIM2 root and CIM3 detail tiles', () => {
    const tiles = walkTiles(tileset.root);
    expect(tiles.every((t) => t.tile.refine === 'REPLACE')).toBe(true);
    expect(tileset.root.metadata?.properties.cimLevel).toBe('CIM2');
    expect(tileset.root.geometricError).toBeGreaterThanOrEqual(32);
    const detail = tiles.filter((t) => t.tile.content?.uri.startsWith('d'));
    expect(detail.length).toBeGreaterThan(1);
    expect(detail.every((t) => t.tile.metadata?.properties.cimLevel === 'CIM3' && t.tile.geometricError === 0)).toBe(true);
  });

  it('every content uri exists and every vertex lies inside its tile bounds', async () => {
    const base = dirname(join(dir, 'buildings', 'tileset.json'));
    for (const { tile } of walkTiles(tileset.root)) {
      if (!tile.content) continue;
      const path = join(base, tile.content.uri);
      await expect(access(path)).resolves.toBeUndefined();
      const box = boxToAabb(tile.boundingVolume.box);
      let outside = 0;
      // Boxes are padded by one step of the 16-bit grid, so quantised vertices are inside them too
      // (only float32 read-back noise is tolerated).
      const tol = 1e-4;
      for (const prim of await readPrimitives(new Uint8Array(await readFile(path)))) {
        for (let i = 0; i < prim.enu.length; i++) {
          const k = i % 3;
          if (prim.enu[i]! < box.min[k]! - tol || prim.enu[i]! > box.max[k]! + tol) outside++;
        }
      }
      expect(outside, tile.content.uri).toBe(0);
    }
  });

  it('keeps detail tiles to a few hundred buildings and uses one primitive per material', async () => {
    for (const { tile } of walkTiles(tileset.root)) {
      if (!tile.content) continue;
      const { json } = parseGlb(new Uint8Array(await readFile(join(dir, 'buildings', tile.content.uri))));
      const count = json.extensions.EXT_structural_metadata.propertyTables[0].count as number;
      if (tile.content.uri.startsWith('d')) expect(count).toBeLessThanOrEqual(250);
      const materials = (json.meshes as { primitives: { material: number }[] }[]).flatMap((m) => m.primitives.map((p) => p.material));
      expect(new Set(materials).size).toBe(materials.length);
    }
  });

  it('writes the ground as one tile with a mesh per kind', async () => {
    expect(ground.root.content?.uri).toBe('ground.glb');
    const { json } = parseGlb(new Uint8Array(await readFile(join(dir, 'ground', 'ground.glb'))));
    // Bottom of the stack first (GROUND_STACK): land use, green, water, roads.
    expect((json.meshes as { name: string }[]).map((m) => m.name)).toEqual(['landuse', 'green', 'water', 'road']);
    const table = json.extensions.EXT_structural_metadata.propertyTables[0];
    expect(table.class).toBe('ground');
    expect(Object.keys(table.properties)).toEqual(['id', 'kind', 'landUse', 'name']);
    expect(table.count).toBe(5);
  });
});
