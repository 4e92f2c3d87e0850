/**
 * Actions that span several slices. Entering a zone must leave no trace of the previous one (a
 * selection, a camera pose or a fly request in another zone's frame would point at nothing), so
 * it is one function used by the picker, the switcher and the URL.
 */
import { assetUrl } from './assetUrl';
import { PLANNING_LAYER_IDS } from '../layers/planning/layerIds';
import { flyTargetForEntry, loadBuildingIndex, selectionFromEntry, type IndexResult } from './buildingIndex';
import type { Scene } from '../scene/schema';
import type { AppStore } from '../state/store';
import type { CameraPose } from '../state/viewSlice';

export interface EnterZoneOptions {
  /** Start here instead of the default viewpoint (shared link). */
  pose?: CameraPose;
  viewpointId?: string;
}

export function layerDefaults(scene: Scene): Record<string, boolean> {
  const d: Record<string, boolean> = {};
  for (const t of scene.tilesets) d[t.id] = true;
  for (const g of scene.groundLayers) d[g.id] = g.visible;
  // The four control lines start hidden so today's city reads first; plots and the scheme diff
  // (drawn only while a scheme is compared) start on.
  for (const id of PLANNING_LAYER_IDS) d[id] = !id.startsWith('line-');
  return d;
}

export function enterZone(store: AppStore, scene: Scene, opts: EnterZoneOptions = {}): void {
  const s = store.getState();
  s.select(null);
  s.setHovered(null);
  s.setCameraPose(null);
  s.resetLayers(layerDefaults(scene));
  s.resetPlanning();
  s.resetTools();
  // Tileset ids repeat across zones; without this the old zone's "settled" would show for a moment.
  s.clearTilesets();
  s.selectZone(scene.id);
  if (opts.pose) s.flyToPose(opts.pose, true);
  else s.flyToViewpoint(opts.viewpointId ?? scene.defaultViewpoint);
}

export function leaveZone(store: AppStore): void {
  const s = store.getState();
  s.select(null);
  s.setHovered(null);
  s.setCameraPose(null);
  s.clearTilesets();
  s.resetPlanning();
  s.resetTools();
  s.selectZone(null);
}

/** The zone's building index, with load problems reported once to the error list. */
export function loadZoneIndex(store: AppStore, scene: Scene): Promise<IndexResult> {
  const url = assetUrl(scene.buildingIndexUrl);
  return loadBuildingIndex(url, scene.id, {
    onFresh: (r) => {
      const report = store.getState().reportError;
      if (!r.ok) report('tileset', scene.buildingIndexUrl, `building index: ${r.message}`);
      else if (r.index.dropped > 0) {
        report('tileset', scene.buildingIndexUrl, `building index: ${r.index.dropped} invalid entries skipped`);
      }
    },
  });
}

/**
 * Selects a building by id from the zone's index (shared link `sel=`), optionally flying to it.
 * Returns false when the index cannot be loaded or has no such building; the caller reports why.
 */
export async function selectBuildingById(
  store: AppStore,
  scene: Scene,
  id: string,
  fly: boolean,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const r = await loadZoneIndex(store, scene);
  if (!r.ok) return { ok: false, reason: `building index unavailable: ${r.message}` };
  const entry = r.index.buildings.find((b) => b.id === id);
  if (!entry) return { ok: false, reason: `no building "${id}" in zone "${scene.id}"` };
  // The user may have moved on to another zone while the index loaded.
  if (store.getState().currentZoneId !== scene.id) return { ok: true };
  store.getState().select(selectionFromEntry(entry));
  if (fly) {
    const f = flyTargetForEntry(entry);
    store.getState().flyToTarget(f.target, f.radiusM);
  }
  return { ok: true };
}
