import { describe, expect, it } from 'vitest';
import { buildingsOfState, currentDiff, currentPair, pairDiff, siteSchemes } from '../../../src/analysis/planning/statePair';
import { EXISTING_STATE, type PlanView, type Scheme } from '../../../src/analysis/planning/types';
import { DEFAULT_PLAN_VIEW } from '../../../src/state/planningSlice';
import { makePlan, SCHEME_A, SITE_ID } from '../../component/planning/planFixture';

const view = (patch: Partial<PlanView>): PlanView => ({ ...DEFAULT_PLAN_VIEW, ...patch });
const imported: Scheme = { ...SCHEME_A, id: 'imp-1', source: 'imported', name: { zh: '导入', en: 'Imported' } };
const elsewhere: Scheme = { ...SCHEME_A, id: 'other-site', siteId: 'site-9' };

describe('currentPair', () => {
  it('is null while today is shown alone, or without a site', () => {
    expect(currentPair(view({ mode: 'existing' }), SITE_ID)).toBeNull();
    expect(currentPair(view({ mode: 'scheme', right: 's-a' }), null)).toBeNull();
    expect(currentPair(view({ mode: 'scheme', right: EXISTING_STATE }), SITE_ID)).toBeNull();
  });

  it('pairs today with the shown scheme, or left with right', () => {
    expect(currentPair(view({ mode: 'scheme', left: 's-b', right: 's-a' }), SITE_ID)).toEqual({ siteId: SITE_ID, a: EXISTING_STATE, b: 's-a' });
    expect(currentPair(view({ mode: 'compare', left: 's-a', right: 's-b' }), SITE_ID)).toEqual({ siteId: SITE_ID, a: 's-a', b: 's-b' });
    expect(currentPair(view({ mode: 'compare', left: EXISTING_STATE, right: 's-b', layout: 'toggle' }), SITE_ID)).toEqual({ siteId: SITE_ID, a: EXISTING_STATE, b: 's-b' });
  });
});

describe('buildingsOfState', () => {
  const plan = makePlan();
  it("gives the site's existing buildings, a shipped scheme's or an imported one's", () => {
    expect(buildingsOfState(plan, [], SITE_ID, EXISTING_STATE).map((b) => b.id)).toEqual(['e1', 'e2']);
    expect(buildingsOfState(plan, [], SITE_ID, 's-b').map((b) => b.id)).toEqual(['b1']);
    expect(buildingsOfState(plan, [imported], SITE_ID, 'imp-1')).toBe(imported.buildings);
  });

  it('gives nothing for unknown sites or states, a missing plan, or a scheme of another site', () => {
    expect(buildingsOfState(plan, [], 'nowhere', EXISTING_STATE)).toEqual([]);
    expect(buildingsOfState(plan, [], SITE_ID, 'gone')).toEqual([]);
    expect(buildingsOfState(null, [], SITE_ID, EXISTING_STATE)).toEqual([]);
    expect(buildingsOfState(plan, [elsewhere], SITE_ID, 'other-site')).toEqual([]);
  });

  it('lists the schemes of a site, shipped first, then imported', () => {
    expect(siteSchemes(plan, [imported, elsewhere], SITE_ID).map((s) => s.id)).toEqual(['s-a', 's-b', 'imp-1']);
  });
});

describe('the diff of the current pair', () => {
  const plan = makePlan();
  it('classifies today against scheme A: e1 taller, e2 removed, a2 added', () => {
    const d = currentDiff(plan, [], view({ mode: 'scheme', right: 's-a' }), SITE_ID)!;
    expect([d.added, d.removed, d.taller, d.lower, d.unchanged]).toEqual([1, 1, 1, 0, 0]);
    expect(d.entries.find((e) => e.kind === 'taller')).toMatchObject({ id: 'e1', heightA: 12, heightB: 40, x: 10, y: 25 });
  });

  it('is symmetric in kind when the pair is swapped, and null with nothing compared', () => {
    const ab = pairDiff(plan, [], { siteId: SITE_ID, a: EXISTING_STATE, b: 's-a' });
    const ba = pairDiff(plan, [], { siteId: SITE_ID, a: 's-a', b: EXISTING_STATE });
    expect([ba.added, ba.removed, ba.taller, ba.lower]).toEqual([ab.removed, ab.added, ab.lower, ab.taller]);
    expect(currentDiff(plan, [], view({ mode: 'existing' }), SITE_ID)).toBeNull();
  });
});
