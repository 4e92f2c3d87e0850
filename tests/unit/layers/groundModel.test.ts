import { describe, expect, it } from 'vitest';
import { groundKindOf, isGroundKindVisible } from '../../../src/layers/ground/model';

describe('groundKindOf', () => {
  it('reads the kind from mesh or ancestor names', () => {
    expect(groundKindOf(['water'])).toBe('water');
    expect(groundKindOf(['road_1', 'road'])).toBe('road');
    expect(groundKindOf(['', 'Green'])).toBe('green');
    expect(groundKindOf(['mesh_0', 'landuse.001'])).toBe('landuse');
    expect(groundKindOf(['roadside', 'tile'])).toBeNull();
    expect(groundKindOf([])).toBeNull();
  });
});

describe('isGroundKindVisible', () => {
  it('needs both the ground tileset and the sub-layer on; unknown layers default to visible', () => {
    expect(isGroundKindVisible({}, 'ground', 'water')).toBe(true);
    expect(isGroundKindVisible({ water: false }, 'ground', 'water')).toBe(false);
    expect(isGroundKindVisible({ water: false }, 'ground', 'road')).toBe(true);
    expect(isGroundKindVisible({ ground: false }, 'ground', 'road')).toBe(false);
    expect(isGroundKindVisible({ ground: false }, 'ground', null)).toBe(false);
    expect(isGroundKindVisible({}, 'ground', null)).toBe(true);
  });
});
