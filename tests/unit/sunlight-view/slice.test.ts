import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { DEFAULT_PROFILE_ID, DEFAULT_SUNLIGHT_SETTINGS, sunlightBusy } from '../../../src/state/sunlightSlice';

describe('sunlight slice', () => {
  it('starts idle with the GB 50180 大寒日 profile, and clamps spacing and height', () => {
    const s = createAppStore();
    expect(s.getState().sunlightSettings).toEqual(DEFAULT_SUNLIGHT_SETTINGS);
    expect(s.getState().sunlightSettings.profileId).toBe(DEFAULT_PROFILE_ID);
    expect(s.getState().sunlightRun.status).toBe('idle');
    s.getState().setSunlightSettings({ spacingM: 0.01, groundHeightM: 1e6 });
    expect(s.getState().sunlightSettings).toMatchObject({ spacingM: 1, groundHeightM: 100 });
    s.getState().setSunlightSettings({ spacingM: Number.NaN });
    expect(s.getState().sunlightSettings.spacingM).toBe(6);
  });

  it('sets and clears overrides; another profile starts from its own values', () => {
    const s = createAppStore();
    s.getState().setSunlightOverride('minHours', 3);
    s.getState().setSunlightOverride('term', 'dongzhi');
    expect(s.getState().sunlightSettings.overrides).toEqual({ minHours: 3, term: 'dongzhi' });
    s.getState().setSunlightOverride('minHours', undefined);
    s.getState().setSunlightOverride('term', Number.NaN);
    expect(s.getState().sunlightSettings.overrides).toEqual({});
    s.getState().setSunlightOverride('minHours', 3);
    s.getState().setSunlightSettings({ profileId: 'shanghai-dongzhi-continuous' });
    expect(s.getState().sunlightSettings.overrides).toEqual({});
    s.getState().setSunlightSettings({ profileId: 'gb50180-dahan', overrides: { stepMin: 0.5 } });
    expect(s.getState().sunlightSettings.overrides).toEqual({ stepMin: 0.5 });
  });

  it('ignores updates of a run that a newer one replaced', () => {
    const s = createAppStore();
    const first = s.getState().beginSunlightRun();
    expect(s.getState().sunlightRun).toMatchObject({ status: 'loading', progress: 0 });
    s.getState().updateSunlightRun(first, { status: 'running', progress: 0.4 });
    const second = s.getState().beginSunlightRun();
    s.getState().updateSunlightRun(first, { status: 'done', progress: 1 });
    expect(s.getState().sunlightRun).toMatchObject({ status: 'loading', runSeq: second });
    s.getState().updateSunlightRun(second, { progress: 7 });
    expect(s.getState().sunlightRun.progress).toBe(1);
    s.getState().resetSunlightRun();
    expect(s.getState().sunlightRun.status).toBe('idle');
    s.getState().updateSunlightRun(second, { status: 'done' });
    expect(s.getState().sunlightRun.status).toBe('idle');
    expect([sunlightBusy('loading'), sunlightBusy('running'), sunlightBusy('done'), sunlightBusy('cancelled')]).toEqual([true, true, false, false]);
  });

  it('turns a closed drawing into the polygon receiver choice', () => {
    const s = createAppStore();
    const ev = s.getState().sunlightDrawEvent;
    ev({ type: 'start' });
    for (const [e, n] of [[0, 0], [40, 0], [40, 30]] as const) ev({ type: 'click', e, n });
    expect(s.getState().sunlightSettings.receivers.kind).toBe('site');
    ev({ type: 'key', key: 'Enter' });
    expect(s.getState().sunlightDraw.phase).toBe('closed');
    expect(s.getState().sunlightSettings.receivers).toEqual({ kind: 'polygon', id: null, ring: [[0, 0], [40, 0], [40, 30]] });
    s.getState().setSunlightAutoRun(true);
    expect(s.getState().sunlightAutoRun).toBe(true);
  });
});
