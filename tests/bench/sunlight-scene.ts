/**
 * The West Bund site of the schemes issue as the sunlight benchmark sees it: for today and for
 * each shipped scheme of plan.json sites[0], the city in that state (the app's own composition,
 * cityOfState), its receivers (every facade window of the R-class buildings standing today within
 * 300 m of the site, plus the state's own site buildings, 3 m apart) and the casters within the
 * shadow reach of those receivers, packed as the arrays a worker receives.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointInPolygon } from '../../src/analysis/planning/polygon';
import { EXISTING_STATE, type Ring, type ZonePlan } from '../../src/analysis/planning/types';
import { casterArrays, castersWithinReach, type CasterArrays } from '../../src/analysis/sunlight/casters';
import { resolveProfile, type Profile } from '../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../src/analysis/sunlight/receivers';
import type { Receiver } from '../../src/analysis/sunlight/types';
import { parseZoneFootprints } from '../../src/analysis/sunlight/zoneFootprints';
import { cityOfState, fromFootprint, type CityBuilding } from '../../src/ui/planning/sunlight/analysisInputs';

export const ZONE = 'westbund';
export const NEIGHBOUR_RADIUS_M = 300;
export const SPACING_M = 3;
export const PROFILE_ID = 'gb50180-dahan';
export const YEAR = 2026;

export interface BenchState {
  id: string;
  receivers: Receiver[];
  casters: CasterArrays;
  casterBuildings: number;
  receiverBuildings: number;
}

export interface BenchScene {
  siteId: string;
  latDeg: number;
  lonDeg: number;
  profile: Profile;
  states: BenchState[];
}

const read = (rel: string): string => readFileSync(fileURLToPath(new URL(`../../public/tiles/${ZONE}/${rel}`, import.meta.url)), 'utf8');

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Shortest distance between two rings (0 when they overlap): vertex-to-edge both ways. */
export function ringDistance(a: Ring, b: Ring): number {
  if (a.some((p) => pointInPolygon(p, b)) || b.some((p) => pointInPolygon(p, a))) return 0;
  let d = Infinity;
  for (const [p, q] of [[a, b], [b, a]] as const) {
    for (const [px, py] of p) {
      for (let i = 0; i < q.length; i++) {
        const [ax, ay] = q[i]!, [bx, by] = q[(i + 1) % q.length]!;
        d = Math.min(d, segDist(px, py, ax, ay, bx, by));
      }
    }
  }
  return d;
}

export function loadScene(): BenchScene {
  const fp = parseZoneFootprints(read('plan/footprints.json'), ZONE);
  if (!fp.ok) throw new Error(fp.message);
  const plan = JSON.parse(read('plan/plan.json')) as ZonePlan;
  const site = plan.sites[0];
  if (!site) throw new Error(`${ZONE} plan.json has no site`);
  const plot = plan.plots.find((p) => p.id === site.plotId);
  if (!plot) throw new Error(`site ${site.id}: plot ${site.plotId} missing`);
  const zone = fp.footprints.buildings.map(fromFootprint);
  const onSite = new Set(site.existing.map((b) => b.id));
  // Neighbours stand in every state: residential, outside the site, within 300 m of its plot.
  const neighbours = zone.filter((b) => b.use === 'R' && !onSite.has(b.id) && ringDistance(b.footprint, plot.ring) <= NEIGHBOUR_RADIUS_M);
  const profile = resolveProfile(PROFILE_ID);
  const { latDeg, lonDeg } = fp.footprints.origin;
  const ctx = { plan, imported: [], siteId: site.id };
  const stateIds = [EXISTING_STATE, ...plan.schemes.filter((s) => s.siteId === site.id).map((s) => s.id)];
  const states = stateIds.map((id): BenchState => {
    const city = cityOfState(zone, ctx, id);
    if (!city) throw new Error(`state ${id} unknown`);
    const own: CityBuilding[] = id === EXISTING_STATE ? zone.filter((b) => onSite.has(b.id)) : city.filter((b) => b.fromScheme);
    const receiverBuildings = [...neighbours, ...own];
    const receivers = facadeReceivers(receiverBuildings, { spacingM: SPACING_M, sillHeightM: profile.sillHeightM, floorHeightM: profile.floorHeightM });
    const casters = castersWithinReach(city, receivers, profile, latDeg, { year: YEAR });
    return { id, receivers, casters: casterArrays(casters), casterBuildings: casters.length, receiverBuildings: receiverBuildings.length };
  });
  return { siteId: site.id, latDeg, lonDeg, profile, states };
}

/** Every k-th receiver, so a subset keeps the mix of buildings, facades and floors. */
export function strided<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const k = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * k)]!);
}
