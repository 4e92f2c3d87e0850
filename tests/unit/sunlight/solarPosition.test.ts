/**
 * The sun position against an independent ephemeris: Cesium's Simon et al. (1994) planetary
 * theory in the ICRF, rotated to the Earth-fixed frame with Cesium's IAU 2006/2000A (XYS) model,
 * then to Shanghai's ENU frame. Cesium ignores refraction and aberration (~0.006°), so the
 * comparison uses our geometric altitude.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Cartesian3, JulianDate, Matrix3, Matrix4, Simon1994PlanetaryPositions, Transforms } from 'cesium';
import { describe, expect, it } from 'vitest';
import { sunPosition } from '../../../src/analysis/sunlight/solarPosition';

const LAT = 31.2304;
const LON = 121.4737;
const DEG = Math.PI / 180;

/**
 * Cesium fetches its XYS tables over HTTP at run time; in Node we hand it the shipped chunks so
 * computeIcrfToFixedMatrix returns the full precession-nutation matrix instead of undefined.
 */
function loadXysChunks(chunks: number[]): void {
  const req = createRequire(import.meta.url);
  const dir = join(dirname(req.resolve('cesium/package.json')), 'Build', 'Cesium', 'Assets', 'IAU2006_XYS');
  const data = (Transforms as unknown as { iau2006XysData: { _updateChunkData(i: number, c: unknown): void } }).iau2006XysData;
  for (const i of chunks) data._updateChunkData(i, JSON.parse(readFileSync(join(dir, `IAU2006_XYS_${i}.json`), 'utf8')));
}

function cesiumSun(utcMs: number): { altitudeDeg: number; azimuthDeg: number } {
  const t = JulianDate.fromDate(new Date(utcMs));
  const icrf = Simon1994PlanetaryPositions.computeSunPositionInEarthInertialFrame(t);
  const m = Transforms.computeIcrfToFixedMatrix(t);
  if (!m) throw new Error(`Cesium XYS data missing for ${new Date(utcMs).toISOString()}`);
  const fixed = Matrix3.multiplyByVector(m, icrf, new Cartesian3());
  const site = Cartesian3.fromDegrees(LON, LAT, 0);
  const toEnu = Matrix4.inverseTransformation(Transforms.eastNorthUpToFixedFrame(site), new Matrix4());
  const enu = Matrix4.multiplyByPoint(toEnu, fixed, new Cartesian3());
  Cartesian3.normalize(enu, enu);
  return { altitudeDeg: Math.asin(enu.z) / DEG, azimuthDeg: ((Math.atan2(enu.x, enu.y) / DEG) + 360) % 360 };
}

describe('sunPosition', () => {
  // Chunk i holds days 1000·i … 1000·i + 999 after 1974-12-15 (JED 2442396.5): 2015–2035 plus margin.
  loadXysChunks([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);

  it('agrees with Cesium to ≤ 0.05° in geometric altitude and azimuth over 2015–2035', () => {
    let maxAlt = 0;
    let maxAz = 0;
    let n = 0;
    for (let year = 2015; year <= 2035; year += 2) {
      for (let month = 0; month < 12; month++) {
        for (const hourUtc of [0, 2, 4, 6, 8, 10]) {
          const utc = Date.UTC(year, month, 7 + month, hourUtc, 17 * month);
          const ours = sunPosition(utc, LAT, LON);
          const ref = cesiumSun(utc);
          if (ref.altitudeDeg < 1) continue;
          const dAlt = Math.abs(ours.geometricAltitudeRad / DEG - ref.altitudeDeg);
          // Azimuth error on the sky shrinks with cos(alt); near the zenith azimuth is ill-defined.
          const dAzRaw = Math.abs(((ours.azimuthRad / DEG - ref.azimuthDeg + 540) % 360) - 180);
          const dAz = ref.altitudeDeg > 80 ? 0 : dAzRaw;
          maxAlt = Math.max(maxAlt, dAlt);
          maxAz = Math.max(maxAz, dAz);
          n++;
        }
      }
    }
    console.info(`sunPosition vs Cesium over ${n} samples: max |Δalt| ${maxAlt.toFixed(4)}°, max |Δaz| ${maxAz.toFixed(4)}°`);
    expect(n).toBeGreaterThan(400);
    expect(maxAlt).toBeLessThanOrEqual(0.05);
    expect(maxAz).toBeLessThanOrEqual(0.05);
  });

  it('adds refraction above the geometric altitude, ~0.07° at 13°, and returns a unit ENU vector', () => {
    // 2027-01-20 08:00 TST in Shanghai is 00:04:55 UTC (solarTime.test.ts).
    const p = sunPosition(Date.UTC(2027, 0, 20, 0, 5), LAT, LON);
    const refrDeg = (p.altitudeRad - p.geometricAltitudeRad) / DEG;
    expect(refrDeg).toBeGreaterThan(0.06);
    expect(refrDeg).toBeLessThan(0.08);
    expect(p.altitudeRad / DEG).toBeCloseTo(12.9, 0);
    const [e, n, u] = p.directionEnu;
    expect(Math.hypot(e, n, u)).toBeCloseTo(1, 12);
    expect(u).toBeCloseTo(Math.sin(p.altitudeRad), 12);
    // Morning sun in winter: south-east.
    expect(p.azimuthRad / DEG).toBeGreaterThan(115);
    expect(p.azimuthRad / DEG).toBeLessThan(130);
  });

  it('puts the noon sun due south at the solstice altitude 90° − lat − 23.44°', () => {
    // Local apparent noon on 2026-12-22 in Shanghai ≈ 03:53 UTC.
    let best = { alt: -1, az: 0 };
    for (let m = 0; m < 60; m++) {
      const p = sunPosition(Date.UTC(2026, 11, 22, 3, 30 + m), LAT, LON);
      if (p.geometricAltitudeRad > best.alt) best = { alt: p.geometricAltitudeRad, az: p.azimuthRad };
    }
    expect(best.alt / DEG).toBeCloseTo(90 - LAT - 23.44, 1);
    expect(Math.abs(best.az / DEG - 180)).toBeLessThan(0.3);
  });

  it('refuses non-finite input', () => {
    expect(() => sunPosition(NaN, LAT, LON)).toThrow(RangeError);
    expect(() => sunPosition(0, 91, LON)).toThrow(RangeError);
  });
});
