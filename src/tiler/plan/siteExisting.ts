/**
 * The zone's own buildings standing on a site's plot, as the planning analyses see them. These are
 * what the viewer hides while a scheme of the site is shown, and the "existing" state of the board.
 */
import { intersectionArea, normaliseRing, ringBounds, type PolygonRings } from '../../analysis/planning/polygon';
import type { PlanBuilding, Plot } from '../../analysis/planning/types';
import type { BuildingInput } from '../types';

/** Touching the plot's edge or grazing it by less than this is not standing on it. */
const MIN_OVERLAP_M2 = 0.01;

export function toPlanBuilding(b: BuildingInput): PlanBuilding {
  return {
    id: b.id,
    name: { zh: b.name, en: b.nameEn },
    footprint: b.footprint,
    ...(b.holes && b.holes.length > 0 ? { holes: b.holes } : {}),
    floors: b.floors,
    heightM: b.heightM,
    use: b.landUse,
    status: b.status,
  };
}

/** Buildings whose footprint overlaps the plot, sorted by id. */
export function existingOnPlot(plot: Plot, buildings: readonly BuildingInput[]): PlanBuilding[] {
  const plotRings: PolygonRings = [normaliseRing(plot.ring, 'outer'), ...(plot.holes ?? []).map((h) => normaliseRing(h, 'hole'))];
  const [x0, y0, x1, y1] = ringBounds(plot.ring);
  const out: PlanBuilding[] = [];
  for (const b of buildings) {
    const [bx0, by0, bx1, by1] = ringBounds(b.footprint);
    if (bx1 < x0 || bx0 > x1 || by1 < y0 || by0 > y1) continue;
    const rings: PolygonRings = [normaliseRing(b.footprint, 'outer'), ...(b.holes ?? []).map((h) => normaliseRing(h, 'hole'))];
    if (intersectionArea(plotRings, rings) >= MIN_OVERLAP_M2) out.push(toPlanBuilding(b));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
