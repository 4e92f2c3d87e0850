/**
 * 控规 indicators of one state (the existing buildings, or a scheme) on one plot.
 *
 * Straddling rule (a building partly outside the plot):
 * - Area-based indicators count only the part inside the plot. Each footprint is clipped to the
 *   plot (holes excluded), so a building half outside contributes half its footprint to the
 *   density and half its GFA to the FAR.
 * - Building count: a building counts when at least 50 % of its own footprint area lies inside the
 *   plot (exactly half counts). A building shared by two plots thus counts on the plot holding the
 *   larger part, on both if it is split exactly in half, and on neither if no plot holds half.
 * - Max height: the tallest building with any part (positive area) inside the plot; touching
 *   the boundary along an edge or at a corner does not count.
 *
 * Simplification (documented in docs/planning-indicators.md): GFA 计容建筑面积 is the clipped
 * footprint times the floors, i.e. every storey has the footprint's area. There are no 不计容
 * deductions (basements, open balconies, refuge floors) and no podium/tower setbacks unless the
 * scheme models them as separate buildings. Footprints of different buildings are summed as given:
 * a scheme that models a tower and its podium as overlapping buildings counts the overlap twice.
 */
import { intersect, multiPolygonArea, normaliseRing, polygonArea, subtract, unionAll, type PolygonRings } from './polygon';
import type { Indicators, PlanBuilding, Plot, Ring } from './types';

/** Share of a footprint that must be inside the plot for the building to be counted. */
export const COUNT_INSIDE_SHARE = 0.5;
/** Relative slack so that a footprint split exactly in half by a boundary counts despite rounding. */
const SHARE_TOLERANCE = 1e-9;

export function plotPolygon(plot: Plot): PolygonRings {
  return [normaliseRing(plot.ring, 'outer'), ...(plot.holes ?? []).map((h) => normaliseRing(h, 'hole'))];
}

export function buildingPolygon(b: PlanBuilding): PolygonRings {
  return [normaliseRing(b.footprint, 'outer'), ...(b.holes ?? []).map((h) => normaliseRing(h, 'hole'))];
}

/** Ratios are 0 on a zero-area plot, so that no NaN reaches a chart or the GPU. */
function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}

export function computeIndicators(plot: Plot, buildings: PlanBuilding[], green: Ring[]): Indicators {
  const site = plotPolygon(plot);
  const siteAreaM2 = polygonArea(site[0]!, site.slice(1));
  let footprintM2 = 0;
  let gfaM2 = 0;
  let maxHeightM = 0;
  let buildingCount = 0;
  const clippedFootprints: PolygonRings[][] = [];

  for (const b of buildings) {
    const poly = buildingPolygon(b);
    const fullArea = polygonArea(poly[0]!, poly.slice(1));
    const inside = intersect(poly, site);
    const insideArea = multiPolygonArea(inside);
    if (insideArea <= 0) continue;
    clippedFootprints.push(inside);
    footprintM2 += insideArea;
    gfaM2 += insideArea * b.floors;
    maxHeightM = Math.max(maxHeightM, b.heightM);
    if (insideArea >= COUNT_INSIDE_SHARE * fullArea * (1 - SHARE_TOLERANCE)) buildingCount++;
  }

  // Green space is the union of the scheme's green polygons (so overlaps count once), kept to the
  // plot, minus whatever any building stands on: a lawn under a building is not green.
  let greenM2 = 0;
  const greenPolys = green.filter((r) => r.length >= 3).map((r) => [normaliseRing(r, 'outer')]);
  if (greenPolys.length > 0) {
    const greenInPlot = unionAll(greenPolys).flatMap((p) => intersect(p, site));
    greenM2 = multiPolygonArea(subtract(greenInPlot, clippedFootprints));
  }

  return {
    siteAreaM2,
    gfaM2,
    far: ratio(gfaM2, siteAreaM2),
    footprintM2,
    density: ratio(footprintM2, siteAreaM2),
    greenM2,
    greenRatio: ratio(greenM2, siteAreaM2),
    maxHeightM,
    buildingCount,
  };
}
