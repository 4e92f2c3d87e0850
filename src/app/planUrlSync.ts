/**
 * Between the planner's URL part (planUrl.ts) and the store. Layer visibility and opacity apply
 * as soon as the zone opens; the site, the compared states and the plot wait for the zone's plan,
 * because only then can their ids be checked. An id the plan does not know is reported, and the
 * rest of the link still applies.
 */
import { EXISTING_STATE } from '../analysis/planning/types';
import type { Scene } from '../scene/schema';
import { allSchemes } from '../state/planningSlice';
import type { AppState, AppStore } from '../state/store';
import type { PlanUrlState } from './planUrl';
import { applySunlightUrl, sunlightUrlFromState } from './sunlightUrlSync';
import { applyToolsUrl, toolsUrlFromState } from './toolsUrlSync';
import { layerDefaults } from './zoneActions';

export function planUrlFromState(s: AppState, scene: Scene | null): PlanUrlState | undefined {
  if (!scene) return undefined;
  const defaults = layerDefaults(scene);
  const layers: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(s.layerVisible)) if ((defaults[id] ?? true) !== on) layers[id] = on;
  const v = s.planView;
  return {
    site: s.activeSiteId ?? undefined,
    mode: v.mode,
    left: v.left,
    right: v.right,
    layout: v.layout,
    dividerX: v.dividerX,
    plot: s.selectedPlotId ?? undefined,
    layers: Object.keys(layers).length > 0 ? layers : undefined,
    opacity: Object.keys(s.layerOpacity).length > 0 ? { ...s.layerOpacity } : undefined,
    sunlight: sunlightUrlFromState(s),
    tools: toolsUrlFromState(s),
  };
}

/** Visibility and opacity: valid for any zone, applied right after entering it. */
export function applyPlanLayers(store: AppStore, p: PlanUrlState): void {
  const s = store.getState();
  for (const [id, on] of Object.entries(p.layers ?? {})) s.setLayerVisible(id, on);
  for (const [id, op] of Object.entries(p.opacity ?? {})) s.setLayerOpacity(id, op);
}

/** Site, comparison and plot, once the plan is loaded. Returns nothing; problems are reported. */
export function applyPlanView(store: AppStore, p: PlanUrlState): void {
  const s = store.getState();
  const plan = s.plan;
  const report = (param: string, reason: string) => s.reportError('url', param, reason);
  if (!plan) {
    if (p.site || p.mode || p.plot) report('site', 'ignored: this zone has no plan data');
    if (p.sunlight) report('sl', 'ignored: this zone has no plan data');
    return;
  }
  const known = new Set([EXISTING_STATE, ...allSchemes(s).map((x) => x.id)]);
  if (p.site) {
    if (plan.sites.some((x) => x.id === p.site)) s.setActiveSite(p.site);
    else report('site', `no site "${p.site}" in this zone`);
  }
  const state = (param: string, id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    if (known.has(id)) return id;
    // Imported schemes live in the planner's browser only; a link cannot carry them.
    report(param, `no scheme "${id}" in this zone (imported schemes are not part of a link)`);
    return undefined;
  };
  const left = state('pl', p.left);
  const right = state('pr', p.right);
  const mode = p.mode && (p.mode === 'existing' || right !== undefined) ? p.mode : undefined;
  s.setPlanView({
    ...(mode ? { mode } : {}),
    ...(left ? { left } : {}),
    ...(right ? { right } : {}),
    ...(p.layout ? { layout: p.layout } : {}),
    ...(p.dividerX !== undefined ? { dividerX: p.dividerX } : {}),
  });
  if (!p.site && right && right !== EXISTING_STATE) {
    const siteId = allSchemes(s).find((x) => x.id === right)?.siteId;
    if (siteId) s.setActiveSite(siteId);
  }
  if (p.plot) {
    if (plan.plots.some((x) => x.id === p.plot)) s.selectPlot(p.plot);
    else report('plot', `no plot "${p.plot}" in this zone`);
  }
  if (p.sunlight) applySunlightUrl(store, p.sunlight);
  if (p.tools) applyToolsUrl(store, p.tools);
}
