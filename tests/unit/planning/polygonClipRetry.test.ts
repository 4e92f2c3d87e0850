import { describe, expect, it, vi } from 'vitest';

// The sweep of polygon-clipping fails on rare nearly degenerate input; simulate one failure on
// unsnapped coordinates to check that the retry on millimetre-snapped input takes over.
const calls: number[][] = [];
vi.mock('polygon-clipping', async (importOriginal) => {
  const real = await importOriginal<{ default?: typeof import('polygon-clipping') } & typeof import('polygon-clipping')>();
  const lib = real.default ?? real;
  const intersection: typeof lib.intersection = (...geoms) => {
    const x = (geoms[0] as number[][][])[0]![0]![0]!;
    calls.push([x]);
    if (Math.round(x * 1000) !== x * 1000) throw new Error('Unable to find segment #1 in SweepLine tree');
    return lib.intersection(...geoms);
  };
  const mocked = { ...lib, intersection };
  return { ...mocked, default: mocked };
});

const { intersectionArea } = await import('../../../src/analysis/planning/polygon');

describe('clipping failure recovery', () => {
  it('retries once on snapped coordinates', () => {
    const a: [number, number][][] = [[[0.0000001, 0], [10, 0], [10, 10], [0, 10]]];
    expect(intersectionArea(a, [[[5, 5], [15, 5], [15, 15], [5, 15]]])).toBeCloseTo(25, 6);
    expect(calls).toHaveLength(2);
  });
});
