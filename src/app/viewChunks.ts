/**
 * The lazy chunks of the two 3D views, each imported once. ViewHost renders them through
 * React.lazy; main.tsx starts the three.js one at boot when the URL opens a zone in that view, so
 * the chunk (three.js, R3F, the tiles renderer: the largest script of a zone) downloads and
 * evaluates while the scene files are still on their way, not after the zone list has loaded.
 * The landing screen and the globe do not start it.
 */
type ThreeViewModule = typeof import('../views/three/ThreeView');
type GlobeViewModule = typeof import('../views/globe/GlobeView');

let threeView: Promise<ThreeViewModule> | null = null;
let globeView: Promise<GlobeViewModule> | null = null;

// A failed import is forgotten, so the view's retry imports again rather than failing at once.
export function loadThreeView(): Promise<ThreeViewModule> {
  threeView ??= import('../views/three/ThreeView').catch((e: unknown) => {
    threeView = null;
    throw e;
  });
  return threeView;
}

export function loadGlobeView(): Promise<GlobeViewModule> {
  globeView ??= import('../views/globe/GlobeView').catch((e: unknown) => {
    globeView = null;
    throw e;
  });
  return globeView;
}
