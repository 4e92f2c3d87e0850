/**
 * Cesium lights tiles with its own sun model at the clock's time, so the clock is set to the
 * app's sun time (the sun control, else the scene's default date) and follows it when it changes.
 */
import type { CesiumWidget } from 'cesium';
import type { Scene } from '../../scene/schema';
import type { AppStore } from '../../state/store';
import type { CesiumModule } from './loadCesium';
import { GLOBE_DEFAULT_SUN_ISO } from './globeSettings';

export function attachGlobeSun(Cesium: CesiumModule, widget: CesiumWidget, scene: Scene, store: AppStore): () => void {
  const apply = (sunMs: number | null) => {
    widget.clock.currentTime =
      sunMs !== null && Number.isFinite(sunMs)
        ? Cesium.JulianDate.fromDate(new Date(sunMs))
        : Cesium.JulianDate.fromIso8601(scene.sunDefault ?? GLOBE_DEFAULT_SUN_ISO);
    widget.scene.requestRender();
  };
  apply(store.getState().sunTimeMs);
  return store.subscribe((s, prev) => {
    if (s.sunTimeMs !== prev.sunTimeMs) apply(s.sunTimeMs);
  });
}
