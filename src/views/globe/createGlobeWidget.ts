/**
 * Builds the Cesium widget for the globe view: the offline Natural Earth II imagery that ships
 * with Cesium as its base layer (a deployment's own map goes on top, see attachGlobeBaseMap), no
 * Ion, no terrain server and none of the Viewer's widgets, rendering only when something changed.
 */
import type { CesiumWidget } from 'cesium';
import { DEG } from '../../core/geodesy';
import { CAMERA_FOV_DEG } from '../three/cameraModel';
import type { CesiumModule } from './loadCesium';
import { NATURAL_EARTH_CREDIT, NATURAL_EARTH_PATH } from './baseMapModel';
import { GLOBE_BACKGROUND_COLOR, GLOBE_BASE_COLOR, GLOBE_MAX_ZOOM_DISTANCE_M } from './globeSettings';

/**
 * `creditContainer`: where Cesium puts its logo and data credits. The app passes a slot in its
 * attribution corner, because the widget's own bottom-left corner lies under the status bar.
 */
export function createGlobeWidget(Cesium: CesiumModule, container: HTMLElement, creditContainer?: HTMLElement): CesiumWidget {
  const naturalEarth = Cesium.ImageryLayer.fromProviderAsync(
    Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl(NATURAL_EARTH_PATH), { credit: NATURAL_EARTH_CREDIT }),
    {},
  );
  const widget = new Cesium.CesiumWidget(container, {
    // Natural Earth II is read from the app's own copy of Cesium's assets; the default base layer would fetch Ion imagery.
    baseLayer: naturalEarth,
    skyBox: false,
    // The atmosphere is computed in a shader, no download: a horizon instead of black space.
    skyAtmosphere: new Cesium.SkyAtmosphere(),
    ...(creditContainer ? { creditContainer } : {}),
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
  // Far enough to see the whole Earth, near enough that every pose stays within the share URL's limits.
  scene.screenSpaceCameraController.maximumZoomDistance = GLOBE_MAX_ZOOM_DISTANCE_M;
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
