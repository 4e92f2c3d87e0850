import { describe, expect, it } from 'vitest';
import { Cartesian3, Cartographic, Matrix4, Transforms } from 'cesium';
import { DEG, EnuFrame, ecefToGeodetic, geodeticToEcef } from '../../../src/core/geodesy';

// Zone-like origins (Anting, West Bund, Yangpu riverside) plus stress cases far from Shanghai.
const ORIGINS = [
  { lonDeg: 121.1668, latDeg: 31.2867, heightM: 4 },
  { lonDeg: 121.4653, latDeg: 31.1764, heightM: 0 },
  { lonDeg: 121.5296, latDeg: 31.2583, heightM: 0 },
  { lonDeg: -73.98, latDeg: 40.75, heightM: 120 },
  { lonDeg: 10, latDeg: -80, heightM: 2500 },
];

describe('geodeticToEcef matches Cesium', () => {
  for (const o of ORIGINS) {
    it(`at ${o.lonDeg}, ${o.latDeg}`, () => {
      const ours = geodeticToEcef(o.lonDeg * DEG, o.latDeg * DEG, o.heightM);
      const cesium = Cartesian3.fromDegrees(o.lonDeg, o.latDeg, o.heightM);
      expect(ours[0]).toBeCloseTo(cesium.x, 6);
      expect(ours[1]).toBeCloseTo(cesium.y, 6);
      expect(ours[2]).toBeCloseTo(cesium.z, 6);
    });
  }
});

describe('ecefToGeodetic round trip and Cesium agreement', () => {
  for (const o of ORIGINS) {
    it(`at ${o.lonDeg}, ${o.latDeg}`, () => {
      const p = geodeticToEcef(o.lonDeg * DEG, o.latDeg * DEG, o.heightM);
      const g = ecefToGeodetic(p[0], p[1], p[2]);
      const c = Cartographic.fromCartesian(new Cartesian3(p[0], p[1], p[2]));
      expect(g.lonRad).toBeCloseTo(c.longitude, 11);
      expect(g.latRad).toBeCloseTo(c.latitude, 11);
      expect(g.heightM).toBeCloseTo(c.height, 4);
      expect(g.heightM).toBeCloseTo(o.heightM, 4);
    });
  }
});

describe('EnuFrame', () => {
  it('ENU→ECEF matrix equals Cesium eastNorthUpToFixedFrame', () => {
    for (const o of ORIGINS) {
      const ours = new EnuFrame(o).enuToEcefMatrix();
      const m = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(o.lonDeg, o.latDeg, o.heightM));
      const theirs = Matrix4.toArray(m);
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i] as number, 6));
    }
  });

  it('ecefToEnuMatrix is the inverse of enuToEcefMatrix', () => {
    const f = new EnuFrame(ORIGINS[0]!);
    const a = Matrix4.fromArray(f.enuToEcefMatrix());
    const b = Matrix4.fromArray(f.ecefToEnuMatrix());
    const id = Matrix4.toArray(Matrix4.multiply(b, a, new Matrix4()));
    Matrix4.toArray(Matrix4.IDENTITY).forEach((v, i) => expect(id[i]).toBeCloseTo(v, 9));
  });

  it('maps the origin to 0,0,0 and a point 1 km east to ~[1000, 0, -0.08]', () => {
    const o = ORIGINS[0]!;
    const f = new EnuFrame(o);
    const zero = f.lonLatToEnu(o.lonDeg, o.latDeg, o.heightM);
    zero.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-6));
    // Longitude step for 1 km east at this latitude, using Cesium's own radii.
    const east = Cartesian3.fromDegrees(o.lonDeg, o.latDeg, o.heightM);
    const enu = Transforms.eastNorthUpToFixedFrame(east);
    const target = Matrix4.multiplyByPoint(enu, new Cartesian3(1000, 0, 0), new Cartesian3());
    const c = Cartographic.fromCartesian(target);
    const p = f.lonLatToEnu(c.longitude / DEG, c.latitude / DEG, c.height);
    expect(p[0]).toBeCloseTo(1000, 3);
    expect(Math.abs(p[1])).toBeLessThan(1e-3);
    expect(Math.abs(p[2])).toBeLessThan(1e-3);
    // On the ellipsoid surface, 1 km east drops below the tangent plane by about d²/2R ≈ 7.9 cm.
    const surface = f.lonLatToEnu(c.longitude / DEG, c.latitude / DEG, o.heightM);
    expect(surface[2]).toBeCloseTo(-0.0785, 2);
  });

  it('enuToLonLat inverts lonLatToEnu within a millimetre over a 10 km zone', () => {
    const f = new EnuFrame(ORIGINS[1]!);
    for (const [e, n, u] of [[5000, -3000, 12], [-4999, 4999, 0], [0.5, 0.5, 300]] as const) {
      const g = f.enuToLonLat(e, n, u);
      const back = f.lonLatToEnu(g.lonDeg, g.latDeg, g.heightM);
      expect(back[0]).toBeCloseTo(e, 3);
      expect(back[1]).toBeCloseTo(n, 3);
      expect(back[2]).toBeCloseTo(u, 3);
    }
  });
});
