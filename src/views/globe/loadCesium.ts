/**
 * Loads CesiumJS on demand. Cesium finds its workers and assets through the global
 * CESIUM_BASE_URL, which it reads the first time it builds a module URL, so the global must be
 * set before the module is evaluated: hence a dynamic import after the assignment, never a
 * static `import … from 'cesium'` in the globe view.
 */
import type * as CesiumNs from 'cesium';

export type CesiumModule = typeof CesiumNs;

declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
  }
}

let loading: Promise<CesiumModule> | null = null;

export function loadCesium(): Promise<CesiumModule> {
  if (!loading) {
    // Absolute, because Cesium resolves worker URLs against it from inside workers too.
    window.CESIUM_BASE_URL = new URL(`${import.meta.env.BASE_URL}cesium/`, document.baseURI).href;
    loading = import('cesium').then(async (Cesium) => {
      // Only the widget's own layout rules (full-size canvas, credit bar); none of the Viewer widgets.
      await import('cesium/Build/Cesium/Widgets/CesiumWidget/CesiumWidget.css');
      return Cesium;
    });
    // A failed load (e.g. a chunk 404) must not be cached forever: the next mount tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
