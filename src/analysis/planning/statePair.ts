/**
 * Which two versions of the city (states) are compared now, the buildings of each, and their
 * diff. Shared by the comparison panel, the 3D diff layer and the test hook so that all three
 * diff the same pair. Pure: plan data and the view in, plain data out.
 */
import { diffStates } from './diff';
import { EXISTING_STATE, type DiffResult, type PlanBuilding, type PlanView, type Scheme, type ZonePlan } from './types';

export interface StatePair {
  siteId: string;
  /** The "before" state: EXISTING_STATE in 'scheme' mode, the left state in 'compare' mode. */
  a: string;
  /** The "after" state: the shown scheme, or the right state. */
  b: string;
}

/** Schemes drawn for a site, shipped first, then imported (the catalogue's and the board's order). */
export function siteSchemes(plan: ZonePlan | null, imported: readonly Scheme[], siteId: string): Scheme[] {
  return [...(plan?.schemes ?? []), ...imported].filter((s) => s.siteId === siteId);
}

/**
 * The buildings of one state on one site. Unknown sites and states, and schemes of another site,
 * give no buildings: a stale id in the view or a URL must not diff against the wrong site.
 */
export function buildingsOfState(
  plan: ZonePlan | null,
  imported: readonly Scheme[],
  siteId: string,
  stateId: string,
): PlanBuilding[] {
  const site = plan?.sites.find((s) => s.id === siteId);
  if (!site) return [];
  if (stateId === EXISTING_STATE) return site.existing;
  return siteSchemes(plan, imported, siteId).find((s) => s.id === stateId)?.buildings ?? [];
}

/** The pair the view compares, or null when it shows today's city alone. */
export function currentPair(planView: PlanView, activeSiteId: string | null): StatePair | null {
  if (activeSiteId === null) return null;
  if (planView.mode === 'scheme') {
    return planView.right === EXISTING_STATE ? null : { siteId: activeSiteId, a: EXISTING_STATE, b: planView.right };
  }
  if (planView.mode === 'compare') return { siteId: activeSiteId, a: planView.left, b: planView.right };
  return null;
}

/** The diff of a pair: A's buildings against B's. */
export function pairDiff(plan: ZonePlan | null, imported: readonly Scheme[], pair: StatePair): DiffResult {
  return diffStates(
    buildingsOfState(plan, imported, pair.siteId, pair.a),
    buildingsOfState(plan, imported, pair.siteId, pair.b),
  );
}

/** The diff of what the view compares now, or null when it compares nothing. */
export function currentDiff(
  plan: ZonePlan | null,
  imported: readonly Scheme[],
  planView: PlanView,
  activeSiteId: string | null,
): DiffResult | null {
  const pair = currentPair(planView, activeSiteId);
  return pair ? pairDiff(plan, imported, pair) : null;
}
