/**
 * Timers and event listeners created by our own code, counted where they are created, so the
 * watchdog and the soak can see a leak of ours (a listener added on every zone switch and never
 * removed) apart from the browser's and the libraries' own. Each helper returns its disposer;
 * disposing twice is harmless and counts once.
 *
 * Only code on the long-running paths of an unattended screen uses these (feed, live layers, the
 * screen/kiosk/wall shells, the view's guards); a one-off listener in a dialog need not.
 */

let listeners = 0;
let timers = 0;

export interface TrackedCounts {
  /** Event listeners added through trackListener and not yet removed. */
  listeners: number;
  /** Intervals, timeouts and animation-frame loops started here and not yet stopped or fired. */
  timers: number;
}

export function trackedCounts(): TrackedCounts {
  return { listeners, timers };
}

/** For tests: start counting from zero. */
export function resetTrackedCounts(): void {
  listeners = 0;
  timers = 0;
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

export function trackListener<K extends string>(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  type: K,
  fn: EventListenerOrEventListenerObject,
  options?: AddEventListenerOptions | boolean,
): () => void {
  target.addEventListener(type, fn, options);
  listeners++;
  return once(() => {
    target.removeEventListener(type, fn, options);
    listeners--;
  });
}

export function trackInterval(fn: () => void, ms: number): () => void {
  const id = setInterval(fn, ms);
  timers++;
  return once(() => {
    clearInterval(id);
    timers--;
  });
}

/** A timeout counts until it fires or is cancelled. */
export function trackTimeout(fn: () => void, ms: number): () => void {
  let live = true;
  const stop = () => {
    if (!live) return;
    live = false;
    timers--;
  };
  const id = setTimeout(() => {
    stop();
    fn();
  }, ms);
  timers++;
  return () => {
    if (!live) return;
    clearTimeout(id);
    stop();
  };
}

/** A requestAnimationFrame loop: `fn` runs every frame until the disposer is called. */
export function trackFrameLoop(fn: (t: number) => void): () => void {
  let raf = 0;
  let live = true;
  const tick = (t: number) => {
    fn(t);
    // `fn` may have stopped the loop: asking for another frame then would run it on, uncounted.
    if (live) raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  timers++;
  return once(() => {
    live = false;
    cancelAnimationFrame(raf);
    timers--;
  });
}
