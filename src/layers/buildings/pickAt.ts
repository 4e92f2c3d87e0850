/**
 * The pane-aware raycast behind building selection and the planner tools: it sees what the pane
 * under the pointer draws. In a swipe or side-by-side comparison the plan-state controller applies
 * that pane's state (hidden site buildings, visible scheme) for the cast and restores the drawn
 * one after, and a split pane's own aspect squeezes the camera meanwhile, so a building hidden on
 * one side can't be picked there. City buildings tilesets and the pane's scheme content (streamed
 * tilesets, imported meshes) are cast against; the ground tiles never are, the plane y = 0 stands
 * in for them.
 */
import { Plane, Raycaster, Vector2, Vector3, type Intersection, type Object3D, type PerspectiveCamera } from 'three';
import type { AppState } from '../../state/store';
import { activeSection } from '../../tools/compute/activeSection';
import type { BuildingProperties, BuildingSelection } from '../../state/selectionSlice';
import { threeToEnu } from '../../views/three/enuThree';
import type { TilesRegistry } from '../../views/three/TilesRegistry';
import { paneAt, paneNdcX } from '../planning/compareModel';
import { PLAN_PROPERTIES_KEY } from '../planning/ImportedSchemeMesh';
import { dropCutAwayHits } from '../section/picking';
import type { PlanStateController } from '../planning/PlanStateController';
import { panesForState } from '../planning/PlanStateDriver';
import { featureIdAtFace, featureProperties } from './featureMetadata';
import { buildingIdOf } from './model';

export interface PickAtContext {
  el: HTMLElement;
  camera: PerspectiveCamera;
  state: AppState;
  registry: TilesRegistry;
  planState: PlanStateController;
  /** Registry ids of the zone's buildings tilesets. */
  cityIds: readonly string[];
}

export interface PickAtResult {
  /** The nearest hit that resolves to a building id and its properties (what selection takes). */
  building: BuildingSelection | null;
  /** The nearest shown surface, whether or not it resolves to a building; valid until the next cast. */
  surface: Intersection | null;
  /** The building id of `surface`, when its feature resolves to one. */
  surfaceBuildingId: string | null;
  /** Where the ray meets the ground plane, ENU east/north, and how far along the ray. */
  groundEnu: [number, number] | null;
  groundDistance: number;
  /** The cast's ray, three.js frame; valid until the next cast. */
  raycaster: Raycaster;
}

const raycaster = new Raycaster();
const ndc = new Vector2();
const hits: Intersection[] = [];
const targets: Object3D[] = [];
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

function buildingOf(hit: Intersection): { id: string; properties: BuildingProperties } | null {
  if (hit.faceIndex === undefined || hit.faceIndex === null) return null;
  const featureId = featureIdAtFace(hit.object, hit.faceIndex);
  if (featureId === null) return null;
  const properties = propertiesAt(hit.object, featureId);
  const id = properties ? buildingIdOf(properties) : null;
  return properties && id ? { id, properties } : null;
}

/** Null when the view has no size or no pane is under the pointer. */
export function pickAt(ctx: PickAtContext, clientX: number, clientY: number): PickAtResult | null {
  const { el, camera, planState } = ctx;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return null;
  const xShare = (clientX - rect.left) / rect.width;
  const pane = paneAt(panesForState(ctx.state), xShare);
  if (!pane) return null;
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
    targets.length = 0;
    for (const id of ctx.cityIds) {
      const t = ctx.registry.get(id);
      if (t) targets.push(t.group);
    }
    for (const o of planState.objectsOf(pane.stateId)) targets.push(o);
    for (const t of targets) if (shown(t)) raycaster.intersectObject(t, true, hits);
    targets.length = 0;
    hits.sort((a, b) => a.distance - b.distance);
    // What a section (剖切) cuts away is not there to pick: the ray goes on to what it shows.
    dropCutAwayHits(hits, activeSection(ctx.state));
    let building: BuildingSelection | null = null;
    let surface: Intersection | null = null;
    let surfaceBuildingId: string | null = null;
    for (const hit of hits) {
      if (hit.faceIndex === undefined || hit.faceIndex === null || !shown(hit.object)) continue;
      const b = buildingOf(hit);
      if (!surface) {
        surface = hit;
        surfaceBuildingId = b?.id ?? null;
      }
      if (!b) continue;
      building = { id: b.id, properties: b.properties, point: threeToEnu(hit.point.x, hit.point.y, hit.point.z) };
      break;
    }
    const g = raycaster.ray.intersectPlane(ground, groundHit);
    const groundEnu: [number, number] | null = g ? [g.x, -g.z] : null;
    const groundDistance = g ? raycaster.ray.origin.distanceTo(g) : Infinity;
    return { building, surface, surfaceBuildingId, groundEnu, groundDistance, raycaster };
  } finally {
    if (pane.ownAspect) {
      camera.aspect = aspect;
      camera.updateProjectionMatrix();
    }
    planState.apply(before);
  }
}
