/**
 * Clicks on live things: a press released near where it started (not a drag) picks the nearest
 * vehicle, sensor or stop on screen within PICK_RADIUS_PX. Selecting a vehicle starts following it.
 * The building picker listens to the same clicks and would overwrite a live pick with whatever
 * building lies behind, so a live hit is committed after the other handlers of this event ran.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Matrix4 } from 'three';
import { trackListener, trackTimeout } from '../../runtime/tracked';
import { useAppStoreApi } from '../../state/hooks';
import type { LiveRegistry } from './LiveRegistry';

export const PICK_RADIUS_PX = 14;
const CLICK_SLOP_PX = 6;
const CLICK_MAX_MS = 600;
/** Pick order when two things are equally near: the moving ones are what people click for. */
const KIND_ORDER = { vehicle: 0, sensor: 1, stop: 2, signal: 3 } as const;
const viewProj = new Matrix4();

export function LivePicking({ registry }: { registry: LiveRegistry }) {
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);

  useEffect(() => {
    const el = gl.domElement;
    let down: { x: number; y: number; t: number; id: number } | null = null;
    let cancelCommit: (() => void) | null = null;

    const onDown = (e: PointerEvent) => {
      down = e.isPrimary ? { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || e.button !== 0) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX || e.timeStamp - d.t > CLICK_MAX_MS) return;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      const { camera } = get();
      camera.updateMatrixWorld();
      viewProj.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
      let best: { kind: keyof typeof KIND_ORDER; id: string; distPx: number } | null = null;
      for (const p of registry.pickers) {
        const hit = p.pick(viewProj.elements, rect.width, rect.height, e.clientX - rect.left, e.clientY - rect.top, PICK_RADIUS_PX);
        if (!hit) continue;
        const better = !best || hit.distPx < best.distPx - 3 || (Math.abs(hit.distPx - best.distPx) <= 3 && KIND_ORDER[p.kind] < KIND_ORDER[best.kind]);
        if (better) best = { kind: p.kind, id: hit.id, distPx: hit.distPx };
      }
      cancelCommit?.();
      const picked = best;
      cancelCommit = trackTimeout(() => {
        cancelCommit = null;
        if (picked) store.getState().selectLive({ kind: picked.kind, id: picked.id });
        else if (store.getState().liveSelected) store.getState().selectLive(null);
      }, 0);
    };

    const offDown = trackListener(el, 'pointerdown', onDown as EventListener);
    const offUp = trackListener(el, 'pointerup', onUp as EventListener);
    return () => {
      offDown();
      offUp();
      cancelCommit?.();
    };
  }, [gl, get, registry, store]);

  return null;
}
