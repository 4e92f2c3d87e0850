import { describe, expect, it } from 'vitest';
import {
  intersectionArea, normaliseRing, pointInPolygon, polygonArea, polygonCentroid, ringProblem, ringSignedArea,
} from '../../../src/analysis/planning/polygon';
import type { Ring } from '../../../src/analysis/planning/types';
import { rect } from './fixtures';

const L: Ring = [[0, 0], [100, 0], [100, 40], [40, 40], [40, 100], [0, 100]];

describe('areas and centroids', () => {
  it('shoelace area is signed by orientation', () => {
    expect(ringSignedArea(rect(0, 0, 100, 50))).toBe(5000);
    expect(ringSignedArea([...rect(0, 0, 100, 50)].reverse())).toBe(-5000);
  });

  it('keeps precision far from the origin', () => {
    expect(ringSignedArea(rect(1e7, 1e7, 1e7 + 0.1, 1e7 + 0.1))).toBeCloseTo(0.01, 9);
  });

  it('subtracts holes whatever their orientation', () => {
    expect(polygonArea(rect(0, 0, 100, 100), [rect(10, 10, 30, 30)])).toBe(9600);
    expect(polygonArea(rect(0, 0, 100, 100), [[...rect(10, 10, 30, 30)].reverse()])).toBe(9600);
  });

  it('L-shape: area and centroid in closed form', () => {
    expect(polygonArea(L)).toBe(100 * 40 + 40 * 60);
    // Two rectangles: 4000 m² centred (50, 20) and 2400 m² centred (20, 70).
    const [x, y] = polygonCentroid(L);
    expect(x).toBeCloseTo((4000 * 50 + 2400 * 20) / 6400, 9);
    expect(y).toBeCloseTo((4000 * 20 + 2400 * 70) / 6400, 9);
  });

  it('centroid of a square with an off-centre hole moves away from the hole', () => {
    const [x, y] = polygonCentroid(rect(0, 0, 10, 10), [rect(0, 0, 5, 5)]);
    expect(x).toBeCloseTo((100 * 5 - 25 * 2.5) / 75, 9);
    expect(y).toBeCloseTo((100 * 5 - 25 * 2.5) / 75, 9);
  });

  it('degenerate centroid falls back to the vertex mean', () => {
    expect(polygonCentroid([[0, 0], [2, 0], [4, 0]])).toEqual([2, 0]);
  });
});

describe('pointInPolygon', () => {
  it('handles concave rings and holes, boundary inclusive', () => {
    expect(pointInPolygon([20, 20], L)).toBe(true);
    expect(pointInPolygon([70, 70], L)).toBe(false);
    expect(pointInPolygon([100, 20], L)).toBe(true);
    const holes = [rect(10, 10, 30, 30)];
    expect(pointInPolygon([20, 20], rect(0, 0, 100, 100), holes)).toBe(false);
    expect(pointInPolygon([10, 20], rect(0, 0, 100, 100), holes)).toBe(true);
    expect(pointInPolygon([50, 50], rect(0, 0, 100, 100), holes)).toBe(true);
  });
});

describe('normaliseRing', () => {
  it('drops the closing point and repeated points, orients outer CCW and holes CW', () => {
    const closedCw: Ring = [[0, 0], [0, 10], [10, 10], [10, 10], [10, 0], [0, 0]];
    const outer = normaliseRing(closedCw, 'outer');
    expect(outer).toHaveLength(4);
    expect(ringSignedArea(outer)).toBe(100);
    expect(ringSignedArea(normaliseRing(closedCw, 'hole'))).toBe(-100);
    expect(closedCw).toHaveLength(6);
  });
});

describe('ringProblem', () => {
  it('accepts simple rings, closed or open, either orientation', () => {
    expect(ringProblem(L)).toBeNull();
    expect(ringProblem([...L, L[0]!])).toBeNull();
    expect(ringProblem([...L].reverse())).toBeNull();
  });

  it('names each problem', () => {
    expect(ringProblem([[0, 0], [1, 1]])).toBe('too-few-points');
    expect(ringProblem([[0, 0], [1, 1], [0, 0]])).toBe('too-few-points');
    expect(ringProblem([[0, 0], [1, 0], [2, 0]])).toBe('zero-area');
    expect(ringProblem([[0, 0], [10, 10], [10, 0], [0, 10]])).toBe('self-intersecting');
    expect(ringProblem([[0, 0], [Number.NaN, 0], [1, 1]])).toBe('non-finite');
    expect(ringProblem([[0, 0], [Infinity, 0], [1, 1]])).toBe('non-finite');
  });

  it('catches touching at a vertex and a spike along an edge', () => {
    // Figure of eight sharing the vertex (5, 5).
    expect(ringProblem([[0, 0], [5, 5], [10, 0], [10, 10], [5, 5], [0, 10]])).toBe('self-intersecting');
    // A vertex lying on a non-adjacent edge.
    expect(ringProblem([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).toBe('self-intersecting');
    // Spike: goes out to (20, 5) and back along the same line past its start.
    expect(ringProblem([[0, 0], [10, 0], [10, 5], [20, 5], [5, 5], [0, 10]])).toBe('self-intersecting');
  });

  it('is exact for nearly touching edges', () => {
    const eps = 1e-9;
    expect(ringProblem([[0, 0], [10, 0], [10, 10], [5, eps], [0, 10]])).toBeNull();
    expect(ringProblem([[0, 0], [10, 0], [10, 10], [5, -eps], [0, 10]])).toBe('self-intersecting');
  });

  it('handles a large star ring quickly and correctly', () => {
    const n = 5000;
    const star: Ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n, r = i % 2 === 0 ? 100 : 90;
      return [r * Math.cos(a), r * Math.sin(a)];
    });
    expect(ringProblem(star)).toBeNull();
    const crossed = star.slice();
    [crossed[10], crossed[2500]] = [crossed[2500]!, crossed[10]!];
    expect(ringProblem(crossed)).toBe('self-intersecting');
  });
});

describe('intersectionArea', () => {
  it('overlapping squares, with and without holes, open rings', () => {
    expect(intersectionArea([rect(0, 0, 10, 10)], [rect(5, 5, 15, 15)])).toBeCloseTo(25, 9);
    expect(intersectionArea([rect(0, 0, 10, 10), [...rect(6, 6, 8, 8)].reverse()], [rect(5, 5, 15, 15)])).toBeCloseTo(21, 9);
    expect(intersectionArea([rect(0, 0, 10, 10)], [rect(20, 20, 30, 30)])).toBe(0);
  });
});
