/**
 * The 3D side of drawing the receiver polygon: while the tool draws, a click on the view (a press
 * released near where it started, so camera drags never add points) adds the ground point under
 * it; a double click, Enter or a click on the first point closes; Backspace and Escape go to the
 * tool too. The logic is src/tools/sunlightReceiversTool.ts; this turns pointer events into its
 * events and draws the outline so far with a rubber band to the pointer, in one preallocated line
 * updated in place.
 */
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, Plane, Raycaster, Vector2, Vector3, type PerspectiveCamera } from 'three';
import { useAppStore, useAppStoreApi } from '../../state/hooks';
import { MAX_POINTS } from '../../tools/sunlightReceiversTool';
import { CLICK_MAX_MS, CLICK_SLOP_PX } from '../buildings/model';

const DRAW_UP_M = 1.6;
const DRAW_COLOR = '#00e5ff';
const raycaster = new Raycaster();
const ndc = new Vector2();
const ground = new Plane(new Vector3(0, 1, 0), 0);
const hit = new Vector3();

export function SunlightDrawTool() {
  const store = useAppStoreApi();
  const phase = useAppStore((s) => s.sunlightDraw.phase);
  const points = useAppStore((s) => s.sunlightDraw.points);
  const gl = useThree((s) => s.gl);
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);

  const line = useMemo(() => {
    const g = new BufferGeometry();
    // The polygon's points, the pointer, and the first point again to show the closing edge.
    g.setAttribute('position', new BufferAttribute(new Float32Array((MAX_POINTS + 2) * 3), 3));
    g.setDrawRange(0, 0);
    const l = new Line(g, new LineBasicMaterial({ color: DRAW_COLOR, depthTest: false }));
    l.renderOrder = 10;
    l.frustumCulled = false;
    l.name = 'sunlight-draw';
    return l;
  }, []);
  useEffect(() => () => {
    line.geometry.dispose();
    (line.material as LineBasicMaterial).dispose();
  }, [line]);

  // Writes the outline: the points, then the pointer (if any), then back to the first point.
  const draw = useMemo(() => (pts: readonly [number, number][], hover: [number, number] | null) => {
    const attr = line.geometry.getAttribute('position') as BufferAttribute;
    const a = attr.array as Float32Array;
    let n = 0;
    const put = (e: number, nn: number) => {
      a[n * 3] = e;
      a[n * 3 + 1] = DRAW_UP_M;
      a[n * 3 + 2] = -nn;
      n++;
    };
    for (const [e, nn] of pts) put(e, nn);
    if (hover) put(hover[0], hover[1]);
    if (pts.length >= 2 && pts[0]) put(pts[0][0], pts[0][1]);
    attr.needsUpdate = true;
    line.geometry.setDrawRange(0, n);
    invalidate();
  }, [line, invalidate]);

  useEffect(() => {
    draw(phase === 'drawing' ? points : [], null);
    if (phase !== 'drawing') return;
    const el = gl.domElement;
    const groundAt = (clientX: number, clientY: number): [number, number] | null => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return null;
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, get().camera as PerspectiveCamera);
      const g = raycaster.ray.intersectPlane(ground, hit);
      return g ? [g.x, -g.z] : null;
    };
    let down: { x: number; y: number; t: number; id: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = e.isPrimary ? { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId } : null;
    };
    const onUp = (e: PointerEvent) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || e.button !== 0) return;
      if (Math.hypot(e.clientX - d.x, e.clientY - d.y) > CLICK_SLOP_PX || e.timeStamp - d.t > CLICK_MAX_MS) return;
      const p = groundAt(e.clientX, e.clientY);
      if (p) store.getState().sunlightDrawEvent({ type: 'click', e: p[0], n: p[1] });
    };
    // The rubber band stays out of the store: pointer moves are per frame.
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      draw(store.getState().sunlightDraw.points, groundAt(e.clientX, e.clientY));
    };
    const onDbl = () => store.getState().sunlightDrawEvent({ type: 'dblclick' });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== 'Escape' && e.key !== 'Backspace') return;
      // Typing in a form field keeps its own keys.
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      e.preventDefault();
      store.getState().sunlightDrawEvent({ type: 'key', key: e.key });
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('dblclick', onDbl);
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('dblclick', onDbl);
      window.removeEventListener('keydown', onKey);
    };
  }, [phase, points, gl, get, store, draw]);

  return <primitive object={line} />;
}
