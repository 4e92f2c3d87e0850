import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planBuildingTiles, listPlannedTiles } from '../../../src/tiler/lod/planBuildingTiles';
import { prepareBuildings } from '../../../src/tiler/lod/prepareBuildings';
import type { TileJson, TilesetJson } from '../../../src/tiler/tileset/tilesetJson';
import { syntheticZone } from './syntheticZone';
import { buildZoneInTemp, parseGlb, readTileset, walkTiles } from './tilerSupport';

let dir = '';
let tileset: TilesetJson;

async function tableIds(uri: string): Promise<string[]> {
  const { json, bin } = parseGlb(new Uint8Array(await readFile(join(dir, 'buildings', uri))));
  const table = json.extensions.EXT_structural_metadata.propertyTables[0];
  const view = (i: number): Uint8Array => {
    const bv = json.bufferViews[i];
    return bin.subarray(bv.byteOffset ?? 0, (bv.byteOffset ?? 0) + bv.byteLength);
  };
  const values = view(table.properties.id.values);
  const offsets = view(table.properties.id.stringOffsets);
  const ov = new DataView(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  const ids: string[] = [];
  for (let i = 0; i < table.count; i++) {
    ids.push(new TextDecoder().decode(values.subarray(ov.getUint32(4 * i, true), ov.getUint32(4 * i + 4, true))));
  }
  return ids;
}

beforeAll(async () => {
  ({ dir } = await buildZoneInTemp(syntheticZone(), 'lod'));
  tileset = await readTileset(join(dir, 'buildings', 'tileset.json'));
});

describe('CIM levels of detail', () => {
  const signatureIds = ['gen:test:tower', 'osm:way/900002'];

  it('gives each signature building a CIM3 shell whose REPLACE child is a CIM5 model with geometricError 0', async () => {
    const shells = walkTiles(tileset.root).map((t) => t.tile).filter((t) => t.content?.uri.endsWith('-cim3.glb'));
    expect(shells).toHaveLength(2);
    const found: string[] = [];
    for (const shell of shells) {
      expect(shell.metadata?.properties.cimLevel).toBe('CIM3');
      expect(shell.geometricError).toBe(4);
      expect(shell.children).toHaveLength(1);
      const bim = shell.children![0] as TileJson;
      expect(bim.metadata?.properties.cimLevel).toBe('CIM5');
      expect(bim.geometricError).toBe(0);
      expect(bim.refine).toBe('REPLACE');
      expect(bim.boundingVolume.box).toEqual(shell.boundingVolume.box);
      // Small: one building, so the BIM loads only when that building is close.
      expect(Math.max(bim.boundingVolume.box[3]!, bim.boundingVolume.box[7]!)).toBeLessThan(80);
      const [shellIds, bimIds] = [await tableIds(shell.content!.uri), await tableIds(bim.content!.uri)];
      expect(shellIds).toEqual(bimIds);
      found.push(...shellIds);
      const { json } = parseGlb(new Uint8Array(await readFile(join(dir, 'buildings', bim.content!.uri))));
      expect((json.meshes as { name: string }[]).map((m) => m.name)).toEqual(['slabs', 'core', 'glass', 'mullions']);
      const glass = (json.materials as { name: string; alphaMode?: string }[]).find((m) => m.name === 'glass');
      expect(glass?.alphaMode).toBe('BLEND');
    }
    expect(found.sort()).toEqual(signatureIds);
  });

  it('keeps signature buildings out of ordinary detail tiles but in the overview', async () => {
    const tiles = walkTiles(tileset.root).map((t) => t.tile);
    for (const t of tiles.filter((x) => x.content?.uri.startsWith('d'))) {
      const ids = await tableIds(t.content!.uri);
      for (const s of signatureIds) expect(ids).not.toContain(s);
    }
    const overviewIds = await tableIds(tileset.root.content!.uri);
    for (const s of signatureIds) expect(overviewIds).toContain(s);
  });

  it('covers every building exactly once at the finest level', async () => {
    const leafIds: string[] = [];
    for (const { tile } of walkTiles(tileset.root)) {
      if (tile.content && !tile.children) leafIds.push(...(await tableIds(tile.content.uri)));
    }
    expect(leafIds.length).toBe(579);
    expect(new Set(leafIds).size).toBe(579);
  });

  it('generalises large regions: capped overviews, errors still strictly decreasing', () => {
    const zone = syntheticZone({ side: 40 });
    const prepared = prepareBuildings(zone.buildings).buildings;
    const plan = planBuildingTiles(prepared, { detailCapacity: 50, overviewCapacity: 300 })!;
    const all = listPlannedTiles(plan);
    expect(plan.rows.length).toBe(300);
    // Signatures are ranked first, so even the coarsest overview keeps both.
    expect(plan.rows.filter((i) => prepared[i]!.input.signature)).toHaveLength(2);
    const check = (t: typeof plan): void => {
      for (const c of t.children) {
        expect(c.geometricError).toBeLessThan(t.geometricError);
        check(c);
      }
    };
    check(plan);
    expect(all.filter((t) => t.kind === 'detail').every((t) => t.rows.length <= 50)).toBe(true);
    const keys = all.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
