import { describe, expect, it } from 'vitest';
import { MAX_SCALE_DISTANCE_M, shotGeometry } from '../../../src/ui/export/exportCamera';
import type { ShotCamera } from '../../../src/state/viewCapture';

const FOV = (45 * Math.PI) / 180;
const H = Math.SQRT1_2;
const cam = (positionEnu: ShotCamera['positionEnu'], forwardEnu: ShotCamera['forwardEnu'], upEnu: ShotCamera['upEnu']): ShotCamera => ({
  positionEnu,
  forwardEnu,
  upEnu,
  vFovRad: FOV,
});

describe('shotGeometry', () => {
  it('straight down from 1000 m, north up: heading 0, d·2tan(fov/2)/h m/px, exact everywhere', () => {
    const g = shotGeometry(cam([0, 0, 1000], [0, 0, -1], [0, 1, 0]), 720);
    expect(g.headingRad).toBe(0);
    expect(g.metresPerPixel).toBeCloseTo((1000 * 2 * Math.tan(FOV / 2)) / 720, 12);
    expect(g.metresPerPixel).toBeCloseTo(1.150593, 6);
    expect(g.approximate).toBe(false);
  });

  it('45° down towards north from 1000 m: the centre ray meets the ground 1414 m away; 示意', () => {
    const g = shotGeometry(cam([0, -1000, 1000], [0, H, -H], [0, H, H]), 720);
    expect(g.headingRad).toBeCloseTo(0, 12);
    expect(g.metresPerPixel).toBeCloseTo((Math.SQRT2 * 1000 * 2 * Math.tan(FOV / 2)) / 720, 9);
    expect(g.approximate).toBe(true);
  });

  it('halves the metres per pixel for an image twice as tall', () => {
    const c = cam([0, -1000, 1000], [0, H, -H], [0, H, H]);
    expect(shotGeometry(c, 1440).metresPerPixel! * 2).toBeCloseTo(shotGeometry(c, 720).metresPerPixel!, 12);
  });

  it('gives compass headings for views towards east, south and west', () => {
    expect(shotGeometry(cam([0, 0, 500], [H, 0, -H], [H, 0, H]), 720).headingRad).toBeCloseTo(Math.PI / 2, 12);
    expect(shotGeometry(cam([0, 0, 500], [0, -H, -H], [0, -H, H]), 720).headingRad).toBeCloseTo(Math.PI, 12);
    expect(shotGeometry(cam([0, 0, 500], [-H, 0, -H], [-H, 0, H]), 720).headingRad).toBeCloseTo((3 * Math.PI) / 2, 12);
  });

  it('takes the heading from "up" when looking straight down', () => {
    expect(shotGeometry(cam([0, 0, 500], [0, 0, -1], [1, 0, 0]), 720).headingRad).toBeCloseTo(Math.PI / 2, 12);
  });

  it('gives no scale at or above the horizon, from under the ground, or from too far away', () => {
    expect(shotGeometry(cam([0, 0, 500], [0, 1, 0], [0, 0, 1]), 720).metresPerPixel).toBeNull();
    expect(shotGeometry(cam([0, 0, 500], [0, H, H], [0, -H, H]), 720).metresPerPixel).toBeNull();
    expect(shotGeometry(cam([0, 0, -5], [0, 0, -1], [0, 1, 0]), 720).metresPerPixel).toBeNull();
    expect(shotGeometry(cam([0, 0, MAX_SCALE_DISTANCE_M + 1], [0, 0, -1], [0, 1, 0]), 720).metresPerPixel).toBeNull();
    expect(shotGeometry({ ...cam([0, 0, 500], [0, 0, -1], [0, 1, 0]), vFovRad: Number.NaN }, 720).metresPerPixel).toBeNull();
  });
});
