/**
 * The planner tools' generic state machine, in the spirit of tldraw's tools: one reducer drives
 * every kind, the kind's definition (toolKinds.ts) says how many points it takes, what it refuses
 * and what it hands on. Phases: idle → placing → editing (kinds with handles or live parameters)
 * → done, or cancelled. Pure and deterministic: (state, event) → state, never mutating, and an
 * event that changes nothing returns the very same state so the caller can skip a store update.
 *
 * The integrator raycasts and snaps (snapping.ts) before sending a pointer event, forwards keys
 * only while no text field has focus, and keeps the camera controls off while `drag` is set.
 */
import { dist3 } from './measureLocal';
import { gestureStep, IDLE_GESTURE, type GestureState } from './pointerGesture';
import { definitionOf } from './toolKinds';
import { toolPoint } from './toolParams';
import type {
  AnyToolInputs, ParamProblem, ParamsOf, PickHit, PointerToolEvent, ToolDefinition, ToolEvent, ToolHandle, ToolKind, ToolPhase,
  ToolPoint, ToolProblem, Vec3,
} from './toolTypes';

/** Two clicks closer than this are one: a double click delivers two clicks on one spot. */
export const MIN_POINT_GAP_M = 0.5;
/** Without a `toleranceM` from the pointer, a click this close to the first point closes a polygon. */
export const CLOSE_SNAP_M = 3;
export const MAX_HISTORY = 50;

export interface EditSnapshot<K extends ToolKind = ToolKind> {
  points: readonly ToolPoint[];
  params: ParamsOf<K>;
}

export interface HandleDrag<K extends ToolKind = ToolKind> {
  pointerId: number;
  handle: string;
  /** The handle's position and axis when grabbed; the drag is measured along this line. */
  origin: Vec3;
  axis: Vec3;
  /** Where on the axis the pointer grabbed, so the handle does not jump to the pointer. */
  grabT: number;
  start: EditSnapshot<K>;
}

export interface ToolState<K extends ToolKind = ToolKind> {
  readonly kind: K;
  readonly phase: ToolPhase;
  readonly points: readonly ToolPoint[];
  readonly params: ParamsOf<K>;
  readonly paramProblems: readonly ParamProblem[];
  /** The rubber-band point under the pointer while placing. */
  readonly hover: ToolPoint | null;
  /** Why the last point or finish was refused; cleared by the next change. */
  readonly problem: ToolProblem | null;
  readonly gesture: GestureState;
  /** A handle being dragged (editing); the camera must not move meanwhile. */
  readonly drag: HandleDrag<K> | null;
  /** Edits (drags, parameter changes) that undo restores, newest last. */
  readonly history: readonly EditSnapshot<K>[];
}

export type AnyToolState = { [K in ToolKind]: ToolState<K> }[ToolKind];

type Loose = ToolState<ToolKind>;
type Def = ToolDefinition<ToolKind>;

const vecs = (points: readonly ToolPoint[]): Vec3[] => points.map((p) => p.point);
const finite3 = (p: Vec3): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]) && Number.isFinite(p[2]);

export function createTool<K extends ToolKind>(kind: K, params?: Partial<ParamsOf<K>>): ToolState<K> {
  const def = definitionOf(kind);
  const p = { ...def.defaultParams, ...params } as ParamsOf<K>;
  return { kind, phase: 'idle', points: [], params: p, paramProblems: def.validateParams(p), hover: null, problem: null, gesture: IDLE_GESTURE, drag: null, history: [] };
}

/** Parameters survive a restart: the planner set the eye height once for the session. */
function fresh(s: Loose, phase: ToolPhase): Loose {
  return { ...s, phase, points: [], hover: null, problem: null, gesture: IDLE_GESTURE, drag: null, history: [] };
}

const withProblem = (s: Loose, problem: ToolProblem): Loose => (s.problem === problem ? s : { ...s, problem });
const active = (s: Loose): boolean => s.phase === 'placing' || s.phase === 'editing';

function finish(def: Def, s: Loose): Loose {
  if (!active(s) || s.drag) return s;
  if (s.points.length < def.minPoints(s.params)) return withProblem(s, 'too-few-points');
  const problem = def.checkFinish(vecs(s.points), s.params) ?? (s.paramProblems.length > 0 ? 'bad-params' : null);
  if (problem) return withProblem(s, problem);
  const phase: ToolPhase = s.phase === 'placing' && def.editable ? 'editing' : 'done';
  return { ...s, phase, hover: null, problem: null, history: phase === 'editing' ? [] : s.history };
}

function addPoint(def: Def, s: Loose, hit: PickHit, toleranceM: number | undefined): Loose {
  if (s.phase !== 'placing' || !finite3(hit.point)) return s;
  const pts = s.points;
  const first = pts[0], last = pts[pts.length - 1];
  const closeM = toleranceM !== undefined && toleranceM >= 0 ? toleranceM : CLOSE_SNAP_M;
  if (def.closesOnFirstPoint && first && pts.length >= def.minPoints(s.params) && dist3(first.point, hit.point) <= closeM) return finish(def, s);
  if (last && dist3(last.point, hit.point) < MIN_POINT_GAP_M) return s;
  if (pts.length >= def.maxPoints(s.params)) return s;
  const refused = def.acceptPoint(pts, hit, s.params);
  if (refused) return withProblem(s, refused);
  const placed = def.place(hit, s.params);
  const paramProblems = placed.params === s.params ? s.paramProblems : def.validateParams(placed.params);
  const next: Loose = { ...s, points: [...pts, placed.point], params: placed.params, paramProblems, problem: null };
  return next.points.length >= def.maxPoints(next.params) ? finish(def, next) : next;
}

function pushHistory(history: readonly EditSnapshot[], snap: EditSnapshot): EditSnapshot[] {
  const h = [...history, snap];
  return h.length > MAX_HISTORY ? h.slice(h.length - MAX_HISTORY) : h;
}

function abortDrag(def: Def, s: Loose): Loose {
  const d = s.drag;
  if (!d) return s;
  return { ...s, points: d.start.points, params: d.start.params, paramProblems: def.validateParams(d.start.params), drag: null };
}

function undo(def: Def, s: Loose): Loose {
  if (s.drag) return abortDrag(def, s);
  if (s.phase === 'placing') return s.points.length > 0 ? { ...s, points: s.points.slice(0, -1), problem: null } : s;
  if (s.phase !== 'editing') return s;
  const prev = s.history[s.history.length - 1];
  if (prev) {
    return { ...s, points: prev.points, params: prev.params, paramProblems: def.validateParams(prev.params), history: s.history.slice(0, -1), problem: null };
  }
  // Nothing edited yet: undo takes back the point that completed the placement.
  return { ...s, phase: 'placing', points: s.points.slice(0, -1), problem: null, history: [] };
}

function cancel(s: Loose): Loose {
  return active(s) ? fresh(s, 'cancelled') : s;
}

function keyStep(def: Def, s: Loose, ev: Extract<ToolEvent, { type: 'key' }>): Loose {
  if (!active(s)) return s;
  if (ev.key === 'Escape') return s.drag ? abortDrag(def, s) : cancel(s);
  if (ev.key === 'Enter') return finish(def, s);
  const undoChord = (ev.ctrlKey || ev.metaKey) && !ev.shiftKey && (ev.key === 'z' || ev.key === 'Z');
  if (ev.key === 'Backspace' || undoChord) return undo(def, s);
  return s;
}

/**
 * How far along the handle's axis the pointer is: the point of the axis line nearest the pointer's
 * ray, else the hit projected onto the axis; null when neither is usable.
 */
export function axisParam(origin: Vec3, axis: Vec3, ev: Pick<PointerToolEvent, 'ray' | 'hit'>): number | null {
  if (ev.ray) {
    const d = ev.ray.dir;
    const w: Vec3 = [origin[0] - ev.ray.origin[0], origin[1] - ev.ray.origin[1], origin[2] - ev.ray.origin[2]];
    const b = axis[0] * d[0] + axis[1] * d[1] + axis[2] * d[2];
    const c = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    const aw = axis[0] * w[0] + axis[1] * w[1] + axis[2] * w[2];
    const dw = d[0] * w[0] + d[1] * w[1] + d[2] * w[2];
    const denom = c - b * b;
    // A ray (nearly) along the axis does not say where on the axis the pointer is.
    if (denom > 1e-6 * c) {
      const t = (b * dw - c * aw) / denom;
      if (Number.isFinite(t)) return t;
    }
  }
  const h = ev.hit?.point;
  if (h && finite3(h)) return axis[0] * (h[0] - origin[0]) + axis[1] * (h[1] - origin[1]) + axis[2] * (h[2] - origin[2]);
  return null;
}

function startDrag(def: Def, s: Loose, ev: PointerToolEvent): HandleDrag | null {
  const handle = def.handles(vecs(s.points), s.params).find((h) => h.id === ev.hit?.handle);
  if (!handle) return null;
  const grabT = axisParam(handle.position, handle.axis, ev) ?? 0;
  return { pointerId: ev.pointerId, handle: handle.id, origin: handle.position, axis: handle.axis, grabT, start: { points: s.points, params: s.params } };
}

function dragStep(def: Def, s: Loose, drag: HandleDrag, ev: PointerToolEvent): Loose {
  if (ev.pointerId !== drag.pointerId) return ev.type === 'pointerdown' ? abortDrag(def, s) : s;
  switch (ev.type) {
    case 'pointermove': {
      const t = axisParam(drag.origin, drag.axis, ev);
      if (t === null) return s;
      const r = def.dragHandle(vecs(drag.start.points), drag.start.params, drag.handle, t - drag.grabT);
      if (!r) return s;
      const points = r.points.map((p, i): ToolPoint => ({ ...(drag.start.points[i] ?? { kind: 'ground' }), point: p }));
      return { ...s, points, params: r.params, paramProblems: def.validateParams(r.params) };
    }
    case 'pointerup': {
      const moved = s.points !== drag.start.points || s.params !== drag.start.params;
      return { ...s, drag: null, history: moved ? pushHistory(s.history, drag.start) : s.history };
    }
    case 'pointercancel':
      return abortDrag(def, s);
    case 'pointerdown':
      return s;
  }
}

function pointerStep(def: Def, s: Loose, ev: PointerToolEvent): Loose {
  if (!active(s)) return s;
  const { gesture, action } = gestureStep(s.gesture, ev);
  const next = gesture === s.gesture ? s : { ...s, gesture };
  if (s.drag) return dragStep(def, next, s.drag, ev);
  if (ev.type === 'pointerdown' && s.phase === 'editing' && ev.hit?.handle !== undefined && gesture.active.length === 1 && (ev.button ?? 0) === 0) {
    const drag = startDrag(def, next, ev);
    if (drag) return { ...next, gesture: { active: gesture.active, press: null }, drag };
  }
  if (action.type === 'tap') return addPoint(def, next, action.hit, action.toleranceM);
  if (action.type === 'hover' && s.phase === 'placing') {
    const hover = action.hit && finite3(action.hit.point) ? toolPoint(action.hit) : null;
    return hover === null && next.hover === null ? next : { ...next, hover };
  }
  return next;
}

export function toolReducer<S extends AnyToolState>(state: S, ev: ToolEvent): S {
  const s = state as Loose;
  const def = definitionOf(s.kind);
  const step = (): Loose => {
    switch (ev.type) {
      case 'start':
        return s.phase === 'placing' && s.points.length === 0 ? s : fresh(s, 'placing');
      case 'reset':
        return s.phase === 'idle' && s.points.length === 0 ? s : fresh(s, 'idle');
      case 'cancel':
        return cancel(s);
      case 'undo':
        return active(s) ? undo(def, s) : s;
      case 'finish':
        return finish(def, s);
      case 'dblclick':
        return s.phase === 'placing' ? finish(def, s) : s;
      case 'key':
        return keyStep(def, s, ev);
      case 'place':
        return addPoint(def, s, ev.hit, undefined);
      default:
        return pointerStep(def, s, ev);
    }
  };
  return step() as S;
}

/** Changes parameters from the panel; in editing the change can be undone. */
export function setToolParams<S extends AnyToolState>(state: S, patch: Partial<S['params']>): S {
  const s = state as Loose;
  if (s.drag) return state;
  const params = { ...s.params, ...patch } as Loose['params'];
  const keys = Object.keys(patch) as (keyof typeof params)[];
  if (keys.every((k) => Object.is(params[k], s.params[k]))) return state;
  const def = definitionOf(s.kind);
  const history = s.phase === 'editing' ? pushHistory(s.history, { points: s.points, params: s.params }) : s.history;
  const problem = s.problem === 'bad-params' ? null : s.problem;
  return { ...s, params, paramProblems: def.validateParams(params), history, problem } as Loose as S;
}

/** The finished tool's inputs (editing shows a live preview of these, done keeps them). */
export function toolInputs(state: AnyToolState): AnyToolInputs | null {
  if (state.phase !== 'editing' && state.phase !== 'done') return null;
  const s = state as Loose;
  return definitionOf(s.kind).inputs(s.points, s.params) as AnyToolInputs;
}

/** Inputs with the rubber-band point while placing, for a live readout; null until enough points. */
export function previewInputs(state: AnyToolState): AnyToolInputs | null {
  if (state.phase !== 'placing') return toolInputs(state);
  const s = state as Loose;
  const def = definitionOf(s.kind);
  const pts = s.hover ? [...s.points, s.hover] : s.points;
  if (pts.length < def.minPoints(s.params) || s.paramProblems.length > 0) return null;
  return def.inputs(pts, s.params) as AnyToolInputs;
}

/** Handles to draw and pick (editing only). */
export function toolHandles(state: AnyToolState): ToolHandle[] {
  if (state.phase !== 'editing') return [];
  const s = state as Loose;
  return definitionOf(s.kind).handles(vecs(s.points), s.params);
}

/** Whether pointer events should reach the tool at all. */
export const toolWantsPointer = (state: AnyToolState): boolean => state.phase === 'placing' || state.phase === 'editing';
