/**
 * Shadow study (日照阴影分析) geometry: the sun path of a day for a sun-path diagram, the exact
 * ground shadow of an extruded building, and a scheme's shadow envelope over a profile's analysis
 * window. Pure and Node-testable; the browser draws what these return.
 *
 * Geometry is in the zone's ENU frame, metres. Returned shadows follow the planning convention
 * (src/analysis/planning/types.ts): open rings, outer rings counter-clockwise, holes clockwise, so
 * a flat Ring[] can be summed by signed area; `shadowEnvelopePolygons` keeps the grouping of
 * holes with their outer ring for triangulation.
 */
import { normaliseRing, ringSignedArea, unionAll, type MultiPolygonRings, type PolygonRings } from '../planning/polygon';
import type { Ring } from '../planning/types';
import { sunPosition } from './solarPosition';
import { standardDay, type SolarTerm } from './solarTerms';
import { trueSolarToUtc, type YmdDate } from './solarTime';

export type CalendarDay = YmdDate;

export interface SunSample {
  utcMs: number;
  /** Local true solar time, hours (0–24). */
  tstHours: number;
  altitudeRad: number;
  /** From north, clockwise. */
  azimuthRad: number;
}

/**
 * A building as the shadow study sees it: a prism from its base elevation baseM (default 0) up to
 * baseM + heightM, the convention of the tiler and the receivers (heightM is above the base).
 */
export interface ShadowPrism {
  footprint: Ring;
  holes?: readonly Ring[];
  heightM: number;
  baseM?: number;
}

/** What the envelope needs of a rule profile (a resolved profile from profiles.ts fits). */
export interface EnvelopeProfile {
  term: SolarTerm;
  windowStartTst: number;
  windowEndTst: number;
}

/** Bisection steps for sunrise/sunset: 2⁻²⁰ of a step is far below a second. */
const HORIZON_BISECTIONS = 20;
/**
 * Default envelope step. The envelope is a drawing, not a verdict: a step only leaves thin slivers
 * between consecutive shadow tips uncovered (1 % of a box's envelope at 10 min against 1 min), and
 * 10 min keeps a shipped West Bund scheme (4–12 buildings) at 0.2–0.8 s.
 */
export const ENVELOPE_STEP_MIN = 10;

function sample(day: CalendarDay, tstHours: number, latDeg: number, lonDeg: number): SunSample {
  const utcMs = trueSolarToUtc(day, tstHours, lonDeg);
  const s = sunPosition(utcMs, latDeg, lonDeg);
  return { utcMs, tstHours, altitudeRad: s.altitudeRad, azimuthRad: s.azimuthRad };
}

/**
 * The sun's path over one day, from the TST grid 0, step, 2·step … 24 h, keeping the samples above
 * the horizon. Where the sun crosses the horizon between two grid samples, the crossing itself is
 * found by bisection and included, so a diagram's path starts and ends on the horizon rather than
 * up to a step above it. Polar day yields the whole grid, polar night an empty path.
 */
export function sunPath(latDeg: number, lonDeg: number, day: CalendarDay, stepMin: number): SunSample[] {
  if (!(stepMin > 0) || !Number.isFinite(stepMin)) throw new RangeError(`sunPath: stepMin must be a positive number, got ${stepMin}`);
  const stepH = stepMin / 60;
  const n = Math.ceil(24 / stepH - 1e-9);
  const out: SunSample[] = [];
  let prev: SunSample | null = null;
  for (let i = 0; i <= n; i++) {
    const cur = sample(day, Math.min(24, i * stepH), latDeg, lonDeg);
    if (prev && prev.altitudeRad > 0 !== cur.altitudeRad > 0) out.push(horizonCrossing(prev, cur, day, latDeg, lonDeg));
    if (cur.altitudeRad > 0) out.push(cur);
    prev = cur;
  }
  return out;
}

function horizonCrossing(a: SunSample, b: SunSample, day: CalendarDay, latDeg: number, lonDeg: number): SunSample {
  let lo = a, hi = b;
  for (let k = 0; k < HORIZON_BISECTIONS; k++) {
    const mid = sample(day, (lo.tstHours + hi.tstHours) / 2, latDeg, lonDeg);
    if (mid.altitudeRad > 0 === lo.altitudeRad > 0) lo = mid;
    else hi = mid;
  }
  // The sample on the lit side, so every point of the path is at or just above the horizon.
  return lo.altitudeRad > 0 ? lo : hi;
}

/** The sun at each whole TST hour of the day while it is above the horizon (diagram hour labels). */
export function hourMarks(latDeg: number, lonDeg: number, day: CalendarDay): SunSample[] {
  const out: SunSample[] = [];
  for (let h = 0; h <= 24; h++) {
    const s = sample(day, h, latDeg, lonDeg);
    if (s.altitudeRad > 0) out.push(s);
  }
  return out;
}

/**
 * Ground offset of a point at height 1 m: the shadow falls away from the sun, h/tan(alt) along
 * the sun's horizontal direction, which for a direction (e, n, u) is simply −h·(e/u, n/u).
 */
function unitShadowOffset(sunDirEnu: readonly [number, number, number]): [number, number] {
  const [e, n, u] = sunDirEnu;
  if (!(u > 0) || !Number.isFinite(e) || !Number.isFinite(n)) {
    throw new RangeError(`groundShadow: the sun must be above the horizon (direction up = ${u}); below it the shadow is unbounded`);
  }
  return [-e / u, -n / u];
}

const translate = (r: Ring, dx: number, dy: number): Ring => r.map(([x, y]) => [x + dx, y + dy]);

/**
 * The parts whose union is the prism's ground shadow: the base outline moved to where its shadow
 * falls, plus, for every edge, the quad it sweeps as the height grows from base to top. Only the
 * edges the sweep leaves the solid through (outward normal · offset > 0) are kept: a point of the
 * sweep that is not in the base outline was last left through such an edge, so it lies in that
 * edge's quad, and the other half of the quads (and the translated top) add nothing.
 */
function shadowParts(b: ShadowPrism, off: [number, number], groundM: number): PolygonRings[] {
  const base = b.baseM ?? 0;
  // Only the part of the prism above the receiving plane casts onto it.
  const lo = Math.max(base, groundM) - groundM, hi = base + b.heightM - groundM;
  const outer = normaliseRing(b.footprint, 'outer');
  const holes = (b.holes ?? []).map((h) => normaliseRing(h, 'hole'));
  const b0x = off[0] * lo, b0y = off[1] * lo;
  const dx = off[0] * (hi - lo), dy = off[1] * (hi - lo);
  const start = [translate(outer, b0x, b0y), ...holes.map((h) => translate(h, b0x, b0y))];
  const parts: PolygonRings[] = [start];
  if (dx === 0 && dy === 0) return parts;
  for (const ring of start) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = ring[i]!;
      const [bx, by] = ring[(i + 1) % n]!;
      // Solid on the left of a→b (outer CCW, holes CW), so the outward normal is (Δy, −Δx).
      if ((by - ay) * dx - (bx - ax) * dy <= 0) continue;
      parts.push([[[ax, ay], [bx, by], [bx + dx, by + dy], [ax + dx, ay + dy]]]);
    }
  }
  return parts;
}

function prismOk(b: ShadowPrism, groundM: number): boolean {
  const base = b.baseM ?? 0;
  return Number.isFinite(b.heightM) && Number.isFinite(base) && b.heightM > 0 && base + b.heightM > groundM && b.footprint.length >= 3;
}

/** Flattens disjoint polygons into open rings, outer CCW and holes CW (see the file comment). */
export function flattenRings(mp: MultiPolygonRings): Ring[] {
  const out: Ring[] = [];
  for (const [outer, ...holes] of mp) {
    if (!outer) continue;
    out.push(normaliseRing(outer, 'outer'));
    for (const h of holes) out.push(normaliseRing(h, 'hole'));
  }
  return out;
}

/**
 * Exact shadow of an extruded prism on the horizontal plane at groundM (the zone datum by
 * default) under a sun above the horizon (sunDirEnu points at the sun). The shadow of a prism is
 * its outline swept along the shadow offset from its lowest to its top height above the plane:
 * the Minkowski sum of the outline and a segment, built as a union of simple parts. A prism
 * standing on the plane includes its footprint; one raised above it (baseM > groundM) does not.
 * A prism with no height above the plane, or a degenerate footprint, casts nothing.
 */
export function groundShadow(building: ShadowPrism, sunDirEnu: readonly [number, number, number], groundM = 0): Ring[] {
  const off = unitShadowOffset(sunDirEnu);
  if (!prismOk(building, groundM)) return [];
  return flattenRings(unionAll(shadowParts(building, off, groundM)));
}

/** Total area of a flat ring list in the orientation convention above (holes subtract). */
export function ringsArea(rings: readonly Ring[]): number {
  let a = 0;
  for (const r of rings) a += ringSignedArea(r);
  return a;
}

/** TST instants of the window start, start + step, …, and the window end itself. */
export function windowTimes(startTst: number, endTst: number, stepMin: number): number[] {
  const out: number[] = [];
  const stepH = stepMin / 60;
  for (let t = startTst; t < endTst - 1e-9; t += stepH) out.push(t);
  out.push(endTst);
  return out;
}

/**
 * Union of many small polygons as a balanced tree of pairwise unions. One flat union of a whole
 * day's shadows is quadratic in practice (every long shadow crosses every other: 30 s for one box
 * at 1-min steps); merged neighbour by neighbour, each step's intermediate envelope stays a
 * simple outline, so the cost grows as n log n.
 */
function unionTree(parts: readonly MultiPolygonRings[]): MultiPolygonRings {
  if (parts.length <= 4) return unionAll(parts);
  const mid = parts.length >> 1;
  return unionAll([unionTree(parts.slice(0, mid)), unionTree(parts.slice(mid))]);
}

/**
 * The shadow envelope of a set of buildings (a scheme): the union of their ground shadows at each
 * step of the profile's analysis window on its standard day, as disjoint polygons. Steps with the
 * sun at or below the horizon are skipped (they cannot occur in the shipped profiles' windows).
 */
export function shadowEnvelopePolygons(
  buildings: readonly ShadowPrism[], profile: EnvelopeProfile, latDeg: number, lonDeg: number, year: number,
  stepMin = ENVELOPE_STEP_MIN, groundM = 0,
): MultiPolygonRings {
  if (!(stepMin > 0)) throw new RangeError(`shadowEnvelope: stepMin must be positive, got ${stepMin}`);
  const day = standardDay(year, profile.term);
  const offsets: [number, number][] = [];
  for (const tst of windowTimes(profile.windowStartTst, profile.windowEndTst, stepMin)) {
    const dir = sunPosition(trueSolarToUtc(day, tst, lonDeg), latDeg, lonDeg).directionEnu;
    if (dir[2] > 0) offsets.push(unitShadowOffset(dir));
  }
  const perStep: MultiPolygonRings[] = [];
  for (const b of buildings) {
    if (!prismOk(b, groundM)) continue;
    for (const off of offsets) perStep.push(unionAll(shadowParts(b, off, groundM)));
  }
  return unionTree(perStep);
}

/** `shadowEnvelopePolygons` flattened to rings (outer CCW, holes CW). */
export function shadowEnvelope(
  buildings: readonly ShadowPrism[], profile: EnvelopeProfile, latDeg: number, lonDeg: number, year: number,
  stepMin = ENVELOPE_STEP_MIN, groundM = 0,
): Ring[] {
  return flattenRings(shadowEnvelopePolygons(buildings, profile, latDeg, lonDeg, year, stepMin, groundM));
}
