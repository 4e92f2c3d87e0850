/**
 * What the self-healing runtime (src/runtime) tells the rest of the app: epochs that restart the
 * feed or rebuild the view when they change (FeedHost and ViewHost key on them), the 数据中断
 * banner's start, and the watchdog's counters and last sample for the diagnostics panel and the
 * test hook. Plain data only: the watchdog itself lives in src/runtime/useWatchdog.ts.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { HealthSample, WatchdogCounters } from '../runtime/watchdogTypes';
import { ZERO_COUNTERS } from '../runtime/watchdogTypes';

export interface WatchdogView {
  counters: WatchdogCounters;
  /** The incident being recovered from, if any. */
  incident: { cause: 'frame-stall' | 'feed-silent'; sinceMs: number; step: string } | null;
  /** A soft reload armed by a threshold or the daily window, waiting for a quiet moment. */
  pendingReload: { reason: 'threshold' | 'daily'; detail: string } | null;
  /** The latest recovery taken, for the panel ("rebuild-view after frame-stall at hh:mm"). */
  lastRecovery: { step: string; cause: string; atMs: number } | null;
  /** The latest sample; the history stays in the watchdog (not reactive: it changes every few seconds). */
  last: HealthSample | null;
}

export interface RuntimeSlice {
  /** Bumped to make FeedHost dispose its runtime and connect afresh (the re-subscribe step). */
  feedEpoch: number;
  /** Bumped to remount the 3D view (the rebuild step). */
  viewEpoch: number;
  /** Wall-clock ms when the feed went silent; null while data flows. */
  feedDownSinceMs: number | null;
  watchdog: WatchdogView;
  diagOpen: boolean;
  restartFeed(): void;
  rebuildView(): void;
  setFeedDownSince(ms: number | null): void;
  setWatchdogView(v: WatchdogView): void;
  setDiagOpen(open: boolean): void;
}

export const EMPTY_WATCHDOG_VIEW: WatchdogView = { counters: ZERO_COUNTERS, incident: null, pendingReload: null, lastRecovery: null, last: null };

export const createRuntimeSlice: StateCreator<RuntimeSlice, [], [], RuntimeSlice> = (set, get) => ({
  feedEpoch: 0,
  viewEpoch: 0,
  feedDownSinceMs: null,
  watchdog: EMPTY_WATCHDOG_VIEW,
  diagOpen: false,
  restartFeed: () => set({ feedEpoch: get().feedEpoch + 1 }),
  rebuildView: () => set({ viewEpoch: get().viewEpoch + 1 }),
  setFeedDownSince: (ms) => {
    if (ms !== get().feedDownSinceMs) set({ feedDownSinceMs: ms });
  },
  setWatchdogView: (v) => set({ watchdog: v }),
  setDiagOpen: (open) => {
    if (open !== get().diagOpen) set({ diagOpen: open });
  },
});
