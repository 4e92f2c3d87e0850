/**
 * 日照影响分析: what a scheme does to its neighbours' sunlight. Both runs must use the same
 * receivers (matched by id), profile and year; the receivers are then compared window by window.
 * A window is worsened when it loses any sunlight, and newly failing when it met the standard
 * before and no longer does — the list a planner must answer for.
 */
import type { SunlightResult } from './types';

export interface ImpactEntry {
  id: string;
  buildingId: string;
  facade: number;
  floor: number;
  /** Hours before and after, in the profile's measure. */
  before: number;
  after: number;
}

export interface SunlightImpact {
  worsened: ImpactEntry[];
  newlyFailing: ImpactEntry[];
  /** Windows that gained sunlight (a scheme that removes a building). */
  improved: ImpactEntry[];
  /** Receivers present in both runs. */
  compared: number;
}

/** Half a second of hours: both runs sample the same instants, so any real change is a whole step. */
const EPS_H = 1 / 7200;

export function sunlightImpact(before: SunlightResult, after: SunlightResult): SunlightImpact {
  if (before.profileId !== after.profileId || before.stepMin !== after.stepMin) {
    throw new Error(`sunlightImpact: runs use different profiles (${before.profileId}/${before.stepMin} min vs ${after.profileId}/${after.stepMin} min)`);
  }
  const prior = new Map(before.receivers.map((r) => [r.id, r]));
  const worsened: ImpactEntry[] = [];
  const newlyFailing: ImpactEntry[] = [];
  const improved: ImpactEntry[] = [];
  let compared = 0;
  for (const a of after.receivers) {
    const b = prior.get(a.id);
    if (!b) continue;
    compared++;
    const e: ImpactEntry = { id: a.id, buildingId: a.buildingId, facade: a.facade, floor: a.floor, before: b.hours, after: a.hours };
    if (a.hours < b.hours - EPS_H) worsened.push(e);
    else if (a.hours > b.hours + EPS_H) improved.push(e);
    if (b.pass && !a.pass) newlyFailing.push(e);
  }
  return { worsened, newlyFailing, improved, compared };
}
