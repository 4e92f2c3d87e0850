/**
 * WGS84 geodesy: geodetic (lon/lat/height) ⇄ ECEF ⇄ local ENU of a zone origin.
 * Everything in the app lives in a zone's ENU frame (metres, east/north/up);
 * ECEF only appears in the tileset root transform and in the globe view.
 */

export const WGS84_A = 6378137.0;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_B = WGS84_A * (1 - WGS84_F);
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);

export type Vec3 = [number, number, number];

export interface GeoOrigin {
  lonDeg: number;
  latDeg: number;
  heightM: number;
}

export const DEG = Math.PI / 180;

export function geodeticToEcef(lonRad: number, latRad: number, heightM: number): Vec3 {
  const sinLat = Math.sin(latRad);
  const cosLat = Math.cos(latRad);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  return [
    (n + heightM) * cosLat * Math.cos(lonRad),
    (n + heightM) * cosLat * Math.sin(lonRad),
    (n * (1 - WGS84_E2) + heightM) * sinLat,
  ];
}

/** Bowring's method with two refinement steps: sub-millimetre for terrestrial heights. */
export function ecefToGeodetic(x: number, y: number, z: number): { lonRad: number; latRad: number; heightM: number } {
  const lonRad = Math.atan2(y, x);
  const p = Math.hypot(x, y);
  let latRad = Math.atan2(z, p * (1 - WGS84_E2));
  let heightM = 0;
  for (let i = 0; i < 5; i++) {
    const sinLat = Math.sin(latRad);
    const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
    heightM = p / Math.cos(latRad) - n;
    latRad = Math.atan2(z, p * (1 - (WGS84_E2 * n) / (n + heightM)));
  }
  return { lonRad, latRad, heightM };
}

/** Row-major 3×3 rotation whose rows are the east, north and up unit vectors in ECEF. */
export function enuBasis(lonRad: number, latRad: number): { east: Vec3; north: Vec3; up: Vec3 } {
  const sl = Math.sin(lonRad), cl = Math.cos(lonRad);
  const sp = Math.sin(latRad), cp = Math.cos(latRad);
  return {
    east: [-sl, cl, 0],
    north: [-sp * cl, -sp * sl, cp],
    up: [cp * cl, cp * sl, sp],
  };
}

/** A zone's local frame. Construct once per zone; conversions are allocation-light. */
export class EnuFrame {
  readonly origin: GeoOrigin;
  readonly originEcef: Vec3;
  readonly east: Vec3;
  readonly north: Vec3;
  readonly up: Vec3;

  constructor(origin: GeoOrigin) {
    this.origin = origin;
    const lon = origin.lonDeg * DEG, lat = origin.latDeg * DEG;
    this.originEcef = geodeticToEcef(lon, lat, origin.heightM);
    const b = enuBasis(lon, lat);
    this.east = b.east;
    this.north = b.north;
    this.up = b.up;
  }

  ecefToEnu(x: number, y: number, z: number, out: Vec3 = [0, 0, 0]): Vec3 {
    const dx = x - this.originEcef[0], dy = y - this.originEcef[1], dz = z - this.originEcef[2];
    const e = this.east, n = this.north, u = this.up;
    out[0] = e[0] * dx + e[1] * dy + e[2] * dz;
    out[1] = n[0] * dx + n[1] * dy + n[2] * dz;
    out[2] = u[0] * dx + u[1] * dy + u[2] * dz;
    return out;
  }

  enuToEcef(east: number, north: number, up: number, out: Vec3 = [0, 0, 0]): Vec3 {
    const e = this.east, n = this.north, u = this.up, o = this.originEcef;
    out[0] = o[0] + e[0] * east + n[0] * north + u[0] * up;
    out[1] = o[1] + e[1] * east + n[1] * north + u[1] * up;
    out[2] = o[2] + e[2] * east + n[2] * north + u[2] * up;
    return out;
  }

  /** Exact geodetic → ENU (through ECEF). */
  lonLatToEnu(lonDeg: number, latDeg: number, heightM = 0, out: Vec3 = [0, 0, 0]): Vec3 {
    const p = geodeticToEcef(lonDeg * DEG, latDeg * DEG, heightM);
    return this.ecefToEnu(p[0], p[1], p[2], out);
  }

  enuToLonLat(east: number, north: number, up = 0): { lonDeg: number; latDeg: number; heightM: number } {
    const p = this.enuToEcef(east, north, up);
    const g = ecefToGeodetic(p[0], p[1], p[2]);
    return { lonDeg: g.lonRad / DEG, latDeg: g.latRad / DEG, heightM: g.heightM };
  }

  /** Column-major 4×4 ENU → ECEF, as 3D Tiles `transform` and three.js `Matrix4.fromArray` expect. */
  enuToEcefMatrix(): number[] {
    const e = this.east, n = this.north, u = this.up, o = this.originEcef;
    return [e[0], e[1], e[2], 0, n[0], n[1], n[2], 0, u[0], u[1], u[2], 0, o[0], o[1], o[2], 1];
  }

  /** Column-major 4×4 ECEF → ENU (inverse of the rigid transform above). */
  ecefToEnuMatrix(): number[] {
    const e = this.east, n = this.north, u = this.up, o = this.originEcef;
    const tx = -(e[0] * o[0] + e[1] * o[1] + e[2] * o[2]);
    const ty = -(n[0] * o[0] + n[1] * o[1] + n[2] * o[2]);
    const tz = -(u[0] * o[0] + u[1] * o[1] + u[2] * o[2]);
    return [e[0], n[0], u[0], 0, e[1], n[1], u[1], 0, e[2], n[2], u[2], 0, tx, ty, tz, 1];
  }
}

/** Distance on the ellipsoid surface between two nearby points via ENU (good to ~1e-6 relative within a zone). */
export function localDistanceM(frame: EnuFrame, aLonDeg: number, aLatDeg: number, bLonDeg: number, bLatDeg: number): number {
  const a = frame.lonLatToEnu(aLonDeg, aLatDeg);
  const b = frame.lonLatToEnu(bLonDeg, bLatDeg);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
