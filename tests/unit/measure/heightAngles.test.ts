import { describe, expect, it } from 'vitest';
import { direction } from '../../../src/analysis/measure/angles';
import { heightAboveGround, heightDifference } from '../../../src/analysis/measure/height';
import type { Point3 } from '../../../src/analysis/measure/types';

describe('heightAboveGround', () => {
  it('subtracts a flat ground elevation', () => {
    expect(heightAboveGround([1, 2, 54.5], 4.5)).toEqual({ ok: true, value: { heightM: 50, groundM: 4.5 } });
  });

  it('samples a ground function under the point', () => {
    const slope = (x: number, y: number): number => 0.1 * x + 0 * y;
    expect(heightAboveGround([30, 0, 10], slope)).toEqual({ ok: true, value: { heightM: 7, groundM: 3 } });
  });

  it('reports a ground sampler without an answer, and non-finite points', () => {
    expect(heightAboveGround([0, 0, 1], () => NaN)).toEqual({ ok: false, problem: 'no-ground' });
    expect(heightAboveGround([0, 0, 1], Infinity)).toEqual({ ok: false, problem: 'non-finite' });
    expect(heightAboveGround([0, NaN, 1], 0)).toEqual({ ok: false, problem: 'non-finite', index: 0 });
  });
});

describe('heightDifference', () => {
  it('is signed b − a', () => {
    expect(heightDifference([0, 0, 60], [5, 5, 48])).toEqual({ ok: true, value: { deltaM: -12, absM: 12 } });
    expect(heightDifference([0, 0, NaN], [0, 0, 0])).toEqual({ ok: false, problem: 'non-finite', index: 0 });
  });
});

describe('direction', () => {
  const o: Point3 = [100, 200, 10];
  const to = (dx: number, dy: number, dz = 0): Point3 => [o[0] + dx, o[1] + dy, o[2] + dz];
  const bearing = (p: Point3): number | null => {
    const r = direction(o, p);
    if (!r.ok) throw new Error(r.problem);
    return r.value.bearingDeg;
  };

  it('N 0°, E 90°, S 180°, W 270°, clockwise from north', () => {
    expect(bearing(to(0, 10))).toBe(0);
    expect(bearing(to(10, 0))).toBe(90);
    expect(bearing(to(0, -10))).toBe(180);
    expect(bearing(to(-10, 0))).toBe(270);
  });

  it('the diagonals are 45°, 135°, 225°, 315°', () => {
    expect(bearing(to(7, 7))).toBeCloseTo(45, 12);
    expect(bearing(to(7, -7))).toBeCloseTo(135, 12);
    expect(bearing(to(-7, -7))).toBeCloseTo(225, 12);
    expect(bearing(to(-7, 7))).toBeCloseTo(315, 12);
  });

  it('never returns 360: a hair west of north wraps to 0', () => {
    const b = direction([0, 0, 0], [-1e-300, 1, 0]);
    expect(b.ok && b.value.bearingDeg).toBe(0);
  });

  it('elevation angle: 45° up, 45° down, level 0', () => {
    const up = direction(o, to(3, 4, 5));
    const down = direction(o, to(-4, 3, -5));
    const level = direction(o, to(1, 1, 0));
    if (!up.ok || !down.ok || !level.ok) throw new Error('refused');
    expect(up.value.elevationDeg).toBeCloseTo(45, 12);
    expect(down.value.elevationDeg).toBeCloseTo(-45, 12);
    expect(level.value.elevationDeg).toBe(0);
  });

  it('straight up has an elevation of 90° and no bearing', () => {
    expect(direction(o, to(0, 0, 30))).toEqual({ ok: true, value: { bearingDeg: null, elevationDeg: 90 } });
  });

  it('refuses coincident and non-finite points', () => {
    expect(direction(o, o)).toEqual({ ok: false, problem: 'coincident-points' });
    expect(direction(o, [NaN, 0, 0])).toEqual({ ok: false, problem: 'non-finite', index: 1 });
  });
});
