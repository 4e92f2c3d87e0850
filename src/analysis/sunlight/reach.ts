/**
 * Which buildings can shadow the receivers at all. A building whose top stands h above a receiver
 * can block it only while the sun is lower than atan(h / d), d the horizontal distance; the sun is
 * lowest at one end of the counting window (its altitude over a day rises to noon and falls), so
 * every building farther than h / tan(min altitude) is irrelevant. At 08:00 TST on 大寒日 in
 * Shanghai the sun stands ~12.8° high: a shadow reaches ~4.4 × the building's height. The caster
 * set depends only on the receivers and the rule, never on the camera or the loaded LOD.
 */
import type { Profile } from './profiles';
import type { CasterBuilding } from './casters';
import { sunPosition } from './solarPosition';
import { standardDay } from './solarTerms';
import { trueSolarToUtc } from './solarTime';
import type { Receiver } from './types';

export interface ReachOptions {
  /** Year of the standard day; the term's declination changes by < 0.01° from year to year. */
  year?: number;
  /** Extra horizontal margin, metres, for rounding of footprints between sources. Default 1. */
  marginM?: number;
}

const REFERENCE_YEAR = 2026;
/** Below this the reach is many kilometres: take every building rather than trust a tangent. */
const MIN_USEFUL_ALTITUDE_RAD = 0.5 * (Math.PI / 180);

/**
 * The sun's lowest altitude within the profile's window on its standard day. Altitude at a given
 * true solar time depends on latitude only (not longitude), so a nominal meridian is used.
 */
export function minSunAltitudeRad(profile: Pick<Profile, 'term' | 'windowStartTst' | 'windowEndTst'>, latDeg: number, year = REFERENCE_YEAR): number {
  const day = standardDay(year, profile.term);
  const lon = 120;
  const alt = (tst: number): number => sunPosition(trueSolarToUtc(day, tst, lon), latDeg, lon).geometricAltitudeRad;
  return Math.min(alt(profile.windowStartTst), alt(profile.windowEndTst));
}

export function castersWithinReach<B extends CasterBuilding>(
  all: readonly B[],
  receivers: readonly Receiver[],
  profile: Pick<Profile, 'term' | 'windowStartTst' | 'windowEndTst'>,
  latDeg: number,
  opts: ReachOptions = {},
): B[] {
  if (receivers.length === 0) return [];
  const margin = opts.marginM ?? 1;
  // Refraction lifts the sun a little; the geometric altitude, slightly lower, errs on the side of more casters.
  const altMin = minSunAltitudeRad(profile, latDeg, opts.year) - 0.05 * (Math.PI / 180);
  if (!(altMin > MIN_USEFUL_ALTITUDE_RAD)) return [...all];
  const tanAlt = Math.tan(altMin);

  // Floors of one window column share a plan position: test each (e, n) once.
  const seen = new Set<string>();
  const pts: number[] = [];
  let zMin = Infinity;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of receivers) {
    const [e, n, u] = r.position;
    zMin = Math.min(zMin, u);
    const key = `${Math.round(e * 10)},${Math.round(n * 10)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pts.push(e, n);
    x0 = Math.min(x0, e); x1 = Math.max(x1, e);
    y0 = Math.min(y0, n); y1 = Math.max(y1, n);
  }

  const out: B[] = [];
  for (const b of all) {
    const rise = (b.baseM ?? 0) + b.heightM - zMin;
    if (!(rise > 0)) continue;
    const reach = rise / tanAlt + margin;
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    for (const [e, n] of b.footprint) {
      bx0 = Math.min(bx0, e); bx1 = Math.max(bx1, e);
      by0 = Math.min(by0, n); by1 = Math.max(by1, n);
    }
    // Distances to the footprint's bounding box: never more than to the footprint, so no caster is lost.
    const gx = Math.max(bx0 - x1, 0, x0 - bx1), gy = Math.max(by0 - y1, 0, y0 - by1);
    const r2 = reach * reach;
    if (gx * gx + gy * gy > r2) continue;
    for (let i = 0; i < pts.length; i += 2) {
      const px = pts[i]!, py = pts[i + 1]!;
      const dx = Math.max(bx0 - px, 0, px - bx1), dy = Math.max(by0 - py, 0, py - by1);
      if (dx * dx + dy * dy <= r2) {
        out.push(b);
        break;
      }
    }
  }
  return out;
}
