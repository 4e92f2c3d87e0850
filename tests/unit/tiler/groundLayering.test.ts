/**
 * Issue 15 items 4 and 5: ground polygons are validated and repaired (bow-ties, winding, holes),
 * their triangulation covers exactly their area, and overlapping ground has a defined order that
 * is resolved in plan, so no water hides under a park and no two polygons are coplanar.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUND_RENDER_ORDER } from '../../../src/layers/ground/model';
import { intersectionOf, partsArea, toClip, type PolygonPart } from '../../../src/tiler/geometry/clipping';
import { repairPolygon } from '../../../src/tiler/geometry/polygonRepair';
import { triangulatePolygon } from '../../../src/tiler/geometry/triangulate';
import { GROUND_KINDS, GROUND_OFFSET_M, prepareGround, type PreparedGround } from '../../../src/tiler/groundContent';
import { GROUND_STACK } from '../../../src/tiler/groundLayering';
import type { GroundInput, GroundKind, Ring } from '../../../src/tiler/types';
import { loadZoneInput, ZONE_IDS } from '../../../src/tiler/zones/index';
import { readZoneSources } from '../../../src/tiler/zones/readSources';
import { ZoneProjection } from '../../../src/tiler/zones/project';
import { area } from '../zones/polygonChecks';

const repoRoot = join(__dirname, '../../..');

/** Sum of the earcut triangles' areas: what the GPU actually fills. */
function triangulatedArea(parts: readonly PolygonPart[]): number {
  let total = 0;
  for (const p of parts) {
    const t = triangulatePolygon(p.outer, p.holes);
    for (let k = 0; k < t.triangles.length; k += 3) {
      total += area([t.points[t.triangles[k]!]!, t.points[t.triangles[k + 1]!]!, t.points[t.triangles[k + 2]!]!]);
    }
  }
  return total;
}

const overlapArea = (a: readonly PolygonPart[], b: readonly PolygonPart[]): number =>
  partsArea(intersectionOf(a.map(toClip), b.map(toClip)).map((poly) => ({ outer: poly[0]!, holes: poly.slice(1) })));

const square = (x0: number, y0: number, s: number): Ring => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]];
const ground = (id: string, kind: GroundKind, polygon: Ring, holes?: Ring[]): GroundInput =>
  ({ id, kind, landUse: kind === 'water' ? 'E' : kind === 'green' ? 'G' : 'A', name: id, polygon, ...(holes ? { holes } : {}) });

describe('repairPolygon', () => {
  it('passes a valid polygon through, wound counter-clockwise', () => {
    const r = repairPolygon([...square(0, 0, 10)].reverse(), [], 0.5);
    expect(r.repairs).toEqual([]);
    expect(r.parts).toHaveLength(1);
    expect(area(r.parts[0]!.outer)).toBeCloseTo(100, 6);
  });

  it('splits a bow-tie into its two lobes, whose triangles cover exactly their area', () => {
    const r = repairPolygon([[0, 0], [10, 10], [10, 0], [0, 10]], [], 0.5);
    expect(r.repairs).toEqual(['selfIntersection']);
    expect(r.parts).toHaveLength(2);
    expect(partsArea(r.parts)).toBeCloseTo(50, 6);
    expect(triangulatedArea(r.parts)).toBeCloseTo(50, 6);
  });

  it('repairs an asymmetric self-crossing ring (the spiky-fan case) without losing area', () => {
    // A block outline whose last corner was dragged across the first edge.
    const r = repairPolygon([[0, 0], [100, 0], [100, 60], [30, 60], [60, -20]], [], 0.5);
    expect(r.repairs).toEqual(['selfIntersection']);
    for (const p of r.parts) expect(area(p.outer)).toBeGreaterThan(0);
    expect(triangulatedArea(r.parts)).toBeCloseTo(partsArea(r.parts), 6);
  });

  it('clips a hole that leaks out of its outer ring and drops one that lies outside', () => {
    const leaky = repairPolygon(square(0, 0, 10), [square(5, 5, 10)], 0.5);
    expect(leaky.repairs).toEqual(['holes']);
    expect(partsArea(leaky.parts)).toBeCloseTo(75, 6);
    const outside = repairPolygon(square(0, 0, 10), [square(20, 20, 5)], 0.5);
    expect(partsArea(outside.parts)).toBeCloseTo(100, 6);
  });

  it('returns nothing for NaN or a sliver', () => {
    expect(repairPolygon([[0, 0], [Number.NaN, 0], [5, 5]], [], 0.5).parts).toEqual([]);
    expect(repairPolygon([[0, 0], [1, 0], [1, 0.1]], [], 0.5).parts).toEqual([]);
  });
});

describe('ground stacking order', () => {
  it('is one order in the tiler (lifts, primitive order) and in the viewer (render order)', () => {
    const kinds = Object.keys(GROUND_STACK) as GroundKind[];
    const byStack = [...kinds].sort((a, b) => GROUND_STACK[a] - GROUND_STACK[b]);
    expect(GROUND_KINDS).toEqual(byStack);
    for (let i = 1; i < byStack.length; i++) {
      expect(GROUND_OFFSET_M[byStack[i]!]).toBeGreaterThan(GROUND_OFFSET_M[byStack[i - 1]!]);
      expect(GROUND_RENDER_ORDER[byStack[i]!]).toBeGreaterThan(GROUND_RENDER_ORDER[byStack[i - 1]!]);
    }
  });

  it('cuts a park without a hole around its lake, and a block under a site, into a partition', () => {
    const { ground: g, repaired } = prepareGround([
      ground('landuse:block', 'landuse', square(0, 0, 300)),
      ground('site:temple', 'landuse', square(20, 20, 60)),
      ground('green:park', 'green', square(100, 100, 150)),
      ground('water:lake', 'water', square(150, 150, 50)),
      ground('road:0:0', 'road', [[0, 95], [300, 95], [300, 99], [0, 99]]),
    ]);
    const by = new Map(g.map((x) => [x.input.id, x]));
    expect(partsArea(by.get('water:lake')!.parts)).toBeCloseTo(2500, 3);
    expect(partsArea(by.get('green:park')!.parts)).toBeCloseTo(22500 - 2500, 3);
    expect(partsArea(by.get('site:temple')!.parts)).toBeCloseTo(3600, 3);
    expect(partsArea(by.get('landuse:block')!.parts)).toBeCloseTo(90000 - 22500 - 3600, 3);
    // Roads overlay the rest, lifted; they are not cut.
    expect(partsArea(by.get('road:0:0')!.parts)).toBeCloseTo(1200, 3);
    expect(repaired.cutByLayers).toBe(2);
    const flat = g.filter((x) => x.input.kind !== 'road');
    for (let i = 0; i < flat.length; i++) {
      for (let j = i + 1; j < flat.length; j++) expect(overlapArea(flat[i]!.parts, flat[j]!.parts)).toBeLessThan(1e-6);
    }
  });

  it('does not depend on input order', () => {
    const inputs = [ground('landuse:a', 'landuse', square(0, 0, 100)), ground('landuse:b', 'landuse', square(50, 0, 100))];
    const a = prepareGround(inputs).ground.map((x) => partsArea(x.parts));
    const b = prepareGround([...inputs].reverse()).ground.map((x) => partsArea(x.parts));
    expect(a).toEqual(b);
  });
});

describe.each(ZONE_IDS)('shipped ground of %s', (zoneId) => {
  let prepared: PreparedGround[];
  let inputs: GroundInput[];

  beforeAll(async () => {
    inputs = (await loadZoneInput(zoneId, repoRoot)).ground;
    const r = prepareGround(inputs);
    prepared = r.ground;
    expect(r.rejected.degenerate).toBe(0);
  });

  it('triangulates every polygon to exactly its ring area (outer minus holes)', () => {
    const bad = prepared.filter((g) => Math.abs(triangulatedArea(g.parts) - partsArea(g.parts)) > 1e-3 * partsArea(g.parts) + 0.01);
    expect(bad.map((g) => g.input.id)).toEqual([]);
  });

  it('draws every water polygon whole, with no green or land use over or under it', () => {
    const water = prepared.filter((g) => g.input.kind === 'water');
    expect(water.length).toBeGreaterThan(0);
    for (const w of water) {
      const src = inputs.find((i) => i.id === w.input.id)!;
      expect(partsArea(w.parts)).toBeCloseTo(area(src.polygon) - (src.holes ?? []).reduce((s, h) => s + Math.abs(area(h)), 0), 0);
      for (const g of prepared) {
        if (g.input.kind !== 'green' && g.input.kind !== 'landuse') continue;
        expect(overlapArea(w.parts, g.parts), `${g.input.id} over ${w.input.id}`).toBeLessThan(1);
      }
    }
  });

  it('leaves no two non-road ground polygons overlapping (nothing coplanar to z-fight)', () => {
    const flat = prepared.filter((g) => g.input.kind !== 'road');
    const bad: string[] = [];
    for (let i = 0; i < flat.length; i++) {
      for (let j = i + 1; j < flat.length; j++) {
        const a = flat[i]!.box, b = flat[j]!.box;
        if (a.max[0] <= b.min[0] || b.max[0] <= a.min[0] || a.max[1] <= b.min[1] || b.max[1] <= a.min[1]) continue;
        if (overlapArea(flat[i]!.parts, flat[j]!.parts) > 1) bad.push(`${flat[i]!.input.id} × ${flat[j]!.input.id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has parks with holes for the water inside them in green.geojson itself', async () => {
    const src = await readZoneSources(repoRoot, zoneId);
    const proj = new ZoneProjection(src.scene.origin);
    const asParts = (coords: number[][][]): PolygonPart[] => {
      const [outer, ...holes] = coords.map((r) => proj.ring(r));
      return [{ outer: outer!, holes: holes.map((h) => [...h].reverse()) }];
    };
    for (const w of src.water.features) {
      for (const g of src.green.features) {
        const wet = overlapArea(asParts(w.geometry.coordinates), asParts(g.geometry.coordinates));
        expect(wet, `${g.properties.name} covers ${w.properties.name}`).toBeLessThan(1);
      }
    }
  });
});

describe('Longhua Temple in the West Bund ground', () => {
  it('draws the temple and the cemetery on top of block A-03, not coplanar with it', async () => {
    const { ground: g } = prepareGround((await loadZoneInput('westbund', repoRoot)).ground);
    const by = new Map(g.map((x) => [x.input.id, x]));
    const temple = by.get('site:way/404694432')!, cemetery = by.get('site:way/47011871')!, block = by.get('landuse:A-03')!;
    expect(overlapArea(temple.parts, block.parts)).toBeLessThan(1);
    expect(overlapArea(cemetery.parts, block.parts)).toBeLessThan(1);
    expect(overlapArea(temple.parts, cemetery.parts)).toBeLessThan(1);
    expect(partsArea(temple.parts)).toBeGreaterThan(30000);
  });
});
