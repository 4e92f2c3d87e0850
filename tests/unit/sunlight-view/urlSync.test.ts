import { describe, expect, it } from 'vitest';
import { applyPlanView, planUrlFromState } from '../../../src/app/planUrlSync';
import { sunlightHook } from '../../../src/app/sunlightHook';
import { createTestHook } from '../../../src/app/testHook';
import { applySunlightUrl, sunlightUrlFromState } from '../../../src/app/sunlightUrlSync';
import { registerDiagnostics } from '../../../src/state/diagnostics';
import { createAppStore } from '../../../src/state/store';
import { makePlan, SITE } from './fixtures';

function storeWithPlan() {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().setActiveSite(SITE);
  return store;
}

describe('sunlight settings in a link', () => {
  it('are left out until the analysis is used, then carry every setting', () => {
    const store = storeWithPlan();
    expect(sunlightUrlFromState(store.getState())).toBeUndefined();
    store.getState().setSunlightSettings({ mode: 'impact', stateId: 'wall', receivers: { kind: 'plot', id: 'plot:R', ring: null } });
    store.getState().setSunlightOverride('minHours', 3);
    expect(sunlightUrlFromState(store.getState())).toEqual({
      profile: 'gb50180-dahan', params: { minHours: 3 }, receivers: { kind: 'plot', id: 'plot:R', ring: null },
      state: 'wall', mode: 'impact', other: 'existing', spacingM: 6, groundHeightM: undefined,
    });
    expect(planUrlFromState(store.getState(), null)).toBeUndefined();
  });

  it('apply after the plan loads, report what the zone does not know, and ask for a recomputation', () => {
    const store = storeWithPlan();
    applySunlightUrl(store, {
      profile: 'shanghai-dongzhi-continuous', params: { minHours: 1.5, stepMin: 5, colour: 2 },
      receivers: { kind: 'plot', id: 'plot:R', ring: null }, state: 'wall', mode: 'compare', other: 'ghost', spacingM: 8, groundHeightM: 1.5,
    });
    const s = store.getState();
    expect(s.sunlightSettings).toMatchObject({
      profileId: 'shanghai-dongzhi-continuous', overrides: { minHours: 1.5 }, receivers: { kind: 'plot', id: 'plot:R' },
      stateId: 'wall', mode: 'compare', otherStateId: 'existing', spacingM: 8, ground: true, groundHeightM: 1.5,
    });
    expect(s.errors.map((e) => e.source).sort()).toEqual(['slb', 'slp', 'slp']);
    expect(s.sunlightAutoRun).toBe(true);

    const other = storeWithPlan();
    applySunlightUrl(other, { profile: 'made-up', receivers: { kind: 'site', id: 'nope', ring: null } });
    expect(other.getState().errors.map((e) => e.source)).toEqual(['sl', 'slr']);
    expect(other.getState().sunlightSettings.profileId).toBe('gb50180-dahan');
  });

  it('go through the planner part of the link (applyPlanView)', () => {
    const store = storeWithPlan();
    applyPlanView(store, { sunlight: { profile: 'gb50180-renewal-dahan', state: 'low' } });
    expect(store.getState().sunlightSettings).toMatchObject({ profileId: 'gb50180-renewal-dahan', stateId: 'low' });
    const none = createAppStore();
    applyPlanView(none, { sunlight: { profile: 'gb50180-dahan' } });
    expect(none.getState().errors.map((e) => e.source)).toEqual(['sl']);
  });
});

describe('analysis.sunlight in the test hook', () => {
  it('reports status, profile, counts and impact from the store, and the layer’s diagnostics', () => {
    const store = storeWithPlan();
    const hook = createTestHook(store) as { analysis: { sunlight: Record<string, unknown> } };
    expect(hook.analysis.sunlight).toMatchObject({ status: 'idle', profile: 'gb50180-dahan', progress: 0, receivers: 0, passed: 0, failed: 0, minHours: null, maxHours: null, impact: { worsened: 0, newlyFailing: 0 }, render: null });
    const seq = store.getState().beginSunlightRun();
    store.getState().updateSunlightRun(seq, { status: 'done', progress: 1, summary: { receivers: 10, passed: 7, failed: 3, minHours: 0.5, maxHours: 8 }, impact: { worsened: 4, newlyFailing: 2 } });
    const off = registerDiagnostics('sunlight', () => ({ windowInstances: 10 }));
    expect(sunlightHook(store.getState())).toMatchObject({ status: 'done', progress: 1, receivers: 10, passed: 7, failed: 3, minHours: 0.5, maxHours: 8, impact: { worsened: 4, newlyFailing: 2 }, render: { windowInstances: 10 } });
    off();
  });
});
