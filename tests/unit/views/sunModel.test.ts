import { describe, expect, it } from 'vitest';
import {
  directionFromAzAlt, lightingForAltitude, resolveSunTimeMs, shadowHalfSize, SHADOW_MAX_HALF_SIZE_M, skyGradientBytes, sunPosition,
} from '../../../src/views/three/sunModel';

const SHANGHAI = { lat: 31.23, lon: 121.47 };

describe('sun position', () => {
  it('at Shanghai noon in June the sun is high in the south', () => {
    // 12:00 China Standard Time; solar noon in Shanghai is about 11:55.
    const s = sunPosition(Date.parse('2025-06-21T12:00:00+08:00'), SHANGHAI.lat, SHANGHAI.lon);
    expect(s.altitudeRad * 180 / Math.PI).toBeGreaterThan(78);
    expect(s.dirEnu[1]).toBeLessThan(0); // south
    expect(s.dirEnu[2]).toBeGreaterThan(0.97);
    expect(Math.hypot(...s.dirEnu)).toBeCloseTo(1, 12);
  });
  it('rises in the east and sets in the west', () => {
    const morning = sunPosition(Date.parse('2025-03-20T08:00:00+08:00'), SHANGHAI.lat, SHANGHAI.lon);
    const evening = sunPosition(Date.parse('2025-03-20T17:00:00+08:00'), SHANGHAI.lat, SHANGHAI.lon);
    expect(morning.dirEnu[0]).toBeGreaterThan(0.5);
    expect(evening.dirEnu[0]).toBeLessThan(-0.5);
  });
  it('is below the horizon at midnight', () => {
    const night = sunPosition(Date.parse('2025-06-21T00:00:00+08:00'), SHANGHAI.lat, SHANGHAI.lon);
    expect(night.altitudeRad).toBeLessThan(0);
    expect(lightingForAltitude(night.altitudeRad).castShadows).toBe(false);
  });
  it('converts azimuth clockwise from north', () => {
    const east = directionFromAzAlt(Math.PI / 2, 0);
    expect(east[0]).toBeCloseTo(1, 12);
    expect(east[1]).toBeCloseTo(0, 12);
    const south = directionFromAzAlt(Math.PI, 0);
    expect(south[1]).toBeCloseTo(-1, 12);
  });
});

describe('sun time', () => {
  it('uses the store value, else the scene default, else the built-in default', () => {
    expect(resolveSunTimeMs(5, '2025-01-01T00:00:00+08:00')).toBe(5);
    expect(resolveSunTimeMs(null, '2025-01-01T00:00:00+08:00')).toBe(Date.parse('2025-01-01T00:00:00+08:00'));
    expect(Number.isFinite(resolveSunTimeMs(null, undefined))).toBe(true);
    expect(Number.isFinite(resolveSunTimeMs(Number.NaN, 'garbage'))).toBe(true);
  });
});

describe('lighting', () => {
  it('is bright by day, dim at night, with no NaN', () => {
    const day = lightingForAltitude(1);
    const night = lightingForAltitude(-0.5);
    expect(day.sunIntensity).toBeGreaterThan(2);
    expect(night.sunIntensity).toBe(0);
    expect(night.hemiIntensity).toBeLessThan(day.hemiIntensity);
    for (const v of [...day.skyTop, ...night.skyHorizon, night.hemiIntensity]) expect(Number.isFinite(v)).toBe(true);
    expect(lightingForAltitude(Number.NaN).sunIntensity).toBe(0);
  });
  it('builds a gradient texture', () => {
    const g = skyGradientBytes([0, 0, 1], [1, 1, 1], 8);
    expect(g.length).toBe(32);
    expect(Array.from(g.slice(0, 4))).toEqual([255, 255, 255, 255]); // horizon at the bottom
    expect(Array.from(g.slice(28, 32))).toEqual([0, 0, 255, 255]); // sky colour at the top
  });
  it('fits the shadow camera to the view, within a few km', () => {
    expect(shadowHalfSize(10)).toBe(150);
    expect(shadowHalfSize(1000)).toBe(1100);
    expect(shadowHalfSize(1e6)).toBe(SHADOW_MAX_HALF_SIZE_M);
    expect(shadowHalfSize(Number.NaN)).toBe(SHADOW_MAX_HALF_SIZE_M);
  });
});
