/**
 * Map-style camera (camera-controls via drei): left drag / one finger pans over the ground,
 * right drag / two-finger drag orbits, wheel / pinch zooms towards the cursor. Distance, polar
 * angle and the target's extent are limited so the camera never goes under the ground or leaves
 * the zone. Serves fly requests from the store and publishes the pose when the camera rests.
 */
import { useEffect, useRef } from 'react';
import { CameraControls } from '@react-three/drei';
import type CameraControlsImpl from 'camera-controls';
import { Box3, Vector3 } from 'three';
import { trackListener } from '../../runtime/tracked';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { CameraPose, FlyRequest } from '../../state/viewSlice';
import type { Vec3 } from '../../core/geodesy';
import { MAX_DISTANCE_M, MIN_DISTANCE_M, MIN_ELEVATION_RAD, poseForTarget, roundPose, samePose, sanitizePose } from './cameraModel';
import { enuToThree, threeToEnu } from './enuThree';
import { useZone } from './ZoneContext';

/** How far beyond the zone bounds the camera target may wander, metres. */
export const TARGET_BOUNDS_MARGIN_M = 500;

const scratchPos = new Vector3();
const scratchTarget = new Vector3();

function readPose(controls: CameraControlsImpl): CameraPose {
  controls.getPosition(scratchPos);
  controls.getTarget(scratchTarget);
  return {
    position: threeToEnu(scratchPos.x, scratchPos.y, scratchPos.z),
    target: threeToEnu(scratchTarget.x, scratchTarget.y, scratchTarget.z),
  };
}

function applyPose(controls: CameraControlsImpl, pose: CameraPose, animate: boolean): Promise<void> {
  const p = enuToThree(...pose.position);
  const t = enuToThree(...pose.target);
  return controls.setLookAt(p[0], p[1], p[2], t[0], t[1], t[2], animate);
}

export function CameraRig() {
  const { scene, frame } = useZone();
  const store = useAppStoreApi();
  const ref = useRef<CameraControlsImpl>(null);
  // A shell's tighter limits (kiosk); null keeps the planner's.
  const limits = useAppStore((s) => s.cameraLimits);

  // Limits and input mapping.
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const A = (c.constructor as typeof CameraControlsImpl).ACTION;
    c.mouseButtons.left = A.SCREEN_PAN;
    c.mouseButtons.middle = A.DOLLY;
    c.mouseButtons.right = A.ROTATE;
    c.mouseButtons.wheel = A.DOLLY;
    c.touches.one = A.TOUCH_SCREEN_PAN;
    c.touches.two = A.TOUCH_DOLLY_ROTATE;
    c.touches.three = A.TOUCH_ROTATE;
    c.dollyToCursor = true;
    c.minDistance = limits?.minDistanceM ?? MIN_DISTANCE_M;
    c.maxDistance = limits?.maxDistanceM ?? MAX_DISTANCE_M;
    c.minPolarAngle = limits ? Math.PI / 2 - limits.maxElevationRad : 0;
    c.maxPolarAngle = Math.PI / 2 - (limits?.minElevationRad ?? MIN_ELEVATION_RAD);
    c.smoothTime = 0.2;
    c.draggingSmoothTime = 0.08;
    const { west, south, east, north } = scene.bounds;
    const sw = frame.lonLatToEnu(west, south);
    const ne = frame.lonLatToEnu(east, north);
    const margin = limits?.boundsMarginM ?? TARGET_BOUNDS_MARGIN_M;
    const a = enuToThree(sw[0] - margin, sw[1] - margin, -50);
    const b = enuToThree(ne[0] + margin, ne[1] + margin, 600);
    c.setBoundary(new Box3(new Vector3(Math.min(a[0], b[0]), a[1], Math.min(a[2], b[2])), new Vector3(Math.max(a[0], b[0]), b[1], Math.max(a[2], b[2]))));
  }, [scene, frame, limits]);

  // Fly requests, the initial pose, and publishing the pose at rest.
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    let lastPublished: CameraPose | null = null;
    const inThisZone = () => store.getState().currentZoneId === scene.id || store.getState().currentZoneId === null;

    const publish = () => {
      if (!inThisZone()) return;
      const pose = roundPose(readPose(c));
      if (samePose(pose, lastPublished)) return;
      lastPublished = pose;
      store.getState().setCameraPose(pose);
    };

    const serve = (req: FlyRequest, first: boolean) => {
      let pose: CameraPose | null = null;
      let animate = !first;
      if (req.kind === 'viewpoint') {
        const vp = scene.viewpoints.find((v) => v.id === req.viewpointId);
        if (vp) pose = sanitizePose({ position: vp.position, target: vp.target });
      } else if (req.kind === 'target') {
        pose = poseForTarget(readPose(c), req.target as Vec3, req.radiusM);
      } else {
        pose = sanitizePose({ position: req.position, target: req.target });
        if (req.instant) animate = false;
      }
      if (!pose) return;
      void applyPose(c, pose, animate).then(() => {
        if (!animate) publish();
      });
    };

    // Start: the pose this view should show (engine switch), else a pending request (zone entry, shared link), else the default viewpoint.
    const s = store.getState();
    const current = s.cameraPose ? sanitizePose(s.cameraPose) : null;
    if (current) void applyPose(c, current, false);
    else if (s.flyRequest) serve(s.flyRequest, true);
    else serve({ seq: 0, kind: 'viewpoint', viewpointId: scene.defaultViewpoint }, true);

    const unsubscribe = store.subscribe((next, prev) => {
      if (next.flyRequest && next.flyRequest !== prev.flyRequest && inThisZone()) serve(next.flyRequest, false);
    });
    // camera-controls' own dispatcher takes the same calls as an EventTarget but is typed per event.
    const events = c as unknown as EventTarget;
    const offRest = trackListener(events, 'rest', publish);
    const offSleep = trackListener(events, 'sleep', publish);
    return () => {
      unsubscribe();
      offRest();
      offSleep();
    };
  }, [scene, store]);

  return <CameraControls ref={ref} makeDefault />;
}
