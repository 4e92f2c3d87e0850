import { describe, expect, it } from 'vitest';
import { IdleMachine } from '../../../src/modes/kiosk/idleMachine';

describe('IdleMachine', () => {
  it('goes active → warning → reset (once) → attract, with a countdown', () => {
    const m = new IdleMachine(0, { startIn: 'active' });
    expect(m.tick(89_999)).toBeNull();
    expect(m.state).toBe('active');
    expect(m.secondsLeft(89_999)).toBeNull();
    expect(m.tick(90_000)).toBeNull();
    expect(m.state).toBe('warning');
    expect(m.secondsLeft(90_000)).toBe(10);
    expect(m.secondsLeft(95_500)).toBe(5);
    expect(m.secondsLeft(99_999)).toBe(1);
    expect(m.tick(99_999)).toBeNull();
    expect(m.tick(100_000)).toEqual({ kind: 'reset' });
    expect(m.state).toBe('attract');
    expect(m.tick(100_001)).toBeNull();
    expect(m.tick(500_000)).toBeNull();
    expect(m.snapshot(500_000)).toEqual({ idleMs: 500_000, state: 'attract' });
  });

  it('input during the warning goes back to active without a reset, and restarts the idle time', () => {
    const m = new IdleMachine(0, { startIn: 'active' });
    m.tick(95_000);
    expect(m.state).toBe('warning');
    expect(m.input(96_000)).toEqual({ swallow: false });
    expect(m.state).toBe('active');
    expect(m.tick(100_000)).toBeNull();
    expect(m.state).toBe('active');
    expect(m.snapshot(100_000)).toEqual({ idleMs: 4000, state: 'active' });
    expect(m.tick(186_000)).toBeNull();
    expect(m.state).toBe('warning');
    expect(m.tick(196_000)).toEqual({ kind: 'reset' });
  });

  it('input while active pushes the warning back', () => {
    const m = new IdleMachine(0, { startIn: 'active' });
    m.input(50_000);
    expect(m.tick(139_999)).toBeNull();
    expect(m.state).toBe('active');
  });

  it('swallows the first input in attract, and only that one', () => {
    const m = new IdleMachine(0);
    expect(m.state).toBe('attract');
    expect(m.input(1000)).toEqual({ swallow: true });
    expect(m.state).toBe('active');
    expect(m.input(1050)).toEqual({ swallow: false });
    expect(m.input(2000)).toEqual({ swallow: false });
  });

  it('a late tick falls straight through the warning to the reset', () => {
    const m = new IdleMachine(0, { startIn: 'active' });
    expect(m.tick(1_000_000)).toEqual({ kind: 'reset' });
    expect(m.state).toBe('attract');
  });

  it('honours custom times, and warningMs 0 resets without a warning', () => {
    const m = new IdleMachine(0, { startIn: 'active', idleMs: 5000, warningMs: 0 });
    expect(m.tick(4999)).toBeNull();
    expect(m.tick(5000)).toEqual({ kind: 'reset' });
    const n = new IdleMachine(0, { startIn: 'active', idleMs: 1000, warningMs: 3000 });
    n.tick(1000);
    expect(n.secondsLeft(1000)).toBe(3);
    expect(n.tick(3999)).toBeNull();
    expect(n.tick(4000)).toEqual({ kind: 'reset' });
  });

  it('refuses bad options', () => {
    expect(() => new IdleMachine(0, { idleMs: 0 })).toThrow(/idleMs/);
    expect(() => new IdleMachine(0, { warningMs: Number.NaN })).toThrow(/warningMs/);
  });
});
