import { describe, expect, it } from 'vitest';
import { horizontalArea } from '../../../src/analysis/measure/area';
import { planarArea } from '../../../src/analysis/measure/planarArea';
import type { Point3 } from '../../../src/analysis/measure/types';

const L2: [number, number][] = [[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10]];

/** Rotation about z by `yaw`, then about the new x axis by `pitch`, then a shift. */
function place(u: number, v: number, yaw: number, pitch: number, shift: Point3): Point3 {
  const y1 = v * Math.cos(pitch);
  const z1 = v * Math.sin(pitch);
  return [
    u * Math.cos(yaw) - y1 * Math.sin(yaw) + shift[0],
    u * Math.sin(yaw) + y1 * Math.cos(yaw) + shift[1],
    z1 + shift[2],
  ];
}

describe('planarArea', () => {
  it('L shape on a vertical south facade: 75 m², normal horizontal, tilt 90°', () => {
    const facade: Point3[] = L2.map(([u, v]) => [u, 20, v]);
    const r = planarArea(facade);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.areaM2).toBeCloseTo(75, 12);
    expect(Math.abs(r.value.normal[1])).toBeCloseTo(1, 12);
    expect(r.value.tiltDeg).toBeCloseTo(90, 9);
    expect(r.value.planarityDeviationM).toBe(0);
    expect(r.value.coplanar).toBe(true);
    expect(r.value.perimeterM).toBeCloseTo(40, 12);
  });

  it('L shape tilted and turned in 3D, far from the origin: still 75 m², coplanar', () => {
    const pts = L2.map(([u, v]) => place(u, v, (31 * Math.PI) / 180, (67 * Math.PI) / 180, [5123.4, -3210.9, 42.5]));
    const r = planarArea(pts);
    if (!r.ok) throw new Error(r.problem);
    expect(r.value.areaM2).toBeCloseTo(75, 9);
    expect(r.value.planarityDeviationM).toBeLessThan(1e-9);
    expect(r.value.coplanar).toBe(true);
    expect(r.value.tiltDeg).toBeCloseTo(67, 9);
    expect(Math.hypot(...r.value.normal)).toBeCloseTo(1, 12);
  });

  it('a horizontal outline gives the same area as the horizontal projection', () => {
    const pts: Point3[] = L2.map(([x, y]) => [x, y, 3]);
    const r = planarArea(pts);
    const h = horizontalArea(pts);
    if (!r.ok || !h.ok) throw new Error('refused');
    expect(r.value.areaM2).toBeCloseTo(h.value.areaM2, 12);
    expect(r.value.normal).toEqual([0, 0, 1]);
    expect(r.value.tiltDeg).toBe(0);
  });

  it('reports how far picks are off one plane: a 10 m square with a corner lifted 1 m', () => {
    const r = planarArea([[0, 0, 0], [10, 0, 0], [10, 10, 1], [0, 10, 0]]);
    if (!r.ok) throw new Error(r.problem);
    // Newell's vector is (−10, −10, 200); every vertex is 50 / |N| from the plane through the mean.
    expect(r.value.planarityDeviationM).toBeCloseTo(50 / Math.sqrt(40_200), 12);
    expect(r.value.areaM2).toBeCloseTo(Math.sqrt(40_200) / 2, 12);
    expect(r.value.coplanar).toBe(false);
    const loose = planarArea([[0, 0, 0], [10, 0, 0], [10, 10, 1], [0, 10, 0]], { planarToleranceM: 0.3 });
    expect(loose.ok && loose.value.coplanar).toBe(true);
  });

  it('refuses a bow-tie on a facade, symmetric or not', () => {
    expect(planarArea([[0, 0, 0], [10, 0, 10], [10, 0, 0], [0, 0, 10]])).toEqual({ ok: false, problem: 'self-intersecting' });
    expect(planarArea([[0, 0, 0], [10, 0, 10], [10, 0, 0], [0, 0, 4]])).toEqual({ ok: false, problem: 'self-intersecting' });
  });

  it('refuses collinear and too few points', () => {
    expect(planarArea([[0, 0, 0], [1, 2, 3], [2, 4, 6]])).toEqual({ ok: false, problem: 'zero-area' });
    expect(planarArea([[0, 0, 0], [1, 2, 3], [1, 2, 3], [0, 0, 0]])).toEqual({ ok: false, problem: 'too-few-points' });
  });

  it('rejects non-finite points and a non-finite tolerance', () => {
    expect(planarArea([[0, 0, 0], [1, 0, 0], [0, 1, NaN]])).toEqual({ ok: false, problem: 'non-finite', index: 2 });
    expect(planarArea([[0, 0, 0], [1, 0, 0], [0, 1, 0]], { planarToleranceM: NaN })).toEqual({ ok: false, problem: 'non-finite' });
  });
});
