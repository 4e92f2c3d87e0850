import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../../src/analysis/planning/gcj02';

describe('gcj02ToWgs84', () => {
  it('People’s Square, Shanghai: a pinned GCJ-02 → WGS84 pair', () => {
    // WGS84 (121.4737, 31.2304) is shown by GCJ-02 maps at (121.478223, 31.228458).
    const [lon, lat] = gcj02ToWgs84(121.478223, 31.228458);
    expect(lon).toBeCloseTo(121.4737, 5);
    expect(lat).toBeCloseTo(31.2304, 5);
    expect(Math.abs(lon - 121.4737)).toBeLessThan(1e-5);
    expect(Math.abs(lat - 31.2304)).toBeLessThan(1e-5);
  });

  it('the Shanghai offset is about 0.0045° east and 0.0019° south', () => {
    const [lon, lat] = gcj02ToWgs84(121.46, 31.18);
    expect(121.46 - lon).toBeGreaterThan(0.004);
    expect(121.46 - lon).toBeLessThan(0.005);
    expect(lat - 31.18).toBeGreaterThan(0.0015);
    expect(lat - 31.18).toBeLessThan(0.0025);
  });

  it('passes points outside China through unchanged', () => {
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
