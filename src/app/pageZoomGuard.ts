/**
 * The page itself never zooms, in any mode: a pinch over a panel or the status bar used to zoom
 * the whole page (visualViewport.scale 1 → 4) and left a kiosk zoomed until someone reverse-
 * pinched. Desktop Chromium, which kiosks and walls run, ignores the viewport meta's
 * `user-scalable=no`, so three layers stop it: the meta tag (mobile browsers), `touch-action:
 * pan-x pan-y` on the document and panels (styles.css: panning and scrolling stay, pinch and
 * double-tap zoom go), and these listeners for what CSS cannot reach (Safari's gesture events, a
 * trackpad pinch arriving as ctrl+wheel, a browser that ignores touch-action). Inside the 3D
 * view nothing is blocked: there a pinch zooms the camera.
 */
import { trackListener } from '../runtime/tracked';

/** The 3D view's region; gestures there belong to the camera controls. */
export const VIEW_SELECTOR = '.st-view';

export type GestureKind = 'touchstart' | 'touchmove' | 'gesture' | 'wheel';

/** Whether an input would zoom the page (and must be cancelled). Pure, for tests. */
export function blocksPageZoom(kind: GestureKind, opts: { touches?: number; ctrlKey?: boolean; inView: boolean }): boolean {
  if (opts.inView) return false;
  switch (kind) {
    case 'touchstart':
    case 'touchmove':
      return (opts.touches ?? 0) > 1;
    case 'gesture':
      return true;
    case 'wheel':
      return opts.ctrlKey === true;
  }
}

function inView(target: EventTarget | null): boolean {
  const el = target as Element | null;
  return typeof el?.closest === 'function' && el.closest(VIEW_SELECTOR) !== null;
}

/** Installs the listeners on `doc`; returns the function that removes them. */
export function installPageZoomGuard(doc: Document): () => void {
  // Non-passive: a passive listener may not cancel, and Chromium makes document-level touch listeners passive by default.
  const opts: AddEventListenerOptions = { passive: false, capture: true };
  const onTouch = (e: Event) => {
    const touches = (e as TouchEvent).touches?.length ?? 0;
    if (blocksPageZoom(e.type as GestureKind, { touches, inView: inView(e.target) }) && e.cancelable) e.preventDefault();
  };
  const onGesture = (e: Event) => {
    if (blocksPageZoom('gesture', { inView: inView(e.target) }) && e.cancelable) e.preventDefault();
  };
  const onWheel = (e: Event) => {
    if (blocksPageZoom('wheel', { ctrlKey: (e as WheelEvent).ctrlKey, inView: inView(e.target) }) && e.cancelable) e.preventDefault();
  };
  const pairs: [string, (e: Event) => void][] = [
    ['touchstart', onTouch],
    ['touchmove', onTouch],
    ['gesturestart', onGesture],
    ['gesturechange', onGesture],
    ['wheel', onWheel],
  ];
  const unlisten = pairs.map(([type, fn]) => trackListener(doc, type, fn, opts));
  return () => {
    for (const off of unlisten) off();
  };
}
