import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { geojsonToBuildings } from '../../../src/tiler/input/geojsonBuildings';
import { osmXmlToInputs, type OsmImportResult } from '../../../src/tiler/input/osmXml';
import type { BuildingsIndex } from '../../../src/tiler/buildingsIndex';
import { buildZoneInTemp, listFilesRecursive, validateGlb } from './tilerSupport';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const OSM_DIR = join(repoRoot, '..', 'shared', 'data', 'osm');
const OSM_FILE = join(OSM_DIR, 'yangpu-tongji-siping.osm');
/** Tongji University Siping campus, inside the extract's bounds. */
const ORIGIN = { lonDeg: 121.4975, latDeg: 31.2852, heightM: 4 };

let result: OsmImportResult;
let dir = '';

beforeAll(async () => {
  try {
    await access(OSM_FILE);
  } catch {
    throw new Error(`real OSM sample missing: expected ${OSM_FILE} (the shared data folder beside the repo; CI provides it)`);
  }
  result = osmXmlToInputs(await readFile(OSM_FILE, 'utf8'), { origin: ORIGIN });
  ({ dir } = await buildZoneInTemp({
    zoneId: 'tongji', origin: ORIGIN, buildings: result.buildings, ground: result.ground,
    roads: { version: 1, zoneId: 'tongji', nodes: [], edges: [] },
  }, 'osm'));
});

describe('real OSM XML (Tongji University, Yangpu)', () => {
  it('parses the 226 buildings of the extract (221 ways + 5 multipolygons), none skipped', () => {
    expect(result.stats.buildings).toBe(226);
    expect(result.buildings.filter((b) => b.id.startsWith('osm:relation/'))).toHaveLength(5);
    expect(Object.values(result.stats.buildingsSkipped).every((n) => n === 0)).toBe(true);
    expect(new Set(result.buildings.map((b) => b.id)).size).toBe(226);
    expect(result.buildings.every((b) => b.source === 'osm' && /^(way|relation)\/\d+$/.test(b.osmId))).toBe(true);
  });

  it('keeps real names, heights and holes', () => {
    const named = result.buildings.filter((b) => b.name !== '');
    expect(named.length).toBeGreaterThan(50);
    const library = result.buildings.find((b) => b.name === '同济大学图书馆')!;
    expect(library.holes).toHaveLength(4);
    const hall = result.buildings.find((b) => b.id === 'osm:relation/18788114')!;
    // Its outline is two open ways that must be stitched into one ring.
    expect(hall.nameEn).toBe('129 Hall');
    // height=80 with building:levels=18 on the way: the tag wins over levels × 3.2 m.
    const tower = result.buildings.find((b) => b.id === 'osm:way/972722407')!;
    expect(tower).toMatchObject({ name: '上海市政工程设计研究总院2号楼', heightM: 80, floors: 18 });
    expect(result.buildings.filter((b) => b.heightM === 80)).toHaveLength(1);
  });

  it('extracts highways, signals and land-use areas', () => {
    expect(result.stats.highways).toBeGreaterThan(150);
    expect(result.signals.length).toBeGreaterThan(5);
    const kinds = new Set(result.ground.map((g) => g.kind));
    expect([...kinds].sort()).toEqual(['green', 'landuse', 'water']);
  });

  it('goes through the tileset writer into GLBs the Khronos validator accepts', async () => {
    const glbs = (await listFilesRecursive(dir)).filter((f) => f.endsWith('.glb'));
    expect(glbs.length).toBeGreaterThanOrEqual(3);
    for (const f of glbs) {
      const r = await validateGlb(new Uint8Array(await readFile(f)));
      expect(r.errors, f).toBe(0);
      expect(r.warnings, f).toBe(0);
    }
    const index = JSON.parse(await readFile(join(dir, 'buildings-index.json'), 'utf8')) as BuildingsIndex;
    expect(index.buildings).toHaveLength(226);
    const lib = index.buildings.find((b) => b.name === '同济大学图书馆')!;
    expect(Math.abs(lib.x)).toBeLessThan(2000);
    expect(lib.topM).toBeCloseTo(lib.heightM, 2);
  });
});

describe('real OSM GeoJSON (Shanghai landmarks)', () => {
  it('reads every landmark polygon; with building tags required, the 481 tagged ones', async () => {
    const data: unknown = JSON.parse(await readFile(join(OSM_DIR, 'shanghai-landmarks.geojson'), 'utf8'));
    const all = geojsonToBuildings(data, { origin: ORIGIN, zoneId: 'sh' });
    expect(all.stats.buildings).toBe(674);
    expect(all.stats.skipped).toMatchObject({ notPolygon: 734, degenerate: 0, invalidCoordinates: 0 });
    const tagged = geojsonToBuildings(data, { origin: ORIGIN, zoneId: 'sh', requireBuildingTag: true });
    expect(tagged.stats.buildings).toBe(481);
    expect(new Set(tagged.buildings.map((b) => b.id)).size).toBe(481);
    expect(tagged.buildings.find((b) => b.id === 'osm:relation/2380996')).toMatchObject({
      name: '上海浦东发展银行', nameEn: 'Shanghai Pudong Development Bank', floors: 7, heightM: 22.4, source: 'osm',
    });
  });
});
