/**
 * Between the sunlight part of a link (sunlightUrl.ts) and the store. The settings are written
 * once the analysis has been used (a run, or a setting changed), so a plain link stays short;
 * applying a link checks the profile, its parameters and the state and plot ids against the
 * zone's plan, reports what it cannot use, and asks the panel to recompute the result.
 */
import { EXISTING_STATE } from '../analysis/planning/types';
import { isProfileId } from '../analysis/sunlight/profiles';
import { allSchemes } from '../state/planningSlice';
import { DEFAULT_SUNLIGHT_SETTINGS, type ProfileOverrides, type SunlightSettings } from '../state/sunlightSlice';
import type { AppState, AppStore } from '../state/store';
import { checkProfile, isParamKey } from '../ui/planning/sunlight/profileForm';
import type { SunlightUrlState } from './sunlightUrl';

function sameSettings(a: SunlightSettings, b: SunlightSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sunlightUrlFromState(s: AppState): SunlightUrlState | undefined {
  const v = s.sunlightSettings;
  if (s.sunlightRun.status === 'idle' && sameSettings(v, DEFAULT_SUNLIGHT_SETTINGS)) return undefined;
  return {
    profile: v.profileId,
    params: Object.keys(v.overrides).length > 0 ? { ...v.overrides } : undefined,
    receivers: v.receivers,
    state: v.stateId,
    mode: v.mode,
    other: v.otherStateId,
    spacingM: v.spacingM,
    groundHeightM: v.ground ? v.groundHeightM : undefined,
  };
}

/** Applies a link's sunlight settings once the zone's plan is known, and asks for a recomputation. */
export function applySunlightUrl(store: AppStore, p: SunlightUrlState): void {
  const s = store.getState();
  const report = (param: string, reason: string) => s.reportError('url', param, reason);
  const patch: Partial<SunlightSettings> = {};
  let profileId = s.sunlightSettings.profileId;
  if (p.profile) {
    if (isProfileId(p.profile)) profileId = patch.profileId = p.profile;
    else report('sl', `no sunlight profile "${p.profile}"`);
  }
  if (p.params) {
    const overrides: ProfileOverrides = {};
    for (const [k, v] of Object.entries(p.params)) {
      if (!isParamKey(k)) report('slp', `"${k}" is not a parameter of a sunlight profile`);
      // One at a time, so a bad value names its own parameter and the good ones still apply.
      else if (checkProfile(profileId, { [k]: v }).problems[k]) report('slp', `"${k}:${v}" is out of range for ${profileId}`);
      else overrides[k] = v;
    }
    if (!checkProfile(profileId, overrides).profile) report('slp', 'the parameters do not fit together; the profile\'s own values are used');
    else patch.overrides = overrides;
  }
  const known = new Set([EXISTING_STATE, ...allSchemes(s).map((x) => x.id)]);
  const state = (param: string, id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    if (known.has(id)) return id;
    report(param, `no scheme "${id}" in this zone (imported schemes are not part of a link)`);
    return undefined;
  };
  const stateId = state('sls', p.state);
  const other = state('slb', p.other);
  if (stateId) patch.stateId = stateId;
  if (other) patch.otherStateId = other;
  if (p.mode) patch.mode = p.mode;
  const r = p.receivers;
  if (r) {
    const plan = s.plan;
    const bad = r.id !== null && ((r.kind === 'plot' && !plan?.plots.some((x) => x.id === r.id)) || (r.kind === 'site' && !plan?.sites.some((x) => x.id === r.id)));
    // Building ids are checked by the run itself: they live in footprints.json, loaded only then.
    if (bad) report('slr', `no ${r.kind} "${r.id}" in this zone`);
    else patch.receivers = r;
  }
  if (p.spacingM !== undefined) patch.spacingM = p.spacingM;
  if (p.groundHeightM !== undefined) {
    patch.ground = true;
    patch.groundHeightM = p.groundHeightM;
  }
  if (patch.profileId !== undefined && patch.overrides === undefined) patch.overrides = {};
  s.setSunlightSettings(patch);
  if (p.profile || p.receivers || p.state) s.setSunlightAutoRun(true);
}
