/**
 * Issue 15 item 9: every landmark a user can reach (framed by a viewpoint, heritage-tagged, or
 * built as a building or site) has a checked Chinese and English name in landmarks.geojson,
 * with the OSM value kept as name:osm, and the built zone has no unnamed landmark.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKED_LANDMARK_NAMES } from '../../../src/tiler/zones/landmarkNames';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { FRAMED_BY_VIEWPOINT } from '../scene/viewpointFrames';

const repoRoot = join(__dirname, '../../..');
const CJK = /[\u3400-\u9fff]/;

interface Fc { features: { properties: Record<string, unknown>; geometry: { type: string } }[] }
const landmarks = (zoneId: string): Fc['features'] =>
  (JSON.parse(readFileSync(join(repoRoot, 'tiles', zoneId, 'landmarks.geojson'), 'utf8')) as Fc).features;

function checkNames(p: Record<string, unknown>, what: string): void {
  const zh = p.name, en = p['name:en'];
  expect(typeof zh === 'string' && CJK.test(zh), `${what}: Chinese name "${String(zh)}"`).toBe(true);
  expect(typeof en === 'string' && en.length > 0 && !CJK.test(en), `${what}: English name "${String(en)}"`).toBe(true);
}

describe.each(ZONE_IDS)('landmark names in tiles/%s/landmarks.geojson', (zoneId) => {
  const features = landmarks(zoneId);
  const framed = new Set(Object.values(FRAMED_BY_VIEWPOINT[zoneId] ?? {}).filter((t) => t.startsWith('osm:')).map((t) => t.slice(4)));

  it('names every heritage-tagged or viewpoint landmark in both languages', () => {
    const reach = features.filter((f) => f.properties.heritage !== undefined || framed.has(String(f.properties['@id'])));
    expect(reach.length).toBeGreaterThan(0);
    for (const f of reach) checkNames(f.properties, String(f.properties['@id']));
    for (const id of framed) expect(features.some((f) => f.properties['@id'] === id), `${id} is in the file`).toBe(true);
  });

  it('writes the checked names, keeping the OSM values as name:osm / name:en:osm', () => {
    for (const f of features) {
      const checked = CHECKED_LANDMARK_NAMES[String(f.properties['@id'])];
      if (!checked) continue;
      expect(f.properties.name).toBe(checked.zh);
      expect(f.properties['name:en']).toBe(checked.en);
      if (f.properties['name:descriptive'] === undefined) expect(f.properties['name:osm']).toBeDefined();
    }
  });

  it('names every landmark the tiler builds, so none shows as "Unnamed building"', async () => {
    const input = await loadZoneInput(zoneId, repoRoot);
    const real = input.buildings.filter((b) => b.source === 'osm' || b.id.startsWith('model:'));
    for (const b of real) checkNames({ name: b.name, 'name:en': b.nameEn }, b.id);
  });
});

describe('the names the issue found wrong', () => {
  const all = ZONE_IDS.flatMap(landmarks);
  const byId = (id: string) => all.find((f) => f.properties['@id'] === id)!.properties;

  it('gives the West Bund Museum an English name, and Chinese names to the English-only museums', () => {
    expect(byId('way/745277168')).toMatchObject({ name: '西岸美术馆', 'name:en': 'West Bund Museum', 'name:en:osm': '西岸美術館' });
    expect(byId('way/543033477')).toMatchObject({ name: '余德耀美术馆', 'name:en': 'Yuz Museum', 'name:osm': 'Yuz Museum' });
    expect(byId('way/488984509')).toMatchObject({ name: '上海摄影艺术中心', 'name:en': 'Shanghai Center of Photography' });
    expect(byId('way/1376876640')).toMatchObject({ name: '西岸漩心', 'name:en': 'West Bund Orbit' });
  });

  it('spells names out in full and without typos', () => {
    expect(byId('way/298135193')['name:en']).toBe("Longhua Martyrs' Memorial Hall");
    expect(byId('way/206501416')['name:en']).toBe('Shanghai Automobile Exhibition Center');
    const text = JSON.stringify(all.map((f) => [f.properties.name, f.properties['name:en']]));
    for (const typo of ['Automibile', 'Cementary']) expect(text).not.toContain(typo);
  });
});
