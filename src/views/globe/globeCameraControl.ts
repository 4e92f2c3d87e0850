/**
 * Drives Cesium's camera from the store's fly requests and publishes where it came to rest, in
 * the zone's ENU frame, so shared links and the three.js view speak the same poses.
 */
import type { CesiumWidget } from 'cesium';
import type { EnuFrame, Vec3 } from '../../core/geodesy';
import type { Scene } from '../../scene/schema';
import type { AppStore } from '../../state/store';
import type { FlyRequest } from '../../state/viewSlice';
import type { CesiumModule } from './loadCesium';
import { ecefViewToEnuPose, enuPoseToEcefView } from './globeCamera';
import { GLOBE_FLY_DURATION_S } from './globeSettings';

export interface FlyCursor {
  /** Highest fly request already applied; survives zone changes so old requests are not replayed. */
  lastSeq: number;
}

export function attachGlobeCamera(
  Cesium: CesiumModule,
  widget: CesiumWidget,
  scene: Scene,
  frame: EnuFrame,
  store: AppStore,
  cursor: FlyCursor,
): () => void {
  const camera = widget.scene.camera;
  const cart = (v: Vec3) => new Cesium.Cartesian3(v[0], v[1], v[2]);

  const lookAt = (position: Vec3, target: Vec3, durationS: number) => {
    const v = enuPoseToEcefView(frame, position, target);
    const orientation = { direction: cart(v.direction), up: cart(v.up) };
    if (durationS <= 0) camera.setView({ destination: cart(v.destination), orientation });
    else camera.flyTo({ destination: cart(v.destination), orientation, duration: durationS });
  };

  const apply = (req: FlyRequest, durationS: number) => {
    cursor.lastSeq = Math.max(cursor.lastSeq, req.seq);
    if (req.kind === 'viewpoint') {
      const vp = scene.viewpoints.find((p) => p.id === req.viewpointId);
      if (vp) lookAt(vp.position, vp.target, durationS);
    } else if (req.kind === 'pose') {
      lookAt(req.position, req.target, req.instant ? 0 : durationS);
    } else {
      const sphere = new Cesium.BoundingSphere(cart(frame.enuToEcef(...req.target)), req.radiusM);
      camera.flyToBoundingSphere(sphere, { duration: durationS });
    }
    widget.scene.requestRender();
  };

  const home = scene.viewpoints.find((p) => p.id === scene.defaultViewpoint);
  if (home) lookAt(home.position, home.target, 0);
  // A request made before the globe existed (a `cam=`/`vp=` link, or the last three.js fly) wins
  // over the default viewpoint, and is applied at once since there is nothing to fly from.
  const pending = store.getState().flyRequest;
  if (pending && pending.seq > cursor.lastSeq) apply(pending, 0);

  const unsubscribe = store.subscribe((s, prev) => {
    // While the app switches zones, the new zone's request arrives before this view is re-attached
    // with the new scene: leave it pending for the next attach instead of reading it in this frame.
    if (s.currentZoneId !== scene.id) return;
    if (s.flyRequest && s.flyRequest !== prev.flyRequest && s.flyRequest.seq > cursor.lastSeq) {
      apply(s.flyRequest, GLOBE_FLY_DURATION_S);
    }
  });

  const publishPose = () => {
    const p = camera.positionWC, d = camera.directionWC;
    const pose = ecefViewToEnuPose(frame, [p.x, p.y, p.z], [d.x, d.y, d.z]);
    if ([...pose.position, ...pose.target].every(Number.isFinite)) store.getState().setCameraPose(pose);
  };
  const removeMoveEnd = camera.moveEnd.addEventListener(publishPose);
  publishPose();

  return () => {
    unsubscribe();
    removeMoveEnd();
  };
}
