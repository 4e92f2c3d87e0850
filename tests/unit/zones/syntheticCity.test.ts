/**
 * The synthetic city-scale zone: its layout (hand-checked on a small square), and a quick build of
 * it through the same assembly as the real zones. The full 20 km city (about 250,000 buildings)
 * takes minutes to tile, so it is measured by `npm run bench` (city-scale), not built here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { cityConfigSchema, type CityConfig } from '../../../src/tiler/zones/synthetic/cityConfig';
import { layoutCity, riverBankDistance } from '../../../src/tiler/zones/synthetic/cityLayout';
import { loadZone, OPTIONAL_ZONE_IDS, ZONE_IDS } from '../../../src/tiler/zones/index';
import { parseTilerArgs } from '../../../src/tiler/cliArgs';
import { ringCentroid } from '../../../src/tiler/zones/geom/planar';

const repoRoot = join(__dirname, '../../..');

/** 2 km square, 250 m blocks (8 × 8), arterials every 4th line, a straight river 100 m wide at x = 375. */
const SMALL: CityConfig = cityConfigSchema.parse({
  seed: 'test/1', sizeM: 2000, blockM: 250, secondaryEvery: 2, primaryEvery: 4, blockInsetM: 10,
  river: { name: '测试江', nameEn: 'Test river', widthM: 100, offsetM: 375, amplitudeM: 0, wavelengthM: 10000, parkBandM: 0 },
  centres: [{ x: 0, y: 0, radiusM: 500 }],
  shares: { businessPeak: 0.5, businessFloor: 0.1, public: 0.1, park: 0.05, utility: 0, industry: 0.3, logistics: 0.1, outerRadiusM: 800 },
});

describe('layoutCity (hand-made 2 km square)', () => {
  const city = layoutCity(SMALL);

  it('drops exactly the blocks the river touches, and keeps every other one', () => {
    // Block columns span x = −1000 + 250·i; only column i = 5 (x 250…500) reaches the river (325…425).
    expect(city.blocks).toHaveLength(8 * 8 - 8);
    expect(city.blocks.some((b) => b.code.endsWith('-5-0'))).toBe(false);
    for (const b of city.blocks) for (const p of b.ring) expect(riverBankDistance(SMALL, p[0], p[1])).toBeGreaterThan(0);
  });

  it('bridges the river only with east–west arterials; other streets stop at the quay', () => {
    const crossing = (pts: readonly [number, number][]) => pts.some((p) => p[0] < 325) && pts.some((p) => p[0] > 425);
    const ew = city.streets.filter((s) => s.name.startsWith('示意横'));
    const bridges = ew.filter((s) => crossing(s.points));
    // Grid lines k = 0…8 run east–west at y = −1000 + 250k; arterials are k = 0, 4, 8.
    expect(bridges.map((s) => s.nameEn)).toEqual(['Synthetic E–W Avenue 0', 'Synthetic E–W Avenue 4', 'Synthetic E–W Avenue 8']);
    expect(bridges.every((s) => s.highway === 'primary' && s.lanes === 6)).toBe(true);
    // No north–south street has a vertex in the river; the one at x = 250 and 500 stay 75 m clear.
    for (const s of city.streets.filter((x) => x.name.startsWith('示意纵'))) {
      for (const p of s.points) expect(riverBankDistance(SMALL, p[0], p[1])).toBeGreaterThanOrEqual(15);
    }
  });

  it('puts signals on the interior crossings of secondary and larger roads, never on the water', () => {
    // Interior lines 1…7; secondary or larger: 2, 4, 6 → 3 × 3 crossings, none of them in the river.
    expect(city.signals).toHaveLength(9);
    for (const [x, y] of city.signals) {
      expect([-500, 0, 500]).toContain(x);
      expect([-500, 0, 500]).toContain(y);
    }
  });

  it('is deterministic, and industry stays beyond the outer radius', () => {
    expect(layoutCity(SMALL)).toEqual(city);
    for (const b of city.blocks.filter((x) => x.landUse === 'M' || x.landUse === 'W')) {
      const [cx, cy] = ringCentroid(b.ring);
      expect(Math.hypot(cx, cy)).toBeGreaterThan(800);
    }
  });
});

describe('the synthetic-city zone (a 5 km build of the shipped rules, river included)', () => {
  const built = loadZone('synthetic-city', repoRoot, { syntheticCity: { sizeM: 5000 } });
  it('is optional: named by --zone, never in the default build', () => {
    expect(ZONE_IDS).not.toContain('synthetic-city');
    expect(OPTIONAL_ZONE_IDS).toContain('synthetic-city');
    expect(parseTilerArgs(['--zone', 'synthetic-city', '--city-size', '2400']).citySizeM).toBe(2400);
    expect(() => parseTilerArgs(['--city-size', '50'])).toThrow(/--city-size/);
  });

  it('assembles generated buildings clear of the river, on one connected street network', async () => {
    const { input, stats } = await built;
    const shipped = cityConfigSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'tiles/synthetic-city/city.json'), 'utf8')));
    expect(input.zoneId).toBe('synthetic-city');
    // The shipped rules give ≈ 640 buildings per km²; the centre of the city is denser than average.
    expect(input.buildings.length).toBeGreaterThan(5 * 5 * 400);
    for (const b of input.buildings) {
      expect(b.source).toBe('generated');
      expect(b.id).toMatch(/^gen:synthetic-city:\d+$/);
      expect(b.name).toMatch(/^示意城区 /);
      expect(b.nameEn).toMatch(/^Synthetic sector /);
      expect(Number.isFinite(b.heightM) && b.heightM >= 3).toBe(true);
      for (const [x, y] of b.footprint) expect(riverBankDistance({ ...shipped, sizeM: 5000 }, x, y)).toBeGreaterThan(0);
    }
    expect(stats.roads.components).toBe(1);
    expect(stats.roads.droppedEdges).toBe(0);
    expect(stats.signals).toBeGreaterThan(0);
    expect(stats.ground.water).toBe(1);
    // The river runs through this square: some buildings stand on each bank.
    const bank = (b: (typeof input.buildings)[number]) => Math.sign(b.footprint[0]![0] - (shipped.river.offsetM + shipped.river.amplitudeM * Math.sin((2 * Math.PI * b.footprint[0]![1]) / shipped.river.wavelengthM)));
    expect(new Set(input.buildings.map(bank))).toEqual(new Set([-1, 1]));
  });

  it('places every street inside the scene bounds of the full city', async () => {
    const { input } = await built;
    const frame = new EnuFrame(input.origin);
    for (const n of input.roads.nodes) {
      const g = frame.enuToLonLat(n.x, n.y, 0);
      expect(Math.abs(g.lonDeg - input.origin.lonDeg)).toBeLessThan(0.04);
      expect(Math.abs(g.latDeg - input.origin.latDeg)).toBeLessThan(0.04);
    }
  });
});
