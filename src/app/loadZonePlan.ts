/**
 * Fetches the zone's plan (控规 plots, control lines, sites, shipped schemes) written by the
 * tiler next to its tiles, validates it and puts it in the store. A missing or broken plan is
 * reported once; the city view keeps working without the planning layers. A scene with
 * `planLayers: false` has none to load.
 */
import { parseZonePlan } from '../analysis/planning/planSchema';
import type { Scene } from '../scene/schema';
import type { AppStore } from '../state/store';
import { assetUrl } from './assetUrl';

/** plan/plan.json beside the zone's building index. */
export function planUrlOf(scene: Scene): string {
  const dir = scene.buildingIndexUrl.replace(/[^/]*$/, '');
  return `${dir}plan/plan.json`;
}

export async function loadZonePlan(store: AppStore, scene: Scene, fetchFn: typeof fetch = fetch): Promise<void> {
  const path = planUrlOf(scene);
  const s = store.getState();
  // A zone without planning layers: the planner shows "no planning data", nothing is fetched.
  if (scene.planLayers === false) {
    s.setPlan(null, 'idle');
    return;
  }
  s.setPlan(null, 'loading');
  let text: string;
  try {
    const res = await fetchFn(assetUrl(path));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    if (store.getState().currentZoneId !== scene.id) return;
    store.getState().setPlan(null, 'failed');
    store.getState().reportError('tileset', path, `plan data: ${(e as Error).message}`);
    return;
  }
  // The user may have moved on while it loaded.
  if (store.getState().currentZoneId !== scene.id) return;
  const r = parseZonePlan(text, scene.id);
  if (!r.ok) {
    store.getState().setPlan(null, 'failed');
    store.getState().reportError('tileset', path, `plan data: ${r.message}`);
    return;
  }
  store.getState().setPlan(r.plan, 'ready');
}
