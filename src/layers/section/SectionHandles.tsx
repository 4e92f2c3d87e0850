/**
 * The section's outline and drag handles. A handle is a sphere kept HANDLE_DRAW_PX wide on
 * screen and picked within HANDLE_HIT_PX (the 44 px touch target), drawn over everything and
 * never clipped (it sits on the cut face). Dragging one moves its face along the face normal:
 * the section is updated live through the controller (planes rewritten in place, no React
 * render) and committed once, through onChange, when the pointer is released; Escape cancels.
 *
 * Pointer events are taken in the capture phase on the canvas, so a press on a handle never
 * reaches the camera controls or building picking (stopImmediatePropagation), and any other
 * press passes through untouched.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import {
  BufferAttribute,
  BufferGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Raycaster,
  SphereGeometry,
  Vector3,
  type PerspectiveCamera,
} from 'three';
import type { Vec3 } from '../../core/geodesy';
import { axisParamUnderRay, dragHandle, sectionHandles, type SectionHandle } from '../../analysis/section/handles';
import type { Section } from '../../analysis/section/types';
import { validateSection } from '../../analysis/section/validate';
import { useAppStoreApi } from '../../state/hooks';
import { enuToThree } from '../../views/three/enuThree';
import { panesForState } from '../planning/PlanStateDriver';
import { HANDLE_COLOR, HANDLE_DRAW_PX, HANDLE_HOVER_COLOR, metresPerPixel, OUTLINE_COLOR, OUTLINE_FLOATS, pickHandle, writeOutline } from './model';
import { pointerRay } from './pointerRay';
import type { SectionController } from './SectionController';
import { makeUnclipped } from './unclippedMaterial';

const MAX_HANDLES = 6;
/** Above the city, the caps and the overlays. */
const GIZMO_RENDER_ORDER = 2_000_000;
const raycaster = new Raycaster();
const camPos = new Vector3();
const rayO: Vec3 = [0, 0, 0];
const rayD: Vec3 = [0, 0, 0];

interface Drag {
  pointerId: number;
  handle: SectionHandle;
  start: Section;
  axisOrigin: Vec3;
  axisDir: Vec3;
  s0: number;
}

export interface SectionHandlesProps {
  controller: SectionController;
  /** The section at the end of a drag (not called while it moves). */
  onChange?: (section: Section) => void;
}

export function SectionHandles({ controller, onChange }: SectionHandlesProps) {
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const store = useAppStoreApi();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const gizmo = useMemo(() => {
    const group = new Group();
    group.name = 'section-gizmo';
    const sphere = new SphereGeometry(0.5, 16, 12);
    const material = makeUnclipped(new MeshBasicMaterial({ color: HANDLE_COLOR, fog: false, depthTest: false, transparent: true, opacity: 0.9 }));
    const hoverMaterial = makeUnclipped(new MeshBasicMaterial({ color: HANDLE_HOVER_COLOR, fog: false, depthTest: false, transparent: true, opacity: 0.95 }));
    const handles = Array.from({ length: MAX_HANDLES }, () => {
      const m = new Mesh(sphere, material);
      m.renderOrder = GIZMO_RENDER_ORDER + 1;
      m.visible = false;
      group.add(m);
      return m;
    });
    const lineGeometry = new BufferGeometry();
    lineGeometry.setAttribute('position', new BufferAttribute(new Float32Array(OUTLINE_FLOATS), 3));
    lineGeometry.setDrawRange(0, 0);
    const lineMaterial = makeUnclipped(new LineBasicMaterial({ color: OUTLINE_COLOR, fog: false, depthTest: false, transparent: true, opacity: 0.8 }));
    const outline = new LineSegments(lineGeometry, lineMaterial);
    outline.frustumCulled = false;
    outline.renderOrder = GIZMO_RENDER_ORDER;
    group.add(outline);
    return { group, sphere, material, hoverMaterial, handles, outline, lineGeometry, lineMaterial };
  }, []);
  useEffect(() => () => {
    gizmo.sphere.dispose();
    gizmo.material.dispose();
    gizmo.hoverMaterial.dispose();
    gizmo.lineGeometry.dispose();
    gizmo.lineMaterial.dispose();
  }, [gizmo]);

  // Handle positions (three.js frame) and their ENU descriptions, rebuilt when the section changes.
  const state = useRef({ version: -1, handles: [] as SectionHandle[], centres: [] as Vec3[], hovered: -1, drag: null as Drag | null });

  const sync = useMemo(() => () => {
    const st = state.current;
    if (st.version === controller.version) return;
    st.version = controller.version;
    const section = controller.section;
    st.handles = section ? sectionHandles(section) : [];
    st.centres = st.handles.map((h) => enuToThree(h.position[0], h.position[1], h.position[2]));
    gizmo.group.visible = section !== null;
    gizmo.handles.forEach((m, i) => {
      const c = st.centres[i];
      m.visible = c !== undefined;
      if (c) m.position.set(c[0], c[1], c[2]);
    });
    const attr = gizmo.lineGeometry.getAttribute('position') as BufferAttribute;
    const n = section ? writeOutline(section, attr.array as Float32Array) : 0;
    attr.needsUpdate = true;
    gizmo.lineGeometry.setDrawRange(0, n);
    controller.setHandleCount(st.centres.length);
  }, [controller, gizmo]);

  useFrame(({ camera, size }) => {
    sync();
    if (!gizmo.group.visible) return;
    const cam = camera as PerspectiveCamera;
    camPos.setFromMatrixPosition(cam.matrixWorld);
    for (const m of gizmo.handles) {
      if (!m.visible) continue;
      m.scale.setScalar(Math.max(1e-3, HANDLE_DRAW_PX * metresPerPixel(m.position.distanceTo(camPos), cam.fov, size.height)));
    }
  });

  useEffect(() => {
    const el = gl.domElement;
    const st = state.current;
    const cast = (e: PointerEvent): boolean => {
      const camera = get().camera as PerspectiveCamera;
      if (!pointerRay(el, camera, panesForState(store.getState()), e.clientX, e.clientY, raycaster)) return false;
      const { origin, direction } = raycaster.ray;
      rayO[0] = origin.x; rayO[1] = origin.y; rayO[2] = origin.z;
      rayD[0] = direction.x; rayD[1] = direction.y; rayD[2] = direction.z;
      return true;
    };
    const handleAt = (e: PointerEvent): number => {
      sync();
      if (!controller.section || st.centres.length === 0 || !cast(e)) return -1;
      const camera = get().camera as PerspectiveCamera;
      return pickHandle(rayO, rayD, st.centres, camera.fov, el.getBoundingClientRect().height);
    };
    const setHover = (i: number) => {
      if (i === st.hovered) return;
      st.hovered = i;
      gizmo.handles.forEach((m, k) => (m.material = k === i ? gizmo.hoverMaterial : gizmo.material));
      el.style.cursor = i >= 0 ? 'grab' : '';
      invalidate();
    };
    const end = (e: PointerEvent, cancel: boolean) => {
      const d = st.drag;
      if (!d) return;
      st.drag = null;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      el.style.cursor = '';
      if (cancel) controller.set(d.start);
      else if (controller.section) onChangeRef.current?.(controller.section);
      invalidate();
    };

    const onDown = (e: PointerEvent) => {
      if (st.drag || !e.isPrimary || e.button !== 0) return;
      const i = handleAt(e);
      const handle = st.handles[i];
      const centre = st.centres[i];
      const section = controller.section;
      if (!handle || !centre || !section) return;
      const axisDir = enuToThree(handle.normal[0], handle.normal[1], handle.normal[2]);
      const s0 = axisParamUnderRay(rayO, rayD, centre, axisDir);
      // Seen along its own axis a face cannot be dragged; the press goes to the camera instead.
      if (s0 === null) return;
      e.stopImmediatePropagation();
      e.preventDefault();
      el.setPointerCapture(e.pointerId);
      st.drag = { pointerId: e.pointerId, handle, start: structuredClone(section), axisOrigin: [...centre], axisDir, s0 };
      el.style.cursor = 'grabbing';
    };
    const onMove = (e: PointerEvent) => {
      const d = st.drag;
      if (!d) {
        if (e.pointerType === 'mouse' && e.buttons === 0) setHover(handleAt(e));
        return;
      }
      if (e.pointerId !== d.pointerId) return;
      e.stopImmediatePropagation();
      if (!cast(e)) return;
      const s = axisParamUnderRay(rayO, rayD, d.axisOrigin, d.axisDir);
      if (s === null) return;
      // A drag past the accepted range stops there instead of clearing the section.
      const draft = dragHandle(d.start, d.handle.face, s - d.s0);
      if (validateSection(draft).length > 0) return;
      controller.set(draft);
      invalidate();
    };
    const onUp = (e: PointerEvent) => {
      if (!st.drag || e.pointerId !== st.drag.pointerId) return;
      e.stopImmediatePropagation();
      end(e, false);
    };
    const onCancel = (e: PointerEvent) => {
      if (st.drag && e.pointerId === st.drag.pointerId) end(e, true);
    };
    const onKey = (e: KeyboardEvent) => {
      const d = st.drag;
      if (!d || e.key !== 'Escape') return;
      e.preventDefault();
      st.drag = null;
      if (el.hasPointerCapture(d.pointerId)) el.releasePointerCapture(d.pointerId);
      el.style.cursor = '';
      controller.set(d.start);
      invalidate();
    };
    const capture = { capture: true };
    el.addEventListener('pointerdown', onDown, capture);
    el.addEventListener('pointermove', onMove, capture);
    el.addEventListener('pointerup', onUp, capture);
    el.addEventListener('pointercancel', onCancel, capture);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerdown', onDown, capture);
      el.removeEventListener('pointermove', onMove, capture);
      el.removeEventListener('pointerup', onUp, capture);
      el.removeEventListener('pointercancel', onCancel, capture);
      window.removeEventListener('keydown', onKey);
      el.style.cursor = '';
      st.version = -1;
      controller.setHandleCount(0);
    };
  }, [gl, get, store, controller, gizmo, invalidate, sync]);

  return <primitive object={gizmo.group} />;
}
