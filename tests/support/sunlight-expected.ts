/**
 * What the sunlight engine gives in Node for one receiver building, before and after a shipped
 * scheme: the browser tests compare the workers' result in the page with this, so the page's
 * state assembly (which buildings stand, which are hidden, which cast) is checked against the
 * headless path (src/sunlight-cli) on the same built data, not against numbers typed in a test.
 */
import { resolve } from 'node:path';
import { buildCasterBvh, castersWithinReach } from '../../src/analysis/sunlight/casters';
import { runSunlight } from '../../src/analysis/sunlight/engine';
import { sunlightImpact } from '../../src/analysis/sunlight/impact';
import { resolveProfile } from '../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../src/analysis/sunlight/receivers';
import { applyScheme, existingState, type StateBuilding } from '../../src/sunlight-cli/state';
import { loadZoneData } from '../../src/sunlight-cli/zoneData';

const REPO = resolve(__dirname, '../..');

export interface ExpectedImpact {
  receivers: number;
  before: { passed: number; failed: number };
  after: { passed: number; failed: number };
  worsened: number;
  newlyFailing: number;
}

export async function expectedBuildingImpact(
  zoneId: string, schemeId: string, buildingId: string, profileId: string, spacingM: number, year: number,
): Promise<ExpectedImpact> {
  const data = await loadZoneData(REPO, zoneId);
  const profile = resolveProfile(profileId);
  const { lonDeg, latDeg } = data.scene.origin;
  const existing = existingState(data.footprints);
  const scheme = data.plan.schemes.find((s) => s.id === schemeId);
  if (!scheme) throw new Error(`no scheme ${schemeId} in ${zoneId}`);
  const after = applyScheme(existing, data.plan, scheme);
  const building = existing.find((b) => b.id === buildingId);
  if (!building) throw new Error(`no building ${buildingId} in ${zoneId}`);
  const receivers = facadeReceivers([building], { spacingM, sillHeightM: profile.sillHeightM, floorHeightM: profile.floorHeightM });
  const run = (state: readonly StateBuilding[]) =>
    runSunlight({ receivers, casters: buildCasterBvh(castersWithinReach(state, receivers, profile, latDeg, { year })), profile, latDeg, lonDeg, year });
  const b = run(existing);
  const a = run(after);
  const impact = sunlightImpact(b, a);
  return {
    receivers: receivers.length,
    before: { passed: b.passed, failed: b.failed },
    after: { passed: a.passed, failed: a.failed },
    worsened: impact.worsened.length,
    newlyFailing: impact.newlyFailing.length,
  };
}
