/**
 * Streams a zone's tilesets into the globe: the same files the three.js view reads, with the
 * scene's screen-space error target and a cache budget. Counts loads and failures, reports
 * failures to the store's error list, and publishes per-tileset status at UI rate. The selected
 * building is tinted through a style on the buildings tilesets (globeSelection), so tiles that
 * stream in later show it too.
 */
import type { Cesium3DTileset, Cesium3DTileStyle, CesiumWidget } from 'cesium';
import type { Scene, TilesetRef } from '../../scene/schema';
import { registerDiagnostics } from '../../state/diagnostics';
import { isLayerVisible } from '../../state/layersSlice';
import type { AppStore } from '../../state/store';
import { GlobeTileStats } from './GlobeTileStats';
import type { CesiumModule } from './loadCesium';
import { GLOBE_CACHE_BYTES, GLOBE_CACHE_OVERFLOW_BYTES, GLOBE_PUBLISH_INTERVAL_MS } from './globeSettings';
import { selectionColorConditions } from './globeSelection';
import { HIGHLIGHT_SELECT_MIX } from '../../layers/buildings/model';

/** The selection as the globe shows it: `highlightedId` is null when the id could not be styled. */
export interface GlobeSelectionStatus {
  selectedId: string | null;
  highlightedId: string | null;
}

const MIB = 1024 * 1024;

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/**
 * Hides the ground sub-layers (water, road, green, land use) that are switched off, through the
 * `kind` property of each ground feature. Layer ids come from the scene schema's closed enum, so
 * they are safe inside the style expression.
 */
function groundStyle(Cesium: CesiumModule, scene: Scene, visible: Record<string, boolean>): Cesium3DTileStyle | undefined {
  const hidden = scene.groundLayers.filter((g) => !isLayerVisible(visible, g.id)).map((g) => g.id);
  if (hidden.length === 0) return undefined;
  return new Cesium.Cesium3DTileStyle({ show: hidden.map((k) => `\${kind} !== '${k}'`).join(' && ') });
}

function tilesetUrl(ref: TilesetRef): string {
  return new URL(`${import.meta.env.BASE_URL}${ref.url.replace(/^\/+/, '')}`, document.baseURI).href;
}

export function attachGlobeTilesets(
  Cesium: CesiumModule,
  widget: CesiumWidget,
  scene: Scene,
  store: AppStore,
  selection: GlobeSelectionStatus = { selectedId: null, highlightedId: null },
): () => void {
  const stats = new GlobeTileStats();
  const loaded: { ref: TilesetRef; tileset: Cesium3DTileset }[] = [];
  const listeners: (() => void)[] = [];
  let disposed = false;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;

  const publish = () => {
    publishTimer = null;
    const st = store.getState();
    for (const id of stats.ids()) {
      const status = stats.status(id);
      if (status) st.setTilesetStatus(id, status);
    }
  };
  const schedulePublish = () => {
    if (!disposed && publishTimer === null) publishTimer = setTimeout(publish, GLOBE_PUBLISH_INTERVAL_MS);
  };

  const applyVisibility = () => {
    const visible = store.getState().layerVisible;
    for (const { ref, tileset } of loaded) {
      tileset.show = isLayerVisible(visible, ref.id);
      if (ref.kind === 'ground') tileset.style = groundStyle(Cesium, scene, visible);
    }
    widget.scene.requestRender();
  };

  const applySelection = () => {
    const id = store.getState().selected?.id ?? null;
    const conditions = selectionColorConditions(id);
    selection.selectedId = id;
    selection.highlightedId = conditions ? id : null;
    for (const { ref, tileset } of loaded) {
      if (ref.kind !== 'buildings') continue;
      // MIX at the three.js view's strength, so a selection reads the same in both views.
      tileset.colorBlendMode = Cesium.Cesium3DTileColorBlendMode.MIX;
      tileset.colorBlendAmount = HIGHLIGHT_SELECT_MIX;
      tileset.style = conditions ? new Cesium.Cesium3DTileStyle({ color: { conditions } }) : undefined;
    }
    widget.scene.requestRender();
  };

  const watch = (ref: TilesetRef, tileset: Cesium3DTileset) => {
    const bytes = () => tileset.totalMemoryUsageInBytes;
    listeners.push(
      tileset.tileLoad.addEventListener(() => {
        stats.tileLoaded(ref.id);
        schedulePublish();
      }),
      tileset.tileFailed.addEventListener((err: { url?: string; message?: string }) => {
        const url = err.url ?? ref.url;
        const message = err.message ?? 'tile failed to load';
        stats.tileFailed(ref.id, url, message);
        store.getState().reportError('tile', url, message);
        schedulePublish();
      }),
      tileset.loadProgress.addEventListener((pending: number, processing: number) => {
        stats.progress(ref.id, pending, processing, bytes());
        schedulePublish();
      }),
      tileset.allTilesLoaded.addEventListener(() => {
        stats.allLoaded(ref.id, bytes());
        schedulePublish();
      }),
    );
  };

  // A budget from the URL (tileBudgetMB) is a hard cap shared by the tilesets: no overflow head-room.
  const budgetMB = store.getState().tileBudgetMB;
  const cacheBytes = budgetMB !== null ? (budgetMB * MIB) / scene.tilesets.length : GLOBE_CACHE_BYTES;
  const overflowBytes = budgetMB !== null ? 0 : GLOBE_CACHE_OVERFLOW_BYTES;

  for (const ref of scene.tilesets) {
    stats.add(ref.id);
    const url = tilesetUrl(ref);
    Cesium.Cesium3DTileset.fromUrl(url, {
      maximumScreenSpaceError: ref.errorTarget,
      cacheBytes,
      maximumCacheOverflowBytes: overflowBytes,
      // Both relax detail away from the view centre; off so detail matches the three.js view.
      dynamicScreenSpaceError: false,
      foveatedScreenSpaceError: false,
    })
      .then((tileset) => {
        if (disposed) {
          tileset.destroy();
          return;
        }
        watch(ref, tileset);
        loaded.push({ ref, tileset });
        widget.scene.primitives.add(tileset);
        stats.rootReady(ref.id);
        applyVisibility();
        applySelection();
        schedulePublish();
      })
      .catch((e: unknown) => {
        if (disposed) return;
        const message = messageOf(e);
        stats.rootFailed(ref.id, message);
        store.getState().reportError('tileset', ref.url, message);
        schedulePublish();
      });
  }
  schedulePublish();

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.layerVisible !== prev.layerVisible) applyVisibility();
    if (s.selected !== prev.selected) applySelection();
  });
  // The zone id lets readers tell this zone's counters from the previous zone's during a switch;
  // the primitive count shows that leaving a zone really removed its tilesets.
  const unregister = registerDiagnostics('globe', () => ({
    zoneId: scene.id,
    primitives: widget.isDestroyed() ? 0 : widget.scene.primitives.length,
    ...stats.diagnostics(),
  }));

  return () => {
    disposed = true;
    unsubscribe();
    unregister();
    if (publishTimer !== null) clearTimeout(publishTimer);
    for (const off of listeners) off();
    // Removing a primitive from the collection also destroys it and frees its tiles.
    if (!widget.isDestroyed()) for (const { tileset } of loaded) widget.scene.primitives.remove(tileset);
    store.getState().clearTilesets();
  };
}
