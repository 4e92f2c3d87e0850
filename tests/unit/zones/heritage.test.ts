/**
 * Issue 15 item 6: heritage and museum landmarks stand free of generated buildings, with
 * plausible height zoning around them, and the structures OSM lacks are modelled and labelled.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intersectionOf, partsArea, toClip } from '../../../src/tiler/geometry/clipping';
import { HeightZoning, isProtectedLandmark } from '../../../src/tiler/zones/buildings/heritage';
import type { BuildingInput, ZoneInput } from '../../../src/tiler/types';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { ZoneProjection } from '../../../src/tiler/zones/project';
import { readZoneSources, type ZoneSources } from '../../../src/tiler/zones/readSources';
import { generatorFileSchema } from '../../../src/tiler/zones/sourceSchemas';
import { inside, polygonsOverlap, type P } from './polygonChecks';

const repoRoot = join(__dirname, '../../..');
const rules = generatorFileSchema.shape.heritage.parse(undefined);

function distToRing(p: P, ring: readonly P[]): number {
  if (inside(p, ring)) return 0;
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!, b = ring[(i + 1) % ring.length]!;
    const dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

const centre = (b: BuildingInput): P => {
  let x = 0, y = 0;
  for (const p of b.footprint) { x += p[0]; y += p[1]; }
  return [x / b.footprint.length, y / b.footprint.length];
};
const minDist = (b: BuildingInput, ring: readonly P[]): number => Math.min(...b.footprint.map((p) => distToRing(p, ring)));

describe('heritage rules', () => {
  it('treats heritage, historic, museums, galleries and temples as protected, not plain attractions', () => {
    expect(isProtectedLandmark({ heritage: '2' })).toBe(true);
    expect(isProtectedLandmark({ tourism: 'museum' })).toBe(true);
    expect(isProtectedLandmark({ tourism: 'gallery' })).toBe(true);
    expect(isProtectedLandmark({ amenity: 'place_of_worship', religion: 'buddhist' })).toBe(true);
    expect(isProtectedLandmark({ historic: 'monument' })).toBe(true);
    expect(isProtectedLandmark({ tourism: 'attraction', leisure: 'sports_centre' })).toBe(false);
  });

  it('caps heights by the nearest zone, measured from the outline', () => {
    const z = new HeightZoning([[[0, 0], [100, 0], [100, 100], [0, 100]]], rules);
    expect(z.maxHeightAt(50, 50)).toBe(24);
    expect(z.maxHeightAt(190, 50)).toBe(24);
    expect(z.maxHeightAt(300, 50)).toBe(50);
    expect(z.maxHeightAt(400, 50)).toBe(Infinity);
  });
});

describe.each(ZONE_IDS)('generated buildings around protected landmarks in %s', (zoneId) => {
  let input: ZoneInput;
  let src: ZoneSources;
  let seeded: BuildingInput[];
  let areas: { ring: P[]; margin: number; name: string }[];

  beforeAll(async () => {
    input = await loadZoneInput(zoneId, repoRoot);
    src = await readZoneSources(repoRoot, zoneId);
    seeded = input.buildings.filter((b) => b.source === 'generated' && !b.id.startsWith('model:'));
    const proj = new ZoneProjection(src.scene.origin);
    const h = src.generator.heritage;
    areas = [];
    for (const f of src.landmarks.features) {
      const p = f.properties;
      if (!isProtectedLandmark(p)) continue;
      const name = String(p.name ?? p['@id']);
      if (f.geometry.type === 'Point') {
        if (p.tourism === 'museum' || p.tourism === 'gallery') areas.push({ ring: [proj.point(f.geometry.coordinates[0], f.geometry.coordinates[1])], margin: h.pointRadiusM, name });
        continue;
      }
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys) areas.push({ ring: proj.ring(poly[0]!), margin: h.marginM, name });
    }
  });

  it('keeps every protected landmark and its margin free of generated buildings', () => {
    expect(areas.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const b of seeded) {
      for (const a of areas) {
        // A point museum's "ring" is the point itself: its margin is a radius round it.
        const d = a.ring.length === 1 ? Math.min(...b.footprint.map((p) => Math.hypot(p[0] - a.ring[0]![0], p[1] - a.ring[0]![1]))) : minDist(b, a.ring);
        const hit = a.ring.length > 1 && polygonsOverlap(b.footprint, a.ring);
        if (hit || d < a.margin - 0.01) bad.push(`${b.name} ${d.toFixed(1)} m from ${a.name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('caps generated heights near them: 24 m within 100 m, 50 m within 250 m', () => {
    const zones = src.generator.heritage.heightZones;
    const bad: string[] = [];
    for (const b of seeded) {
      const c = centre(b);
      for (const a of areas) {
        const d = a.ring.length === 1 ? Math.hypot(c[0] - a.ring[0]![0], c[1] - a.ring[0]![1]) : distToRing(c, a.ring);
        for (const z of zones) if (d <= z.withinM - 1 && b.heightM > z.maxHeightM) bad.push(`${b.name} ${b.heightM} m at ${d.toFixed(0)} m from ${a.name}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('named cases from the issue', () => {
  it('leaves the Longhua Temple grounds empty (no generated "龙华寺 N 号楼")', async () => {
    const input = await loadZoneInput('westbund', repoRoot);
    expect(input.buildings.filter((b) => /^龙华寺 \d+ 号楼$/.test(b.name))).toEqual([]);
    expect(input.ground.some((g) => g.id === 'site:way/404694432')).toBe(true);
  });

  it.each([
    ['jiading', 'osm:way/206501415'], ['westbund', 'osm:way/543033477'], ['yangpu', 'osm:way/1208662450'],
  ])('walls in %s %s with no generated tower: nothing over 50 m within 250 m', async (zoneId, id) => {
    const input = await loadZoneInput(zoneId, repoRoot);
    const museum = input.buildings.find((b) => b.id === id)!;
    const near = input.buildings.filter((b) => b.source === 'generated' && !b.id.startsWith('model:') && distToRing(centre(b), museum.footprint) < 250);
    expect(near.filter((b) => b.heightM > 50).map((b) => `${b.name} ${b.heightM}`)).toEqual([]);
  });
});

describe('modelled structures', () => {
  let yangpu: ZoneInput;
  beforeAll(async () => { yangpu = await loadZoneInput('yangpu', repoRoot); });

  it('label every modelled part as modelled, not surveyed, in both languages', async () => {
    for (const zoneId of ZONE_IDS) {
      for (const b of (await loadZoneInput(zoneId, repoRoot)).buildings.filter((x) => x.id.startsWith('model:'))) {
        expect(b.name).toMatch(/（示意模型）$/);
        expect(b.nameEn).toMatch(/ \(modelled, not surveyed\)$/);
        expect(b.source).toBe('generated');
        expect(b.osmId).toBe('');
      }
    }
  });

  it('stand the Yangpu Bridge deck at its 48 m clearance over the river, with two 208 m towers on land', () => {
    const parts = yangpu.buildings.filter((b) => b.id.startsWith('model:yangpu:yangpu-bridge:'));
    const water = yangpu.ground.filter((g) => g.kind === 'water');
    const wet = (p: P) => water.some((w) => inside(p, w.polygon));
    const deck = parts.filter((b) => b.nameEn.includes(' deck '));
    const overRiver = deck.filter((b) => wet(centre(b)));
    expect(overRiver.length).toBeGreaterThan(10);
    for (const b of overRiver) expect(b.baseM).toBeCloseTo(48, 6);
    for (const label of ['Pudong tower', 'Puxi tower']) {
      const tower = parts.filter((b) => b.nameEn.includes(label));
      expect(Math.max(...tower.map((b) => b.baseM + b.heightM))).toBeCloseTo(208, 6);
      for (const b of tower.filter((x) => x.baseM === 0)) expect(wet(centre(b))).toBe(false);
      // The legs pass beside the deck: none of them cuts through it at deck level.
      const legsAtDeck = tower.filter((b) => b.baseM < 51 && b.baseM + b.heightM > 48);
      for (const leg of legsAtDeck) for (const d of deck) expect(polygonsOverlap(leg.footprint, d.footprint)).toBe(false);
    }
    for (const b of parts.filter((x) => x.nameEn.includes(' pier '))) expect(wet(centre(b))).toBe(false);
  });

  it('draws no road surface of the bridge on the water, and none for the Longyao Road Tunnel', async () => {
    const structures = new Map(yangpu.roads.edges.filter((e) => e.structure).map((e) => [e.id, e.structure]));
    const water = yangpu.ground.filter((g) => g.kind === 'water');
    const roadsOnWater = yangpu.ground.filter((g) => {
      const edge = /^road:(\d+):/.exec(g.id);
      if (g.kind !== 'road' || !edge || !structures.has(Number(edge[1]))) return false;
      // Pieces end exactly on the bank, so measure the shared area rather than test edge crossings.
      const wet = intersectionOf([toClip({ outer: g.polygon, holes: [] })], water.map((w) => toClip({ outer: w.polygon, holes: [] })));
      return partsArea(wet.map((poly) => ({ outer: poly[0]!, holes: poly.slice(1) }))) > 1;
    });
    expect(roadsOnWater.map((g) => g.id)).toEqual([]);
    const westbund = await loadZoneInput('westbund', repoRoot);
    const tunnel = new Set(westbund.roads.edges.filter((e) => e.structure === 'tunnel').map((e) => e.id));
    expect(tunnel.size).toBeGreaterThan(0);
    expect(westbund.ground.filter((g) => tunnel.has(Number(/^road:(\d+):/.exec(g.id)?.[1] ?? -1)))).toEqual([]);
  });
});
