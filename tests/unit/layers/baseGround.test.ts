import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { baseGroundRect } from '../../../src/layers/ground/baseGround';

describe('baseGroundRect', () => {
  const bounds = { west: 121.44, south: 31.158, east: 121.476, north: 31.197 };
  const frame = new EnuFrame({ lonDeg: 121.458, latDeg: 31.1775, heightM: 0 });

  it('encloses every corner of the zone bounds with the margin to spare', () => {
    const r = baseGroundRect(frame, bounds, 1000);
    for (const [lon, lat] of [[bounds.west, bounds.south], [bounds.east, bounds.north], [bounds.west, bounds.north], [bounds.east, bounds.south]] as const) {
      const p = frame.lonLatToEnu(lon, lat, 0);
      expect(p[0]).toBeGreaterThanOrEqual(r.minE + 1000 - 1e-6);
      expect(p[0]).toBeLessThanOrEqual(r.maxE - 1000 + 1e-6);
      expect(p[1]).toBeGreaterThanOrEqual(r.minN + 1000 - 1e-6);
      expect(p[1]).toBeLessThanOrEqual(r.maxN - 1000 + 1e-6);
    }
  });

  it('is about the size of the bounds (3.4 km × 4.3 km here) plus twice the margin, all finite', () => {
    const r = baseGroundRect(frame, bounds, 0);
    expect(r.maxE - r.minE).toBeCloseTo(3430, -2);
    expect(r.maxN - r.minN).toBeCloseTo(4330, -2);
    for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
  });
});
