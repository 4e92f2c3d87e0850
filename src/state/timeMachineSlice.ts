/**
 * The time machine as the UI sees it: the recorded range and its ticks, whether the past is shown,
 * and the controls of the feed that offers them (set by the feed host, cleared with it). While
 * replaying, `alertState` (alertsSlice) holds the alerts as they were then, and the live alert
 * state goes on in `liveAlertState` so nothing live is lost; back to live it returns.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AlertState } from '../analysis/alerts/types';
import { EMPTY_TIME_MACHINE, type TimeMachineSummary } from '../feed/replay/TimeMachine';
import type { AlertsSlice } from './alertsSlice';

export interface TimeMachineControl {
  seek(ts: number, play?: boolean): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  live(): void;
  /** A sensor's recorded [ts, value] pairs over a span, where the recording keeps readings. */
  sensorReadings(sensor: string, fromTs: number, toTs: number, done: (series: [number, number][]) => void): void;
}

export interface TimeMachineSlice {
  timeMachine: TimeMachineSummary;
  timeMachineControl: TimeMachineControl | null;
  /** The live alerts while a replay shows the past ones in `alertState`; null while live. */
  liveAlertState: AlertState | null;
  /** A moment asked for by the link (`t=`), shown once the recording covers it. */
  pendingReplayAtMs: number | null;
  requestReplayAt(ts: number | null): void;
  setTimeMachine(s: TimeMachineSummary): void;
  setTimeMachineControl(c: TimeMachineControl | null): void;
  setLiveAlertState(s: AlertState | null): void;
  resetTimeMachine(): void;
}

export const createTimeMachineSlice: StateCreator<TimeMachineSlice & AlertsSlice, [], [], TimeMachineSlice> = (set, get) => ({
  timeMachine: EMPTY_TIME_MACHINE,
  timeMachineControl: null,
  liveAlertState: null,
  pendingReplayAtMs: null,
  requestReplayAt: (pendingReplayAtMs) => set({ pendingReplayAtMs }),
  setTimeMachine: (timeMachine) => {
    const s = get();
    const wasReplay = s.timeMachine.mode === 'replay';
    const isReplay = timeMachine.mode === 'replay';
    if (!wasReplay && isReplay) set({ timeMachine, liveAlertState: s.alertState });
    else if (wasReplay && !isReplay) set({ timeMachine, alertState: s.liveAlertState ?? s.alertState, liveAlertState: null });
    else set({ timeMachine });
  },
  setTimeMachineControl: (timeMachineControl) => set({ timeMachineControl }),
  setLiveAlertState: (liveAlertState) => set({ liveAlertState }),
  resetTimeMachine: () => {
    const s = get();
    set({ timeMachine: EMPTY_TIME_MACHINE, timeMachineControl: null, liveAlertState: null, ...(s.liveAlertState ? { alertState: s.liveAlertState } : {}) });
  },
});

/** True while the screen shows the past: operator actions on alerts are refused then. */
export const isReplaying = (s: { timeMachine: TimeMachineSummary }): boolean => s.timeMachine.mode === 'replay';

/** How long a link's moment waits for the recording to cover it before it is reported out of range. */
export const PENDING_REPLAY_WAIT_MS = 15_000;

/**
 * What to do with a link's `t`: seek once the recorded range covers it, wait while the recording
 * may still reach it (the first range not yet known, or t just past the live end), else give up.
 */
export function pendingReplayVerdict(t: number, tm: TimeMachineSummary, waitedMs: number): 'seek' | 'wait' | 'out-of-range' {
  const r = tm.range;
  if (!tm.available || !r) return waitedMs < PENDING_REPLAY_WAIT_MS ? 'wait' : 'out-of-range';
  if (t < r.fromTs) return 'out-of-range';
  if (t <= r.toTs) return 'seek';
  return waitedMs < PENDING_REPLAY_WAIT_MS && t - r.toTs < PENDING_REPLAY_WAIT_MS ? 'wait' : 'out-of-range';
}
