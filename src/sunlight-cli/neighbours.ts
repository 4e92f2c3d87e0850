/**
 * The neighbours a scheme can shade: buildings within the shadow reach of any scheme building
 * (reach = height above the lowest window / tan(the sun's lowest altitude in the window)). The
 * reverse of castersWithinReach, for 日照影响分析: whose windows must be checked before and after.
 */
import type { Profile } from '../analysis/sunlight/profiles';
import { minSunAltitudeRad } from '../analysis/sunlight/reach';
import type { StateBuilding } from './state';

function bounds(b: StateBuilding): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [e, n] of b.footprint) {
    x0 = Math.min(x0, e); x1 = Math.max(x1, e);
    y0 = Math.min(y0, n); y1 = Math.max(y1, n);
  }
  return [x0, y0, x1, y1];
}

export function shadedNeighbours(
  sources: readonly StateBuilding[], candidates: readonly StateBuilding[], profile: Profile, latDeg: number, year: number,
): StateBuilding[] {
  const tanAlt = Math.tan(Math.max(minSunAltitudeRad(profile, latDeg, year) - 0.05 * (Math.PI / 180), 0.5 * (Math.PI / 180)));
  const src = sources.map((s) => ({ bb: bounds(s), top: s.baseM + s.heightM }));
  return candidates.filter((c) => {
    const lowest = c.baseM + profile.sillHeightM;
    const [cx0, cy0, cx1, cy1] = bounds(c);
    return src.some(({ bb, top }) => {
      if (!(top > lowest)) return false;
      const gap = Math.hypot(Math.max(bb[0] - cx1, 0, cx0 - bb[2]), Math.max(bb[1] - cy1, 0, cy0 - bb[3]));
      return gap <= (top - lowest) / tanAlt + 1;
    });
  });
}
