import { describe, expect, it } from 'vitest';
import { indexWithout } from '../../../src/layers/planning/hideModel';

const reader = (values: number[]) => ({ count: values.length, getX: (i: number) => values[i]! });

describe('hiding buildings per feature id', () => {
  // Two quads (four triangles): vertices 0-3 belong to feature 0, 4-7 to feature 1.
  const ids = reader([0, 0, 0, 0, 1, 1, 1, 1]);
  const index = reader([0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7]);

  it('drops exactly the triangles of hidden features', () => {
    expect(Array.from(indexWithout(index, 8, ids, new Set([1]), 3)!)).toEqual([0, 1, 2, 0, 2, 3]);
    expect(Array.from(indexWithout(index, 8, ids, new Set([0]), 3)!)).toEqual([4, 5, 6, 4, 6, 7]);
    expect(indexWithout(index, 8, ids, new Set([0, 1]), 3)!.length).toBe(0);
  });

  it('returns null (keep the original, allocate nothing) when nothing in the mesh is hidden', () => {
    expect(indexWithout(index, 8, ids, new Set([9]), 3)).toBeNull();
    expect(indexWithout(index, 8, ids, new Set(), 3)).toBeNull();
  });

  it('handles non-indexed meshes and line segments', () => {
    expect(Array.from(indexWithout(null, 8, ids, new Set([0]), 2)!)).toEqual([4, 5, 6, 7]);
  });
});
