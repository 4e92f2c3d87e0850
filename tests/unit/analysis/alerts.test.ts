import { describe, expect, it } from 'vitest';
import { alertKey, evaluateAlerts, type RuleTiming } from '../../../src/analysis/alerts/evaluate';
import { acknowledgeAlert, closeAlert, MAX_AUDIT_ENTRIES, MAX_CLOSED_ALERTS, openAlerts } from '../../../src/analysis/alerts/lifecycle';
import { EMPTY_ALERT_STATE, SEVERITY_RANK, type AlertState, type Observation } from '../../../src/analysis/alerts/types';

const rule: RuleTiming = { id: 'water', reopenWithinS: 600 };
const auto: RuleTiming = { id: 'noise', reopenWithinS: 0, autoCloseAfterS: 60 };
const rules = [rule, auto];
const duty = { name: '张三', role: 'duty-officer' };
const T = 1_800_000_000_000;
const S = 1000;

function obs(assetId: string, severity: Observation['severity'] = 'major', value: number | null = 12, ruleId = 'water'): Observation {
  return {
    ruleId, cause: 'threshold', severity, value, unit: 'cm', threshold: 10,
    asset: { kind: 'sensor', id: assetId, x: 10, y: 20, type: 'water_level', name: { zh: '下立交', en: 'Underpass' } },
  };
}

function run(steps: [number, Observation[]][], start: AlertState = EMPTY_ALERT_STATE): AlertState {
  let s = start;
  for (const [t, o] of steps) s = evaluateAlerts(s, o, rules, t);
  return s;
}

describe('alert engine', () => {
  it('raises one alert per rule and asset from an observation, audited as raised by the system', () => {
    const s = run([[T, [obs('u1'), obs('u2')]]]);
    expect(s.alerts.map((a) => [a.key, a.status, a.active, a.severity])).toEqual([
      [alertKey('water', { kind: 'sensor', id: 'u1' }), 'new', true, 'major'],
      [alertKey('water', { kind: 'sensor', id: 'u2' }), 'new', true, 'major'],
    ]);
    expect(s.audit.map((e) => [e.action, e.actor.role])).toEqual([['raised', 'system'], ['raised', 'system']]);
    expect(new Set(s.alerts.map((a) => a.id)).size).toBe(2);
  });

  it('dedupes: a condition that keeps holding updates its alert instead of raising another', () => {
    const s = run([[T, [obs('u1', 'major', 12)]], [T + S, [obs('u1', 'major', 14)]], [T + 2 * S, [obs('u1', 'major', 14), obs('u1', 'major', 14)]]]);
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]!.value).toBe(14);
    expect(s.alerts[0]!.occurrences).toBe(1);
    expect(s.audit).toHaveLength(1);
  });

  it('returns the same state object when nothing changed (so the store is written only on change)', () => {
    const s1 = run([[T, [obs('u1')]]]);
    expect(evaluateAlerts(s1, [obs('u1')], rules, T + S)).toBe(s1);
    expect(evaluateAlerts(EMPTY_ALERT_STATE, [], rules, T)).toBe(EMPTY_ALERT_STATE);
  });

  it('escalates to a more severe observation, never down', () => {
    const s = run([[T, [obs('u1', 'major')]], [T + S, [obs('u1', 'critical', 26)]], [T + 2 * S, [obs('u1', 'major', 20)]]]);
    expect(s.alerts[0]!.severity).toBe('critical');
    expect(s.audit.map((e) => e.action)).toEqual(['raised', 'escalated']);
  });

  it('recovers when the condition stops, and re-triggers the same open alert when it returns', () => {
    const s = run([[T, [obs('u1')]], [T + S, []], [T + 5 * S, [obs('u1')]]]);
    expect(s.alerts).toHaveLength(1);
    expect(s.alerts[0]!.active).toBe(true);
    expect(s.alerts[0]!.occurrences).toBe(2);
    expect(s.audit.map((e) => e.action)).toEqual(['raised', 'recovered', 'retriggered']);
  });

  it('ignores observations of rules it does not know', () => {
    expect(run([[T, [obs('u1', 'major', 1, 'gone')]]]).alerts).toHaveLength(0);
  });
});

describe('alert lifecycle: new → acknowledged → closed, with an audit log', () => {
  it('records who acknowledged and closed, and when', () => {
    let s = run([[T, [obs('u1')]]]);
    const id = s.alerts[0]!.id;
    s = acknowledgeAlert(s, id, duty, T + 10 * S, ' on it ');
    s = closeAlert(s, id, { name: '李四', role: 'shift-lead' }, T + 20 * S);
    const a = s.alerts[0]!;
    expect([a.status, a.acknowledgedAtMs, a.closedAtMs]).toEqual(['closed', T + 10 * S, T + 20 * S]);
    expect(s.audit.slice(1).map((e) => ({ action: e.action, who: e.actor.name, role: e.actor.role, at: e.atMs, note: e.note }))).toEqual([
      { action: 'acknowledged', who: '张三', role: 'duty-officer', at: T + 10 * S, note: 'on it' },
      { action: 'closed', who: '李四', role: 'shift-lead', at: T + 20 * S, note: undefined },
    ]);
    expect(s.audit.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('refuses steps that do not apply, returning the same state', () => {
    let s = run([[T, [obs('u1')]]]);
    const id = s.alerts[0]!.id;
    expect(closeAlert(s, 'nope', duty, T)).toBe(s);
    s = closeAlert(s, id, duty, T + S);
    expect(acknowledgeAlert(s, id, duty, T + 2 * S)).toBe(s);
    expect(closeAlert(s, id, duty, T + 2 * S)).toBe(s);
  });

  it('does not mutate the state it was given', () => {
    const s = run([[T, [obs('u1')]]]);
    const frozen = JSON.stringify(s);
    acknowledgeAlert(s, s.alerts[0]!.id, duty, T + S);
    evaluateAlerts(s, [], rules, T + 2 * S);
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('lists open alerts most severe first, then newest first', () => {
    const s = run([[T, [obs('a', 'minor')]], [T + S, [obs('a', 'minor'), obs('b', 'critical')]], [T + 2 * S, [obs('a', 'minor'), obs('b', 'critical'), obs('c', 'minor')]]]);
    expect(openAlerts(s.alerts, SEVERITY_RANK).map((a) => a.asset.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('re-open rules', () => {
  it('a closed alert stays closed while its condition keeps holding (the operator took it over)', () => {
    let s = run([[T, [obs('u1')]]]);
    s = closeAlert(s, s.alerts[0]!.id, duty, T + S);
    s = run([[T + 2 * S, [obs('u1')]], [T + 3 * S, [obs('u1')]]], s);
    expect(s.alerts.map((a) => a.status)).toEqual(['closed']);
  });

  it('a condition that clears and returns within reopenWithinS re-opens the same alert as new', () => {
    let s = run([[T, [obs('u1')]]]);
    const id = s.alerts[0]!.id;
    s = acknowledgeAlert(s, id, duty, T + S);
    s = run([[T + 2 * S, []]], s);
    s = closeAlert(s, id, duty, T + 3 * S);
    s = run([[T + 100 * S, [obs('u1', 'critical')]]], s);
    expect(s.alerts).toHaveLength(1);
    const a = s.alerts[0]!;
    expect([a.id, a.status, a.active, a.reopenCount, a.severity, a.acknowledgedAtMs, a.closedAtMs]).toEqual([id, 'new', true, 1, 'critical', null, null]);
    expect(s.audit.at(-1)!.action).toBe('reopened');
  });

  it('after reopenWithinS the return raises a new alert and the old one stays closed', () => {
    let s = run([[T, [obs('u1')]], [T + S, []]]);
    s = closeAlert(s, s.alerts[0]!.id, duty, T + 2 * S);
    s = run([[T + 2 * S + 601 * S, [obs('u1')]]], s);
    expect(s.alerts.map((a) => a.status)).toEqual(['closed', 'new']);
    expect(s.alerts[0]!.id).not.toBe(s.alerts[1]!.id);
  });

  it('auto-closes after the rule\'s autoCloseAfterS of recovery, as the system', () => {
    let s = run([[T, [obs('n1', 'info', 72, 'noise')]], [T + S, []], [T + 30 * S, []]]);
    expect(s.alerts[0]!.status).toBe('new');
    s = run([[T + 61 * S, []]], s);
    expect(s.alerts[0]!.status).toBe('closed');
    expect(s.audit.at(-1)).toMatchObject({ action: 'auto-closed', actor: { role: 'system' } });
  });
});

describe('bounds', () => {
  it('keeps at most MAX_CLOSED_ALERTS closed alerts and MAX_AUDIT_ENTRIES audit entries', () => {
    let s: AlertState = EMPTY_ALERT_STATE;
    let t = T;
    for (let i = 0; i < MAX_CLOSED_ALERTS + 30; i++) {
      s = evaluateAlerts(s, [obs(`x${i}`)], rules, (t += S));
      s = closeAlert(s, s.alerts.at(-1)!.id, duty, (t += S));
    }
    s = evaluateAlerts(s, [obs('open')], rules, (t += S));
    expect(s.alerts.filter((a) => a.status === 'closed')).toHaveLength(MAX_CLOSED_ALERTS);
    expect(s.alerts.some((a) => a.asset.id === 'open' && a.status === 'new')).toBe(true);
    expect(s.audit.length).toBeLessThanOrEqual(MAX_AUDIT_ENTRIES);
  });
});
