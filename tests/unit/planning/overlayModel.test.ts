import { describe, expect, it } from 'vitest';
import type { PlanBuilding, Ring } from '../../../src/analysis/planning/types';
import { diffShapes } from '../../../src/layers/planning/diffOverlayModel';
import { extrudedBuildings, flatPolygons, plotAt, ringRibbons } from '../../../src/layers/planning/meshModel';
import { diffStates } from '../../../src/analysis/planning/diff';

const square = (x: number, y: number, s: number): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
const bld = (id: string, ring: Ring, heightM: number): PlanBuilding => ({
  id, name: { zh: id, en: id }, footprint: ring, floors: Math.round(heightM / 3), heightM, use: 'B', status: 'planned',
});

/** Sum of triangle areas projected on the ground (three.js x, -z). */
function groundArea(pos: Float32Array, index: Uint32Array): number {
  let a = 0;
  for (let i = 0; i < index.length; i += 3) {
    const [p, q, r] = [index[i]!, index[i + 1]!, index[i + 2]!].map((k) => [pos[k * 3]!, -pos[k * 3 + 2]!]);
    a += Math.abs((q![0]! - p![0]!) * (r![1]! - p![1]!) - (r![0]! - p![0]!) * (q![1]! - p![1]!)) / 2;
  }
  return a;
}

describe('planning overlay geometry', () => {
  it('fills a holed plot with exactly its area, at the requested height', () => {
    const a = flatPolygons([{ ring: square(0, 0, 100), holes: [square(40, 40, 20).reverse() as Ring], color: '#ff0000' }], 1.2);
    expect(groundArea(a.positions, a.index)).toBeCloseTo(100 * 100 - 20 * 20, 6);
    for (let i = 1; i < a.positions.length; i += 3) expect(a.positions[i]).toBeCloseTo(1.2);
  });

  it('draws a ring ribbon of the requested width (area = perimeter × width)', () => {
    const a = ringRibbons([{ ring: square(0, 0, 50), color: '#00ff00' }], 2, 1);
    expect(groundArea(a.positions, a.index)).toBeCloseTo(4 * 50 * 2, 6);
  });

  it('skips non-finite footprints so NaN never reaches a buffer', () => {
    const bad = bld('x', [[0, 0], [Number.NaN, 0], [1, 1]], 10);
    const a = extrudedBuildings([bad, bld('ok', square(0, 0, 10), 30)], () => '#123456');
    expect(Array.from(a.positions).every(Number.isFinite)).toBe(true);
    expect(Math.max(...Array.from(a.positions).filter((_, i) => i % 3 === 1))).toBeCloseTo(30);
    expect(new Set(Array.from(a.itemIds))).toEqual(new Set([1]));
  });

  it('finds the plot under a ground point, and not inside its hole', () => {
    const plots = [{ id: 'p1', ring: square(0, 0, 100), holes: [square(40, 40, 20)] }, { id: 'p2', ring: square(100, 0, 100) }];
    expect(plotAt(plots, 10, 10)?.id).toBe('p1');
    expect(plotAt(plots, 50, 50)).toBeNull();
    expect(plotAt(plots, 150, 50)?.id).toBe('p2');
    expect(plotAt(plots, -5, 50)).toBeNull();
  });

  it('colours the diff: added and taller from the scheme, removed as ghosts of today', () => {
    const before = [bld('old', square(0, 0, 20), 30), bld('keep', square(100, 0, 20), 30)];
    const after = [bld('keep', square(100, 0, 20), 60), bld('new', square(200, 0, 20), 30)];
    const shapes = diffShapes(diffStates(before, after), before, after);
    const byId = Object.fromEntries(shapes.map((s) => [s.building.id, s]));
    expect(byId.old!.ghost).toBe(true);
    expect(byId.new!.ghost).toBe(false);
    expect(byId.keep!.building.heightM).toBe(60);
    expect(shapes).toHaveLength(3);
  });
});

describe('catalogue opacity of tile meshes', () => {
  it('multiplies the tileset and the ground sub-layer, and clamps', async () => {
    const { meshOpacity } = await import('../../../src/layers/planning/opacityModel');
    expect(meshOpacity({}, 'buildings', null)).toBe(1);
    expect(meshOpacity({ buildings: 0.4 }, 'buildings', null)).toBeCloseTo(0.4);
    expect(meshOpacity({ ground: 0.5, water: 0.5 }, 'ground', 'water')).toBeCloseTo(0.25);
    expect(meshOpacity({ ground: Number.NaN }, 'ground', null)).toBe(1);
  });
});
