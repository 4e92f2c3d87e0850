/**
 * The height-limit check. A building is checked when its footprint overlaps the limit polygon
 * with positive area (clipped with the planning module's polygon-clipping helpers), the same rule
 * as the 最大建筑高度 indicator: one that only touches the boundary along an edge or at a corner is
 * not in the area. A checked building is over when heightM > limitM, compared exactly: a building
 * at the limit complies, as a 'max' limit does in the compliance table.
 */
import { intersect, multiPolygonArea, normaliseRing, polygonArea, polygonCentroid, ringBounds, ringProblem, type PolygonRings } from '../planning/polygon';
import type { Plot, Ring } from '../planning/types';
import type { BuildingProblem, Exceedance, HeightLimit, HeightLimitBuilding, HeightLimitFailure, HeightLimitReport, HeightLimitResult } from './types';

/** The limit of a 控规 plot: its polygon and `limits.heightMaxM`; 'uncontrolled' when null. */
export function heightLimitOfPlot(plot: Plot): HeightLimitResult<HeightLimit> {
  const limitM = plot.limits.heightMaxM;
  if (limitM === null) return { ok: false, problem: 'uncontrolled' };
  const limit: HeightLimit = { ring: plot.ring, limitM, plotId: plot.id };
  if (plot.holes) limit.holes = plot.holes;
  const problem = limitProblem(limit);
  return problem ? problem : { ok: true, value: limit };
}

/** Why a limit cannot be used, or null. Rings are checked outer first, then holes in order. */
export function limitProblem(limit: HeightLimit): HeightLimitFailure | null {
  if (!Number.isFinite(limit.limitM) || limit.limitM < 0) return { ok: false, problem: 'invalid-limit' };
  const all = [limit.ring, ...(limit.holes ?? [])];
  for (let i = 0; i < all.length; i++) {
    const problem = ringProblem(all[i]!);
    if (problem) return { ok: false, problem, ring: i };
  }
  return null;
}

/** The limit as normalised rings: outer counter-clockwise, holes clockwise. */
export function limitPolygon(limit: HeightLimit): PolygonRings {
  return rings(limit.ring, limit.holes);
}

function rings(outer: Ring, holes: readonly Ring[] = []): PolygonRings {
  return [normaliseRing(outer, 'outer'), ...holes.map((h) => normaliseRing(h, 'hole'))];
}

function finiteRing(r: Ring): boolean {
  return r.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

function overlaps(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** A building's usable footprint, or why it has none. */
function footprintOf(b: HeightLimitBuilding): PolygonRings | BuildingProblem {
  if (!Number.isFinite(b.heightM) || b.heightM < 0 || (b.baseM !== undefined && !Number.isFinite(b.baseM))) return 'invalid-height';
  const all = [b.footprint, ...(b.holes ?? [])];
  for (const r of all) {
    const problem = ringProblem(r);
    if (problem) return problem;
  }
  return rings(b.footprint, b.holes);
}

function byExcess(a: Exceedance, b: Exceedance): number {
  return b.excessM - a.excessM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Checks a state's buildings against a limit. An unusable limit fails the whole check; an
 * unusable building is listed in `skipped` and the others are still checked.
 */
export function checkHeightLimit(limit: HeightLimit, buildings: readonly HeightLimitBuilding[]): HeightLimitResult<HeightLimitReport> {
  const problem = limitProblem(limit);
  if (problem) return problem;
  const area = limitPolygon(limit);
  const box = ringBounds(area[0]!);
  const report: HeightLimitReport = { limitM: limit.limitM, checked: 0, over: 0, maxExcessM: 0, exceedances: [], skipped: [] };

  for (const b of buildings) {
    // Bounds first: a zone holds thousands of buildings and few are near the limit area.
    if (finiteRing(b.footprint) && !overlaps(ringBounds(b.footprint), box)) continue;
    const poly = footprintOf(b);
    if (typeof poly === 'string') {
      report.skipped.push({ id: b.id, problem: poly });
      continue;
    }
    let intersectAreaM2: number;
    try {
      intersectAreaM2 = multiPolygonArea(intersect(poly, area));
    } catch {
      report.skipped.push({ id: b.id, problem: 'clip-failed' });
      continue;
    }
    if (!(intersectAreaM2 > 0)) continue;
    report.checked++;
    const excessM = b.heightM - limit.limitM;
    if (!(excessM > 0)) continue;
    const [x, y] = polygonCentroid(poly[0]!, poly.slice(1));
    report.exceedances.push({
      id: b.id,
      name: b.name,
      heightM: b.heightM,
      baseM: b.baseM ?? 0,
      excessM,
      intersectAreaM2,
      footprintAreaM2: polygonArea(poly[0]!, poly.slice(1)),
      x,
      y,
    });
  }
  report.exceedances.sort(byExcess);
  report.over = report.exceedances.length;
  report.maxExcessM = report.exceedances[0]?.excessM ?? 0;
  return { ok: true, value: report };
}
