import { describe, expect, it } from 'vitest';
import { focusedAlertId, tickerAlerts } from '../../../../src/modes/screen/tickerOrder';
import { alertOf } from './alertFixture';

describe('alert ticker order', () => {
  const alerts = [
    alertOf('acked-crit', { severity: 'critical', status: 'acknowledged', raisedAtMs: 50 }),
    alertOf('minor-new', { severity: 'minor', raisedAtMs: 40 }),
    alertOf('major-old', { severity: 'major', raisedAtMs: 10 }),
    alertOf('major-new', { severity: 'major', raisedAtMs: 30 }),
    alertOf('closed', { severity: 'critical', status: 'closed', raisedAtMs: 60 }),
    alertOf('crit-new', { severity: 'critical', raisedAtMs: 20 }),
  ];

  it('puts 新告警 first, then by severity, then newest first; closed alerts are left out', () => {
    expect(tickerAlerts(alerts).map((a) => a.id)).toEqual(['crit-new', 'major-new', 'major-old', 'minor-new', 'acked-crit']);
  });

  it('keeps at most the given number', () => {
    expect(tickerAlerts(alerts, 2).map((a) => a.id)).toEqual(['crit-new', 'major-new']);
  });

  it('focuses the alarm holding the camera, else the first unacknowledged alert', () => {
    const ticker = tickerAlerts(alerts);
    expect(focusedAlertId('major-old', ticker)).toBe('major-old');
    expect(focusedAlertId(null, ticker)).toBe('crit-new');
    // An interrupting alert already acknowledged elsewhere is not the one "A" acknowledges.
    expect(focusedAlertId('acked-crit', ticker)).toBe('crit-new');
    expect(focusedAlertId(null, tickerAlerts([alertOf('a', { status: 'acknowledged' })]))).toBeNull();
  });
});
