/**
 * Runs the kiosk's IdleMachine: a KIOSK_TICK_MS clock, and every pointer, touch, wheel and key
 * input, listened to in the capture phase on the shell's root so no control can hide an input
 * from it. Reports the machine's snapshot to the store (modeRuntime.kiosk, for the test hook).
 *
 * The gesture that wakes the kiosk from its attract loop is swallowed whole: its pointer events
 * stop at the root (before the 3D view, its pickers and React's handlers), its touch events are
 * cancelled (so no click or compatibility mouse event follows), and `swallowing` stays true until
 * every finger of it has lifted and a moment more, so the shell keeps its full-screen catcher up.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { trackInterval, trackListener, trackTimeout } from '../../runtime/tracked';
import { useAppStoreApi } from '../../state/hooks';
import { IdleMachine, type IdleState } from './idleMachine';

export const KIOSK_TICK_MS = 250;
/** After the swallowed gesture's last finger lifts, a click may still be on its way. */
export const SWALLOW_TAIL_MS = 400;

export interface KioskIdleOptions {
  idleMs: number;
  warningMs?: number;
  startIn: 'active' | 'attract';
  /** Called once on each fall into attract, before the state shows. */
  onReset(): void;
  now?: () => number;
}

export interface KioskIdle {
  state: IdleState;
  /** Whole seconds left on the warning, else null. */
  secondsLeft: number | null;
  /** A waking gesture is still under way: keep catching it. */
  swallowing: boolean;
}

const wallClock = () => Date.now();

function block(e: Event): void {
  e.stopPropagation();
  if (e.cancelable) e.preventDefault();
}

export function useKioskIdle(rootRef: RefObject<HTMLElement | null>, opts: KioskIdleOptions): KioskIdle {
  const store = useAppStoreApi();
  const { idleMs, warningMs, startIn } = opts;
  const nowRef = useRef(opts.now ?? wallClock);
  const onResetRef = useRef(opts.onReset);
  onResetRef.current = opts.onReset;
  const [shown, setShown] = useState<KioskIdle>({ state: startIn, secondsLeft: null, swallowing: false });

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const now = nowRef.current;
    const machine = new IdleMachine(now(), { idleMs, ...(warningMs !== undefined ? { warningMs } : {}), startIn });
    /** Pointers of the waking gesture still down. */
    const swallowed = new Set<number>();
    let swallowing = false;
    let cancelTail: (() => void) | null = null;

    const publish = () => {
      const t = now();
      const next: KioskIdle = { state: machine.state, secondsLeft: machine.secondsLeft(t), swallowing };
      setShown((old) => (old.state === next.state && old.secondsLeft === next.secondsLeft && old.swallowing === next.swallowing ? old : next));
      store.getState().setModeRuntime({ kiosk: machine.snapshot(t) });
    };
    const endSwallowSoon = () => {
      cancelTail?.();
      cancelTail = trackTimeout(() => {
        cancelTail = null;
        if (swallowed.size > 0) return;
        swallowing = false;
        publish();
      }, SWALLOW_TAIL_MS);
    };
    /** Any input; true when it is (part of) the waking gesture and must not reach anything. */
    const input = (): boolean => {
      const wasState = machine.state;
      if (machine.input(now()).swallow) swallowing = true;
      if (machine.state !== wasState) publish();
      return swallowing;
    };

    const onDown = (e: Event) => {
      const id = (e as PointerEvent).pointerId;
      cancelTail?.();
      cancelTail = null;
      if (!input()) return;
      swallowed.add(id);
      block(e);
      publish();
    };
    const onUp = (e: Event) => {
      const id = (e as PointerEvent).pointerId;
      input();
      if (!swallowed.delete(id)) return;
      block(e);
      if (swallowed.size === 0) endSwallowSoon();
    };
    // A drag counts as use; a mouse merely passing over an unattended kiosk does not.
    const onMove = (e: Event) => {
      const p = e as PointerEvent;
      if (p.buttons !== 0 || p.pointerType === 'touch') input();
      if (swallowed.has(p.pointerId)) block(e);
    };
    const onTouch = (e: Event) => {
      if (input()) block(e);
    };
    const onOther = (e: Event) => {
      const wasAttract = machine.state === 'attract';
      if (input()) {
        block(e);
        // A key or a wheel has no gesture to wait for.
        if (wasAttract && swallowed.size === 0) endSwallowSoon();
      }
    };
    const onClick = (e: Event) => {
      if (swallowing) block(e);
    };

    // Non-passive: a swallowed touch must be cancellable, or its click would still come.
    const active: AddEventListenerOptions = { capture: true, passive: false };
    const pairs: [EventTarget, string, (e: Event) => void][] = [
      [root, 'pointerdown', onDown],
      [root, 'pointerup', onUp],
      [root, 'pointercancel', onUp],
      [root, 'pointermove', onMove],
      [root, 'touchstart', onTouch],
      [root, 'touchmove', onTouch],
      [root, 'touchend', onTouch],
      [root, 'wheel', onOther],
      [root, 'click', onClick],
      [root, 'contextmenu', onClick],
      // Keys go to the focused element, which may be the body rather than the shell.
      [window, 'keydown', onOther],
    ];
    const unlisten = pairs.map(([target, type, fn]) => trackListener(target, type, fn, active));

    const stopTick = trackInterval(() => {
      if (machine.tick(now())) onResetRef.current();
      publish();
    }, KIOSK_TICK_MS);
    publish();

    return () => {
      stopTick();
      cancelTail?.();
      for (const off of unlisten) off();
      store.getState().setModeRuntime({ kiosk: null });
    };
  }, [rootRef, store, idleMs, warningMs, startIn]);

  return shown;
}
