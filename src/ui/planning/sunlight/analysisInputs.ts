/**
 * What a sunlight run is about, pure: the city in a given state (the zone's full-detail footprints,
 * with a scheme's buildings standing in for its site's existing ones), and the receiver buildings a
 * planner's choice names. Only residential (R-class) buildings receive: GB 50180's rule is about
 * dwellings. For an impact or a comparison the receivers must stand in both states, so they are
 * the existing neighbours: on a site a scheme replaces, nothing of today survives to compare.
 */
import type { LandUseClass } from '../../../core/landUse';
import { pointInPolygon, polygonCentroid } from '../../../analysis/planning/polygon';
import { siteSchemes } from '../../../analysis/planning/statePair';
import { EXISTING_STATE, type Bilingual, type PlanBuilding, type Ring, type Scheme, type ZonePlan } from '../../../analysis/planning/types';
import type { ReceiverBuilding } from '../../../analysis/sunlight/receivers';
import type { ZoneFootprint } from '../../../analysis/sunlight/zoneFootprints';
import type { ReceiverChoice, SunlightMode } from '../../../state/sunlightSlice';

/** A building of the analysed city: what receivers and casters need, plus name and use. */
export interface CityBuilding extends ReceiverBuilding {
  name: Bilingual;
  use: LandUseClass;
  baseM: number;
  /** Whether it stands today (footprints.json) or comes from a scheme. */
  fromScheme: boolean;
}

export function fromFootprint(f: ZoneFootprint): CityBuilding {
  const b: CityBuilding = { id: f.id, name: f.name, footprint: f.footprint, heightM: f.heightM, floors: f.floors, baseM: f.baseM, use: f.landUse, fromScheme: false };
  if (f.holes) b.holes = f.holes;
  return b;
}

function fromPlan(p: PlanBuilding): CityBuilding {
  const b: CityBuilding = { id: p.id, name: p.name, footprint: p.footprint, heightM: p.heightM, floors: p.floors, baseM: 0, use: p.use, fromScheme: true };
  if (p.holes) b.holes = p.holes;
  return b;
}

export interface StateContext {
  plan: ZonePlan | null;
  imported: readonly Scheme[];
  /** The site a scheme state belongs to (the active site). */
  siteId: string | null;
}

/**
 * The whole city in a state: today, or today with the scheme's site cleared of its existing
 * buildings and the scheme's buildings added. Null for a scheme the plan does not know (a stale
 * id), so a run never silently analyses today under a scheme's name.
 */
export function cityOfState(zone: readonly CityBuilding[], ctx: StateContext, stateId: string): CityBuilding[] | null {
  if (stateId === EXISTING_STATE) return [...zone];
  const scheme = [...(ctx.plan?.schemes ?? []), ...ctx.imported].find((s) => s.id === stateId);
  const site = ctx.plan?.sites.find((s) => s.id === scheme?.siteId);
  if (!scheme || !site) return null;
  const gone = new Set(site.existing.map((b) => b.id));
  return [...zone.filter((b) => !gone.has(b.id)), ...scheme.buildings.map(fromPlan)];
}

/** The site a state belongs to, or null for today. */
export function siteOfState(ctx: StateContext, stateId: string): string | null {
  if (stateId === EXISTING_STATE) return null;
  return [...(ctx.plan?.schemes ?? []), ...ctx.imported].find((s) => s.id === stateId)?.siteId ?? null;
}

export type ReceiverProblem = 'no-building' | 'not-residential' | 'no-plot' | 'no-site' | 'no-polygon' | 'no-residential';

export interface ReceiverContext extends StateContext {
  /** The selected building's id (store `selected`), the fallback of a building choice. */
  selectedBuildingId: string | null;
  /** The selected plot (store `selectedPlotId`), the fallback of a plot choice. */
  selectedPlotId: string | null;
}

const residential = (b: CityBuilding): boolean => b.use === 'R';

function inside(b: CityBuilding, ring: Ring, holes: readonly Ring[] = []): boolean {
  return pointInPolygon(polygonCentroid(b.footprint, b.holes ?? []), ring, holes);
}

/** The plot a plot choice means: its own id, else the selected plot, else the active site's. */
export function plotOfChoice(choice: ReceiverChoice, ctx: ReceiverContext): string | null {
  if (choice.id) return choice.id;
  if (ctx.selectedPlotId) return ctx.selectedPlotId;
  return ctx.plan?.sites.find((s) => s.id === ctx.siteId)?.plotId ?? null;
}

/** The receiver buildings of a choice in one city, or why there are none. */
export function receiverBuildings(choice: ReceiverChoice, city: readonly CityBuilding[], ctx: ReceiverContext): CityBuilding[] | ReceiverProblem {
  if (choice.kind === 'building') {
    const id = choice.id ?? ctx.selectedBuildingId;
    const b = id ? city.find((x) => x.id === id) : undefined;
    if (!b) return 'no-building';
    return residential(b) ? [b] : 'not-residential';
  }
  let ring: Ring | null = null;
  let holes: Ring[] = [];
  if (choice.kind === 'polygon') {
    ring = choice.ring && choice.ring.length >= 3 ? choice.ring : null;
    if (!ring) return 'no-polygon';
  } else {
    const plotId = choice.kind === 'plot' ? plotOfChoice(choice, ctx) : ctx.plan?.sites.find((s) => s.id === (choice.id ?? ctx.siteId))?.plotId;
    const plot = plotId ? ctx.plan?.plots.find((p) => p.id === plotId) : undefined;
    if (!plot) return choice.kind === 'plot' ? 'no-plot' : 'no-site';
    ring = plot.ring;
    holes = plot.holes ?? [];
  }
  const out = city.filter((b) => residential(b) && inside(b, ring, holes));
  return out.length > 0 ? out : 'no-residential';
}

/** The ring of the site's plot. */
function siteRing(ctx: StateContext, siteId: string): Ring | null {
  const plotId = ctx.plan?.sites.find((s) => s.id === siteId)?.plotId;
  return ctx.plan?.plots.find((p) => p.id === plotId)?.ring ?? null;
}

/**
 * Receivers of an impact or comparison run: those of the choice that stand today and are not on
 * the compared site (a scheme removes or replaces them), so each has a before and an after. A
 * 'site' choice means the site's residential neighbours within `reachM` of its plot.
 */
export function neighbourReceivers(
  choice: ReceiverChoice, zone: readonly CityBuilding[], ctx: ReceiverContext, siteId: string, reachM: number,
): CityBuilding[] | ReceiverProblem {
  const site = ctx.plan?.sites.find((s) => s.id === siteId);
  const ring = siteRing(ctx, siteId);
  if (!site || !ring) return 'no-site';
  const onSite = new Set(site.existing.map((b) => b.id));
  const standing = zone.filter((b) => !onSite.has(b.id) && !inside(b, ring));
  if (choice.kind !== 'site') {
    const r = receiverBuildings(choice, standing, ctx);
    return r;
  }
  const [x0, y0, x1, y1] = bounds(ring);
  const near = standing.filter((b) => {
    if (!residential(b)) return false;
    const [bx0, by0, bx1, by1] = bounds(b.footprint);
    return Math.hypot(Math.max(x0 - bx1, 0, bx0 - x1), Math.max(y0 - by1, 0, by0 - y1)) <= reachM;
  });
  return near.length > 0 ? near : 'no-residential';
}

function bounds(r: Ring): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of r) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x);
    y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/** The states a run of `mode` analyses, in order: [analysed] or [after, before] / [A, B]. */
export function statesOfRun(mode: SunlightMode, stateId: string, otherStateId: string): string[] {
  if (mode === 'impact') return [stateId, EXISTING_STATE];
  if (mode === 'compare') return [stateId, otherStateId];
  return [stateId];
}

/** The tallest building a scheme adds on its site, metres (0 for today): it sets the neighbours' reach. */
export function tallestOfScheme(ctx: StateContext, stateId: string): number {
  const siteId = siteOfState(ctx, stateId);
  if (!siteId) return 0;
  const s = siteSchemes(ctx.plan, ctx.imported, siteId).find((x) => x.id === stateId);
  return Math.max(0, ...(s?.buildings.map((b) => b.heightM) ?? []));
}
