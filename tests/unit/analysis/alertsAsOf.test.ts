/**
 * Alerts as they were at a past moment t (src/analysis/alerts/asOf): the replay's own engine says
 * which conditions held; the live alert state says what operators did. Hand-made states with every
 * case of a live alert's lifecycle against t.
 */
import { describe, expect, it } from 'vitest';
import { alertsAsOf } from '../../../src/analysis/alerts/asOf';
import { EMPTY_ALERT_STATE, SYSTEM_ACTOR, type Alert, type AlertState, type AuditEntry } from '../../../src/analysis/alerts/types';

const T = Date.UTC(2026, 11, 1, 23, 0, 0);
/** The replayed moment: ten minutes in. */
const t = T + 600_000;
const OFFICER = { name: '张三', role: 'duty-officer' };

function alert(asset: string, p: Partial<Alert> = {}): Alert {
  return {
    id: `water:sensor:${asset}#1`, key: `water|sensor:${asset}`, ruleId: 'water', cause: 'threshold', severity: 'major', status: 'new', active: true,
    asset: { kind: 'sensor', id: asset, x: 10, y: 20, type: 'water_level', name: { zh: `${asset} 下立交`, en: `${asset} underpass` } },
    value: 27.5, unit: 'cm', threshold: 25, raisedAtMs: T, updatedAtMs: T, clearedAtMs: null, acknowledgedAtMs: null, closedAtMs: null,
    occurrences: 1, reopenCount: 0, ...p,
  };
}

function entry(seq: number, alertId: string, action: AuditEntry['action'], atMs: number, actor = OFFICER): AuditEntry {
  return { seq, atMs, alertId, action, actor, severity: 'major' };
}

function state(alerts: Alert[], audit: AuditEntry[] = []): AlertState {
  return { alerts, audit, auditSeq: audit.length, serial: alerts.length };
}

/** The replay engine's alert for `asset`: its own id and serial, raised when the replay reached it. */
const replayed = (asset: string, serial: number, raisedAtMs = T + 590_000, p: Partial<Alert> = {}) =>
  alert(asset, { id: `water:sensor:${asset}#${serial}`, raisedAtMs, updatedAtMs: raisedAtMs, ...p });

describe('alertsAsOf', () => {
  it('an alert acknowledged after t shows as new, with the live identity and raise time', () => {
    const live = state([alert('u1', { id: 'water:sensor:u1#7', status: 'acknowledged', acknowledgedAtMs: t + 60_000, raisedAtMs: T + 120_000 })]);
    const r = alertsAsOf(state([replayed('u1', 1)]), live, t);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0]).toMatchObject({ id: 'water:sensor:u1#7', raisedAtMs: T + 120_000, status: 'new', acknowledgedAtMs: null, closedAtMs: null });
  });

  it('an alert acknowledged before t shows acknowledged then', () => {
    const live = state([alert('u1', { id: 'water:sensor:u1#7', status: 'closed', acknowledgedAtMs: T + 300_000, closedAtMs: t + 1000 })]);
    const r = alertsAsOf(state([replayed('u1', 1)]), live, t);
    expect(r.alerts[0]).toMatchObject({ id: 'water:sensor:u1#7', raisedAtMs: T, status: 'acknowledged', acknowledgedAtMs: T + 300_000, closedAtMs: null });
  });

  it('an alert closed before t shows closed, with both times', () => {
    const live = state([alert('u1', { id: 'water:sensor:u1#7', status: 'closed', acknowledgedAtMs: T + 100_000, closedAtMs: T + 400_000 })]);
    const r = alertsAsOf(state([replayed('u1', 1)]), live, t);
    expect(r.alerts[0]).toMatchObject({ id: 'water:sensor:u1#7', status: 'closed', acknowledgedAtMs: T + 100_000, closedAtMs: T + 400_000 });
    // Acknowledged and closed exactly at t count as done by t.
    const atT = state([alert('u1', { id: 'water:sensor:u1#7', status: 'closed', acknowledgedAtMs: t, closedAtMs: t })]);
    expect(alertsAsOf(state([replayed('u1', 1)]), atT, t).alerts[0]).toMatchObject({ status: 'closed', acknowledgedAtMs: t, closedAtMs: t });
  });

  it('a live alert raised after t matches nothing: the replayed alert is shown unchanged', () => {
    const rep = state([replayed('u1', 1)]);
    const live = state([alert('u1', { id: 'water:sensor:u1#9', raisedAtMs: t + 1, status: 'acknowledged', acknowledgedAtMs: t + 5000 })]);
    const r = alertsAsOf(rep, live, t);
    expect(r).toBe(rep);
    expect(r.alerts[0]).toMatchObject({ id: 'water:sensor:u1#1', raisedAtMs: T + 590_000, status: 'new' });
    expect(alertsAsOf(rep, null, t)).toBe(rep);
    expect(alertsAsOf(rep, EMPTY_ALERT_STATE, t)).toBe(rep);
  });

  it('matches by rule and asset, the latest live alert raised by t; other assets are left alone', () => {
    const live = state([
      alert('u1', { id: 'water:sensor:u1#2', raisedAtMs: T, status: 'closed', acknowledgedAtMs: T + 10_000, closedAtMs: T + 20_000 }),
      alert('u1', { id: 'water:sensor:u1#5', raisedAtMs: T + 300_000 }),
      alert('u1', { id: 'water:sensor:u1#8', raisedAtMs: t + 60_000 }),
      alert('u2', { id: 'water:sensor:u2#3', raisedAtMs: T + 50_000, status: 'acknowledged', acknowledgedAtMs: T + 60_000 }),
    ]);
    const other = replayed('u3', 3);
    const r = alertsAsOf(state([replayed('u1', 1), replayed('u2', 2), other]), live, t);
    expect(r.alerts.map((a) => [a.id, a.status, a.raisedAtMs])).toEqual([
      ['water:sensor:u1#5', 'new', T + 300_000],
      ['water:sensor:u2#3', 'acknowledged', T + 50_000],
      ['water:sensor:u3#3', 'new', T + 590_000],
    ]);
    expect(r.alerts[2]).toBe(other);
  });

  it('keeps what the replay engine closed itself, and its own values', () => {
    const live = state([alert('u1', { id: 'water:sensor:u1#7', value: 40 })]);
    const r = alertsAsOf(state([replayed('u1', 1, T + 590_000, { status: 'closed', closedAtMs: T + 595_000, value: 30.5, active: false })]), live, t);
    expect(r.alerts[0]).toMatchObject({ id: 'water:sensor:u1#7', status: 'closed', closedAtMs: T + 595_000, value: 30.5, active: false, acknowledgedAtMs: null });
  });

  it("adds the operators' steps up to t on the matched alerts to the replay's own audit, in time order", () => {
    const liveAlerts = [
      alert('u1', { id: 'water:sensor:u1#7', status: 'closed', acknowledgedAtMs: T + 200_000, closedAtMs: t + 30_000 }),
      alert('u9', { id: 'water:sensor:u9#8', status: 'acknowledged', acknowledgedAtMs: T + 250_000 }),
    ];
    const live = state(liveAlerts, [
      entry(1, 'water:sensor:u1#7', 'raised', T, SYSTEM_ACTOR),
      entry(2, 'water:sensor:u9#8', 'raised', T, SYSTEM_ACTOR),
      entry(3, 'water:sensor:u1#7', 'acknowledged', T + 200_000),
      entry(4, 'water:sensor:u9#8', 'acknowledged', T + 250_000),
      entry(5, 'water:sensor:u1#7', 'closed', t + 30_000),
    ]);
    const rep = state([replayed('u1', 1)], [entry(1, 'water:sensor:u1#1', 'raised', T + 590_000, SYSTEM_ACTOR)]);
    const r = alertsAsOf(rep, live, t);
    expect(r.audit.map((e) => [e.action, e.atMs, e.actor.name])).toEqual([['acknowledged', T + 200_000, '张三'], ['raised', T + 590_000, 'system']]);
    expect(r.audit[0]!.alertId).toBe('water:sensor:u1#7');
    // The inputs are not changed.
    expect(rep.alerts[0]!.id).toBe('water:sensor:u1#1');
    expect(live.alerts[0]!.status).toBe('closed');
    expect(r.auditSeq).toBe(rep.auditSeq);
  });
});
