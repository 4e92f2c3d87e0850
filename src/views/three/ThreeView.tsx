/**
 * The three.js view of a zone: an R3F canvas (WebGL2) with streamed 3D Tiles over the ground,
 * sunlight and shadows, map-style camera, picking and highlight.
 *
 * - Logarithmic depth: ground layers are stacked within a metre while views span kilometres;
 *   a linear depth buffer cannot separate them at distance.
 * - Multisampling is on except on software rasterisers (SwiftShader), where it halves the frame rate;
 *   there shadows take one tap, not a filtered lookup.
 * - Frame loop: 'always' by default, because live layers (traffic, sensors) animate every frame
 *   and big screens show them continuously. Pass frameloop="demand" for an idle kiosk: every
 *   part of this view requests frames itself (tile loads, camera motion, fly-tos, store changes),
 *   so the picture stays correct while the GPU sleeps.
 * - The zone's content is keyed by scene id: switching zones disposes everything of the old one.
 */
import { Canvas } from '@react-three/fiber';
import { BasicShadowMap, PCFShadowMap } from 'three';
import type { Scene } from '../../scene/schema';
import { renderPixelRatio } from '../../modes/screen/fitCanvas';
import { StoreContext, useAppStore, useAppStoreApi } from '../../state/hooks';
import { CAMERA_FAR_M, CAMERA_FOV_DEG, CAMERA_NEAR_M } from './cameraModel';
import { enuToThree } from './enuThree';
import { isSoftwareRenderer, noteRealRendererName, pageRendererName } from './glCapabilities';
import { WallViewOffset } from './WallViewOffset';
import { ZoneScene } from './ZoneScene';

export interface ThreeViewProps {
  scene: Scene;
  frameloop?: 'always' | 'demand';
}

/**
 * three.js checks every shader program after compiling it with a synchronous getProgramParameter,
 * which stalls on the GPU (or SwiftShader) once per program while the first tiles arrive. The
 * report it buys is a developer's tool: on in dev builds, off in production.
 */
const CHECK_SHADER_ERRORS = import.meta.env.DEV;

/**
 * PCF filtering (three 0.187 dropped PCFSoftShadowMap, R3F's default for `shadows`). On a software
 * rasteriser one shadow tap per fragment instead: there shadow lookups in every lit fragment were
 * about 40% of a frame's GPU work (westbund overview on SwiftShader, 593 → 339 ms with shadows
 * off), and one tap instead of the filtered lookup took about a fifth off (396 → 302–318 ms with
 * the panel blur already gone), for softer edges only.
 */
const SHADOW_SETTINGS = { enabled: true, type: PCFShadowMap } as const;
const SOFTWARE_SHADOW_SETTINGS = { enabled: true, type: BasicShadowMap } as const;

/** Device pixel ratio range: full sharpness on normal screens, capped for 4K walls and software GL. */
export const DPR_RANGE: [number, number] = [1, 2];

/**
 * How the canvas measures its box (react-use-measure, through R3F). R3F's default debounces by
 * 50 ms, and that library hands its ResizeObserver the scroll-debounced callback, so the canvas
 * (and with it the WebGL context and the first frame) waited 50 ms after the page's first layout
 * for nothing. The view never moves with scrolling (it fills a fixed workspace, and the page does
 * not scroll), so it listens to no scroll events and takes every resize at once.
 */
const CANVAS_MEASURE = { scroll: false, debounce: { scroll: 0, resize: 0 } } as const;

/**
 * The renderer's pixel ratio. Without a render-scale cap (the planner, every mode by default) the
 * range above, as always. With one (a big screen's `renderScale=`, modeSettings.renderScale):
 * native device pixels, at most the cap, which may go below 1 so a 4K/8K wall renders fewer pixels
 * than it shows (renderPixelRatio, the same rule the screen shell documents).
 */
function useRendererDpr(): number | [number, number] {
  const cap = useAppStore((s) => s.modeSettings.renderScale);
  if (cap === null) return DPR_RANGE;
  return renderPixelRatio(window.devicePixelRatio, window.innerWidth, window.innerHeight, { renderScaleCap: cap });
}

export function ThreeView({ scene, frameloop = 'always' }: ThreeViewProps) {
  // R3F renders into its own reconciler; the store context is passed through explicitly.
  const store = useAppStoreApi();
  // Context attributes are fixed at creation, so the GPU is known before the canvas exists.
  const software = isSoftwareRenderer(pageRendererName());
  const antialias = !software;
  const dpr = useRendererDpr();
  const vp = scene.viewpoints.find((v) => v.id === scene.defaultViewpoint) ?? scene.viewpoints[0];
  const position = vp ? enuToThree(...vp.position) : enuToThree(0, -1000, 800);

  return (
    <Canvas
      frameloop={frameloop}
      resize={CANVAS_MEASURE}
      dpr={dpr}
      shadows={software ? SOFTWARE_SHADOW_SETTINGS : SHADOW_SETTINGS}
      // stencil: the section tool caps cut buildings by counting surfaces in the stencil buffer.
      gl={{ antialias, logarithmicDepthBuffer: true, powerPreference: 'high-performance', preserveDrawingBuffer: false, stencil: true }}
      onCreated={({ gl }) => {
        gl.debug.checkShaderErrors = CHECK_SHADER_ERRORS;
        noteRealRendererName(gl.getContext());
      }}
      camera={{ fov: CAMERA_FOV_DEG, near: CAMERA_NEAR_M, far: CAMERA_FAR_M, position }}
      style={{ position: 'absolute', inset: 0, touchAction: 'none' }}
      data-testid="three-view"
    >
      <StoreContext.Provider value={store}>
        <ZoneScene key={scene.id} scene={scene} />
        <WallViewOffset />
      </StoreContext.Provider>
    </Canvas>
  );
}
