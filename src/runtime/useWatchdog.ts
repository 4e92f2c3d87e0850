/**
 * Runs the in-page watchdog (Watchdog.ts) for the life of the app: samples the page every few
 * seconds (healthProbe.ts), carries out what the watchdog asks, and publishes its counters and
 * latest sample to the store for the diagnostics panel and the test hook.
 * - resubscribe: FeedHost disposes its runtime and connects afresh (store feedEpoch);
 * - rebuild-view: ViewHost remounts the 3D view (store viewEpoch);
 * - soft reload: the address bar already carries the view (urlSync, with the feed's parameters);
 *   the tour's stop and the counters go to sessionStorage, then the page reloads.
 * The history is kept here, not in the store: it changes every sample and only the panel reads it.
 */
import { useEffect, useRef } from 'react';
import type { AppStore } from '../state/store';
import { FrameTimes } from './frameTimes';
import { HealthProbe } from './healthProbe';
import { isQuietMoment, type QuietLook } from './quietMoment';
import { saveTourResume } from './resumeState';
import { trackFrameLoop, trackInterval } from './tracked';
import { loadCounters, loadLastReload, saveCounters, saveLastReload, Watchdog } from './Watchdog';
import type { HealthSample, WatchdogAction, WatchdogConfig } from './watchdogTypes';

/** How often the page is sampled: often enough to see a stall within seconds, cheap for weeks. */
export const WATCHDOG_SAMPLE_MS = 2000;

export interface WatchdogHandle {
  history(): readonly HealthSample[];
}

/** The running watchdog's history, for the panel; null before it starts. */
let current: WatchdogHandle | null = null;
export function watchdogHandle(): WatchdogHandle | null {
  return current;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function lookOf(store: AppStore): QuietLook {
  const s = store.getState();
  // A wall follower has no tour of its own: its leader's position says when the stop changes.
  const own = s.modeRuntime.tour;
  const led = s.modeRuntime.wall?.tour ?? null;
  return {
    mode: s.mode,
    tour: own ? { step: own.step, state: own.state, zone: own.zone } : led ? { step: led.step, state: led.state } : null,
    kioskState: s.modeRuntime.kiosk?.state ?? null,
    openAlarm: s.alertState.alerts.some((a) => a.status === 'new' && (a.severity === 'critical' || a.severity === 'major')),
  };
}

export interface UseWatchdogOptions {
  config: WatchdogConfig;
  now?: () => number;
  reload?: () => void;
}

export function useWatchdog(store: AppStore, { config, now = Date.now, reload = () => window.location.reload() }: UseWatchdogOptions): void {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  useEffect(() => {
    const st = storage();
    const dog = new Watchdog(config, loadCounters(st), loadLastReload(st));
    const frames = new FrameTimes();
    const probe = new HealthProbe(frames, WATCHDOG_SAMPLE_MS);
    let prevLook: QuietLook | null = null;
    let lastRecovery: { step: string; cause: string; atMs: number } | null = store.getState().watchdog.lastRecovery;
    current = { history: () => dog.history };

    const softReload = (atMs: number) => {
      saveCounters(st, dog.counters);
      saveLastReload(st, dog.lastSoftReloadAt ?? atMs);
      const tour = store.getState().modeRuntime.tour;
      if (tour) saveTourResume(st, { id: tour.id, zone: tour.zone, step: tour.step, atMs });
      reloadRef.current();
    };

    const act = (a: WatchdogAction, atMs: number) => {
      const s = store.getState();
      if (a.kind === 'feed-banner') s.setFeedDownSince(a.sinceMs);
      else if (a.kind === 'recover') {
        lastRecovery = { step: a.step, cause: a.cause, atMs };
        s.reportError('runtime', 'watchdog', `${a.cause === 'frame-stall' ? 'the 3D view stopped drawing' : 'the feed went silent'}: ${a.step}`, atMs);
        if (a.step === 'resubscribe') s.restartFeed();
        else if (a.step === 'rebuild-view') s.rebuildView();
        else softReload(atMs);
      } else {
        lastRecovery = { step: 'soft-reload', cause: a.reason, atMs };
        s.reportError('runtime', 'watchdog', `soft reload (${a.reason}): ${a.detail}`, atMs);
        softReload(atMs);
      }
    };

    const tick = () => {
      const t = now();
      const sample = probe.sample(t, store.getState().feed);
      const look = lookOf(store);
      const quiet = isQuietMoment(prevLook, look);
      prevLook = look;
      const actions = dog.sample(sample, quiet);
      for (const a of actions) act(a, t);
      if (actions.length) saveCounters(st, dog.counters);
      const inc = dog.currentIncident;
      store.getState().setWatchdogView({
        counters: { ...dog.counters },
        incident: inc ? { cause: inc.cause, sinceMs: inc.sinceMs, step: ['resubscribe', 'rebuild-view', 'soft-reload'][inc.step] ?? 'resubscribe' } : null,
        pendingReload: dog.pendingReload,
        lastRecovery,
        last: sample,
      });
    };

    // jsdom (component tests) may have no animation frames; the watchdog still samples there.
    const stopFrames = typeof requestAnimationFrame === 'function' ? trackFrameLoop((t) => frames.push(t)) : () => undefined;
    const stopTimer = trackInterval(tick, WATCHDOG_SAMPLE_MS);
    return () => {
      stopTimer();
      stopFrames();
      current = null;
    };
  }, [store, config, now]);
}
