import { describe, expect, it } from 'vitest';
import { KIOSK_MAX_DISTANCE_CAP_M, KIOSK_MIN_DISTANCE_M, KIOSK_MIN_ELEVATION_RAD, kioskCameraLimits } from '../../../../src/modes/kiosk/kioskCamera';

const vp = (id: string, position: [number, number, number], target: [number, number, number]) => ({ id, position, target });
const elevation = (p: { position: readonly number[]; target: readonly number[] }) =>
  Math.atan2(p.position[2]! - p.target[2]!, Math.hypot(p.position[0]! - p.target[0]!, p.position[1]! - p.target[1]!));

describe('kiosk camera limits', () => {
  it('reach every viewpoint and story pose of the scene, and not much beyond', () => {
    const scene = {
      viewpoints: [vp('overview', [0, -3000, 4000], [0, 0, 0]), vp('near', [0, -300, 300], [0, 0, 0])],
      stories: [
        {
          id: 's',
          title: { zh: 'a', en: 'a' },
          summary: { zh: 'a', en: 'a' },
          steps: [
            { pose: { position: [0, -1000, 200] as [number, number, number], target: [0, 0, 0] as [number, number, number] }, caption: { zh: 'a', en: 'a' } },
            { viewpoint: 'near', caption: { zh: 'b', en: 'b' } },
          ],
        },
      ],
    };
    const l = kioskCameraLimits(scene);
    expect(l.maxDistanceM).toBeCloseTo(5000 * 1.15, 6);
    expect(l.minDistanceM).toBe(KIOSK_MIN_DISTANCE_M);
    // The low story pose (about 11°) widens the lowest pitch to itself, no further.
    expect(l.minElevationRad).toBeCloseTo(elevation({ position: [0, -1000, 200], target: [0, 0, 0] }), 9);
    expect(l.minElevationRad).toBeLessThan(KIOSK_MIN_ELEVATION_RAD);
    expect(l.maxElevationRad).toBeGreaterThan(l.minElevationRad);
    expect(l.boundsMarginM).toBeGreaterThanOrEqual(0);
  });

  it('keeps the default pitch when every pose looks down steeply, and caps the distance', () => {
    const l = kioskCameraLimits({ viewpoints: [vp('far', [0, -20_000, 40_000], [0, 0, 0])] });
    expect(l.minElevationRad).toBe(KIOSK_MIN_ELEVATION_RAD);
    expect(l.maxDistanceM).toBe(KIOSK_MAX_DISTANCE_CAP_M);
  });

  it('never makes a viewpoint closer than the minimum unreachable', () => {
    const l = kioskCameraLimits({ viewpoints: [vp('roof', [0, -60, 60], [0, 0, 0])] });
    expect(l.minDistanceM).toBeCloseTo(Math.hypot(60, 60), 6);
    expect(l.maxDistanceM).toBeGreaterThan(l.minDistanceM);
  });
});
