/**
 * Feeds the active planner tool from the 3D view. While the tool owns the pointer
 * (src/state/pointerOwner.ts), every pointerdown, move, up and cancel on the canvas goes to the
 * tool's state machine with the pick under it, and so do double clicks and the keys Escape,
 * Backspace, Enter and Ctrl/⌘+Z when no text field has focus. The machine itself tells taps
 * from camera gestures, so the camera keeps panning and orbiting while points are placed.
 *
 * The pick: the pane-aware raycast of building selection (pickAt.ts) against the city and the
 * pane's scheme content, the ground plane where it meets nothing nearer, then snapped to the
 * corners and edges of the analysed state's buildings near it within the click slop (in metres
 * at the hit's distance). In editing, a handle within HANDLE_PICK_PX of the pointer is the hit
 * (except the section's, which the section layer drags itself).
 *
 * Camera: there is no store flag for the camera controls, so while a handle is dragged (the
 * machine's `drag`) the press that started it, and the dragging pointer's moves and release, are
 * stopped in the capture phase (stopImmediatePropagation) before the controls, which listen on
 * the canvas's parent, or building picking see them, as the section handles do. The controls
 * never see the press, so they never start a pan; every other press reaches them untouched.
 *
 * Hover moves are coalesced to one raycast per animation frame; any other event flushes the
 * pending one first, so the machine sees the events in their order. Moves with a button or finger
 * down reuse the press's pick (the machine only needs it for the rubber band of a mouse click).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Raycaster, type Intersection, type PerspectiveCamera } from 'three';
import { useAppStoreApi } from '../../state/hooks';
import { pointerOwner } from '../../state/pointerOwner';
import { toolHandles, type AnyToolState } from '../../tools/machine';
import { slopPx } from '../../tools/pointerGesture';
import { snapHit, type BuildingPrism } from '../../tools/snapping';
import type { PickHit, PointerEventType, PointerKind, PointerToolEvent, Ray, ToolHandle, Vec3 } from '../../tools/toolTypes';
import { threeToEnu } from '../../views/three/enuThree';
import { useZone } from '../../views/three/ZoneContext';
import { pickAt } from '../buildings/pickAt';
import { panesForState } from '../planning/PlanStateDriver';
import { pointerRay } from '../section/pointerRay';
import { pickHandle, prismBounds, prismsNear, SNAP_SEARCH_M, toleranceMetres } from './model';
import { ownsHandles } from './toolScene';

/** A surface this much farther than the ground plane along the ray still wins (a wall's foot). */
const GROUND_TIE_M = 0.01;
const UP: Vec3 = [0, 0, 1];
const rayOnly = new Raycaster();

export interface ToolPointerProps {
  snapBuildings: readonly BuildingPrism[] | null;
}

const kindOf = (t: string): PointerKind => (t === 'touch' || t === 'pen' ? t : 'mouse');

function isTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true);
}

/** The hit face's normal in ENU, turned towards the viewer (tiles may be wound either way). */
function faceNormal(hit: Intersection, rayDirEnu: Vec3): Vec3 | undefined {
  const n = hit.face?.normal;
  if (!n) return undefined;
  const w = n.clone().transformDirection(hit.object.matrixWorld);
  const e = threeToEnu(w.x, w.y, w.z);
  const facing = e[0] * rayDirEnu[0] + e[1] * rayDirEnu[1] + e[2] * rayDirEnu[2];
  return facing > 0 ? [-e[0], -e[1], -e[2]] : e;
}

/** Enter on a focused button or link is that control's (a panel's own "finish" or "cancel"). */
const isKeyForTool = (e: KeyboardEvent): boolean => {
  if (e.key === 'Enter') {
    const tag = (e.target as HTMLElement | null)?.tagName;
    return tag !== 'BUTTON' && tag !== 'A';
  }
  return e.key === 'Escape' || e.key === 'Backspace' || ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z'));
};

export function ToolPointer({ snapBuildings }: ToolPointerProps) {
  const { scene, registry, planState } = useZone();
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const snap = useMemo(
    () => (snapBuildings && snapBuildings.length > 0 ? { list: snapBuildings, bounds: prismBounds(snapBuildings) } : null),
    [snapBuildings],
  );
  // Through a ref, so new footprints don't re-attach the listeners mid-gesture.
  const snapRef = useRef(snap);
  snapRef.current = snap;

  useEffect(() => {
    const el = gl.domElement;
    const cityIds = scene.tilesets.filter((t) => t.kind === 'buildings').map((t) => t.id);
    const near: BuildingPrism[] = [];
    /** Each pressed pointer's pick at its pointerdown. */
    const presses = new Map<number, { hit: PickHit | null; toleranceM: number | undefined }>();
    let handlesFor: AnyToolState | null = null;
    let handles: ToolHandle[] = [];
    let pendingHover: PointerEvent | null = null;
    let hoverFrame = 0;
    let dragPointer: number | null = null;
    /** Whether the canvas cursor is ours to reset (other layers set it too). */
    let cursorSet = false;
    const cursor = (c: '' | 'grab' | 'grabbing') => {
      if (c === '' && !cursorSet) return;
      el.style.cursor = c;
      cursorSet = c !== '';
    };

    const owns = () => pointerOwner(store.getState()) === 'tool';
    const camera = () => get().camera as PerspectiveCamera;

    const handlesOf = (tool: AnyToolState): ToolHandle[] => {
      if (tool !== handlesFor) {
        handlesFor = tool;
        handles = toolHandles(tool);
      }
      return handles;
    };

    /** The full pick: surface or ground, snapped, or a handle; with the ray and the tolerance. */
    const pick = (e: PointerEvent): { hit: PickHit | null; ray?: Ray; toleranceM?: number } => {
      const s = store.getState();
      const cam = camera();
      const r = pickAt({ el, camera: cam, state: s, registry, planState, cityIds }, e.clientX, e.clientY);
      if (!r) return { hit: null };
      const { origin, direction } = r.raycaster.ray;
      const ray: Ray = { origin: threeToEnu(origin.x, origin.y, origin.z), dir: threeToEnu(direction.x, direction.y, direction.z) };
      const surface = r.surface && r.surface.distance <= r.groundDistance + GROUND_TIE_M ? r.surface : null;
      let hit: PickHit | null = null;
      let distance = Infinity;
      if (surface) {
        const p = surface.point;
        const normal = faceNormal(surface, ray.dir);
        hit = { point: threeToEnu(p.x, p.y, p.z), kind: 'face', ...(r.surfaceBuildingId ? { buildingId: r.surfaceBuildingId } : {}), ...(normal ? { normal } : {}) };
        distance = surface.distance;
      } else if (r.groundEnu) {
        hit = { point: [r.groundEnu[0], r.groundEnu[1], 0], kind: 'ground', normal: UP };
        distance = r.groundDistance;
      }
      const heightPx = el.getBoundingClientRect().height;
      const toleranceM = Number.isFinite(distance) ? toleranceMetres(distance, cam.fov, heightPx, slopPx(kindOf(e.pointerType))) : undefined;
      const sn = snapRef.current;
      if (hit && sn && toleranceM !== undefined) hit = snapHit(hit, prismsNear(sn.list, sn.bounds, hit.point, SNAP_SEARCH_M, near), toleranceM);
      near.length = 0;
      const tool = s.tool;
      if (tool && tool.phase === 'editing' && ownsHandles(tool)) {
        const hs = handlesOf(tool);
        const id = hs.length > 0 ? pickHandle(ray.origin, ray.dir, hs, cam.fov, heightPx) : null;
        const h = id === null ? undefined : hs.find((x) => x.id === id);
        if (h) hit = { ...(hit ?? { point: h.position, kind: 'ground' }), handle: h.id };
      }
      return toleranceM === undefined ? { hit, ray } : { hit, ray, toleranceM };
    };

    /** The ray alone, for a handle drag: the machine follows the ray, the ground point is its fallback. */
    const rayPick = (e: PointerEvent): { hit: PickHit | null; ray?: Ray } => {
      if (!pointerRay(el, camera(), panesForState(store.getState()), e.clientX, e.clientY, rayOnly)) return { hit: null };
      const { origin: o, direction: d } = rayOnly.ray;
      const ray: Ray = { origin: threeToEnu(o.x, o.y, o.z), dir: threeToEnu(d.x, d.y, d.z) };
      // Where the ray meets the ground plane, if it goes down to it.
      const t = d.y < 0 ? -o.y / d.y : Infinity;
      const hit: PickHit | null = Number.isFinite(t) ? { point: [o.x + d.x * t, -(o.z + d.z * t), 0], kind: 'ground', normal: UP } : null;
      return { hit, ray };
    };

    const send = (type: PointerEventType, e: PointerEvent, p: { hit: PickHit | null; ray?: Ray; toleranceM?: number }) => {
      const ev: PointerToolEvent = {
        type, pointerType: kindOf(e.pointerType), pointerId: e.pointerId, x: e.clientX, y: e.clientY, time: e.timeStamp, isPrimary: e.isPrimary,
        ...(type === 'pointerdown' ? { button: e.button } : {}), ...p,
      };
      store.getState().toolEvent(ev);
      syncDrag();
    };

    /** Lets go of the pointer once the machine has no drag (released, aborted by Escape, tool closed). */
    const syncDrag = () => {
      if (dragPointer === null || store.getState().tool?.drag) return;
      if (el.hasPointerCapture(dragPointer)) el.releasePointerCapture(dragPointer);
      dragPointer = null;
      cursor('');
    };

    const flushHover = () => {
      if (hoverFrame) cancelAnimationFrame(hoverFrame);
      hoverFrame = 0;
      const e = pendingHover;
      pendingHover = null;
      if (!e || !owns()) return;
      const p = pick(e);
      send('pointermove', e, p);
      cursor(p.hit?.handle !== undefined ? 'grab' : '');
    };

    const onDown = (e: PointerEvent) => {
      if (!owns()) return;
      flushHover();
      const p = pick(e);
      presses.set(e.pointerId, { hit: p.hit, toleranceM: p.toleranceM });
      send('pointerdown', e, p);
      const drag = store.getState().tool?.drag;
      if (drag && drag.pointerId === e.pointerId) {
        e.stopImmediatePropagation();
        e.preventDefault();
        el.setPointerCapture(e.pointerId);
        dragPointer = e.pointerId;
        cursor('grabbing');
      }
    };
    const onMove = (e: PointerEvent) => {
      if (dragPointer !== null && e.pointerId === dragPointer) {
        e.stopImmediatePropagation();
        send('pointermove', e, rayPick(e));
        return;
      }
      if (!owns()) {
        pendingHover = null;
        return;
      }
      const press = presses.get(e.pointerId);
      if (press || e.buttons !== 0 || e.pointerType === 'touch') {
        flushHover();
        send('pointermove', e, press ? { hit: press.hit, ...(press.toleranceM !== undefined ? { toleranceM: press.toleranceM } : {}) } : { hit: null });
        return;
      }
      pendingHover = e;
      if (!hoverFrame) hoverFrame = requestAnimationFrame(flushHover);
    };
    // On the window: a press that ends off the canvas (a camera drag released over a panel) still ends.
    const end = (type: 'pointerup' | 'pointercancel') => (e: PointerEvent) => {
      const press = presses.get(e.pointerId);
      presses.delete(e.pointerId);
      if (dragPointer !== null && e.pointerId === dragPointer) {
        e.stopImmediatePropagation();
        send(type, e, rayPick(e));
        return;
      }
      if (!press || !owns()) return;
      flushHover();
      // The machine taps on the press's pick; the release's own is not needed.
      send(type, e, { hit: press?.hit ?? null });
    };
    const onUp = end('pointerup');
    const onCancel = end('pointercancel');
    const onDbl = () => {
      if (owns()) store.getState().toolEvent({ type: 'dblclick' });
    };
    const onKey = (e: KeyboardEvent) => {
      if (!isKeyForTool(e) || isTextField(e.target) || !owns()) return;
      e.preventDefault();
      store.getState().toolEvent({ type: 'key', key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey });
      syncDrag();
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.tool === prev.tool) return;
      syncDrag();
      // Handles exist only in editing: out of it, nothing is under the pointer to grab.
      if (dragPointer === null && s.tool?.phase !== 'editing') cursor('');
    });

    const capture = { capture: true };
    el.addEventListener('pointerdown', onDown, capture);
    el.addEventListener('pointermove', onMove, capture);
    window.addEventListener('pointerup', onUp, capture);
    window.addEventListener('pointercancel', onCancel, capture);
    el.addEventListener('dblclick', onDbl);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerdown', onDown, capture);
      el.removeEventListener('pointermove', onMove, capture);
      window.removeEventListener('pointerup', onUp, capture);
      window.removeEventListener('pointercancel', onCancel, capture);
      el.removeEventListener('dblclick', onDbl);
      window.removeEventListener('keydown', onKey);
      unsubscribe();
      if (hoverFrame) cancelAnimationFrame(hoverFrame);
      if (dragPointer !== null && el.hasPointerCapture(dragPointer)) el.releasePointerCapture(dragPointer);
      cursor('');
    };
  }, [scene, registry, planState, store, gl, get]);

  return null;
}
