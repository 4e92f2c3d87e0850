import { describe, expect, it } from 'vitest';
import { BufferAttribute } from 'three';
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

  it('reads plain BufferAttributes directly and gives the same index as through getX', () => {
    // 300 quads over 40 features, shuffled vertex order in the index.
    const featureOf: number[] = [];
    const tri: number[] = [];
    for (let q = 0; q < 300; q++) {
      const f = (q * 7) % 40;
      const v = featureOf.length;
      featureOf.push(f, f, f, f);
      tri.push(v + 2, v, v + 1, v + 3, v, v + 2);
    }
    const hidden = new Set([3, 17, 39]);
    const viaGetX = indexWithout(reader(tri), featureOf.length, reader(featureOf), hidden, 3)!;
    const plain = indexWithout(new BufferAttribute(new Uint32Array(tri), 1), featureOf.length, new BufferAttribute(new Uint16Array(featureOf), 1), hidden, 3)!;
    expect(Array.from(plain)).toEqual(Array.from(viaGetX));
    const hiddenQuads = Array.from({ length: 300 }, (_, q) => (q * 7) % 40).filter((f) => hidden.has(f)).length;
    expect(hiddenQuads).toBeGreaterThan(0);
    expect(plain.length).toBe(tri.length - 6 * hiddenQuads);
    // A normalised attribute is not a plain array of ids: it goes through getX (here: 0..1 floats, none hidden).
    const normalised = new BufferAttribute(new Uint16Array(featureOf), 1, true);
    expect(indexWithout(reader(tri), featureOf.length, normalised, hidden, 3)).toBeNull();
  });
});

