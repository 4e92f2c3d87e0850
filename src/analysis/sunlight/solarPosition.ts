/**
 * Topocentric sun position for the sunlight engine, from astronomy-engine (Don Cross; VSOP87 for
 * the Earth, IAU 2006 precession, IAU 2000B nutation, annual aberration, light time, ΔT model,
 * parallax). Its stated accuracy for the sun is about ±1 arcminute, the same class as NREL SPA
 * (±0.0003° claimed, but SPA's input ΔT alone dominates that in practice) and far below the
 * 0.05° this analysis needs. We wrap it rather than re-implement SPA (DESIGN: use a well-kept
 * library); tests/unit/sunlight/solarPosition.test.ts checks it against Cesium's Simon 1994
 * ephemeris and IAU 2006 frames.
 *
 * Refraction: the apparent altitude adds Saemundsson's formula (Meeus, Astronomical Algorithms
 * ch. 16) for 1010 hPa and 10 °C, the formula and standard atmosphere NREL SPA uses, so light
 * that grazes over a roof arrives from where the sun appears. It lifts the sun by ~0.07° at the
 * 12.8° of 08:00 TST on 大寒日 in Shanghai. `geometricAltitudeRad` is the unrefracted value.
 */
import { AstroTime, Body, Equator, Horizon, Observer, Refraction } from 'astronomy-engine';
import type { Vec3 } from '../../core/geodesy';

const DEG = Math.PI / 180;

export interface SunPosition {
  /** Apparent (refracted) altitude above the horizon. */
  altitudeRad: number;
  /** Clockwise from north: 0 = N, π/2 = E, π = S. */
  azimuthRad: number;
  /** Unit vector from the observer towards the apparent sun, local ENU. */
  directionEnu: Vec3;
  /** Altitude without atmospheric refraction (for comparisons with geometric ephemerides). */
  geometricAltitudeRad: number;
}

/** Observers are cheap but immutable; the engine asks for one place hundreds of times. */
let lastObserver: Observer | null = null;
function observerAt(latDeg: number, lonDeg: number): Observer {
  if (!lastObserver || lastObserver.latitude !== latDeg || lastObserver.longitude !== lonDeg) {
    lastObserver = new Observer(latDeg, lonDeg, 0);
  }
  return lastObserver;
}

export function sunPosition(utcMs: number, latDeg: number, lonDeg: number): SunPosition {
  if (!Number.isFinite(utcMs) || !Number.isFinite(latDeg) || !Number.isFinite(lonDeg) || Math.abs(latDeg) > 90) {
    throw new RangeError(`sunPosition: bad input (utcMs ${utcMs}, lat ${latDeg}, lon ${lonDeg})`);
  }
  const time = new AstroTime(new Date(utcMs));
  const obs = observerAt(latDeg, lonDeg);
  // Apparent place of date (aberration on): what the observer sees, before the atmosphere.
  const eq = Equator(Body.Sun, time, obs, true, true);
  const hor = Horizon(time, obs, eq.ra, eq.dec);
  const geometricDeg = hor.altitude;
  const apparentDeg = geometricDeg + Refraction('normal', geometricDeg);
  const altitudeRad = apparentDeg * DEG;
  const azimuthRad = hor.azimuth * DEG;
  const c = Math.cos(altitudeRad);
  return {
    altitudeRad,
    azimuthRad,
    directionEnu: [Math.sin(azimuthRad) * c, Math.cos(azimuthRad) * c, Math.sin(altitudeRad)],
    geometricAltitudeRad: geometricDeg * DEG,
  };
}
