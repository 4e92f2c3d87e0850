import { describe, expect, it } from 'vitest';
import { EMPTY_ALARM_MEMORY, watchAlarms } from '../../../../src/modes/screen/alarmWatch';
import { alertOf } from './alertFixture';

describe('watchAlarms: which alert changes reach the tour', () => {
  it('raises a new alert at or above the threshold once, however often the engine republishes it', () => {
    const a = alertOf('a', { severity: 'major' });
    const first = watchAlarms(EMPTY_ALARM_MEMORY, [a], 'major');
    expect(first.alarms.map((x) => x.id)).toEqual(['a']);
    const again = watchAlarms(first.memory, [{ ...a, value: 14 }], 'major');
    expect(again.alarms).toEqual([]);
    expect(again.acks).toEqual([]);
  });

  it('ignores alerts below the threshold, and the threshold is configurable', () => {
    const minor = alertOf('m', { severity: 'minor' });
    expect(watchAlarms(EMPTY_ALARM_MEMORY, [minor], 'major').alarms).toEqual([]);
    expect(watchAlarms(EMPTY_ALARM_MEMORY, [minor], 'minor').alarms.map((x) => x.id)).toEqual(['m']);
    const major = alertOf('j', { severity: 'major' });
    expect(watchAlarms(EMPTY_ALARM_MEMORY, [major], 'critical').alarms).toEqual([]);
  });

  it('raises an alert again when it escalates, not when it calms down', () => {
    const a = alertOf('a', { severity: 'major' });
    const m1 = watchAlarms(EMPTY_ALARM_MEMORY, [a], 'major').memory;
    const up = watchAlarms(m1, [{ ...a, severity: 'critical' }], 'major');
    expect(up.alarms.map((x) => [x.id, x.severity])).toEqual([['a', 'critical']]);
    expect(watchAlarms(up.memory, [{ ...a, severity: 'critical' }], 'major').alarms).toEqual([]);
  });

  it('acks an alert once when it leaves "new", and never raises it again, even if it reopens', () => {
    const a = alertOf('a');
    const m1 = watchAlarms(EMPTY_ALARM_MEMORY, [a], 'major').memory;
    const acked = watchAlarms(m1, [{ ...a, status: 'acknowledged' }], 'major');
    expect(acked.acks).toEqual(['a']);
    expect(acked.alarms).toEqual([]);
    expect(watchAlarms(acked.memory, [{ ...a, status: 'closed' }], 'major').acks).toEqual([]);
    const reopened = watchAlarms(acked.memory, [{ ...a, status: 'new', severity: 'critical' }], 'major');
    expect(reopened.alarms).toEqual([]);
  });

  it('acks alerts that were acknowledged before the screen saw them', () => {
    expect(watchAlarms(EMPTY_ALARM_MEMORY, [alertOf('x', { status: 'acknowledged' })], 'major').acks).toEqual(['x']);
  });

  it('orders a batch least pressing first, so the most severe and newest reaches the machine last', () => {
    const batch = [
      alertOf('crit-old', { severity: 'critical', raisedAtMs: 1 }),
      alertOf('major', { severity: 'major', raisedAtMs: 5 }),
      alertOf('crit-new', { severity: 'critical', raisedAtMs: 9 }),
    ];
    expect(watchAlarms(EMPTY_ALARM_MEMORY, batch, 'major').alarms.map((x) => x.id)).toEqual(['major', 'crit-old', 'crit-new']);
  });

  it('forgets alerts the engine dropped, so its memory stays bounded on a screen that runs for days', () => {
    const m1 = watchAlarms(EMPTY_ALARM_MEMORY, [alertOf('a'), alertOf('b')], 'major').memory;
    const m2 = watchAlarms(m1, [alertOf('b')], 'major').memory;
    expect([...m2.keys()]).toEqual(['b']);
  });

  it('never raises an alert of an unknown severity', () => {
    const odd = alertOf('z', { severity: 'toString' as never });
    expect(watchAlarms(EMPTY_ALARM_MEMORY, [odd], 'info').alarms).toEqual([]);
  });
});
