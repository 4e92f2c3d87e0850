/**
 * The three.js view's screenshot for the export: one render at the requested pixel size, by
 * resizing the renderer's drawing buffer (pixel ratio 1, the CSS box untouched) for that one
 * draw and copying it to a 2D canvas in the same task, then restoring the live size. The live
 * renderer is used rather than a render target because a target is drawn in linear colour
 * without tone mapping, which would not match the screen. Compared panes are drawn as the
 * view draws them (drawPanes). When the browser caps the drawing buffer below the request, the
 * largest size it gave is rendered and scaled up, and the shot says so.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import type { Vec3 } from '../../core/geodesy';
import { drawPanes } from '../../layers/planning/drawPanes';
import { panesForState } from '../../layers/planning/PlanStateDriver';
import { useAppStoreApi } from '../../state/hooks';
import { registerViewCapturer, type ShotCamera } from '../../state/viewCapture';
import { threeToEnu } from './enuThree';
import { useZone } from './ZoneContext';

const DEG = Math.PI / 180;

function shotCamera(cam: PerspectiveCamera): ShotCamera {
  cam.updateMatrixWorld();
  const m = cam.matrixWorld.elements;
  const toEnu = (x: number, y: number, z: number): Vec3 => threeToEnu(x, y, z);
  const fov = cam.fov * DEG;
  // A video-wall tile sees a slice of the full frustum: its own vertical extent.
  const v = cam.view;
  const vFovRad = v?.enabled && v.fullHeight > 0 ? 2 * Math.atan((Math.tan(fov / 2) * v.height) / v.fullHeight) : fov;
  return {
    positionEnu: toEnu(m[12]!, m[13]!, m[14]!),
    forwardEnu: toEnu(-m[8]!, -m[9]!, -m[10]!),
    upEnu: toEnu(m[4]!, m[5]!, m[6]!),
    vFovRad,
  };
}

export function ViewExportCapture() {
  const { planState } = useZone();
  const store = useAppStoreApi();
  const get = useThree((s) => s.get);

  useEffect(
    () =>
      registerViewCapturer(({ width, height }) => {
        const { gl, scene, camera, size, invalidate } = get();
        const cam = camera as PerspectiveCamera;
        const ctx = gl.getContext();
        if (ctx.isContextLost()) throw new Error('WebGL context lost');
        const before = planState.current;
        const ratio = gl.getPixelRatio();
        const aspect = cam.aspect;
        try {
          gl.setPixelRatio(1);
          gl.setSize(width, height, false);
          let rw = ctx.drawingBufferWidth;
          let rh = ctx.drawingBufferHeight;
          if (rw !== width || rh !== height) {
            gl.setSize(rw, rh, false);
            rw = ctx.drawingBufferWidth;
            rh = ctx.drawingBufferHeight;
          }
          // The image has the window's aspect; a video-wall tile keeps the frustum its wall set up.
          if (!cam.view?.enabled) {
            cam.aspect = width / height;
            cam.updateProjectionMatrix();
          }
          drawPanes(gl, scene, cam, panesForState(store.getState()), rw, rh, planState);
          if (ctx.isContextLost()) throw new Error('WebGL context lost while drawing the screenshot');
          const image = document.createElement('canvas');
          image.width = width;
          image.height = height;
          const c2d = image.getContext('2d');
          if (!c2d) throw new Error('no 2D canvas for the screenshot');
          c2d.drawImage(gl.domElement, 0, 0, rw, rh, 0, 0, width, height);
          return { image, camera: shotCamera(cam), credits: [], renderedPx: { width: rw, height: rh } };
        } finally {
          gl.setPixelRatio(ratio);
          gl.setSize(size.width, size.height, false);
          cam.aspect = aspect;
          cam.updateProjectionMatrix();
          planState.apply(before);
          // Resizing cleared the visible canvas; an on-demand frame loop must draw again.
          invalidate();
        }
      }),
    [get, planState, store],
  );
  return null;
}
