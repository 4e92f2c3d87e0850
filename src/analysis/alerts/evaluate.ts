/**
 * The alert engine: a pure step from (alert state, conditions that hold now, rules, time) to the
 * next alert state. It never invents alerts: every one comes from an observation of the live feed.
 *
 * - Dedupe: one open alert per rule and asset (the key); a condition that keeps holding updates it.
 * - Escalation: a more severe observation raises the open alert's severity, never lowers it.
 * - Recovery: when the condition stops, the alert stays open but inactive ("recovered") until an
 *   operator closes it, or the rule's autoCloseAfterS passes.
 * - Re-open: after an alert is closed, its condition must first stop; if it then returns within the
 *   rule's reopenWithinS of the close, the same alert re-opens as new; later, a new alert is raised.
 * Returns the input object itself when nothing changed, so callers push to the store only on change.
 */
import { audit, trim } from './lifecycle';
import { SEVERITY_RANK, SYSTEM_ACTOR, type Alert, type AlertState, type Observation } from './types';

/** The parts of a rule the engine needs (scene rules carry more). */
export interface RuleTiming {
  id: string;
  reopenWithinS: number;
  autoCloseAfterS?: number;
}

export function alertKey(ruleId: string, asset: { kind: string; id: string }): string {
  return `${ruleId}|${asset.kind}:${asset.id}`;
}

function raise(state: AlertState, o: Observation, key: string, nowMs: number): void {
  state.serial++;
  const a: Alert = {
    id: `${o.ruleId}:${o.asset.kind}:${o.asset.id}#${state.serial}`, key, ruleId: o.ruleId, cause: o.cause, severity: o.severity,
    status: 'new', active: true, asset: o.asset, value: o.value, unit: o.unit, threshold: o.threshold, raisedAtMs: nowMs,
    updatedAtMs: nowMs, clearedAtMs: null, acknowledgedAtMs: null, closedAtMs: null, occurrences: 1, reopenCount: 0,
  };
  state.alerts.push(a);
  state.audit.push(audit(state, a, 'raised', SYSTEM_ACTOR, nowMs));
}

export function evaluateAlerts(state: AlertState, observations: readonly Observation[], rules: readonly RuleTiming[], nowMs: number): AlertState {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const obsByKey = new Map<string, Observation>();
  for (const o of observations) {
    if (!ruleById.has(o.ruleId)) continue;
    const k = alertKey(o.ruleId, o.asset);
    const prev = obsByKey.get(k);
    if (!prev || SEVERITY_RANK[o.severity] < SEVERITY_RANK[prev.severity]) obsByKey.set(k, o);
  }
  const latest = new Map<string, number>();
  state.alerts.forEach((a, i) => latest.set(a.key, i));

  const next: AlertState = { ...state, alerts: state.alerts.slice(), audit: state.audit.slice() };
  let changed = false;
  const edit = (i: number): Alert => {
    changed = true;
    const copy = { ...next.alerts[i]! };
    next.alerts[i] = copy;
    return copy;
  };

  for (const [key, o] of obsByKey) {
    const i = latest.get(key);
    const rule = ruleById.get(o.ruleId)!;
    if (i === undefined) {
      raise(next, o, key, nowMs);
      changed = true;
      continue;
    }
    const cur = next.alerts[i]!;
    if (cur.status === 'closed') {
      if (cur.active) continue;
      if (cur.closedAtMs !== null && nowMs - cur.closedAtMs <= rule.reopenWithinS * 1000) {
        const a = edit(i);
        Object.assign(a, {
          status: 'new', active: true, severity: o.severity, value: o.value, threshold: o.threshold, updatedAtMs: nowMs,
          clearedAtMs: null, acknowledgedAtMs: null, closedAtMs: null, occurrences: a.occurrences + 1, reopenCount: a.reopenCount + 1,
        } satisfies Partial<Alert>);
        next.audit.push(audit(next, a, 'reopened', SYSTEM_ACTOR, nowMs));
      } else {
        raise(next, o, key, nowMs);
        changed = true;
      }
      continue;
    }
    const escalate = SEVERITY_RANK[o.severity] < SEVERITY_RANK[cur.severity];
    if (!cur.active || escalate || cur.value !== o.value || cur.threshold !== o.threshold) {
      const a = edit(i);
      a.value = o.value;
      a.threshold = o.threshold;
      a.updatedAtMs = nowMs;
      if (!a.active) {
        a.active = true;
        a.clearedAtMs = null;
        a.occurrences++;
        next.audit.push(audit(next, a, 'retriggered', SYSTEM_ACTOR, nowMs));
      }
      if (escalate) {
        a.severity = o.severity;
        next.audit.push(audit(next, a, 'escalated', SYSTEM_ACTOR, nowMs));
      }
    }
  }

  for (const [key, i] of latest) {
    if (obsByKey.has(key)) continue;
    const cur = next.alerts[i]!;
    if (cur.active) {
      const a = edit(i);
      a.active = false;
      a.clearedAtMs = nowMs;
      if (a.status !== 'closed') {
        a.updatedAtMs = nowMs;
        next.audit.push(audit(next, a, 'recovered', SYSTEM_ACTOR, nowMs));
      }
      continue;
    }
    const rule = ruleById.get(cur.ruleId);
    const after = rule?.autoCloseAfterS;
    if (cur.status !== 'closed' && after !== undefined && cur.clearedAtMs !== null && nowMs - cur.clearedAtMs >= after * 1000) {
      const a = edit(i);
      a.status = 'closed';
      a.closedAtMs = nowMs;
      a.updatedAtMs = nowMs;
      next.audit.push(audit(next, a, 'auto-closed', SYSTEM_ACTOR, nowMs));
    }
  }
  return changed ? trim(next) : state;
}
