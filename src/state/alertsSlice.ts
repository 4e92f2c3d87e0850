/**
 * Alerts of the current zone as plain data, the operator on duty, and the operator's actions.
 * The live host writes the engine's result here only when it changed (at most 2 Hz); operator
 * actions are pure lifecycle steps (analysis/alerts/lifecycle.ts) recorded in the audit log.
 */
import type { StateCreator } from 'zustand/vanilla';
import { acknowledgeAlert, closeAlert } from '../analysis/alerts/lifecycle';
import { EMPTY_ALERT_STATE, type Actor, type AlertState } from '../analysis/alerts/types';

/**
 * Until someone signs in, actions are recorded under the duty officer role with no name. The
 * name stays empty rather than a word in one language: the UI shows the role, translated
 * (值班员 / Duty officer), so an English screen never shows a Chinese default and the audit log
 * reads right in either language.
 */
export const DEFAULT_OPERATOR: Actor = Object.freeze({ name: '', role: 'duty-officer' });

export interface AlertsSlice {
  alertState: AlertState;
  operator: Actor;
  setOperator(a: Actor): void;
  setAlertState(s: AlertState): void;
  acknowledgeAlert(id: string, atMs: number, note?: string): void;
  closeAlert(id: string, atMs: number, note?: string): void;
  resetAlerts(): void;
  /** Whether a replay is shown (the time machine slice answers; false without one). */
  pastShown(): boolean;
}

export const createAlertsSlice: StateCreator<AlertsSlice, [], [], AlertsSlice> = (set, get) => ({
  alertState: EMPTY_ALERT_STATE,
  operator: DEFAULT_OPERATOR,
  setOperator: (a) => {
    const name = a.name.trim().slice(0, 40);
    const role = a.role.trim().slice(0, 40);
    set({ operator: { name: name || DEFAULT_OPERATOR.name, role: role || DEFAULT_OPERATOR.role } });
  },
  setAlertState: (alertState) => set({ alertState }),
  acknowledgeAlert: (id, atMs, note) => {
    const s = get();
    // An alert cannot be acknowledged in the past: a replay shows what was, not what to act on.
    if (s.pastShown()) return;
    const next = acknowledgeAlert(s.alertState, id, s.operator, atMs, note);
    if (next !== s.alertState) set({ alertState: next });
  },
  closeAlert: (id, atMs, note) => {
    const s = get();
    if (s.pastShown()) return;
    const next = closeAlert(s.alertState, id, s.operator, atMs, note);
    if (next !== s.alertState) set({ alertState: next });
  },
  resetAlerts: () => set({ alertState: EMPTY_ALERT_STATE }),
  pastShown: () => (get() as unknown as { timeMachine?: { mode: string } }).timeMachine?.mode === 'replay',
});
