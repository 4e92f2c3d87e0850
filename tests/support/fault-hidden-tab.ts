/**
 * A hidden tab, for fault case 12, in a browser that never hides one. Headless Chromium keeps
 * every page visible: with a second tab in the same window (CDP `Target.createTarget` +
 * `Target.activateTarget`), a minimised window (`Browser.setWindowBounds`) or
 * `page.bringToFront()` of another page, `document.visibilityState` stays 'visible' and
 * requestAnimationFrame keeps running at ~60 Hz (checked on Chromium 156 with and without
 * Playwright's `--disable-background-timer-throttling` / `--disable-renderer-backgrounding`).
 * `Page.setWebLifecycleState('frozen')` is real but is tab freezing, not hiding: no task runs.
 *
 * So this init script does to the page what Chromium does to a hidden tab, in the page's main
 * world and before any app code runs (every module gets the wrapped functions):
 * - `document.hidden` is true, `visibilityState` is 'hidden', and `visibilitychange` fires;
 * - requestAnimationFrame callbacks are held, none runs, until the page is shown again;
 * - timers are aligned to wake-ups: 'background' aligns every timer to whole seconds (Chromium's
 *   throttling of a hidden page); 'intensive' also aligns chained timers (nesting level ≥ 5,
 *   which every setInterval reaches after five ticks) to whole minutes, what Chromium's intensive
 *   wake-up throttling does to a page hidden for more than 5 minutes;
 * - on show, held frames run at the next real frame and throttled timers fire at once.
 * WebSocket and other network events are tasks, not timers: they are delivered as Chromium
 * delivers them to a hidden tab. `stats` lets a test check that the emulation took effect.
 */
import type { Page } from 'playwright-core';

export type HiddenMode = 'visible' | 'background' | 'intensive';

export interface HiddenTabStats {
  mode: HiddenMode;
  /** Animation-frame callbacks held while hidden (requested, not run). */
  framesHeld: number;
  /** Timer callbacks that ran while hidden, and how many of those were pushed to a wake-up. */
  timersRunWhileHidden: number;
  timersAligned: number;
  /** `visibilitychange` events dispatched. */
  visibilityChanges: number;
}

/** Chromium's wake-up alignment for a hidden page, and for one hidden over 5 minutes (chained timers). */
export const BACKGROUND_WAKEUP_MS = 1000;
export const INTENSIVE_WAKEUP_MS = 60_000;
/** Timers chained at least this deep are intensively throttled (Chromium: nesting level ≥ 5). */
export const INTENSIVE_MIN_NESTING = 5;

function shim(cfg: { backgroundMs: number; intensiveMs: number; minNesting: number }): void {
  type Mode = 'visible' | 'background' | 'intensive';
  const w = window as unknown as Record<string, unknown>;
  if (w.__faultHiddenTab) return;
  const realRaf = window.requestAnimationFrame.bind(window);
  const realCaf = window.cancelAnimationFrame.bind(window);
  const realSetTimeout = window.setTimeout.bind(window);
  const realClearTimeout = window.clearTimeout.bind(window);
  let mode: Mode = 'visible';
  const realSetInterval = window.setInterval.bind(window);
  const realClearInterval = window.clearInterval.bind(window);
  const stats = { framesHeld: 0, timersRunWhileHidden: 0, timersAligned: 0, visibilityChanges: 0 };

  const hiddenDesc = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden');
  const stateDesc = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
  Object.defineProperty(Document.prototype, 'hidden', {
    configurable: true,
    get(this: Document) {
      return mode !== 'visible' || Boolean(hiddenDesc?.get?.call(this));
    },
  });
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get(this: Document) {
      return mode !== 'visible' ? 'hidden' : (stateDesc?.get?.call(this) as string);
    },
  });

  // Animation frames: our ids, mapped to the real request or to a held callback.
  let nextFrameId = 1;
  const frames = new Map<number, { cb: FrameRequestCallback; real: number | null }>();
  const runFrame = (id: number) => (t: number) => {
    const f = frames.get(id);
    if (!f) return;
    if (mode !== 'visible') {
      f.real = null;
      stats.framesHeld++;
      return;
    }
    frames.delete(id);
    f.cb(t);
  };
  window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
    const id = nextFrameId++;
    frames.set(id, { cb, real: null });
    if (mode === 'visible') frames.get(id)!.real = realRaf(runFrame(id));
    else stats.framesHeld++;
    return id;
  };
  window.cancelAnimationFrame = (id: number): void => {
    const f = frames.get(id);
    if (!f) return;
    if (f.real !== null) realCaf(f.real);
    frames.delete(id);
  };

  // Timers: each has a nesting level and a due time; a due timer of a hidden page waits for the
  // next wake-up. An interval's next due time follows its last one, as Chromium's repeating
  // timers do, so a 1 s interval keeps its 1 s period under 1 s wake-ups.
  interface Timer { cb: (...a: unknown[]) => void; args: unknown[]; delay: number; repeat: boolean; nesting: number; real: number | null; dueAt: number; aligned: boolean }
  let nextTimerId = 1_000_000;
  let currentNesting = 0;
  const timers = new Map<number, Timer>();
  const arm = (id: number, t: Timer) => {
    t.real = realSetTimeout(() => fire(id), Math.max(0, t.dueAt - performance.now())) as unknown as number;
  };
  const wakeupMs = (t: Timer) => (mode === 'intensive' && t.nesting >= cfg.minNesting ? cfg.intensiveMs : cfg.backgroundMs);
  function fire(id: number): void {
    const t = timers.get(id);
    if (!t) return;
    t.real = null;
    if (mode !== 'visible' && !t.aligned) {
      const step = wakeupMs(t);
      const wake = Math.ceil(t.dueAt / step) * step;
      if (wake - performance.now() > 1) {
        t.aligned = true;
        t.dueAt = wake;
        stats.timersAligned++;
        arm(id, t);
        return;
      }
    }
    t.aligned = false;
    if (mode !== 'visible') stats.timersRunWhileHidden++;
    if (t.repeat) {
      t.nesting++;
      t.dueAt = Math.max(t.dueAt + t.delay, performance.now());
      arm(id, t);
    } else timers.delete(id);
    const outer = currentNesting;
    currentNesting = t.nesting;
    try {
      t.cb(...t.args);
    } finally {
      currentNesting = outer;
    }
  }
  const add = (repeat: boolean) => (cb: unknown, delay?: number, ...args: unknown[]): number => {
    // A string body is left to the real timers (the app never uses one).
    if (typeof cb !== 'function') return (repeat ? realSetInterval : realSetTimeout)(cb as string, delay, ...args) as unknown as number;
    const id = nextTimerId++;
    const d = Math.max(0, Number(delay) || 0);
    const t: Timer = { cb: cb as Timer['cb'], args, delay: d, repeat, nesting: currentNesting + 1, real: null, dueAt: performance.now() + d, aligned: false };
    timers.set(id, t);
    arm(id, t);
    return id;
  };
  const clear = (id: number | undefined): void => {
    if (id === undefined) return;
    const t = timers.get(id);
    if (!t) {
      realClearTimeout(id);
      realClearInterval(id);
      return;
    }
    if (t.real !== null) realClearTimeout(t.real);
    timers.delete(id);
  };
  (window as unknown as { setTimeout: unknown }).setTimeout = add(false);
  (window as unknown as { setInterval: unknown }).setInterval = add(true);
  window.clearTimeout = clear as typeof window.clearTimeout;
  window.clearInterval = clear as typeof window.clearInterval;

  const setMode = (next: Mode): void => {
    const wasHidden = mode !== 'visible';
    mode = next;
    const isHidden = mode !== 'visible';
    if (wasHidden && !isHidden) {
      // Shown: held frames run at the next real frame, throttled timers fire now.
      for (const [id, f] of frames) if (f.real === null) f.real = realRaf(runFrame(id));
      for (const [id, t] of timers) {
        if (!t.aligned) continue;
        if (t.real !== null) realClearTimeout(t.real);
        t.aligned = false;
        t.dueAt = performance.now();
        arm(id, t);
      }
    }
    if (wasHidden !== isHidden) {
      stats.visibilityChanges++;
      document.dispatchEvent(new Event('visibilitychange'));
    }
  };
  w.__faultHiddenTab = { setMode, stats: () => ({ mode, ...stats }) };
}

/** Installs the hidden-tab emulation; call before the app's page is opened (OpenOptions.prepare). */
export async function installHiddenTab(page: Page): Promise<void> {
  await page.addInitScript(shim, { backgroundMs: BACKGROUND_WAKEUP_MS, intensiveMs: INTENSIVE_WAKEUP_MS, minNesting: INTENSIVE_MIN_NESTING });
}

export function setHidden(page: Page, mode: HiddenMode): Promise<void> {
  return page.evaluate((m) => {
    const h = (window as unknown as { __faultHiddenTab?: { setMode(m: string): void } }).__faultHiddenTab;
    if (!h) throw new Error('hidden-tab emulation not installed');
    h.setMode(m);
  }, mode);
}

export function hiddenTabStats(page: Page): Promise<HiddenTabStats> {
  return page.evaluate(() => {
    const h = (window as unknown as { __faultHiddenTab?: { stats(): HiddenTabStats } }).__faultHiddenTab;
    if (!h) throw new Error('hidden-tab emulation not installed');
    return h.stats();
  });
}
