/**
 * Sun position and the lighting it implies. suncalc 2 reports azimuth in degrees clockwise from
 * north (0 = N, 90 = E, 180 = S) and apparent altitude in degrees; older suncalc versions used
 * radians from south, so the conversion lives here, under a test, and nowhere else.
 */
import { getPosition } from 'suncalc';
import type { Vec3 } from '../../core/geodesy';

/** Used when a scene has no `sunDefault`: a summer afternoon in Shanghai, long readable shadows. */
export const DEFAULT_SUN_TIME_ISO = '2025-06-21T15:00:00+08:00';
const DEG = Math.PI / 180;

export interface SunState {
  /** Unit vector pointing from the ground towards the sun, ENU. */
  dirEnu: Vec3;
  altitudeRad: number;
  /** Clockwise from north. */
  azimuthRad: number;
}

export function resolveSunTimeMs(sunTimeMs: number | null, sunDefault: string | undefined): number {
  if (sunTimeMs !== null && Number.isFinite(sunTimeMs)) return sunTimeMs;
  const parsed = sunDefault ? Date.parse(sunDefault) : NaN;
  return Number.isFinite(parsed) ? parsed : Date.parse(DEFAULT_SUN_TIME_ISO);
}

/** Azimuth (clockwise from north) and altitude to an ENU unit vector. */
export function directionFromAzAlt(azimuthRad: number, altitudeRad: number): Vec3 {
  const c = Math.cos(altitudeRad);
  return [Math.sin(azimuthRad) * c, Math.cos(azimuthRad) * c, Math.sin(altitudeRad)];
}

export function sunPosition(timeMs: number, latDeg: number, lonDeg: number): SunState {
  const p = getPosition(new Date(timeMs), latDeg, lonDeg);
  const azimuthRad = (Number.isFinite(p.azimuth) ? p.azimuth : 180) * DEG;
  const altitudeRad = (Number.isFinite(p.altitude) ? p.altitude : 45) * DEG;
  return { dirEnu: directionFromAzAlt(azimuthRad, altitudeRad), altitudeRad, azimuthRad };
}

export type Rgb = [number, number, number];

export interface Lighting {
  sunIntensity: number;
  sunColor: Rgb;
  hemiIntensity: number;
  hemiSky: Rgb;
  hemiGround: Rgb;
  skyTop: Rgb;
  skyHorizon: Rgb;
  /** Shadows only while the sun is up: a sun under the horizon would light the underside of the ground. */
  castShadows: boolean;
}

const hex = (h: number): Rgb => [((h >> 16) & 255) / 255, ((h >> 8) & 255) / 255, (h & 255) / 255];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.min(Math.max((x - e0) / (e1 - e0), 0), 1);
  return t * t * (3 - 2 * t);
};

export const LIGHTING_PALETTE = {
  daySun: hex(0xfff4e0), lowSun: hex(0xffa060),
  daySkyTop: hex(0x4f86c6), daySkyHorizon: hex(0xd6e6f2),
  duskSkyTop: hex(0x2a3b66), duskSkyHorizon: hex(0xf0a46a),
  nightSkyTop: hex(0x060a16), nightSkyHorizon: hex(0x18223a),
  hemiSkyDay: hex(0xcfe3ff), hemiSkyNight: hex(0x6a7cab),
  hemiGround: hex(0x6b6253),
  daySunIntensity: 2.6, dayHemiIntensity: 1.1,
  /** Night keeps enough fill to read the city: a twin is used after dark too. */
  nightHemiIntensity: 0.6,
} as const;

export function lightingForAltitude(altitudeRad: number): Lighting {
  const P = LIGHTING_PALETTE;
  const altDeg = Number.isFinite(altitudeRad) ? altitudeRad / DEG : -90;
  const day = smooth(-1, 12, altDeg); // 0 when the sun is just down, 1 once it is well up
  const night = 1 - smooth(-12, 0, altDeg); // 1 in full night
  const golden = 1 - smooth(2, 20, altDeg);
  const skyTopDay = mix(P.duskSkyTop, P.daySkyTop, smooth(0, 15, altDeg));
  const skyHorizonDay = mix(P.duskSkyHorizon, P.daySkyHorizon, smooth(0, 15, altDeg));
  return {
    sunIntensity: P.daySunIntensity * day,
    sunColor: mix(P.daySun, P.lowSun, golden),
    hemiIntensity: P.nightHemiIntensity + (P.dayHemiIntensity - P.nightHemiIntensity) * (1 - night) * (0.35 + 0.65 * day),
    hemiSky: mix(P.hemiSkyDay, P.hemiSkyNight, night),
    hemiGround: P.hemiGround,
    skyTop: mix(skyTopDay, P.nightSkyTop, night),
    skyHorizon: mix(skyHorizonDay, P.nightSkyHorizon, night),
    castShadows: altDeg > 0,
  };
}

/** RGBA bytes of a vertical gradient, bottom (horizon) row first, as WebGL texture rows run. */
export function skyGradientBytes(top: Rgb, horizon: Rgb, rows: number): Uint8Array {
  const out = new Uint8Array(rows * 4);
  for (let i = 0; i < rows; i++) {
    // Most of the screen is below the horizon line in a map view, so the top colour fades in late.
    const t = Math.pow(i / Math.max(1, rows - 1), 1.6);
    const c = mix(horizon, top, t);
    out[i * 4] = Math.round(c[0] * 255);
    out[i * 4 + 1] = Math.round(c[1] * 255);
    out[i * 4 + 2] = Math.round(c[2] * 255);
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Half-size of the shadow camera for a camera at `distanceM` from its target: covers the view, never more than a few km. */
export const SHADOW_MIN_HALF_SIZE_M = 150;
export const SHADOW_MAX_HALF_SIZE_M = 2500;
export const SHADOW_MAP_SIZE = 2048;
export function shadowHalfSize(distanceM: number): number {
  const d = Number.isFinite(distanceM) ? distanceM : SHADOW_MAX_HALF_SIZE_M;
  return Math.min(Math.max(d * 1.1, SHADOW_MIN_HALF_SIZE_M), SHADOW_MAX_HALF_SIZE_M);
}
