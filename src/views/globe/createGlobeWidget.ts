/**
 * Builds the Cesium widget for the globe view: a plain globe with no imagery, no Ion, no terrain
 * server and none of the Viewer's widgets, rendering only when something changed.
 */
import type { CesiumWidget } from 'cesium';
import { DEG } from '../../core/geodesy';
import { CAMERA_FOV_DEG } from '../three/cameraModel';
import type { CesiumModule } from './loadCesium';
import { GLOBE_BACKGROUND_COLOR, GLOBE_BASE_COLOR } from './globeSettings';

export function createGlobeWidget(Cesium: CesiumModule, container: HTMLElement): CesiumWidget {
  const widget = new Cesium.CesiumWidget(container, {
    // No network: the default base layer and sky would fetch Bing/Ion imagery.
    baseLayer: false,
    skyBox: false,
    skyAtmosphere: false,
    // Renders on change only (tile arrivals, camera moves), which saves CPU on kiosks and in
    // SwiftShader; time is frozen so the clock never asks for frames.
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    shouldAnimate: false,
    // Errors go to the app's status bar instead of Cesium's own HTML panel.
    showRenderLoopErrors: false,
  });
  const scene = widget.scene;
  scene.backgroundColor = Cesium.Color.fromCssColorString(GLOBE_BACKGROUND_COLOR);
  scene.globe.baseColor = Cesium.Color.fromCssColorString(GLOBE_BASE_COLOR);
  scene.globe.showGroundAtmosphere = false;
  // Fog lowers tile detail with distance; it is off so tile selection matches the three.js view.
  scene.fog.enabled = false;
  // Same vertical field of view as the three.js camera, so a shared pose frames the same view and
  // screen-space error means the same thing in both. Cesium's `fov` is horizontal on wide screens.
  const fovy = CAMERA_FOV_DEG * DEG;
  scene.preUpdate.addEventListener(() => {
    const f = scene.camera.frustum;
    const aspect = f instanceof Cesium.PerspectiveFrustum ? (f.aspectRatio ?? 0) : 0;
    if (!(f instanceof Cesium.PerspectiveFrustum) || !(aspect > 0)) return;
    const fov = aspect > 1 ? 2 * Math.atan(Math.tan(fovy / 2) * aspect) : fovy;
    if (f.fov !== fov) f.fov = fov;
  });
  return widget;
}
