/**
 * The wall screen's report for the test hook (modeRuntime.wall), written by two places: the sync
 * (role, peers, leader, the leader's fov and tour) and the three.js view (its view offset). Each
 * patches its own fields over the other's, and an unchanged report is not written again.
 */
import type { WallRuntime, WallSettings } from '../../state/modeSlice';
import type { AppStore } from '../../state/store';

export function emptyWallRuntime(role: WallSettings['role']): WallRuntime {
  return { role, peers: 0, offset: null, leader: null, fovDeg: null, tour: null, synced: false };
}

export function patchWallRuntime(store: AppStore, role: WallSettings['role'], patch: Partial<WallRuntime>): void {
  const s = store.getState();
  const cur = s.modeRuntime.wall;
  const next: WallRuntime = { ...(cur ?? emptyWallRuntime(role)), role, ...patch };
  // Small plain objects, written a few times a minute at most: a JSON comparison is the simplest exact one.
  if (cur && JSON.stringify(cur) === JSON.stringify(next)) return;
  s.setModeRuntime({ wall: next });
}
