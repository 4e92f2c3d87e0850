/**
 * 日照影响分析 on hand-made geometry: a scheme adds a tower south of an existing residential
 * slab; the slab's lower south windows lose their sunlight and the impact list names them.
 */
import { describe, expect, it } from 'vitest';
import { buildCasterBvh } from '../../../src/analysis/sunlight/casters';
import { runSunlight } from '../../../src/analysis/sunlight/engine';
import { sunlightImpact } from '../../../src/analysis/sunlight/impact';
import { PROFILES, resolveProfile } from '../../../src/analysis/sunlight/profiles';
import { facadeReceivers } from '../../../src/analysis/sunlight/receivers';
import { box, rect, SH_LAT, SH_LON, YEAR } from './fixtures';

describe('sunlightImpact', () => {
  const slab = { id: 'slab', footprint: rect(-30, 0, 30, 12), heightM: 18, floors: 6 };
  const receivers = facadeReceivers([slab], { spacingM: 3, sillHeightM: 0.9 });
  const profile = PROFILES['gb50180-dahan'];
  const run = (extra: ReturnType<typeof box>[]) => runSunlight({
    receivers, casters: buildCasterBvh([box('slab', -30, 0, 30, 12, 18), ...extra]), profile, latDeg: SH_LAT, lonDeg: SH_LON, year: YEAR,
  });
  const before = run([]);
  // A 30 m (10-storey) tower 20 m south of the slab, as wide as the slab: it shades the lower
  // floors' middle almost all day, while the top floor still sees the sun over it around noon.
  const after = run([box('tower', -30, -35, 30, -20, 30)]);
  const impact = sunlightImpact(before, after);

  it('names the slab’s lower south windows as newly failing, with before and after hours', () => {
    const south = before.receivers.filter((r) => r.facade === 0);
    expect(south.every((r) => r.pass && r.hours === 8)).toBe(true);
    expect(impact.newlyFailing.length).toBeGreaterThan(0);
    expect(impact.newlyFailing.every((e) => e.buildingId === 'slab' && e.facade === 0 && e.before === 8 && e.after < 2)).toBe(true);
    const byFloor = (f: number) => impact.newlyFailing.filter((e) => e.floor === f).length;
    expect(byFloor(1)).toBeGreaterThan(0);
    // Lower floors suffer most: the count of failing windows never grows going up.
    for (let f = 2; f <= 6; f++) expect(byFloor(f)).toBeLessThanOrEqual(byFloor(f - 1));
    expect(byFloor(6)).toBe(0);
    // The ground-floor window right behind the tower's centre gets only a glimpse past its corners.
    const centre = impact.newlyFailing.find((e) => e.id === 'slab:f0:l1:w9');
    expect(centre?.after).toBeLessThan(0.5);
  });

  it('lists worsened windows as a superset of newly failing ones; north windows are unaffected', () => {
    const worse = new Set(impact.worsened.map((e) => e.id));
    for (const e of impact.newlyFailing) expect(worse.has(e.id)).toBe(true);
    expect(impact.worsened.some((e) => e.facade === 2)).toBe(false);
    expect(impact.compared).toBe(receivers.length);
    expect(impact.improved).toHaveLength(0);
  });

  it('refuses to compare runs of different profiles', () => {
    const other = runSunlight({ receivers: receivers.slice(0, 1), casters: buildCasterBvh([]), profile: resolveProfile('gb50180-renewal-dahan'), latDeg: SH_LAT, lonDeg: SH_LON, year: YEAR });
    expect(() => sunlightImpact(before, other)).toThrow(/different profiles/);
  });
});
