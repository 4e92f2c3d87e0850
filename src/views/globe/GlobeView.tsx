/**
 * The zone on a CesiumJS globe: the same 3D Tiles as the three.js view, for comparing with a
 * reference renderer and for a geographic context. Loaded lazily by the app shell so Cesium is a
 * chunk of its own; Cesium itself is imported only after CESIUM_BASE_URL is set (loadCesium).
 */
import { useEffect, useRef, useState } from 'react';
import type { CesiumWidget } from 'cesium';
import { EnuFrame } from '../../core/geodesy';
import type { Scene } from '../../scene/schema';
import { registerDiagnostics } from '../../state/diagnostics';
import { useAppStoreApi } from '../../state/hooks';
import { attachGlobeCamera, type FlyCursor } from './globeCameraControl';
import { attachGlobeBaseMap, type BaseLayerStatus } from './attachGlobeBaseMap';
import { attachGlobeExport } from './attachGlobeExport';
import { attachGlobePicking } from './attachGlobePicking';
import { attachGlobeSun } from './attachGlobeSun';
import { attachGlobeTilesets, type GlobeSelectionStatus } from './attachGlobeTilesets';
import { createGlobeWidget } from './createGlobeWidget';
import { GLOBE_CREDITS_SLOT_ATTR } from './globeSettings';
import { loadCesium, type CesiumModule } from './loadCesium';

interface Globe {
  Cesium: CesiumModule;
  widget: CesiumWidget;
}

const fill = { position: 'absolute', inset: 0 } as const;

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export function GlobeView({ scene }: { scene: Scene }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const [globe, setGlobe] = useState<Globe | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const flyCursor = useRef<FlyCursor>({ lastSeq: -1 });

  // One widget for the component's life; zones come and go inside it.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let widget: CesiumWidget | null = null;
    loadCesium()
      .then((Cesium) => {
        if (cancelled) return;
        const slot = container.ownerDocument.querySelector<HTMLElement>(`[${GLOBE_CREDITS_SLOT_ATTR}]`) ?? undefined;
        widget = createGlobeWidget(Cesium, container, slot);
        // Cesium stops its render loop after a render error: the view is dead, so say so.
        widget.scene.renderError.addEventListener((_s: unknown, e: unknown) => setFailure(asError(e)));
        setGlobe({ Cesium, widget });
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailure(asError(e));
      });
    return () => {
      cancelled = true;
      if (widget && !widget.isDestroyed()) widget.destroy();
      setGlobe(null);
    };
  }, [store]);

  useEffect(() => {
    if (!globe) return;
    const { Cesium, widget } = globe;
    const frame = new EnuFrame(scene.origin);
    // What the base map and the selection highlight are doing, for the ?test=1 hook (`globeView`).
    const baseLayers: BaseLayerStatus[] = [];
    const selection: GlobeSelectionStatus = { selectedId: null, highlightedId: null };
    const detach = [
      registerDiagnostics('globeView', () => ({
        zoneId: scene.id,
        baseLayers: baseLayers.map((l) => ({ ...l })),
        // The earth's own imagery tiles (Natural Earth, a base map) for the current view are in.
        globeTilesLoaded: !widget.isDestroyed() && widget.scene.globe.tilesLoaded,
        ...selection,
      })),
      attachGlobeSun(Cesium, widget, scene, store),
      attachGlobeBaseMap(Cesium, widget, scene, store, baseLayers),
      attachGlobeTilesets(Cesium, widget, scene, store, selection),
      attachGlobeCamera(Cesium, widget, scene, frame, store, flyCursor.current),
      attachGlobePicking(Cesium, widget, frame, store),
      attachGlobeExport(Cesium, widget, scene, frame),
    ];
    widget.scene.requestRender();
    return () => {
      for (const d of detach) d();
    };
  }, [globe, scene, store]);

  // Thrown during render so the view host's error boundary reports it and offers a retry or the
  // other engine (no WebGL, a chunk that failed to load, a render-loop error).
  if (failure) throw failure;

  return <div ref={containerRef} style={fill} data-testid="globe-view" />;
}

export default GlobeView;
