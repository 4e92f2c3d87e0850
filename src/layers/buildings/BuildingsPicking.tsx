/**
 * Hover and click picking of buildings, across every buildings tileset of the zone (the city and
 * the streamed schemes) and the imported scheme meshes. Hover raycasts at most every
 * HOVER_PICK_INTERVAL_MS, only for a mouse that actually moved with no button held (so never
 * during a camera drag); a click is a press released close to where it started, so drags never
 * select. The hit face's feature id and the tile's property table give the building id and
 * attributes.
 *
 * Picking sees what the pane under the pointer draws (pickAt.ts, shared with the planner tools), so
 * a building hidden on one side of a comparison can't be picked there. A click that hits no
 * building but lands on a 控规 plot selects the plot.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { PerspectiveCamera } from 'three';
import { trackListener, trackTimeout } from '../../runtime/tracked';
import { pointerOwner } from '../../state/pointerOwner';
import { useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import type { BuildingSelection } from '../../state/selectionSlice';
import { useZone } from '../../views/three/ZoneContext';
import { plotAt } from '../planning/meshModel';
import { CLICK_MAX_MS, CLICK_SLOP_PX, HOVER_PICK_INTERVAL_MS } from './model';
import { pickAt } from './pickAt';

export function BuildingsPicking() {
  const { scene, registry, planState } = useZone();
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);

  useEffect(() => {
    const el = gl.domElement;
    const cityIds = scene.tilesets.filter((t) => t.kind === 'buildings').map((t) => t.id);

    /** Raycasts the pane under the pointer in that pane's state; the ground point too, for plots. */
    const cast = (clientX: number, clientY: number): { building: BuildingSelection | null; groundEnu: [number, number] | null } => {
      const r = pickAt({ el, camera: get().camera as PerspectiveCamera, state: store.getState(), registry, planState, cityIds }, clientX, clientY);
      return r ? { building: r.building, groundEnu: r.groundEnu } : { building: null, groundEnu: null };
    };
    const pick = (clientX: number, clientY: number): BuildingSelection | null => cast(clientX, clientY).building;

    let cancelHover: (() => void) | null = null;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    let down: { x: number; y: number; t: number; id: number } | null = null;

    const hoverNow = () => {
      cancelHover = null;
      store.getState().setHovered(pick(lastX, lastY)?.id ?? null);
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse') return;
      if (e.buttons !== 0) {
        cancelHover?.();
        cancelHover = null;
        return;
      }
      if (e.clientX === lastX && e.clientY === lastY) return;
      lastX = e.clientX;
      lastY = e.clientY;
      if (!cancelHover) cancelHover = trackTimeout(hoverNow, HOVER_PICK_INTERVAL_MS);
    };
    const onDown = (e: PointerEvent) => {
      down = e.isPrimary ? { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || e.button !== 0) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX || e.timeStamp - d.t > CLICK_MAX_MS) return;
      const s = store.getState();
      if (pointerOwner(s) !== 'selection') return;
      const r = cast(e.clientX, e.clientY);
      s.select(r.building);
      // Ground clicks select the 控规 plot under them (when the plot layer is shown).
      const plots = s.plan?.plots ?? [];
      const plot = !r.building && r.groundEnu && isLayerVisible(s.layerVisible, 'plots') ? plotAt(plots, r.groundEnu[0], r.groundEnu[1]) : null;
      if ((plot?.id ?? null) !== s.selectedPlotId) s.selectPlot(plot?.id ?? null);
    };
    const onLeave = () => {
      cancelHover?.();
      cancelHover = null;
      lastX = lastY = Number.NaN;
      store.getState().setHovered(null);
    };

    const unlisten = [
      trackListener(el, 'pointermove', onMove as EventListener),
      trackListener(el, 'pointerdown', onDown as EventListener),
      trackListener(el, 'pointerup', onUp as EventListener),
      trackListener(el, 'pointerleave', onLeave),
    ];
    return () => {
      for (const off of unlisten) off();
      cancelHover?.();
    };
  }, [scene, registry, planState, store, gl, get]);

  return null;
}
