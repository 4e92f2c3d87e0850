/**
 * Makes this browser a video-wall screen when the link or scene names a wall (modeSettings.wall):
 * joins the wall through the zone feed's sync channel (the wall port), and then
 *
 * - as the leader, samples what it shows every WALL_TICK_MS (the live camera mid-flight, else the
 *   pose at rest; the tour position; the simulation clock) and sends it when it changed, ≤ 10 Hz;
 * - as a follower, applies the leader's newest state at once (switching zone if the leader did),
 *   and reports the leader's field of view and tour for the view and the HUD.
 *
 * The feed source joins again after every reconnect; each `wall-joined` answer brings the server's
 * latest state, so a late or reconnected follower catches up at once, and a leader sends afresh.
 * Without a sync channel (the built-in simulator, MQTT) the screen shows a notice, counts an
 * error, and goes on showing its own view.
 */
import { useEffect, useState } from 'react';
import { enterZone } from '../../app/zoneActions';
import type { FeedWallLink, WallEvent } from '../../feed/FeedRuntime';
import type { WallState } from '../../feed/protocol/messages';
import { trackInterval } from '../../runtime/tracked';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import type { AppState } from '../../state/store';
import type { WallPort } from '../../state/wallPort';
import { CAMERA_FOV_DEG } from '../../views/three/cameraModel';
import { readLiveCamera } from '../../views/three/liveCamera';
import { patchWallRuntime } from './wallRuntime';
import { WallFollower, WallLeader, wallErrorKind, type WallPicture, type WallTour } from './wallSync';

/** Half the send interval, so a change is never held back much past the 10 Hz budget. */
export const WALL_TICK_MS = 50;

export type WallNotice = 'needs-server' | 'replaced' | 'refused';

function tourOf(s: AppState): WallTour | null {
  const t = s.modeRuntime.tour;
  return t ? { id: t.id, step: t.step, state: t.state } : null;
}

function pictureOf(s: AppState): WallPicture | null {
  const zone = s.currentZoneId;
  const live = readLiveCamera();
  const pose = live?.pose ?? s.cameraPose;
  if (!zone || !pose) return null;
  return { zone, pose, fovDeg: live?.fovDeg ?? CAMERA_FOV_DEG, tour: tourOf(s), simMs: s.feed.simTimeMs };
}

export function useWallSync(port: WallPort): WallNotice | null {
  const store = useAppStoreApi();
  const wall = useAppStore((s) => s.modeSettings.wall);
  const [notice, setNotice] = useState<WallNotice | null>(null);

  useEffect(() => {
    if (!wall) return;
    const { id, role } = wall;
    patchWallRuntime(store, role, {});
    const leader = role === 'leader' ? new WallLeader(Date.now()) : null;
    const follower = role === 'follower' ? new WallFollower() : null;
    let link: FeedWallLink | null = null;
    let unlisten = () => {};
    // A leader sends only once the server has made it the leader, and stops when another takes over.
    let publishing = false;
    let reportedNoChannel = false;

    const apply = (state: WallState) => {
      const s = store.getState();
      patchWallRuntime(store, role, { fovDeg: state.camera.fovDeg, tour: state.tour ?? null, synced: true });
      const pose = { position: state.camera.position as [number, number, number], target: state.camera.target as [number, number, number] };
      if (state.zone === s.currentZoneId) {
        s.flyToPose(pose, true);
        return;
      }
      // The new zone's feed joins the wall again, and its wall-joined brings the latest state.
      const scene = s.zones.find((z) => z.id === state.zone)?.scene;
      if (scene) enterZone(store, scene, { pose });
    };

    const onEvent = (e: WallEvent) => {
      if (e.type === 'error') {
        const kind = wallErrorKind(e.code, e.message);
        if (kind === 'replaced') {
          publishing = false;
          // Left for good: a reconnect must not re-join as leader and take the wall back.
          link?.leave(id);
          patchWallRuntime(store, role, { leader: null, peers: 0, synced: false });
        }
        if (kind) setNotice(kind);
        return;
      }
      if (e.wall !== id) return;
      if (e.type === 'wall-state') {
        const next = follower?.accept(e.state);
        if (next) apply(next);
        return;
      }
      patchWallRuntime(store, role, { peers: e.followers, leader: e.leader });
      follower?.leaderIs(e.leader);
      if (e.type !== 'wall-joined') return;
      setNotice(null);
      if (leader) {
        leader.rejoined();
        publishing = true;
        patchWallRuntime(store, role, { synced: true });
      }
      const latest = follower?.joined(e.state);
      if (latest) apply(latest);
    };

    const unwatch = port.watch((a) => {
      unlisten();
      unlisten = () => {};
      link = null;
      publishing = false;
      patchWallRuntime(store, role, { synced: false });
      if (!a) return;
      if (!a.link) {
        setNotice('needs-server');
        if (!reportedNoChannel) {
          reportedNoChannel = true;
          store.getState().reportError('feed', `wall=${id}`,
            `a video wall needs the feed server: this screen's feed (${a.feedKind}) has no sync channel; open it with feed=ws&feedUrl=ws://<server>/. It shows its own view meanwhile`,
            Date.now(), 'wall-needs-server');
        }
        return;
      }
      link = a.link;
      unlisten = link.listen(onEvent);
      link.join(id, role);
    });

    const tick = () => {
      if (!leader || !link || !publishing) return;
      const picture = pictureOf(store.getState());
      const state = picture ? leader.offer(Date.now(), picture) : null;
      if (state) link.publish(id, state);
    };
    const stopTick = leader ? trackInterval(tick, WALL_TICK_MS) : null;

    return () => {
      stopTick?.();
      unlisten();
      link?.leave(id);
      unwatch();
      setNotice(null);
      store.getState().setModeRuntime({ wall: null });
    };
  }, [store, port, wall]);

  return notice;
}
