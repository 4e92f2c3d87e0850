/**
 * Tells a placement tap from a camera gesture, from pointer events alone. The camera controls see
 * the same events, so a press only places a point when it is plainly a click: released within
 * CLICK_MAX_MS (a long press is neither a click nor, on touch, a placement), moved less than the
 * slop, with the main button, and with no other pointer down meanwhile (a second finger turns a
 * tap into a pinch or rotate, and the pending tap is dropped for good, even when that finger lifts
 * first). Pure: the gesture state is plain data the tool state carries.
 */
import { CLICK_MAX_MS, CLICK_SLOP_PX } from '../layers/buildings/model';
import type { PickHit, PointerKind, PointerToolEvent } from './toolTypes';

export { CLICK_MAX_MS, CLICK_SLOP_PX };

/** A fingertip wobbles more than a mouse between press and release. */
export const TOUCH_SLOP_PX = 2 * CLICK_SLOP_PX;

export interface ActivePointer {
  id: number;
  type: PointerKind;
}

/** The press that may still become a tap. */
export interface PendingPress {
  pointerId: number;
  pointerType: PointerKind;
  x: number;
  y: number;
  time: number;
  hit: PickHit | null;
  toleranceM?: number;
}

export interface GestureState {
  /** Pointers currently down. */
  active: readonly ActivePointer[];
  press: PendingPress | null;
}

export type GestureAction =
  | { type: 'none' }
  /** Where the pointer is while nothing is pressed (mouse, pen): the rubber band follows it. */
  | { type: 'hover'; hit: PickHit | null }
  | { type: 'tap'; hit: PickHit; toleranceM?: number };

export interface GestureStep {
  gesture: GestureState;
  action: GestureAction;
}

export const IDLE_GESTURE: GestureState = { active: [], press: null };

const NONE: GestureAction = { type: 'none' };

export function slopPx(pointerType: PointerKind): number {
  return pointerType === 'touch' ? TOUCH_SLOP_PX : CLICK_SLOP_PX;
}

function stillAClick(press: PendingPress, ev: PointerToolEvent): boolean {
  return Math.hypot(ev.x - press.x, ev.y - press.y) <= slopPx(press.pointerType) && ev.time - press.time <= CLICK_MAX_MS;
}

function without(active: readonly ActivePointer[], id: number): readonly ActivePointer[] {
  return active.some((p) => p.id === id) ? active.filter((p) => p.id !== id) : active;
}

export function gestureStep(g: GestureState, ev: PointerToolEvent): GestureStep {
  switch (ev.type) {
    case 'pointerdown': {
      // A primary pointer is the first of its type to go down, so any others of that type still
      // listed lost their pointerup (focus change, capture lost) and would block taps forever.
      const kept = ev.isPrimary ? g.active.filter((p) => p.type !== ev.pointerType) : without(g.active, ev.pointerId);
      const active = [...kept, { id: ev.pointerId, type: ev.pointerType }];
      const press: PendingPress | null =
        active.length === 1 && (ev.button ?? 0) === 0
          ? { pointerId: ev.pointerId, pointerType: ev.pointerType, x: ev.x, y: ev.y, time: ev.time, hit: ev.hit, toleranceM: ev.toleranceM }
          : null;
      return { gesture: { active, press }, action: NONE };
    }
    case 'pointermove': {
      const { press } = g;
      if (press && press.pointerId === ev.pointerId) {
        if (!stillAClick(press, ev)) return { gesture: { active: g.active, press: null }, action: NONE };
        return { gesture: g, action: press.pointerType === 'touch' ? NONE : { type: 'hover', hit: ev.hit } };
      }
      // Something is pressed that is not a click candidate: the camera is moving, the pick is stale.
      if (g.active.length > 0 || ev.pointerType === 'touch') return { gesture: g, action: NONE };
      return { gesture: g, action: { type: 'hover', hit: ev.hit } };
    }
    case 'pointerup': {
      const active = without(g.active, ev.pointerId);
      const { press } = g;
      const mine = press !== null && press.pointerId === ev.pointerId;
      const gesture = active === g.active && !mine ? g : { active, press: mine ? null : press };
      if (mine && press.hit && stillAClick(press, ev)) {
        return { gesture, action: press.toleranceM === undefined ? { type: 'tap', hit: press.hit } : { type: 'tap', hit: press.hit, toleranceM: press.toleranceM } };
      }
      return { gesture, action: NONE };
    }
    case 'pointercancel': {
      const active = without(g.active, ev.pointerId);
      const mine = g.press !== null && g.press.pointerId === ev.pointerId;
      return { gesture: active === g.active && !mine ? g : { active, press: mine ? null : g.press }, action: NONE };
    }
  }
}
