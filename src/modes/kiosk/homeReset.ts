/**
 * The kiosk's home state and the way back to it. After a visitor leaves (or presses 回到首页) the
 * next one must find the kiosk as it started: its start zone at the default viewpoint, default
 * layers, nothing selected, no tool, no story, the start language and sun time. The plan is pure
 * data, so what a reset changes is tested in Node; applyHomeReset carries it out on the store.
 */
import { enterZone, layerDefaults } from '../../app/zoneActions';
import type { Scene } from '../../scene/schema';
import type { AppState, AppStore } from '../../state/store';
import type { Language } from '../../state/viewSlice';

/** What the kiosk looked like when it started; a reset goes back here. */
export interface KioskHome {
  zoneId: string;
  language: Language;
  sunTimeMs: number | null;
}

export interface HomeResetPlan {
  /** Another zone is open: go back to the home zone (which resets camera, layers, tools and selection itself). */
  enterZone: string | null;
  viewpointId: string;
  layers: Record<string, boolean>;
  /** Null: keep the visitor's language (the 回到首页 button; the idle reset restores the start language). */
  language: Language | null;
  sunTimeMs: number | null;
  stopStory: boolean;
  clearSelection: boolean;
  clearTools: boolean;
}

export function kioskHome(s: Pick<AppState, 'currentZoneId' | 'language' | 'sunTimeMs'>, fallbackZoneId: string): KioskHome {
  return { zoneId: s.currentZoneId ?? fallbackZoneId, language: s.language, sunTimeMs: s.sunTimeMs };
}

export function homeResetPlan(
  home: KioskHome,
  homeScene: Scene,
  s: Pick<AppState, 'currentZoneId' | 'language'>,
  opts: { keepLanguage?: boolean } = {},
): HomeResetPlan {
  return {
    enterZone: s.currentZoneId === home.zoneId ? null : home.zoneId,
    viewpointId: homeScene.defaultViewpoint,
    layers: layerDefaults(homeScene),
    language: opts.keepLanguage || s.language === home.language ? null : home.language,
    sunTimeMs: home.sunTimeMs,
    stopStory: true,
    clearSelection: true,
    clearTools: true,
  };
}

/**
 * Carries the plan out. The story stops first: its driver gives back the layers it switched, and
 * only then do the defaults go on, so nothing of the story survives the reset.
 */
export function applyHomeReset(store: AppStore, homeScene: Scene, plan: HomeResetPlan): void {
  const s = store.getState();
  if (plan.stopStory) s.setStory(null);
  if (plan.enterZone) enterZone(store, homeScene);
  const t = store.getState();
  if (plan.clearSelection) {
    t.select(null);
    t.setHovered(null);
    t.selectLive(null);
    t.setFollowVehicle(false);
    t.setHeatmap('off');
  }
  if (plan.clearTools) t.resetTools();
  t.resetLayers(plan.layers);
  if (plan.language) t.setLanguage(plan.language);
  if (t.sunTimeMs !== plan.sunTimeMs) t.setSunTime(plan.sunTimeMs);
  if (!plan.enterZone) t.flyToViewpoint(plan.viewpointId);
}
