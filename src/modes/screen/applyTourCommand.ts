/**
 * Carries out the tour machine's commands on the app store: the camera rig, the zone switch and
 * the live selection all listen there. Separate from the hook so Node tests can drive it with a
 * real store.
 *
 * - `fly` to a stop of another zone (a carousel) enters that zone the same way the zone picker
 *   does, at the stop's viewpoint or pose; within the zone it asks the rig to fly. The rig paces
 *   flights itself: the stop's flight time only tells the machine when the dwell starts.
 * - `flyToAlert` flies to the alert's asset exactly as the alert list's "locate" does, and selects
 *   it so its marker is highlighted; the machine passes no pose for feed alerts (TourAlert.assetPose
 *   is left out), because the rig frames a target from wherever the camera is.
 * - `hold` and `end` leave the camera where it is.
 */
import { enterZone } from '../../app/zoneActions';
import type { Scene } from '../../scene/schema';
import type { AppStore } from '../../state/store';
import type { TourCommand } from '../tour/tourTypes';

/** How close the camera comes to an alarmed asset: the same framing as the alert list's fly-to. */
export const ALARM_FLY_RADIUS_M = 160;

export function applyTourCommand(store: AppStore, cmd: TourCommand | null, sceneOf: (zone: string) => Scene | null): void {
  if (!cmd) return;
  const s = store.getState();
  if (cmd.kind === 'fly') {
    const { stop } = cmd;
    // The alarm's highlight goes with the alarm.
    if (s.liveSelected) s.selectLive(null);
    if (s.currentZoneId !== cmd.zone) {
      const scene = sceneOf(cmd.zone);
      if (!scene) return;
      enterZone(store, scene, stop.pose ? { pose: stop.pose } : { viewpointId: stop.viewpointId });
      return;
    }
    if (stop.pose) s.flyToPose(stop.pose);
    else s.flyToViewpoint(stop.viewpointId);
    return;
  }
  if (cmd.kind === 'flyToAlert') {
    // An alert belongs to the zone being watched; after a carousel switch it points at nothing.
    if (s.currentZoneId !== cmd.zone) return;
    if (cmd.pose) {
      s.flyToPose(cmd.pose);
      return;
    }
    const a = s.alertState.alerts.find((x) => x.id === cmd.alert.id);
    if (!a || !Number.isFinite(a.asset.x) || !Number.isFinite(a.asset.y)) return;
    s.flyToTarget([a.asset.x, a.asset.y, 0], ALARM_FLY_RADIUS_M);
    s.selectLive({ kind: a.asset.kind, id: a.asset.id });
  }
}
