import { describe, expect, it } from 'vitest';
import type { RoadGraph } from '../../../src/core/roadGraph';
import { Obstacles } from '../../../src/tiler/zones/buildings/Obstacles';
import { RoadCorridors } from '../../../src/tiler/zones/buildings/RoadCorridors';
import { generateBuildings, type Block } from '../../../src/tiler/zones/buildings/generateBuildings';
import { generatorFileSchema } from '../../../src/tiler/zones/sourceSchemas';
import { area, inside } from './polygonChecks';

const config = generatorFileSchema.parse({
  seed: 'test/1',
  classes: {
    R: { floorHeightM: 3, typologies: [{ id: 'slabs', weight: 1, lotM: [40, 30], fill: 1, types: [{ id: 'slab', weight: 1, widthM: [24, 30], depthM: [10, 12], heightM: [18, 54] }] }] },
    M: { floorHeightM: 6, typologies: [{ id: 'sheds', weight: 1, lotM: [60, 50], fill: 1, types: [{ id: 'shed', weight: 1, widthM: [30, 40], depthM: [20, 30], heightM: [8, 16], gableShare: 1 }] }] },
    G: { floorHeightM: 4, typologies: [] },
  },
  roadSetbackM: { motorway: 20, trunk: 15, primary: 10, secondary: 8, tertiary: 6, residential: 4, service: 3 },
  clearanceM: { water: 10, green: 4, landmark: 8, site: 5, blockEdge: 2, building: 6 },
  gableMaxHeightM: 24,
  plannedBlocks: ['R-02'],
  landmarks: { signature: [] },
});

// An east–west secondary road along y = 0 with two blocks north of it and a park south of it.
const graph: RoadGraph = {
  version: 1, zoneId: 'test',
  nodes: [{ id: 0, x: -400, y: 0, signalised: false }, { id: 1, x: 400, y: 0, signalised: false }],
  edges: [{ id: 0, from: 0, to: 1, points: [[-400, 0], [400, 0]], lengthM: 800, lanes: 2, oneway: false, speedLimitKmh: 40, roadClass: 'secondary', name: '', nameEn: '', source: 'skeleton' }],
};
const block = (code: string, landUse: Block['landUse'], x0: number, x1: number): Block => ({
  code, kind: 'landuse', prefix: `测试 ${code} 地块`, prefixEn: `Test block ${code}`, landUse,
  ring: [[x0, -5], [x1, -5], [x1, 200], [x0, 200]], planned: config.plannedBlocks.includes(code),
});
const blocks = [block('R-01', 'R', -390, -10), block('R-02', 'R', 10, 390), { ...block('G-01', 'G', -390, 390), ring: [[-390, -200], [390, -200], [390, -20], [-390, -20]] as [number, number][] }];

function run(bs: Block[]) {
  return generateBuildings(bs, { zoneId: 'test', config, roads: new RoadCorridors(graph, config.roadSetbackM), obstacles: new Obstacles(100), sites: new Obstacles(100) });
}

describe('generateBuildings', () => {
  const out = run(blocks);

  it('fills the blocks, keeps parks empty, and numbers buildings per block', () => {
    expect(out.length).toBeGreaterThan(40);
    expect(out.some((b) => b.landUse === 'G')).toBe(false);
    expect(out[0]!.name).toBe('测试 R-01 地块 1 号楼');
    expect(out[0]!.nameEn).toBe('Test block R-01 bldg 1');
    expect(out.every((b) => b.status === (b.name.includes('R-02') ? 'planned' : 'existing'))).toBe(true);
  });

  it('keeps the carriageway (7 m half width) plus the 8 m setback clear', () => {
    for (const b of out) for (const p of b.footprint) expect(p[1]).toBeGreaterThanOrEqual(15 - 1e-9);
  });

  it('keeps every footprint inside its block and counter-clockwise', () => {
    for (const b of out) {
      expect(area(b.footprint)).toBeGreaterThan(0);
      const own = blocks.find((k) => b.nameEn.includes(` ${k.code} `))!;
      for (const p of b.footprint) expect(inside(p, own.ring)).toBe(true);
    }
  });

  it('orients buildings to the road they face', () => {
    for (const b of out) {
      const [p, q] = [b.footprint[0]!, b.footprint[1]!];
      const a = Math.abs(Math.atan2(q[1] - p[1], q[0] - p[0]));
      expect(Math.min(a, Math.abs(Math.PI - a), Math.abs(Math.PI / 2 - a))).toBeLessThan(1e-6);
    }
  });

  it('is deterministic, and one block’s buildings do not depend on another block', () => {
    expect(run(blocks)).toEqual(out);
    const alone = run([blocks[1]!]);
    const strip = (bs: typeof out) => bs.filter((b) => b.nameEn.includes('R-02')).map(({ id: _id, ...rest }) => rest);
    expect(strip(alone)).toEqual(strip(out));
  });

  it('applies the class rules: gable roofs only up to the limit, floors from the floor height', () => {
    const sheds = run([block('M-01', 'M', -390, 390)]);
    expect(sheds.length).toBeGreaterThan(5);
    for (const b of sheds) {
      expect(b.roof).toBe('gable');
      expect(b.floors).toBe(Math.max(1, Math.round(b.heightM / 6)));
    }
  });
});
