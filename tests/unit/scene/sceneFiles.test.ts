import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { sceneIndexSchema, type Scene } from '../../../src/scene/schema';
import { parseSceneText } from '../../../src/scene/validate';

const scenesDir = join(__dirname, '../../../scenes');
const read = (f: string): string => readFileSync(join(scenesDir, f), 'utf8');

function loadScene(file: string): Scene {
  const r = parseSceneText(file, read(file));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scene;
}

describe('scenes/index.json', () => {
  it('lists the three zones in order, then the synthetic city as optional (shown only once built)', () => {
    const index = sceneIndexSchema.parse(JSON.parse(read('index.json')));
    expect(index.zones).toEqual([
      { id: 'jiading', file: 'jiading.json' },
      { id: 'westbund', file: 'westbund.json' },
      { id: 'yangpu', file: 'yangpu.json' },
      { id: 'synthetic-city', file: 'synthetic-city.json', optional: true },
    ]);
  });
});

describe('scenes/synthetic-city.json', () => {
  const scene = loadScene('synthetic-city.json');

  it('validates, points at its own tiles and covers a 20 km square centred on its origin', () => {
    expect(scene.tilesets.map((t) => t.url)).toEqual(['tiles/synthetic-city/buildings/tileset.json', 'tiles/synthetic-city/ground/tileset.json']);
    const frame = new EnuFrame(scene.origin);
    const sw = frame.lonLatToEnu(scene.bounds.west, scene.bounds.south, 0);
    const ne = frame.lonLatToEnu(scene.bounds.east, scene.bounds.north, 0);
    expect(ne[0] - sw[0]).toBeGreaterThan(20000);
    expect(ne[0] - sw[0]).toBeLessThan(20400);
    expect(ne[1] - sw[1]).toBeGreaterThan(20000);
    expect(ne[1] - sw[1]).toBeLessThan(20400);
    expect(scene.viewpoints.length).toBeGreaterThanOrEqual(5);
  });

  it('says in both languages that everything in it is generated, and credits no real data', () => {
    expect(scene.attribution.some((a) => typeof a.text === 'string' && /OpenStreetMap/.test(a.text))).toBe(false);
    const notes = scene.attribution.map((a) => (typeof a.text === 'string' ? a.text : `${a.text.zh} ${a.text.en}`)).join(' ');
    expect(notes).toMatch(/程序生成/);
    expect(notes).toMatch(/procedurally generated/);
  });
});

describe.each(['jiading', 'westbund', 'yangpu'])('scenes/%s.json', (id) => {
  const scene = loadScene(`${id}.json`);

  it('validates and points at its own tiles, index and road graph', () => {
    expect(scene.id).toBe(id);
    expect(scene.$schema).toBe('./scene.schema.json');
    expect(scene.tilesets.map((t) => [t.id, t.kind, t.url])).toEqual([
      ['buildings', 'buildings', `tiles/${id}/buildings/tileset.json`],
      ['ground', 'ground', `tiles/${id}/ground/tileset.json`],
    ]);
    expect(scene.buildingIndexUrl).toBe(`tiles/${id}/buildings-index.json`);
    expect(scene.roadGraphUrl).toBe(`tiles/${id}/roads.json`);
    expect(scene.groundLayers.map((l) => l.id).sort()).toEqual(['green', 'landuse', 'road', 'water']);
    expect(scene.sunDefault).toBe('2026-06-21T15:00:00+08:00');
  });

  it('puts its origin at the centre of its bounds, on the ellipsoid', () => {
    const b = scene.bounds;
    expect(scene.origin.lonDeg).toBeCloseTo((b.west + b.east) / 2, 5);
    expect(scene.origin.latDeg).toBeCloseTo((b.south + b.north) / 2, 5);
    expect(scene.origin.heightM).toBe(0);
  });

  it('has at least five named viewpoints aimed inside the zone, an overview by default', () => {
    expect(scene.viewpoints.length).toBeGreaterThanOrEqual(5);
    expect(scene.defaultViewpoint).toBe('overview');
    const frame = new EnuFrame(scene.origin);
    for (const v of scene.viewpoints) {
      const t = frame.enuToLonLat(v.target[0], v.target[1], v.target[2]);
      expect(t.lonDeg).toBeGreaterThan(scene.bounds.west);
      expect(t.lonDeg).toBeLessThan(scene.bounds.east);
      expect(t.latDeg).toBeGreaterThan(scene.bounds.south);
      expect(t.latDeg).toBeLessThan(scene.bounds.north);
      // Cameras look down onto the city from above their target.
      expect(v.position[2]).toBeGreaterThan(v.target[2] + 50);
    }
    const overview = scene.viewpoints.find((v) => v.id === 'overview')!;
    const spanM = Math.max(...scene.viewpoints.map((v) => Math.hypot(v.target[0], v.target[1])));
    expect(overview.position[2]).toBeGreaterThan(spanM);
  });

  it('credits OpenStreetMap exactly and says generated buildings are synthetic', () => {
    expect(scene.attribution).toContainEqual({ text: '© OpenStreetMap contributors (ODbL 1.0)', url: 'https://www.openstreetmap.org/copyright' });
    expect(scene.attribution.some((a) => typeof a.text !== 'string' && /synthetic/.test(a.text.en) && /生成建筑/.test(a.text.zh))).toBe(true);
  });

  it('gives data notes per language, never one line glued in both (the UI shows only the current language)', () => {
    const cjk = /[\u3400-\u9fff]/;
    for (const a of scene.attribution) {
      if (typeof a.text === 'string') expect(a.text).not.toMatch(cjk);
      else {
        expect(a.text.zh).toMatch(cjk);
        expect(a.text.en).not.toMatch(cjk);
      }
    }
  });
});
