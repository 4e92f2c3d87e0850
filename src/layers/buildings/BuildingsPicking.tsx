/**
 * Hover and click picking of buildings, across every buildings tileset of the zone (the city and
 * the streamed schemes) and the imported scheme meshes. Hover raycasts at most every
 * HOVER_PICK_INTERVAL_MS, only for a mouse that actually moved with no button held (so never
 * during a camera drag); a click is a press released close to where it started, so drags never
 * select. The hit face's feature id and the tile's property table give the building id and
 * attributes.
 *
 * Picking sees what the pane under the pointer draws: in a swipe or side-by-side comparison the
 * plan-state controller applies that pane's state (hidden site buildings, visible scheme) for the
 * raycast, so a building hidden on one side can't be picked there. A click that hits no building
 * but lands on a 控规 plot selects the plot.
 */
import { useEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { Plane, Raycaster, Vector2, Vector3, type Intersection, type Object3D, type PerspectiveCamera } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import { isLayerVisible } from '../../state/layersSlice';
import type { BuildingProperties, BuildingSelection } from '../../state/selectionSlice';
import { threeToEnu } from '../../views/three/enuThree';
import { useZone } from '../../views/three/ZoneContext';
import { paneAt, paneNdcX } from '../planning/compareModel';
import { plotAt } from '../planning/meshModel';
import { panesForState } from '../planning/PlanStateDriver';
import { PLAN_PROPERTIES_KEY } from '../planning/ImportedSchemeMesh';
import { featureIdAtFace, featureProperties } from './featureMetadata';
import { buildingIdOf, CLICK_MAX_MS, CLICK_SLOP_PX, HOVER_PICK_INTERVAL_MS } from './model';

const raycaster = new Raycaster();
const ndc = new Vector2();
const hits: Intersection[] = [];
const ground = new Plane(new Vector3(0, 1, 0), 0);
const groundHit = new Vector3();

function propertiesAt(object: Object3D, featureId: number): BuildingProperties | null {
  const planProps = object.userData[PLAN_PROPERTIES_KEY] as BuildingProperties[] | undefined;
  if (planProps) return planProps[featureId] ?? null;
  return featureProperties(object, featureId);
}

/** Visible all the way up: a hidden scheme group hides its tiles without touching them. */
function shown(o: Object3D | null): boolean {
  for (let x = o; x; x = x.parent) if (!x.visible) return false;
  return true;
}

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
      const none = { building: null, groundEnu: null };
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return none;
      const xShare = (clientX - rect.left) / rect.width;
      const pane = paneAt(panesForState(store.getState()), xShare);
      if (!pane) return none;
      const camera = get().camera as PerspectiveCamera;
      const before = planState.current;
      const aspect = camera.aspect;
      planState.apply(pane.stateId);
      if (pane.ownAspect) {
        camera.aspect = (pane.width * rect.width) / rect.height;
        camera.updateProjectionMatrix();
      }
      try {
        ndc.set(paneNdcX(pane, xShare), -((clientY - rect.top) / rect.height) * 2 + 1);
        raycaster.setFromCamera(ndc, camera);
        hits.length = 0;
        const targets: Object3D[] = [];
        for (const id of cityIds) {
          const t = registry.get(id);
          if (t) targets.push(t.group);
        }
        // The pane's scheme content (streamed tilesets and imported meshes); ground is never picked.
        targets.push(...planState.objectsOf(pane.stateId));
        for (const t of targets) if (shown(t)) raycaster.intersectObject(t, true, hits);
        hits.sort((a, b) => a.distance - b.distance);
        let building: BuildingSelection | null = null;
        for (const hit of hits) {
          if (hit.faceIndex === undefined || hit.faceIndex === null || !shown(hit.object)) continue;
          const featureId = featureIdAtFace(hit.object, hit.faceIndex);
          if (featureId === null) continue;
          const properties = propertiesAt(hit.object, featureId);
          const id = properties ? buildingIdOf(properties) : null;
          if (!properties || !id) continue;
          building = { id, properties, point: threeToEnu(hit.point.x, hit.point.y, hit.point.z) };
          break;
        }
        const g = raycaster.ray.intersectPlane(ground, groundHit);
        const groundEnu: [number, number] | null = g ? [g.x, -g.z] : null;
        return { building, groundEnu };
      } finally {
        if (pane.ownAspect) {
          camera.aspect = aspect;
          camera.updateProjectionMatrix();
        }
        planState.apply(before);
      }
    };
    const pick = (clientX: number, clientY: number): BuildingSelection | null => cast(clientX, clientY).building;

    let hoverTimer: ReturnType<typeof setTimeout> | null = null;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    let down: { x: number; y: number; t: number; id: number } | null = null;

    const hoverNow = () => {
      hoverTimer = null;
      store.getState().setHovered(pick(lastX, lastY)?.id ?? null);
    };
    const onMove = (e: PointerEvent) => {
      if (e.pointerType !== 'mouse') return;
      if (e.buttons !== 0) {
        if (hoverTimer) clearTimeout(hoverTimer);
        hoverTimer = null;
        return;
      }
      if (e.clientX === lastX && e.clientY === lastY) return;
      lastX = e.clientX;
      lastY = e.clientY;
      if (!hoverTimer) hoverTimer = setTimeout(hoverNow, HOVER_PICK_INTERVAL_MS);
    };
    const onDown = (e: PointerEvent) => {
      down = e.isPrimary ? { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || e.button !== 0) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX || e.timeStamp - d.t > CLICK_MAX_MS) return;
      const r = cast(e.clientX, e.clientY);
      const s = store.getState();
      s.select(r.building);
      // Ground clicks select the 控规 plot under them (when the plot layer is shown).
      const plots = s.plan?.plots ?? [];
      const plot = !r.building && r.groundEnu && isLayerVisible(s.layerVisible, 'plots') ? plotAt(plots, r.groundEnu[0], r.groundEnu[1]) : null;
      if ((plot?.id ?? null) !== s.selectedPlotId) s.selectPlot(plot?.id ?? null);
    };
    const onLeave = () => {
      if (hoverTimer) clearTimeout(hoverTimer);
      hoverTimer = null;
      lastX = lastY = Number.NaN;
      store.getState().setHovered(null);
    };

    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointerleave', onLeave);
      if (hoverTimer) clearTimeout(hoverTimer);
    };
  }, [scene, registry, planState, store, gl, get]);

  return null;
}
