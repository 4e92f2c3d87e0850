import { describe, expect, it } from 'vitest';
import { isQuietMoment, type QuietLook } from '../../../src/runtime/quietMoment';

const screen = (step: number, state: 'playing' | 'paused' | 'interrupted' = 'playing', zone = 'jiading'): QuietLook => ({
  mode: 'screen', tour: { step, state, zone }, kioskState: null, openAlarm: false,
});

describe('quiet moments for a soft reload', () => {
  it('screen with a tour: only right after it moved on to another stop (or zone), while playing', () => {
    expect(isQuietMoment(null, screen(0))).toBe(false);
    expect(isQuietMoment(screen(0), screen(0))).toBe(false);
    expect(isQuietMoment(screen(0), screen(1))).toBe(true);
    expect(isQuietMoment(screen(2, 'playing', 'jiading'), screen(2, 'playing', 'yangpu'))).toBe(true);
    expect(isQuietMoment(screen(0), screen(1, 'interrupted')), 'an alarm holds the tour').toBe(false);
    expect(isQuietMoment(screen(0), screen(1, 'paused'))).toBe(false);
  });
  it('screen without a tour: when no major or critical alert is new', () => {
    const look = (openAlarm: boolean): QuietLook => ({ mode: 'screen', tour: null, kioskState: null, openAlarm });
    expect(isQuietMoment(null, look(false))).toBe(true);
    expect(isQuietMoment(null, look(true))).toBe(false);
  });
  it('kiosk: only in the attract loop; planner: never', () => {
    const kiosk = (k: QuietLook['kioskState']): QuietLook => ({ mode: 'kiosk', tour: null, kioskState: k, openAlarm: false });
    expect(isQuietMoment(null, kiosk('attract'))).toBe(true);
    expect(isQuietMoment(null, kiosk('active'))).toBe(false);
    expect(isQuietMoment(null, kiosk('warning'))).toBe(false);
    expect(isQuietMoment(null, { mode: 'planner', tour: null, kioskState: null, openAlarm: false })).toBe(false);
  });
});
