/**
 * The globe view's screenshot for the export. The widget renders at CSS pixels × its
 * `resolutionScale` (the app keeps Cesium's browser-recommended resolution), so for one frame
 * the scale is set to image width / CSS width, the widget is resized and rendered, and the canvas
 * is copied in the same task (the drawing buffer is not preserved). Then the scale is restored.
 * Tiles are the ones already loaded for the live view: the shot is sharper, not more detailed.
 * The image is drawn to exactly the requested size (Cesium truncates fractional canvas sizes).
 */
import type { CesiumWidget } from 'cesium';
import type { EnuFrame, Vec3 } from '../../core/geodesy';
import type { Scene } from '../../scene/schema';
import { registerViewCapturer, type ShotCamera } from '../../state/viewCapture';
import { NATURAL_EARTH_CREDIT } from './baseMapModel';
import type { CesiumModule } from './loadCesium';

function direction(frame: EnuFrame, v: { x: number; y: number; z: number }): Vec3 {
  const d = (b: Vec3) => b[0] * v.x + b[1] * v.y + b[2] * v.z;
  return [d(frame.east), d(frame.north), d(frame.up)];
}

function shotCamera(Cesium: CesiumModule, widget: CesiumWidget, frame: EnuFrame): ShotCamera {
  const cam = widget.scene.camera;
  const p = cam.positionWC;
  const f = cam.frustum;
  const fovy = f instanceof Cesium.PerspectiveFrustum ? (f.fovy ?? Number.NaN) : Number.NaN;
  return {
    positionEnu: frame.ecefToEnu(p.x, p.y, p.z),
    forwardEnu: direction(frame, cam.directionWC),
    upEnu: direction(frame, cam.upWC),
    vFovRad: fovy,
  };
}

export function attachGlobeExport(Cesium: CesiumModule, widget: CesiumWidget, scene: Scene, frame: EnuFrame): () => void {
  const credits = [NATURAL_EARTH_CREDIT, ...(scene.baseMap ? [scene.baseMap.attribution.text] : [])];
  return registerViewCapturer(({ width, height }) => {
    if (widget.isDestroyed()) throw new Error('the globe view is gone');
    const canvas = widget.canvas;
    const cssW = canvas.clientWidth;
    if (!(cssW > 0)) throw new Error('the globe canvas has no size');
    const scale = widget.resolutionScale;
    try {
      widget.resolutionScale = width / cssW;
      widget.resize();
      widget.render();
      const rw = canvas.width;
      const rh = canvas.height;
      const image = document.createElement('canvas');
      image.width = width;
      image.height = height;
      const c2d = image.getContext('2d');
      if (!c2d) throw new Error('no 2D canvas for the screenshot');
      c2d.drawImage(canvas, 0, 0, rw, rh, 0, 0, width, height);
      return { image, camera: shotCamera(Cesium, widget, frame), credits, renderedPx: { width: rw, height: rh } };
    } finally {
      widget.resolutionScale = scale;
      widget.resize();
      widget.scene.requestRender();
    }
  });
}
