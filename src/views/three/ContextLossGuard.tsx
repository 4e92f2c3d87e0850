/**
 * WebGL context loss (GPU reset, driver update, too many contexts, WEBGL_lose_context): stop
 * treating the canvas as drawable, tell the user, and let three.js rebuild its GPU state when the
 * browser restores the context. If it never does, reload: the address bar carries the view.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { useAppStoreApi } from '../../state/hooks';

/** How long to wait for the browser to restore a lost context before reloading the page. */
export const WEBGL_RESTORE_TIMEOUT_MS = 20_000;

export function ContextLossGuard({ reload = () => window.location.reload() }: { reload?: () => void }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const store = useAppStoreApi();

  useEffect(() => {
    const canvas = gl.domElement;
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;
    const onLost = (e: Event) => {
      // Without preventDefault the browser never restores the context.
      e.preventDefault();
      store.getState().setWebglLost(true);
      store.getState().reportError('webgl', 'canvas', `WebGL context lost; rendering paused. Reloading in ${WEBGL_RESTORE_TIMEOUT_MS / 1000} s if it does not come back.`);
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = setTimeout(reload, WEBGL_RESTORE_TIMEOUT_MS);
    };
    const onRestored = () => {
      if (reloadTimer) clearTimeout(reloadTimer);
      reloadTimer = null;
      store.getState().setWebglLost(false);
      // three.js re-creates programs, buffers and textures lazily on the next render.
      invalidate();
    };
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    return () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      if (reloadTimer) clearTimeout(reloadTimer);
      store.getState().setWebglLost(false);
    };
  }, [gl, invalidate, store, reload]);

  return null;
}
