/**
 * Shadow-study geometry on shapes whose shadow is known in closed form (a box, a raised slab, a
 * courtyard block), a concave footprint against a brute-force sweep, and the sun path and
 * envelope against hand-computed solar geometry for Shanghai.
 */
import { describe, expect, it } from 'vitest';
import { pointInPolygon, ringBounds } from '../../../src/analysis/planning/polygon';
import type { Ring } from '../../../src/analysis/planning/types';
import { groundShadow, hourMarks, ringsArea, shadowEnvelope, shadowEnvelopePolygons, sunPath, windowTimes, type ShadowPrism } from '../../../src/analysis/sunlight/shadowStudy';
import { standardDay } from '../../../src/analysis/sunlight/solarTerms';

const DEG = Math.PI / 180;
const LAT = 31.2304;
const LON = 121.4737;
const box = (x0: number, y0: number, w: number, d: number): Ring => [[x0, y0], [x0 + w, y0], [x0 + w, y0 + d], [x0, y0 + d]];
/** Unit vector towards a sun at altitude/azimuth (from north, clockwise), ENU. */
const sunDir = (altDeg: number, azDeg: number): [number, number, number] => [
  Math.sin(azDeg * DEG) * Math.cos(altDeg * DEG), Math.cos(azDeg * DEG) * Math.cos(altDeg * DEG), Math.sin(altDeg * DEG),
];

/** Brute force: x is shadowed if x − t·offset lies in the footprint for some t in [lo, hi]. */
function bruteShadowed(p: [number, number], b: ShadowPrism, off: [number, number], lo: number, hi: number): boolean {
  for (let k = 0; k <= 200; k++) {
    const t = lo + ((hi - lo) * k) / 200;
    if (pointInPolygon([p[0] - off[0] * t, p[1] - off[1] * t], b.footprint, b.holes ?? [])) return true;
  }
  return false;
}

function inRings(p: [number, number], rings: Ring[]): boolean {
  // Flat rings (outer CCW, holes CW): inside an outer and in none of the holes.
  let inside = false;
  for (const r of rings) {
    const isHole = ringsArea([r]) < 0;
    if (pointInPolygon(p, r)) {
      if (isHole) return false;
      inside = true;
    }
  }
  return inside;
}

describe('groundShadow', () => {
  it('a 10 m cube under a 45° sun due south casts 10 m northwards: 10 × 20 = 200 m²', () => {
    const s = groundShadow({ footprint: box(0, 0, 10, 10), heightM: 10 }, sunDir(45, 180));
    expect(s).toHaveLength(1);
    expect(ringsArea(s)).toBeCloseTo(200, 6);
    const [x0, y0, x1, y1] = ringBounds(s[0]!);
    expect([x0, y0, x1, y1].map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([0, 0, 10, 20]);
  });

  it('an oblique sun gives the hexagon a² + a(|Δx| + |Δy|)', () => {
    // Sun in the south-east at 30°: the shadow is h·cot(30°) long, towards the north-west.
    const h = 12, len = h / Math.tan(30 * DEG);
    const dx = len * Math.sin(135 * DEG), dy = len * Math.cos(135 * DEG);
    const s = groundShadow({ footprint: box(0, 0, 10, 10), heightM: h }, sunDir(30, 135));
    expect(ringsArea(s)).toBeCloseTo(100 + 10 * (Math.abs(dx) + Math.abs(dy)), 4);
    expect(ringBounds(s[0]!)[0]).toBeCloseTo(-len * Math.sin(135 * DEG), 4);
  });

  it('a slab raised on its base casts a shadow detached from its footprint', () => {
    // Prism from 5 m to 10 m, sun at 45° due south: the shadow spans y = 5 … 20.
    const s = groundShadow({ footprint: box(0, 0, 10, 10), heightM: 5, baseM: 5 }, sunDir(45, 180));
    expect(ringsArea(s)).toBeCloseTo(150, 6);
    expect(ringBounds(s[0]!)[1]).toBeCloseTo(5, 6);
    // On a plane at its own base the same slab stands on the ground again.
    expect(ringsArea(groundShadow({ footprint: box(0, 0, 10, 10), heightM: 5, baseM: 5 }, sunDir(45, 180), 5))).toBeCloseTo(150, 6);
  });

  it('a courtyard keeps the sunlit part of its hole (clockwise, subtracted)', () => {
    const b: ShadowPrism = { footprint: box(0, 0, 30, 30), holes: [box(10, 10, 10, 10).reverse()], heightM: 5 };
    const s = groundShadow(b, sunDir(45, 180));
    // 30 × 35 outline minus the courtyard's unshaded 10 × 5 at its north end.
    expect(ringsArea(s)).toBeCloseTo(30 * 35 - 50, 4);
    expect(s.filter((r) => ringsArea([r]) < 0)).toHaveLength(1);
    // A taller block shades the whole courtyard.
    expect(ringsArea(groundShadow({ ...b, heightM: 10 }, sunDir(45, 180)))).toBeCloseTo(30 * 40, 4);
  });

  it('a concave footprint matches a brute-force sweep point by point', () => {
    // An L with a notch, under a low south-east sun: many edges face both ways.
    const l: ShadowPrism = { footprint: [[0, 0], [40, 0], [40, 8], [14, 8], [14, 20], [22, 20], [22, 30], [0, 30]], heightM: 9 };
    const dir = sunDir(20, 140);
    const off: [number, number] = [-dir[0] / dir[2], -dir[1] / dir[2]];
    const s = groundShadow(l, dir);
    let mismatches = 0, checked = 0;
    for (let x = -40.25; x < 45; x += 2) {
      for (let y = -5.25; y < 60; y += 2) {
        checked++;
        if (inRings([x, y], s) !== bruteShadowed([x, y], l, off, 0, l.heightM)) mismatches++;
      }
    }
    // The brute force samples t at 1/200 steps; allow a point or two on the shadow's boundary.
    expect(checked).toBeGreaterThan(1200);
    expect(mismatches).toBeLessThanOrEqual(2);
  });

  it('rejects a sun below the horizon and ignores prisms that cannot cast', () => {
    expect(() => groundShadow({ footprint: box(0, 0, 10, 10), heightM: 10 }, sunDir(-1, 180))).toThrow(RangeError);
    expect(groundShadow({ footprint: box(0, 0, 10, 10), heightM: 0 }, sunDir(45, 180))).toEqual([]);
    expect(groundShadow({ footprint: [[0, 0], [1, 1]], heightM: 10 }, sunDir(45, 180))).toEqual([]);
    expect(groundShadow({ footprint: box(0, 0, 10, 10), heightM: 3, baseM: -5 }, sunDir(45, 180))).toEqual([]);
  });
});

describe('sunPath and hourMarks', () => {
  const solstice = standardDay(2025, 'dongzhi');

  it('covers the day from horizon to horizon, culminating at true solar noon', () => {
    const path = sunPath(LAT, LON, solstice, 5);
    expect(path.every((p) => p.altitudeRad > 0)).toBe(true);
    // The bisected end points lie on the horizon, not a step above it.
    expect(path[0]!.altitudeRad / DEG).toBeLessThan(0.01);
    expect(path[path.length - 1]!.altitudeRad / DEG).toBeLessThan(0.01);
    const top = path.reduce((a, b) => (b.altitudeRad > a.altitudeRad ? b : a));
    expect(Math.abs(top.tstHours - 12)).toBeLessThan(5 / 60 + 1e-9);
    // 90° − φ + δ with δ = −23.44° on 冬至 (plus ~0.02° of refraction at 35°).
    expect(top.altitudeRad / DEG).toBeCloseTo(90 - LAT - 23.44, 0);
    // Day length about 10 h 8 min at 31.2° N on the winter solstice, symmetric about noon.
    const rise = path[0]!.tstHours, set = path[path.length - 1]!.tstHours;
    expect(set - rise).toBeGreaterThan(10.05);
    expect(set - rise).toBeLessThan(10.3);
    expect(Math.abs(rise + set - 24)).toBeLessThan(0.02);
    for (let i = 1; i < path.length; i++) expect(path[i]!.utcMs).toBeGreaterThan(path[i - 1]!.utcMs);
  });

  it('marks whole TST hours while the sun is up; noon is due south', () => {
    const marks = hourMarks(LAT, LON, solstice);
    expect(marks.map((m) => m.tstHours)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    const noon = marks.find((m) => m.tstHours === 12)!;
    expect(noon.azimuthRad / DEG).toBeCloseTo(180, 1);
    expect(() => sunPath(LAT, LON, solstice, 0)).toThrow(RangeError);
  });

  it('is empty in polar night and full in polar day', () => {
    expect(sunPath(80, 0, solstice, 60)).toEqual([]);
    expect(sunPath(-80, 0, solstice, 60)).toHaveLength(25);
  });
});

describe('shadowEnvelope', () => {
  const dahan = { term: 'dahan' as const, windowStartTst: 8, windowEndTst: 16 };
  const cube: ShadowPrism = { footprint: box(0, 0, 10, 10), heightM: 10 };

  it('steps from the window start to its end inclusive', () => {
    expect(windowTimes(8, 16, 60)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(windowTimes(8, 8.75, 30)).toEqual([8, 8.5, 8.75]);
  });

  it('a 10 m cube on 大寒日 in Shanghai lies within hand-computed area bounds', () => {
    /*
     * By hand (δ ≈ −20.2° on 大寒, φ = 31.23°): at 08:00 and 16:00 TST (H = ∓60°) the sun is
     * 12.84° high at azimuth 123.5° / 236.5°, so the shadow is 43.9 m long with offsets
     * (∓36.6, +24.25) m; at noon it is 38.6° high and the shadow 12.55 m due north.
     * Lower bound: the union of the 08:00 and 16:00 shadows, 2 × (100 + 10 × (36.6 + 24.25))
     * minus their overlap (the footprint plus a 16.6 m² wedge north of it) ≈ 1300 m².
     * Upper bound: every shadow tip lies in the triangle (0, o₈, o₁₆), so the envelope lies in
     * the footprint ⊕ that triangle: 100 + 10 × (73.2 + 24.25) + ½ × 73.2 × 24.25 ≈ 1962 m².
     */
    const env = shadowEnvelope([cube], dahan, LAT, LON, 2025);
    const area = ringsArea(env);
    expect(area).toBeGreaterThan(1300 * 0.97);
    expect(area).toBeLessThan(1962 * 1.03);
    const [x0, y0, x1, y1] = env.map(ringBounds).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
    expect(x0).toBeCloseTo(-36.6, -0.5);
    expect(x1).toBeCloseTo(10 + 36.6, -0.5);
    expect(y0).toBeCloseTo(0, 6);
    expect(y1).toBeCloseTo(10 + 24.25, -0.5);
    // Noon's shadow tip (12.55 m north of the north wall) is inside.
    expect(inRings([5, 10 + 12], env)).toBe(true);
    // The shadow never reaches south of the footprint in winter.
    expect(inRings([5, -1], env)).toBe(false);
  });

  it('a finer step only adds area (its times include the coarser ones)', () => {
    const coarse = ringsArea(shadowEnvelope([cube], dahan, LAT, LON, 2025, 60));
    const fine = ringsArea(shadowEnvelope([cube], dahan, LAT, LON, 2025, 15));
    expect(fine).toBeGreaterThanOrEqual(coarse - 1e-6);
    expect(fine - coarse).toBeLessThan(0.1 * coarse);
  });

  it('separate buildings give separate polygons, merged where their shadows meet', () => {
    const far = shadowEnvelopePolygons([cube, { footprint: box(500, 0, 10, 10), heightM: 10 }], dahan, LAT, LON, 2025, 30);
    expect(far).toHaveLength(2);
    const near = shadowEnvelopePolygons([cube, { footprint: box(20, 0, 10, 10), heightM: 10 }], dahan, LAT, LON, 2025, 30);
    expect(near).toHaveLength(1);
    expect(shadowEnvelope([], dahan, LAT, LON, 2025)).toEqual([]);
  });
});
