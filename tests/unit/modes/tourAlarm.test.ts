import { describe, expect, it } from 'vitest';
import { TourMachine } from '../../../src/modes/tour/tourMachine';
import type { TourCommand } from '../../../src/modes/tour/tourTypes';
import { alert, TOUR_A, TOUR_B } from './tourFixtures';

function flyTo(c: TourCommand | null): string | null {
  if (c === null) return null;
  if (c.kind === 'fly') return `${c.reason}:${c.zone}/${c.stop.id}@${c.durationMs}`;
  if (c.kind === 'flyToAlert') return `alert:${c.zone}/${c.alert.id}@${c.durationMs}`;
  return c.kind;
}

/** Playing a0's dwell (1000–5000) at t = 2000. */
function playing(options = {}): TourMachine {
  const m = new TourMachine(TOUR_A, options);
  m.start(0);
  m.tick(1000);
  m.tick(2000);
  return m;
}

describe('TourMachine alarm interrupts', () => {
  it('flies to the asset, holds, then re-flies to the same stop and runs its full dwell', () => {
    const m = playing();
    const c = m.alarm(alert('X', 'major'), 3000);
    expect(c).toEqual({
      kind: 'flyToAlert', alert: alert('X', 'major'), pose: { position: [10, 20, 30], target: [10, 20, 0] }, zone: 'jiading', durationMs: 2000,
    });
    expect(m.snapshot()).toEqual({ id: 'jiading-tour', step: 0, stopId: 'a0', state: 'interrupted', interruptedBy: 'X', zone: 'jiading' });
    expect(m.holdRemainingMs(13_000)).toBe(20_000);
    // The tour does not advance during the hold, which runs 30 s from the alarm.
    expect(m.tick(5000)).toBeNull();
    expect(m.tick(32_999)).toBeNull();
    expect(flyTo(m.tick(33_000))).toBe('resume:jiading/a0@1000');
    expect(m.snapshot()).toMatchObject({ step: 0, state: 'playing', interruptedBy: null });
    // Flight 33000–34000, then the full 4000 ms dwell.
    expect(m.tick(37_999)).toBeNull();
    expect(flyTo(m.tick(38_000))).toBe('advance:jiading/a1@2000');
  });

  it('honours holdMs, alarmFlightMs and the alert zone; without an asset pose it keeps the camera', () => {
    const m = playing({ holdMs: 5000, alarmFlightMs: 0 });
    const c = m.alarm({ id: 'Y', severity: 'critical', zone: 'yangpu' }, 3000);
    expect(c).toMatchObject({ kind: 'flyToAlert', pose: null, zone: 'yangpu', durationMs: 0 });
    expect(m.tick(7999)).toBeNull();
    expect(flyTo(m.tick(8000))).toBe('resume:jiading/a0@1000');
  });

  it('ignores alarms below the threshold', () => {
    const m = playing();
    expect(m.alarm(alert('m', 'minor'), 3000)).toBeNull();
    expect(m.alarm(alert('i', 'info'), 3000)).toBeNull();
    expect(m.snapshot().state).toBe('playing');
    expect(flyTo(m.tick(5000))).toBe('advance:jiading/a1@2000');
    const low = playing({ interruptAt: 'minor' });
    expect(flyTo(low.alarm(alert('m', 'minor'), 3000))).toBe('alert:jiading/m@2000');
    expect(low.alarm(alert('i', 'info'), 3000)).toBeNull();
    const high = playing({ interruptAt: 'critical' });
    expect(high.alarm(alert('M', 'major'), 3000)).toBeNull();
  });

  it('acknowledging the alarm shown ends the hold early, and it never interrupts again', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(flyTo(m.ack('X', 4000))).toBe('resume:jiading/a0@1000');
    expect(m.snapshot()).toMatchObject({ state: 'playing', interruptedBy: null });
    expect(m.alarm(alert('X', 'critical'), 6000)).toBeNull();
    expect(m.snapshot().state).toBe('playing');
  });

  it('an alarm acknowledged before it arrives never interrupts', () => {
    const m = playing();
    expect(m.ack('X', 2500)).toBeNull();
    expect(m.alarm(alert('X', 'major'), 3000)).toBeNull();
  });

  it('an unacknowledged alarm sent again after its hold interrupts again', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    m.tick(33_000);
    expect(flyTo(m.alarm(alert('X', 'major'), 40_000))).toBe('alert:jiading/X@2000');
  });

  it('sending the alarm being shown again neither re-flies nor restarts the hold', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(m.alarm(alert('X', 'critical'), 20_000)).toBeNull();
    expect(m.interruptingAlert?.severity).toBe('critical');
    expect(flyTo(m.tick(33_000))).toBe('resume:jiading/a0@1000');
  });

  it('during a hold a more severe alarm wins and restarts the hold; a less severe one is ignored', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(flyTo(m.alarm(alert('C', 'critical'), 10_000))).toBe('alert:jiading/C@2000');
    expect(m.snapshot().interruptedBy).toBe('C');
    expect(m.alarm(alert('M2', 'major'), 20_000)).toBeNull();
    expect(m.snapshot().interruptedBy).toBe('C');
    expect(m.tick(39_999)).toBeNull();
    expect(flyTo(m.tick(40_000))).toBe('resume:jiading/a0@1000');
  });

  it('during a hold an equally severe newer alarm wins and restarts the hold', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(flyTo(m.alarm(alert('Z', 'major'), 10_000))).toBe('alert:jiading/Z@2000');
    expect(m.snapshot().interruptedBy).toBe('Z');
    expect(m.tick(33_000)).toBeNull();
    // Acknowledging the replaced alarm does not end the hold of the one shown.
    expect(m.ack('X', 34_000)).toBeNull();
    expect(flyTo(m.tick(40_000))).toBe('resume:jiading/a0@1000');
  });

  it('a manual pause during the hold stays paused after it, with the camera left on the asset', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(m.pause(4000)).toBeNull();
    expect(m.snapshot().state).toBe('interrupted');
    expect(m.tick(33_000)).toBeNull();
    expect(m.snapshot()).toMatchObject({ state: 'paused', interruptedBy: null, step: 0 });
    expect(m.tick(60_000)).toBeNull();
    expect(flyTo(m.resume(60_000))).toBe('resume:jiading/a0@1000');
    expect(flyTo(m.tick(65_000))).toBe('advance:jiading/a1@2000');
  });

  it('resuming during the hold only cancels the pause; the tour returns when the hold ends', () => {
    const m = playing();
    m.pause(2500);
    m.alarm(alert('X', 'major'), 3000);
    expect(m.resume(4000)).toBeNull();
    expect(m.snapshot().state).toBe('interrupted');
    expect(flyTo(m.tick(33_000))).toBe('resume:jiading/a0@1000');
  });

  it('next during a hold dismisses it and moves on; the alarm is not acknowledged', () => {
    const m = playing();
    m.alarm(alert('X', 'major'), 3000);
    expect(flyTo(m.next(4000))).toBe('skip:jiading/a1@2000');
    expect(m.snapshot()).toMatchObject({ state: 'playing', interruptedBy: null, step: 1 });
    expect(flyTo(m.alarm(alert('X', 'major'), 5000))).toBe('alert:jiading/X@2000');
  });

  it('a fly-to-asset names the zone the carousel is in when the alert has none', () => {
    const m = new TourMachine({ tours: [TOUR_A, TOUR_B] });
    m.start(0);
    m.prev(10);
    expect(m.alarm({ id: 'Q', severity: 'critical' }, 20)).toMatchObject({ kind: 'flyToAlert', zone: 'xuhui', pose: null });
    expect(flyTo(m.ack('Q', 30))).toBe('resume:xuhui/b0@1000');
  });

  it('an alarm before start holds; start waits for the hold to end', () => {
    const m = new TourMachine(TOUR_A);
    m.alarm(alert('X', 'critical'), 0);
    expect(m.start(100)).toBeNull();
    expect(m.snapshot().state).toBe('interrupted');
    expect(flyTo(m.tick(30_000))).toBe('resume:jiading/a0@1000');
  });
});
