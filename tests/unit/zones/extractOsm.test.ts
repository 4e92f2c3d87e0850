import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOsm } from '../../../src/tiler/zones/extractOsm';

const repoRoot = join(__dirname, '../../..');
const shared = join(repoRoot, '../shared/data');
const hasShared = existsSync(join(shared, 'osm/shanghai-landmarks.geojson'));

interface Fc { features: { properties: Record<string, unknown>; geometry: { type: string } }[] }
const committed = (rel: string): Fc => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as Fc;

describe('committed OSM extracts', () => {
  it('Jiading landmarks include the Shanghai Auto Museum footprint with its OSM id', () => {
    const museum = committed('tiles/jiading/landmarks.geojson').features.find((f) => f.properties['@id'] === 'way/206501415');
    expect(museum?.properties.name).toBe('上海汽车博物馆');
    expect(museum?.properties['name:en']).toBe('Shanghai Auto Museum');
    expect(museum?.geometry.type).toBe('Polygon');
  });

  it('Jiading roads keep OSM way ids and the hand-drawn connectors, and signals are real OSM nodes', () => {
    const roads = committed('tiles/jiading/roads.geojson').features;
    const osm = roads.filter((f) => f.properties.source === 'osm');
    expect(osm.length).toBeGreaterThan(100);
    for (const f of osm) expect(f.properties['@id']).toMatch(/^way\/\d+$/);
    expect(roads.some((f) => f.properties.source === 'skeleton')).toBe(true);
    const signals = committed('tiles/jiading/signals.geojson').features;
    expect(signals).toHaveLength(33);
    for (const s of signals) expect(s.properties).toMatchObject({ source: 'osm', '@id': expect.stringMatching(/^node\/\d+$/) });
  });
});

describe.skipIf(!hasShared)('extractOsm.ts against ../shared/data', () => {
  it('reproduces the committed files byte for byte', async () => {
    const { files, counts } = await extractOsm(repoRoot, shared);
    expect([...files.keys()].sort()).toEqual([
      'tiles/jiading/landmarks.geojson', 'tiles/jiading/roads.geojson', 'tiles/jiading/signals.geojson',
      'tiles/westbund/landmarks.geojson', 'tiles/yangpu/landmarks.geojson',
    ]);
    for (const [rel, text] of files) expect(text, rel).toBe(readFileSync(join(repoRoot, rel), 'utf8'));
    expect(counts['jiading.signals']).toBe(33);
  });

  it('finds the Shanghai Auto Museum in its Jiading landmark output', async () => {
    const { files } = await extractOsm(repoRoot, shared);
    const fc = JSON.parse(files.get('tiles/jiading/landmarks.geojson')!) as Fc;
    expect(fc.features.map((f) => f.properties['@id'])).toContain('way/206501415');
  });
});
