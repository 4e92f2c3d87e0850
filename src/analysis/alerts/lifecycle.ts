/**
 * Operator actions on alerts, as pure functions over plain state: acknowledge (new → acknowledged)
 * and close (new | acknowledged → closed). Each returns the same state object when the action does
 * not apply, so callers can tell "nothing happened" without deep comparison.
 */
import type { Actor, Alert, AlertState, AuditAction, AuditEntry } from './types';

/** Bounds that keep a screen running for days from growing without limit. */
export const MAX_AUDIT_ENTRIES = 1000;
export const MAX_CLOSED_ALERTS = 200;

export function audit(state: AlertState, alert: Alert, action: AuditAction, actor: Actor, atMs: number, note?: string): AuditEntry {
  state.auditSeq++;
  const e: AuditEntry = { seq: state.auditSeq, atMs, alertId: alert.id, action, actor: { name: actor.name, role: actor.role }, severity: alert.severity };
  if (note) e.note = note;
  return e;
}

/** Drops the oldest audit entries and closed alerts beyond their bounds; open alerts always stay. */
export function trim(state: AlertState): AlertState {
  if (state.audit.length > MAX_AUDIT_ENTRIES) state.audit = state.audit.slice(state.audit.length - MAX_AUDIT_ENTRIES);
  let closed = 0;
  for (const a of state.alerts) if (a.status === 'closed') closed++;
  if (closed > MAX_CLOSED_ALERTS) {
    let drop = closed - MAX_CLOSED_ALERTS;
    // Alerts are kept in raise order, so the first closed ones are the oldest.
    state.alerts = state.alerts.filter((a) => !(a.status === 'closed' && drop-- > 0));
  }
  return state;
}

function apply(state: AlertState, id: string, f: (a: Alert) => AuditAction | null, actor: Actor, atMs: number, note?: string): AlertState {
  const i = state.alerts.findIndex((a) => a.id === id);
  if (i < 0) return state;
  const copy: Alert = { ...state.alerts[i]! };
  const action = f(copy);
  if (!action) return state;
  copy.updatedAtMs = atMs;
  const next: AlertState = { ...state, alerts: state.alerts.slice(), audit: state.audit.slice() };
  next.alerts[i] = copy;
  next.audit.push(audit(next, copy, action, actor, atMs, note?.trim() || undefined));
  return trim(next);
}

export function acknowledgeAlert(state: AlertState, id: string, actor: Actor, atMs: number, note?: string): AlertState {
  return apply(state, id, (a) => {
    if (a.status !== 'new') return null;
    a.status = 'acknowledged';
    a.acknowledgedAtMs = atMs;
    return 'acknowledged';
  }, actor, atMs, note);
}

/**
 * Closing is allowed while the condition still holds: the operator has taken it over. The alert
 * then stays closed until the condition clears and returns (see evaluate.ts on re-opening).
 */
export function closeAlert(state: AlertState, id: string, actor: Actor, atMs: number, note?: string): AlertState {
  return apply(state, id, (a) => {
    if (a.status === 'closed') return null;
    a.status = 'closed';
    a.closedAtMs = atMs;
    return 'closed';
  }, actor, atMs, note);
}

/** Open (not closed) alerts, most severe first, then newest first. */
export function openAlerts(alerts: readonly Alert[], rank: Record<string, number>): Alert[] {
  return alerts
    .filter((a) => a.status !== 'closed')
    .sort((a, b) => rank[a.severity]! - rank[b.severity]! || b.raisedAtMs - a.raisedAtMs);
}
