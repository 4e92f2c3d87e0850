import { describe, expect, it } from 'vitest';
import { TourMachine } from '../../../src/modes/tour/tourMachine';
import type { TourCommand } from '../../../src/modes/tour/tourTypes';
import { TOUR_A, TOUR_B } from './tourFixtures';

/** The fly command's target, compactly. */
function flyTo(c: TourCommand | null): string | null {
  if (c === null) return null;
  return c.kind === 'fly' ? `${c.reason}:${c.zone}/${c.stop.id}@${c.durationMs}` : c.kind;
}

describe('TourMachine timing', () => {
  it('flies, dwells after the flight, advances, and loops', () => {
    const m = new TourMachine(TOUR_A);
    expect(m.snapshot()).toEqual({ id: 'jiading-tour', step: 0, stopId: 'a0', state: 'paused', interruptedBy: null, zone: 'jiading' });
    const first = m.start(0);
    expect(first).toMatchObject({ kind: 'fly', reason: 'start', tourId: 'jiading-tour', zone: 'jiading', step: 0, durationMs: 1000 });
    expect(m.snapshot().state).toBe('playing');
    // a0: flight 0–1000, dwell 1000–5000.
    expect(m.tick(999)).toBeNull();
    expect(m.tick(1000)).toBeNull();
    expect(m.tick(4999)).toBeNull();
    expect(flyTo(m.tick(5000))).toBe('advance:jiading/a1@2000');
    expect(m.snapshot()).toMatchObject({ step: 1, stopId: 'a1', state: 'playing' });
    // a1: flight 5000–7000, dwell 7000–10000, then back to a0.
    expect(m.tick(7000)).toBeNull();
    expect(m.tick(9999)).toBeNull();
    expect(flyTo(m.tick(10000))).toBe('advance:jiading/a0@1000');
    expect(m.snapshot().step).toBe(0);
  });

  it('starts at a named stop (a tour resumed after a soft reload); an unknown stop starts at the first', () => {
    const m = new TourMachine(TOUR_A);
    expect(m.start(0, { id: 'jiading-tour', zone: 'jiading', step: 1 })).toMatchObject({ kind: 'fly', reason: 'start', step: 1 });
    expect(m.snapshot()).toMatchObject({ step: 1, stopId: 'a1', state: 'playing' });
    const other = new TourMachine(TOUR_A);
    expect(other.start(0, { id: 'jiading-tour', zone: 'yangpu', step: 1 })).toMatchObject({ step: 0 });
    expect(new TourMachine(TOUR_A).start(0, { id: 'jiading-tour', zone: 'jiading', step: 9 })).toMatchObject({ step: 0 });
  });

  it('a dwell starts when the flight should have ended, not at the late tick that notices it', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    expect(m.tick(1700)).toBeNull(); // flight ended at 1000, dwell runs to 5000 regardless
    expect(flyTo(m.tick(5000))).toBe('advance:jiading/a1@2000');
  });

  it('after a stall it moves on one stop from now instead of racing through the missed ones', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    expect(flyTo(m.tick(100_000))).toBe('advance:jiading/a1@2000');
    expect(m.tick(104_999)).toBeNull();
    expect(flyTo(m.tick(105_000))).toBe('advance:jiading/a0@1000');
  });

  it('a tour without loop ends on its last stop, paused; resuming starts it over', () => {
    const m = new TourMachine({ ...TOUR_A, loop: false });
    m.start(0);
    m.tick(5000);
    expect(m.tick(10_000)).toEqual({ kind: 'end' });
    expect(m.snapshot()).toMatchObject({ step: 1, state: 'paused' });
    expect(m.tick(20_000)).toBeNull();
    expect(flyTo(m.resume(20_000))).toBe('resume:jiading/a0@1000');
    expect(m.snapshot()).toMatchObject({ step: 0, state: 'playing' });
  });

  it('a carousel goes from the last stop of one zone to the first of the next, and loops by default', () => {
    const m = new TourMachine({ tours: [{ ...TOUR_A, loop: false }, TOUR_B] });
    m.start(0);
    m.tick(5000);
    expect(flyTo(m.tick(10_000))).toBe('advance:xuhui/b0@1000');
    expect(m.snapshot()).toEqual({ id: 'xuhui-tour', step: 0, stopId: 'b0', state: 'playing', interruptedBy: null, zone: 'xuhui' });
    // b0: flight 10000–11000, dwell 11000–13000.
    expect(m.tick(12_999)).toBeNull();
    expect(flyTo(m.tick(13_000))).toBe('advance:jiading/a0@1000');
  });

  it('a carousel with loop false ends after its last tour', () => {
    const m = new TourMachine({ tours: [TOUR_A, TOUR_B], loop: false });
    m.start(0);
    m.tick(5000);
    m.tick(10_000);
    expect(m.tick(13_000)).toEqual({ kind: 'end' });
    expect(m.snapshot()).toMatchObject({ zone: 'xuhui', state: 'paused' });
  });
});

describe('TourMachine manual control', () => {
  it('resumes a pause in the dwell with what was left of the dwell, after a re-fly', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    m.tick(1000);
    expect(m.pause(2000)).toEqual({ kind: 'hold' });
    expect(m.snapshot().state).toBe('paused');
    expect(m.tick(50_000)).toBeNull();
    expect(m.pause(50_000)).toBeNull();
    expect(flyTo(m.resume(60_000))).toBe('resume:jiading/a0@1000');
    // 3000 ms of dwell were left: flight 60000–61000, dwell 61000–64000.
    expect(m.tick(63_999)).toBeNull();
    expect(flyTo(m.tick(64_000))).toBe('advance:jiading/a1@2000');
    expect(m.resume(64_001)).toBeNull();
  });

  it('resumes a pause in the flight with the full dwell', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    m.pause(500);
    m.resume(600);
    expect(m.tick(5599)).toBeNull();
    expect(flyTo(m.tick(5600))).toBe('advance:jiading/a1@2000');
  });

  it('pause without a time uses the latest time the machine was given', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    m.tick(4000);
    m.pause();
    m.resume(10_000);
    // 1000 ms left: flight to 11000, dwell to 12000.
    expect(flyTo(m.tick(12_000))).toBe('advance:jiading/a1@2000');
  });

  it('toggle pauses and resumes', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    expect(m.toggle(100)).toEqual({ kind: 'hold' });
    expect(flyTo(m.toggle(200))).toBe('resume:jiading/a0@1000');
  });

  it('next flies at once, then runs the new stop\'s full dwell', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    expect(flyTo(m.next(500))).toBe('skip:jiading/a1@2000');
    // a1: flight 500–2500, dwell 2500–5500.
    expect(m.tick(5499)).toBeNull();
    expect(flyTo(m.tick(5500))).toBe('advance:jiading/a0@1000');
  });

  it('prev from the first stop wraps to the last, across a carousel', () => {
    const m = new TourMachine({ tours: [TOUR_A, TOUR_B], loop: false });
    m.start(0);
    expect(flyTo(m.prev(100))).toBe('skip:xuhui/b0@1000');
    expect(flyTo(m.next(200))).toBe('skip:jiading/a0@1000');
    expect(flyTo(m.next(300))).toBe('skip:jiading/a1@2000');
    expect(flyTo(m.prev(400))).toBe('skip:jiading/a0@1000');
  });

  it('next while paused shows the stop but stays paused, and no dwell runs', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    m.pause(100);
    expect(flyTo(m.next(200))).toBe('skip:jiading/a1@2000');
    expect(m.snapshot()).toMatchObject({ step: 1, state: 'paused' });
    expect(m.tick(100_000)).toBeNull();
    expect(flyTo(m.resume(100_000))).toBe('resume:jiading/a1@2000');
    expect(flyTo(m.tick(105_000))).toBe('advance:jiading/a0@1000');
  });

  it('resume before start plays from the first stop', () => {
    const m = new TourMachine(TOUR_A);
    expect(m.tick(1000)).toBeNull();
    expect(flyTo(m.resume(1000))).toBe('resume:jiading/a0@1000');
  });

  it('keeps the snapshot object while nothing in it changes', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    const s = m.snapshot();
    m.tick(1000);
    expect(m.snapshot()).toBe(s);
    m.tick(5000);
    expect(m.snapshot()).not.toBe(s);
  });
});
