/**
 * Software rasterisers (SwiftShader, llvmpipe) draw every pixel on the CPU: multisampling there
 * costs more than half the frame rate, so the view turns it off when the GPU is not real.
 *
 * Context attributes (antialias) are fixed when the context is created, so the renderer's name
 * must be known before the canvas exists. Asking a throwaway WebGL2 context for it is synchronous,
 * and its cost depends on when it is asked: 250–700 ms of main thread once the app is booting and
 * the GPU process is busy drawing the page (westbund on SwiftShader, settle-vs-cesium profile, on
 * the path to the first tile), 90 ms before anything is drawn. A worker with an OffscreenCanvas
 * took longer still (0.8–2 s to answer). So index.html asks first thing, while the bundle
 * downloads, and leaves the answer in `window.__shentwinGpu`; the name is also kept per browser
 * (user agent) in localStorage, and the real context's own name corrects a stale entry.
 */
import { contextRendererName } from './glRendererName';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(rendererName: string | null | undefined): boolean {
  return typeof rendererName === 'string' && SOFTWARE_RENDERER.test(rendererName);
}

/** Asks a throwaway WebGL2 context on the main thread for the renderer name, then releases it. */
export function probeRendererName(doc: Document = document): string | null {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return null;
  const name = contextRendererName(gl);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export const RENDERER_CACHE_KEY = 'shentwin.glRenderer';

const validName = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length < 512 ? v : null);

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** The name stored for this user agent, or null (none, another browser, unreadable, storage blocked). */
export function readCachedRendererName(storage: StorageLike | null, userAgent: string): string | null {
  try {
    const raw = storage?.getItem(RENDERER_CACHE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { ua, name } = v as { ua?: unknown; name?: unknown };
    return ua === userAgent ? validName(name) : null;
  } catch {
    return null;
  }
}

export function writeCachedRendererName(storage: StorageLike | null, userAgent: string, name: string): void {
  try {
    storage?.setItem(RENDERER_CACHE_KEY, JSON.stringify({ ua: userAgent, name }));
  } catch {
    // Storage full or blocked: the next load probes again.
  }
}

/** Writes the name unless it is what is stored already (no write on every load). */
function rememberRendererName(storage: StorageLike | null, userAgent: string, name: string | null): void {
  if (name && readCachedRendererName(storage, userAgent) !== name) writeCachedRendererName(storage, userAgent, name);
}

/** What index.html's inline probe leaves behind (see the comment there). */
export interface EarlyGpuProbe {
  name?: unknown;
}

export interface RendererProbeEnv {
  storage: StorageLike | null;
  userAgent: string;
  /** The page's early probe (window.__shentwinGpu), absent where the page was opened without it. */
  early: EarlyGpuProbe | undefined;
  /** The synchronous main-thread probe, the last resort. */
  probeHere: () => string | null;
}

/** The early probe, then the cache, then a probe now; a name found is cached. */
export function resolveRendererName(env: RendererProbeEnv): string | null {
  const early = validName(env.early?.name);
  const name = early ?? readCachedRendererName(env.storage, env.userAgent) ?? env.probeHere();
  rememberRendererName(env.storage, env.userAgent, name);
  return name;
}

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let pageName: { value: string | null } | null = null;

/**
 * The page's one renderer-name lookup. Memoised: a view whose first render is thrown away
 * (Suspense) or that is rebuilt by the watchdog does not probe again.
 */
export function pageRendererName(): string | null {
  pageName ??= {
    value: resolveRendererName({
      storage: browserStorage(),
      userAgent: navigator.userAgent,
      early: (window as { __shentwinGpu?: EarlyGpuProbe }).__shentwinGpu,
      probeHere: () => probeRendererName(),
    }),
  };
  return pageName.value;
}

/** After the real context exists: a cached name that no longer matches (new GPU, blocklisted driver) is replaced for the next load. */
export function noteRealRendererName(gl: WebGL2RenderingContext | WebGLRenderingContext): void {
  try {
    rememberRendererName(browserStorage(), navigator.userAgent, contextRendererName(gl));
  } catch {
    // A lost context answers nothing: keep what is cached.
  }
}
