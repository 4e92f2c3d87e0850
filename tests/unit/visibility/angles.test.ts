/** Angle conventions: azimuth clockwise from north, wrapping, and the cone's window. */
import { describe, expect, it } from 'vitest';
import { azimuthOf, elevationOf, wrap180, wrap360 } from '../../../src/analysis/visibility/angles';
import { ConeTest } from '../../../src/analysis/visibility/cone';

describe('visibility angles', () => {
  it('measures azimuth clockwise from north and wraps', () => {
    expect(azimuthOf(0, 1)).toBe(0);
    expect(azimuthOf(1, 0)).toBe(90);
    expect(azimuthOf(0, -1)).toBe(180);
    expect(azimuthOf(-1, 0)).toBe(270);
    expect(elevationOf(1, 0, 1)).toBeCloseTo(45, 12);
    expect(wrap180(190)).toBe(-170);
    expect(wrap180(-180)).toBe(180);
    expect(wrap360(-90)).toBe(270);
    expect(wrap360(720)).toBe(0);
  });

  it('tests the cone as an azimuth × elevation window, across north too', () => {
    const c = new ConeTest({ headingDeg: 350, horizontalFovDeg: 40, pitchDeg: -10, verticalFovDeg: 20 });
    expect(c.contains(Math.sin(0.1), Math.cos(0.1), -0.1)).toBe(true);
    expect(c.contains(1, 0, -0.1)).toBe(false);
    expect(c.contains(0, 1, 0.1)).toBe(false);
    expect(c.contains(0, 1, -0.35)).toBe(true);
    expect(new ConeTest(undefined).contains(0, 0, -1)).toBe(true);
  });
});
