import { describe, expect, it } from 'vitest';
import {
  EXPLODE_MAX_GAP_M, explodedElevationM, explodeGapM, explodeOffsetM, explodeOffsetsM, findBimBuilding, floorAt, floorsTopDown, roofOf,
} from '../../../src/analysis/bim/floorModel';
import { SLAB_THICKNESS_M } from '../../../src/tiler/geometry/bimModel';
import { floorsFile } from './fixtures';

const file = floorsFile();
const tower = findBimBuilding(file, 'gen:test:tower')!;

describe('floorAt', () => {
  it('gives the storey whose [elevation, next elevation) holds z', () => {
    // 15 storeys of 4 m from z = 2; the roof at 62.
    expect(tower.floors.slice(0, 3).map((f) => f.elevationM)).toEqual([2, 6, 10]);
    expect(floorAt(tower, 2)).toBe(0);
    expect(floorAt(tower, 5.99)).toBe(0);
    expect(floorAt(tower, 6)).toBe(1);
    expect(floorAt(tower, 6 + SLAB_THICKNESS_M)).toBe(1);
    expect(floorAt(tower, 33)).toBe(7);
    expect(floorAt(tower, 58)).toBe(14);
  });

  it('gives the roof for its slab, which hangs below the top, and the top itself', () => {
    const roof = roofOf(tower);
    expect(roof.index).toBe(15);
    expect(floorAt(tower, 62 - SLAB_THICKNESS_M)).toBe(15);
    expect(floorAt(tower, 62)).toBe(15);
    expect(floorAt(tower, 62 - SLAB_THICKNESS_M - 0.01)).toBe(14);
  });

  it('is null outside the building and for NaN', () => {
    expect(floorAt(tower, 1.9)).toBeNull();
    expect(floorAt(tower, 62.1)).toBeNull();
    expect(floorAt(tower, Number.NaN)).toBeNull();
    expect(floorAt(tower, Infinity)).toBeNull();
  });

  it('agrees with every slab band of the file', () => {
    for (const b of file.buildings) {
      for (const f of b.floors) {
        expect(floorAt(b, f.slabBottomM)).toBe(f.index);
        expect(floorAt(b, (f.slabBottomM + f.slabTopM) / 2)).toBe(f.index);
        expect(floorAt(b, f.slabTopM)).toBe(f.index);
      }
    }
  });
});

describe('exploded view', () => {
  it('lifts floor k by k gaps, the gap growing with the factor up to its maximum', () => {
    expect(explodeOffsetsM(tower, 0)).toEqual(new Array(16).fill(0));
    expect(explodeOffsetsM(tower, 0.5)).toEqual(tower.floors.map((f) => f.index * EXPLODE_MAX_GAP_M * 0.5));
    expect(explodeOffsetM(15, 1)).toBe(15 * EXPLODE_MAX_GAP_M);
    expect(explodedElevationM(tower, 3, 1)).toBe(14 + 3 * EXPLODE_MAX_GAP_M);
    expect(explodedElevationM(tower, 16, 1)).toBeNull();
  });

  it('clamps the factor to [0, 1] and turns NaN into no explode', () => {
    expect(explodeGapM(2)).toBe(EXPLODE_MAX_GAP_M);
    expect(explodeGapM(-1)).toBe(0);
    expect(explodeGapM(Number.NaN)).toBe(0);
    expect(explodeOffsetsM(tower, Number.NaN).every((v) => v === 0)).toBe(true);
  });

  it('keeps consecutive floors apart by storey height plus the gap', () => {
    const factor = 0.25;
    for (let k = 1; k < 15; k++) {
      const d = explodedElevationM(tower, k, factor)! - explodedElevationM(tower, k - 1, factor)!;
      expect(d).toBeCloseTo(4 + explodeGapM(factor), 9);
    }
  });
});

describe('floor list helpers', () => {
  it('finds buildings by id and lists floors roof first', () => {
    expect(findBimBuilding(file, 'nope')).toBeNull();
    expect(findBimBuilding(null, 'gen:test:tower')).toBeNull();
    expect(floorsTopDown(tower).map((f) => f.name.zh).slice(0, 3)).toEqual(['屋面', '15F', '14F']);
    expect(tower.floors.map((f) => f.index)).toEqual([...Array(16).keys()]);
  });
});
