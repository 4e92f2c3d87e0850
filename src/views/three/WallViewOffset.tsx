/**
 * A video-wall screen's share of the camera (src/modes/wall/): the camera's aspect becomes the
 * whole wall's and camera.setViewOffset picks this screen's tile of that large frustum, so the
 * screens together show one picture. A follower also takes the leader's field of view and gives up
 * its own camera input (the leader's state drives it). The leader offers its live camera, mid-flight
 * included, to the wall sync (liveCamera.ts).
 *
 * R3F resets the aspect whenever the canvas resizes, so the projection is checked every frame and
 * set again only when something differs: no allocation, and no work on a steady frame.
 */
import { useEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type CameraControlsImpl from 'camera-controls';
import { Vector3, type PerspectiveCamera } from 'three';
import { wallView, type WallView } from '../../modes/wall/wallLayout';
import { patchWallRuntime } from '../../modes/wall/wallRuntime';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { WallSettings } from '../../state/modeSlice';
import { CAMERA_FOV_DEG } from './cameraModel';
import { threeToEnu } from './enuThree';
import { provideLiveCamera } from './liveCamera';

const scratchPos = new Vector3();
const scratchTarget = new Vector3();

function tileView(wall: WallSettings | null, width: number, height: number): WallView | null {
  if (!wall || !(width > 0 && height > 0)) return null;
  try {
    return wallView({ ...wall, tileCssW: width, tileCssH: height }, wall);
  } catch {
    // The link's parser already refused an impossible layout; a zero-sized canvas draws nothing anyway.
    return null;
  }
}

function projectionDiffers(cam: PerspectiveCamera, view: WallView, fov: number): boolean {
  const v = cam.view;
  const [fw, fh, x, y, w, h] = view.viewOffset;
  return cam.aspect !== view.aspect || cam.fov !== fov || !v || !v.enabled ||
    v.fullWidth !== fw || v.fullHeight !== fh || v.offsetX !== x || v.offsetY !== y || v.width !== w || v.height !== h;
}

export function WallViewOffset() {
  const store = useAppStoreApi();
  const wall = useAppStore((s) => s.modeSettings.wall);
  const leaderFov = useAppStore((s) => (s.modeSettings.wall?.role === 'follower' ? (s.modeRuntime.wall?.fovDeg ?? null) : null));
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as CameraControlsImpl | null;
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  const get = useThree((s) => s.get);
  const view = useMemo(() => tileView(wall, width, height), [wall, width, height]);

  useEffect(() => {
    if (wall) patchWallRuntime(store, wall.role, { offset: view ? [...view.viewOffset] : null });
  }, [store, wall, view]);

  useEffect(() => {
    if (!view || !camera.isPerspectiveCamera) return;
    invalidate();
    return () => {
      const size = get().size;
      camera.clearViewOffset();
      camera.fov = CAMERA_FOV_DEG;
      if (size.width > 0 && size.height > 0) camera.aspect = size.width / size.height;
      camera.updateProjectionMatrix();
      invalidate();
    };
  }, [view, camera, get, invalidate]);

  useEffect(() => invalidate(), [leaderFov, invalidate]);

  useEffect(() => {
    if (!controls || wall?.role !== 'follower') return;
    controls.enabled = false;
    return () => {
      controls.enabled = true;
    };
  }, [controls, wall]);

  useEffect(() => {
    if (!controls || wall?.role !== 'leader') return;
    return provideLiveCamera(() => {
      controls.getPosition(scratchPos, false);
      controls.getTarget(scratchTarget, false);
      return {
        pose: { position: threeToEnu(scratchPos.x, scratchPos.y, scratchPos.z), target: threeToEnu(scratchTarget.x, scratchTarget.y, scratchTarget.z) },
        fovDeg: camera.fov,
      };
    });
  }, [controls, camera, wall]);

  useFrame(() => {
    if (!view || !camera.isPerspectiveCamera) return;
    const fov = leaderFov ?? camera.fov;
    if (!projectionDiffers(camera, view, fov)) return;
    camera.aspect = view.aspect;
    camera.fov = fov;
    // setViewOffset updates the projection matrix itself.
    camera.setViewOffset(...view.viewOffset);
  });

  return null;
}
