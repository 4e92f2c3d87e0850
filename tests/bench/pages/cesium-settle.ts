/**
 * The CesiumJS peer of tests/bench/settle-vs-cesium.ts: the zone's tilesets (the same URLs the
 * app loads), maximumScreenSpaceError 16, the app's camera pose, vertical field of view and canvas
 * size, no imagery, no terrain, no globe. Bundled by the benchmark (esbuild) and served next to
 * the built app, so Cesium's workers and assets come from the app's own dist/cesium/.
 *
 * Query: tilesets=<url,url> enu=<16 numbers, column-major ENU→ECEF> pose=e,n,u,te,tn,tu
 *        w=<css px> h=<css px> fov=<vertical deg> cacheMB=<per tileset> near= far=
 * Writes window.__bench: settle time (ms since navigation start, last false→true transition of
 * "every tileset tilesLoaded"), tile counts, and exposes orbit(ms, deg) for frame timing.
 */
import * as Cesium from 'cesium';

interface BenchState {
  ready: boolean;
  error?: string;
  /** performance.now() when every tileset's root tileset.json had arrived. */
  rootsReadyMs: number | null;
  /** Last time the state went from unsettled to settled (ms since navigation start). */
  settledAtMs: number | null;
  settled: boolean;
  settledTransitions: number;
  tiles: { loadedContent: number; selected: number; visited: number; requests: number; pending: number; processing: number; geometryBytes: number };
  perTileset: Record<string, { tilesLoaded: boolean; contentReady: number; selected: number; pending: number; processing: number }>;
  drawingBuffer: [number, number];
  orbit?: (ms: number, deg: number) => Promise<void>;
}

const q = new URLSearchParams(location.search);
const state: BenchState = {
  ready: false, rootsReadyMs: null, settledAtMs: null, settled: false, settledTransitions: 0,
  tiles: { loadedContent: 0, selected: 0, visited: 0, requests: 0, pending: 0, processing: 0, geometryBytes: 0 },
  perTileset: {}, drawingBuffer: [0, 0],
};
(window as unknown as { __bench: BenchState }).__bench = state;

type V3 = [number, number, number];
const nums = (s: string | null): number[] => (s ?? '').split(',').filter(Boolean).map(Number);

async function main(): Promise<void> {
  const urls = (q.get('tilesets') ?? '').split(',').filter(Boolean);
  const m = nums(q.get('enu'));
  const pose = nums(q.get('pose'));
  const w = Number(q.get('w') ?? 1024), h = Number(q.get('h') ?? 640);
  const fovyDeg = Number(q.get('fov') ?? 45);
  const cacheBytes = Number(q.get('cacheMB') ?? 128) * 1024 * 1024;
  if (m.length !== 16 || pose.length !== 6 || urls.length === 0) throw new Error('bad query');

  const el = document.getElementById('view')!;
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
  const widget = new Cesium.CesiumWidget(el, {
    globe: false,
    baseLayer: false,
    skyBox: false,
    skyAtmosphere: false,
    // Continuous rendering, as the three.js view (frameloop "always").
    requestRenderMode: false,
    shouldAnimate: false,
    showRenderLoopErrors: false,
  });
  const scene = widget.scene;
  scene.fog.enabled = false;
  scene.backgroundColor = Cesium.Color.fromCssColorString('#8fb3d9');
  const frustum = scene.camera.frustum as Cesium.PerspectiveFrustum;
  frustum.near = Number(q.get('near') ?? 1);
  frustum.far = Number(q.get('far') ?? 80_000);
  const aspect = w / h;
  const fovy = (fovyDeg * Math.PI) / 180;
  // Cesium's fov is the horizontal one on a wide canvas.
  frustum.fov = aspect > 1 ? 2 * Math.atan(Math.tan(fovy / 2) * aspect) : fovy;

  const point = (v: V3): Cesium.Cartesian3 =>
    new Cesium.Cartesian3(
      m[0]! * v[0] + m[4]! * v[1] + m[8]! * v[2] + m[12]!,
      m[1]! * v[0] + m[5]! * v[1] + m[9]! * v[2] + m[13]!,
      m[2]! * v[0] + m[6]! * v[1] + m[10]! * v[2] + m[14]!,
    );
  const vector = (v: V3): Cesium.Cartesian3 =>
    Cesium.Cartesian3.normalize(
      new Cesium.Cartesian3(m[0]! * v[0] + m[4]! * v[1] + m[8]! * v[2], m[1]! * v[0] + m[5]! * v[1] + m[9]! * v[2], m[2]! * v[0] + m[6]! * v[1] + m[10]! * v[2]),
      new Cesium.Cartesian3(),
    );
  /** Look-at in ENU, horizon level (three.js camera-controls keep "up" = ENU up). */
  const setPose = (p: V3, t: V3) => {
    const d: V3 = [t[0] - p[0], t[1] - p[1], t[2] - p[2]];
    const dl = Math.hypot(...d);
    const dir: V3 = [d[0] / dl, d[1] / dl, d[2] / dl];
    let right: V3 = [dir[1] * 1 - dir[2] * 0, dir[2] * 0 - dir[0] * 1, 0]; // dir × (0,0,1)
    if (Math.hypot(...right) < 1e-9) right = [1, 0, 0];
    const up: V3 = [right[1] * dir[2] - right[2] * dir[1], right[2] * dir[0] - right[0] * dir[2], right[0] * dir[1] - right[1] * dir[0]];
    scene.camera.setView({ destination: point(p), orientation: { direction: vector(dir), up: vector(up) } });
  };
  const p0: V3 = [pose[0]!, pose[1]!, pose[2]!];
  const t0: V3 = [pose[3]!, pose[4]!, pose[5]!];
  setPose(p0, t0);

  const tilesets = await Promise.all(
    urls.map((url) =>
      Cesium.Cesium3DTileset.fromUrl(url, {
        maximumScreenSpaceError: 16,
        cacheBytes,
        maximumCacheOverflowBytes: 0,
        // Both relax detail away from the view centre or near the horizon; off so that the tiles
        // chosen are the ones the three.js view chooses (as the app's globe view does).
        dynamicScreenSpaceError: false,
        foveatedScreenSpaceError: false,
      }),
    ),
  );
  for (const ts of tilesets) scene.primitives.add(ts);
  state.rootsReadyMs = performance.now();

  scene.postRender.addEventListener(() => {
    let all = true;
    const tiles = { loadedContent: 0, selected: 0, visited: 0, requests: 0, pending: 0, processing: 0, geometryBytes: 0 };
    tilesets.forEach((ts, i) => {
      // `statistics` is public at run time but not in CesiumJS's type declarations.
      const s = (ts as unknown as { statistics: Record<string, number> }).statistics;
      const entry = {
        tilesLoaded: ts.tilesLoaded,
        contentReady: s.numberOfTilesWithContentReady ?? 0,
        selected: s.selected ?? 0,
        pending: s.numberOfPendingRequests ?? 0,
        processing: s.numberOfTilesProcessing ?? 0,
      };
      state.perTileset[urls[i]!] = entry;
      all &&= ts.tilesLoaded && entry.pending === 0 && entry.processing === 0;
      tiles.loadedContent += entry.contentReady;
      tiles.selected += entry.selected;
      tiles.visited += s.visited ?? 0;
      tiles.requests += s.numberOfAttemptedRequests ?? 0;
      tiles.pending += entry.pending;
      tiles.processing += entry.processing;
      tiles.geometryBytes += s.geometryByteLength ?? 0;
    });
    state.tiles = tiles;
    if (all && !state.settled) {
      state.settledAtMs = performance.now();
      state.settledTransitions++;
    }
    state.settled = all;
  });
  state.drawingBuffer = [scene.drawingBufferWidth, scene.drawingBufferHeight];

  /** Orbit the camera clockwise (seen from above) about the vertical through the target. */
  state.orbit = (ms: number, deg: number) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const off: V3 = [p0[0] - t0[0], p0[1] - t0[1], p0[2] - t0[2]];
      const step = () => {
        const f = Math.min(1, (performance.now() - start) / ms);
        const a = (-deg * f * Math.PI) / 180;
        const c = Math.cos(a), s = Math.sin(a);
        setPose([t0[0] + c * off[0] - s * off[1], t0[1] + s * off[0] + c * off[1], p0[2]], t0);
        if (f < 1) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
  state.ready = true;
}

main().catch((e: unknown) => {
  state.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
});
