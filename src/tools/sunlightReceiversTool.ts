/**
 * Drawing the polygon whose residential buildings receive sunlight: click points on the ground,
 * close with Enter, a double click, or a click on the first point; Backspace removes the last
 * point, Escape gives up. A small pure state machine (ground points in ENU metres in, a ring out)
 * so it is driven by synthetic events in tests; the 3D view only turns pointer events into these.
 */
import type { Ring } from '../analysis/planning/types';

export type DrawPhase = 'idle' | 'drawing' | 'closed';

export type DrawProblem = 'too-few-points' | 'self-intersecting' | null;

export interface DrawState {
  phase: DrawPhase;
  points: Ring;
  /** Where the pointer is over the ground while drawing (the rubber-band edge), or null. */
  hover: [number, number] | null;
  /** Why the last attempt to close was refused. */
  problem: DrawProblem;
}

export type DrawEvent =
  | { type: 'start' }
  | { type: 'click'; e: number; n: number }
  | { type: 'move'; e: number; n: number }
  | { type: 'dblclick' }
  | { type: 'key'; key: string }
  | { type: 'reset' };

/** Two clicks closer than this are one (a double click delivers two clicks on one spot). */
export const MIN_POINT_GAP_M = 0.5;
/** A click this close to the first point closes the polygon. */
export const CLOSE_SNAP_M = 3;
export const MAX_POINTS = 40;

export const IDLE_DRAW: DrawState = { phase: 'idle', points: [], hover: null, problem: null };

const dist = (a: readonly [number, number], e: number, n: number): number => Math.hypot(a[0] - e, a[1] - n);

function segmentsCross(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const o = (p: [number, number], q: [number, number], r: [number, number]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}

/** Whether two non-adjacent edges of the closed ring cross. */
export function selfIntersects(ring: Ring): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

function close(s: DrawState): DrawState {
  if (s.points.length < 3) return { ...s, problem: 'too-few-points' };
  if (selfIntersects(s.points)) return { ...s, problem: 'self-intersecting' };
  return { phase: 'closed', points: s.points, hover: null, problem: null };
}

export function drawReducer(s: DrawState, ev: DrawEvent): DrawState {
  switch (ev.type) {
    case 'start':
      return { phase: 'drawing', points: [], hover: null, problem: null };
    case 'reset':
      return IDLE_DRAW;
    case 'move':
      if (s.phase !== 'drawing' || !Number.isFinite(ev.e) || !Number.isFinite(ev.n)) return s;
      return { ...s, hover: [ev.e, ev.n] };
    case 'click': {
      if (s.phase !== 'drawing' || !Number.isFinite(ev.e) || !Number.isFinite(ev.n)) return s;
      const first = s.points[0];
      if (first && s.points.length >= 3 && dist(first, ev.e, ev.n) <= CLOSE_SNAP_M) return close(s);
      const last = s.points[s.points.length - 1];
      if (last && dist(last, ev.e, ev.n) < MIN_POINT_GAP_M) return s;
      if (s.points.length >= MAX_POINTS) return s;
      return { ...s, points: [...s.points, [ev.e, ev.n]], problem: null };
    }
    case 'dblclick':
      return s.phase === 'drawing' ? close(s) : s;
    case 'key':
      if (s.phase !== 'drawing') return s;
      if (ev.key === 'Enter') return close(s);
      if (ev.key === 'Escape') return IDLE_DRAW;
      if (ev.key === 'Backspace') return { ...s, points: s.points.slice(0, -1), problem: null };
      return s;
  }
}

/** The finished polygon, or null while drawing or idle. */
export function drawnRing(s: DrawState): Ring | null {
  return s.phase === 'closed' ? s.points : null;
}
