import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLandUseClass } from '../../../src/core/landUse';
import type { ZoneInput } from '../../../src/tiler/types';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { readZoneSources, type ZoneSources } from '../../../src/tiler/zones/readSources';
import { area, bbox, candidatePairs, inside, nonFiniteNumbers, polygonsOverlap, properlyCross, type P } from './polygonChecks';

const repoRoot = join(__dirname, '../../..');

function checkRing(ring: readonly P[], what: string): void {
  expect(ring.length, what).toBeGreaterThanOrEqual(3);
  expect(area(ring), `${what} must be counter-clockwise and not degenerate`).toBeGreaterThan(1);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!, q = ring[(i + 1) % ring.length]!;
    expect(Math.hypot(p[0] - q[0], p[1] - q[1]), `${what}: repeated vertex ${i} (rings are open)`).toBeGreaterThan(1e-3);
  }
}

describe.each(ZONE_IDS)('loadZoneInput("%s")', (zoneId) => {
  let input: ZoneInput;
  let src: ZoneSources;
  let generated: ZoneInput['buildings'];
  let real: ZoneInput['buildings'];
  /** Hand-modelled structures (generator.json `modelled`, `bridges`): tiler-made, but not seeded filler. */
  let modelled: ZoneInput['buildings'];

  beforeAll(async () => {
    input = await loadZoneInput(zoneId, repoRoot);
    src = await readZoneSources(repoRoot, zoneId);
    generated = input.buildings.filter((b) => b.source === 'generated' && !b.id.startsWith('model:'));
    real = input.buildings.filter((b) => b.source === 'osm');
    modelled = input.buildings.filter((b) => b.id.startsWith('model:'));
  });

  it('takes its origin from the scene file', () => {
    expect(input.zoneId).toBe(zoneId);
    expect(input.origin).toEqual(src.scene.origin);
  });

  it('has at least 3,000 buildings, real landmarks among them', () => {
    expect(input.buildings.length).toBeGreaterThanOrEqual(3000);
    expect(real.length).toBeGreaterThanOrEqual(2);
    expect(new Set(input.buildings.map((b) => b.id)).size).toBe(input.buildings.length);
  });

  it('labels generated buildings as generated, with stable ids and descriptive names', () => {
    generated.forEach((b, i) => {
      expect(b.source).toBe('generated');
      expect(b.osmId).toBe('');
      expect(b.id).toBe(`gen:${zoneId}:${i + 1}`);
      expect(b.name).toMatch(/ \d+ 号楼$/);
      expect(b.nameEn).toMatch(/ bldg \d+$/);
      expect(b.signature).toBe(false);
    });
  });

  it('keeps real landmarks with their OSM ids and names', () => {
    const names = new Map(src.landmarks.features.map((f) => [f.properties['@id'], f.properties.name ?? f.properties['name:zh'] ?? '']));
    for (const b of real) {
      expect(b.osmId).toMatch(/^(way|relation)\/\d+$/);
      expect(b.id).toBe(`osm:${b.osmId}`);
      expect(b.name).toBe(names.get(b.osmId));
      expect(b.status).toBe('existing');
    }
    expect(real.filter((b) => b.name !== '').length).toBeGreaterThanOrEqual(2);
  });

  it('marks at least two signature buildings, all of them listed in generator.json', () => {
    const sig = input.buildings.filter((b) => b.signature);
    expect(sig.length).toBeGreaterThanOrEqual(2);
    for (const b of sig) expect(src.generator.landmarks.signature).toContain(b.osmId);
  });

  it('has no NaN or Infinity anywhere', () => {
    expect(nonFiniteNumbers(input)).toEqual([]);
  });

  it('has open, counter-clockwise, non-degenerate footprints and ground polygons', () => {
    for (const b of input.buildings) {
      checkRing(b.footprint, b.id);
      for (const h of b.holes ?? []) checkRing(h, `${b.id} hole`);
    }
    for (const g of input.ground) checkRing(g.polygon, g.id);
  });

  it('never lets two generated buildings overlap, nor a generated building overlap a landmark', () => {
    const all = [...generated, ...real, ...modelled];
    const pairs = candidatePairs(all.map((b) => bbox(b.footprint)), 100);
    const bad = pairs.filter(([i, j]) => (i < generated.length || j < generated.length) && polygonsOverlap(all[i]!.footprint, all[j]!.footprint));
    expect(bad.map(([i, j]) => `${all[i]!.id} × ${all[j]!.id}`)).toEqual([]);
  });

  it('keeps generated buildings off the road centrelines and out of the water', () => {
    const segs: [P, P][] = [];
    for (const e of input.roads.edges) for (let i = 0; i + 1 < e.points.length; i++) segs.push([e.points[i]!, e.points[i + 1]!]);
    const boxes = [...generated.map((b) => bbox(b.footprint)), ...segs.map(([a, b]) => bbox([a, b]))];
    const hits = candidatePairs(boxes, 100).filter(([i, j]) => i < generated.length && j >= generated.length).filter(([i, j]) => {
      const ring = generated[i]!.footprint, [a, b] = segs[j - generated.length]!;
      const mid: P = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      return inside(mid, ring) || ring.some((p, k) => properlyCross(p, ring[(k + 1) % ring.length]!, a, b));
    });
    expect(hits.length).toBe(0);
    const water = input.ground.filter((g) => g.kind === 'water');
    expect(water.length).toBeGreaterThan(0);
    const wet = generated.filter((b) => b.footprint.some((p) => water.some((w) => inside(p, w.polygon))));
    expect(wet.map((b) => b.id)).toEqual([]);
  });

  it('uses valid land-use classes, and ground kinds carry their fixed class', () => {
    for (const b of input.buildings) expect(isLandUseClass(b.landUse)).toBe(true);
    const fixed = { water: 'E', green: 'G', road: 'S' } as const;
    for (const g of input.ground) {
      expect(isLandUseClass(g.landUse)).toBe(true);
      if (g.kind !== 'landuse') expect(g.landUse).toBe(fixed[g.kind]);
    }
    const kinds = new Set(input.ground.map((g) => g.kind));
    expect([...kinds].sort()).toEqual(['green', 'landuse', 'road', 'water']);
  });

  it('sizes generated buildings by their class rules, with floors from the floor height', () => {
    const cfg = src.generator;
    for (const b of generated) {
      const rule = cfg.classes[b.landUse]!;
      const types = rule.typologies.flatMap((t) => t.types);
      const lo = Math.min(...types.map((t) => t.heightM[0])), hi = Math.max(...types.map((t) => t.heightM[1]));
      expect(b.heightM).toBeGreaterThanOrEqual(Math.max(3, lo) - 0.05);
      expect(b.heightM).toBeLessThanOrEqual(hi + 0.05);
      expect(b.floors).toBe(Math.max(1, Math.round(b.heightM / rule.floorHeightM)));
      if (b.roof === 'gable') expect(b.heightM).toBeLessThanOrEqual(cfg.gableMaxHeightM);
      if (b.landUse === 'R') {
        expect(b.heightM).toBeGreaterThanOrEqual(18);
        expect(b.heightM).toBeLessThanOrEqual(100);
      }
    }
    expect(generated.some((b) => b.roof === 'gable')).toBe(true);
  });

  it('marks buildings in planned blocks as planned, the rest as existing', () => {
    const planned = new Set(src.generator.plannedBlocks);
    expect(planned.size).toBeGreaterThan(0);
    let inPlanned = 0;
    for (const b of generated) {
      const code = / block (\S+) bldg \d+$/.exec(b.nameEn)?.[1];
      if (!code) continue;
      expect(b.status).toBe(planned.has(code) ? 'planned' : 'existing');
      if (planned.has(code)) inPlanned++;
    }
    expect(inPlanned).toBeGreaterThan(0);
  });

  it('is deterministic: a second load is deep-equal', async () => {
    const again = await loadZoneInput(zoneId, repoRoot);
    expect(again).toEqual(input);
  });

  it('builds a connected road graph whose edges reference existing nodes', () => {
    const { nodes, edges } = input.roads;
    expect(input.roads.zoneId).toBe(zoneId);
    expect(nodes.length).toBeGreaterThan(50);
    nodes.forEach((n, i) => expect(n.id).toBe(i));
    const adj: number[][] = nodes.map(() => []);
    edges.forEach((e, i) => {
      expect(e.id).toBe(i);
      expect(nodes[e.from]).toBeDefined();
      expect(nodes[e.to]).toBeDefined();
      expect(e.from).not.toBe(e.to);
      expect(e.points[0]).toEqual([nodes[e.from]!.x, nodes[e.from]!.y]);
      expect(e.points[e.points.length - 1]).toEqual([nodes[e.to]!.x, nodes[e.to]!.y]);
      let len = 0;
      for (let k = 1; k < e.points.length; k++) len += Math.hypot(e.points[k]![0] - e.points[k - 1]![0], e.points[k]![1] - e.points[k - 1]![1]);
      expect(e.lengthM).toBeCloseTo(len, 6);
      expect(e.lengthM).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(e.lanes) && e.lanes >= 1 && e.lanes <= 8).toBe(true);
      expect(e.speedLimitKmh).toBeGreaterThanOrEqual(5);
      expect(e.speedLimitKmh).toBeLessThanOrEqual(130);
      if (e.source === 'osm') expect(e.osmWayId).toMatch(/^way\/\d+$/);
      adj[e.from]!.push(e.to);
      adj[e.to]!.push(e.from);
    });
    const seen = new Set<number>([0]);
    const stack = [0];
    while (stack.length) for (const m of adj[stack.pop()!]!) if (!seen.has(m)) { seen.add(m); stack.push(m); }
    expect(seen.size).toBe(nodes.length);
    expect(nodes.filter((n) => n.signalised).length).toBeGreaterThan(10);
  });
});

describe('Jiading road graph', () => {
  it('carries the real OSM signals on signalised junction nodes', async () => {
    const input = await loadZoneInput('jiading', repoRoot);
    const src = await readZoneSources(repoRoot, 'jiading');
    const signalIds = new Set(src.signals.features.map((f) => f.properties['@id']));
    const withOsm = input.roads.nodes.filter((n) => n.osmSignalId !== undefined);
    for (const n of withOsm) {
      expect(n.signalised).toBe(true);
      expect(signalIds.has(n.osmSignalId!)).toBe(true);
    }
    // Most of the 33 real signal heads end up on a junction of the kept network.
    expect(new Set(withOsm.map((n) => n.osmSignalId)).size).toBeGreaterThanOrEqual(25);
    expect(input.roads.edges.filter((e) => e.source === 'osm').length).toBeGreaterThan(100);
    expect(input.roads.edges.some((e) => e.source === 'skeleton')).toBe(true);
  });
});
