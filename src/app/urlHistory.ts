/**
 * Browser history for changes of place. Entering a zone or going back to the zone picker is a new
 * history entry (pushState), so Back and Forward move between places; camera, selection, sun and
 * language only update the current entry (replaceState), so Back does not replay every camera
 * move. This file decides what is a change of place and how an entry is re-applied on popstate.
 */
import type { AppState, AppStore } from '../state/store';
import type { UrlState } from './urlState';
import { leaveZone } from './zoneActions';

/**
 * Whether a state change is a change of place that deserves its own history entry. Zone changes
 * (the picker is "no zone") today; the workbench's mode changes join here.
 */
export function startsHistoryEntry(s: AppState, prev: AppState): boolean {
  return s.currentZoneId !== prev.currentZoneId;
}

export interface HistoryEntryResult {
  /** What the entry asks for that the view has not confirmed yet (as UrlSync's pending). */
  pending: { zone?: string; cam?: UrlState['cam']; vp?: string; sel?: string; plan?: UrlState['plan'] };
}

/**
 * Re-applies a history entry (Back/Forward): its zone or the picker, viewpoint or camera,
 * selection and sun. Language and engine stay as the user set them: Back is about places, not
 * preferences. `enter` is applyUrlZone (passed in to keep the import graph one-way).
 */
export function applyHistoryEntry(store: AppStore, url: UrlState, enter: (store: AppStore, url: UrlState) => HistoryEntryResult['pending']): HistoryEntryResult {
  const s = store.getState();
  s.setSunTime(url.sun ?? null);
  if (!url.zone) {
    if (s.currentZoneId !== null) leaveZone(store);
    return { pending: {} };
  }
  if (url.zone !== s.currentZoneId) return { pending: enter(store, url) };
  // Same zone (two entries of one zone, e.g. zone → picker → same zone): move the camera back.
  if (url.cam) s.flyToPose(url.cam, true);
  else if (url.vp) s.flyToViewpoint(url.vp);
  if (!url.sel) s.select(null);
  return { pending: { zone: url.zone, cam: url.cam, vp: url.vp, sel: url.sel, plan: url.plan } };
}
