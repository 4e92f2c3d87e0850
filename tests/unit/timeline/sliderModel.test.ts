/**
 * The time slider's arithmetic (src/ui/timeline/sliderModel): where a time sits on the track, the
 * time under a pointer (whole seconds, clamped to the track), and the keyboard's steps.
 */
import { describe, expect, it } from 'vitest';
import { fractionOf, keyStep, LIVE_SNAP_FRACTION, timeAtPointer } from '../../../src/ui/timeline/sliderModel';

const T = Date.UTC(2026, 11, 1, 23, 30, 0);
/** Ten minutes recorded. */
const R = { fromTs: T, toTs: T + 600_000 };

describe('fractionOf', () => {
  it('places a time along the track, clamped to its ends', () => {
    expect(fractionOf(T, R)).toBe(0);
    expect(fractionOf(T + 150_000, R)).toBe(0.25);
    expect(fractionOf(T + 600_000, R)).toBe(1);
    expect(fractionOf(T - 5000, R)).toBe(0);
    expect(fractionOf(T + 700_000, R)).toBe(1);
  });

  it('puts everything at the live end for an empty or reversed range, or a time that is not a number', () => {
    expect(fractionOf(T, { fromTs: T, toTs: T })).toBe(1);
    expect(fractionOf(T, { fromTs: T + 10, toTs: T })).toBe(1);
    expect(fractionOf(Number.NaN, R)).toBe(1);
    expect(fractionOf(Number.POSITIVE_INFINITY, R)).toBe(1);
    expect(fractionOf(T, { fromTs: T, toTs: Number.NaN })).toBe(1);
  });
});

describe('timeAtPointer', () => {
  // A 600 px track from x = 100: one pixel is one second.
  it('maps the pointer along the track to whole seconds', () => {
    expect(timeAtPointer(100, 100, 600, R)).toBe(T);
    expect(timeAtPointer(400, 100, 600, R)).toBe(T + 300_000);
    expect(timeAtPointer(700, 100, 600, R)).toBe(T + 600_000);
    expect(timeAtPointer(400.4, 100, 600, R)).toBe(T + 300_000);
    expect(timeAtPointer(400.6, 100, 600, R)).toBe(T + 301_000);
  });

  it('clamps a pointer beyond the track to its ends; a track of no width means the live end', () => {
    expect(timeAtPointer(20, 100, 600, R)).toBe(T);
    expect(timeAtPointer(5000, 100, 600, R)).toBe(T + 600_000);
    expect(timeAtPointer(400, 100, 0, R)).toBe(T + 600_000);
    expect(timeAtPointer(400, 100, -10, R)).toBe(T + 600_000);
  });

  it('snaps to live only within the last LIVE_SNAP_FRACTION of the track', () => {
    expect(LIVE_SNAP_FRACTION).toBe(0.01);
    expect(fractionOf(timeAtPointer(694, 100, 600, R), R)).toBeGreaterThanOrEqual(1 - LIVE_SNAP_FRACTION);
    expect(fractionOf(timeAtPointer(693, 100, 600, R), R)).toBeLessThan(1 - LIVE_SNAP_FRACTION);
  });
});

describe('keyStep', () => {
  const at = T + 300_000;
  it.each([
    ['ArrowLeft', false, at - 10_000],
    ['ArrowDown', false, at - 10_000],
    ['ArrowRight', false, at + 10_000],
    ['ArrowUp', false, at + 10_000],
    ['ArrowLeft', true, at - 60_000],
    ['ArrowRight', true, at + 60_000],
    ['PageDown', false, at - 60_000],
    ['PageUp', false, at + 60_000],
    ['PageDown', true, T],
    ['PageUp', true, T + 600_000],
    ['Home', false, T],
    ['End', false, T + 600_000],
    ['Home', true, T],
  ] as const)('%s (shift %s) goes to the expected time', (key, shift, want) => {
    expect(keyStep(key, shift, at, R)).toBe(want);
  });

  it('clamps to the recorded range and ignores other keys', () => {
    expect(keyStep('ArrowLeft', false, T + 3000, R)).toBe(T);
    expect(keyStep('ArrowRight', false, T + 595_000, R)).toBe(T + 600_000);
    expect(keyStep('PageDown', true, T + 300_000, R)).toBe(T);
    expect(keyStep('a', false, at, R)).toBeNull();
    expect(keyStep('Enter', false, at, R)).toBeNull();
    expect(keyStep(' ', false, at, R)).toBeNull();
  });
});
