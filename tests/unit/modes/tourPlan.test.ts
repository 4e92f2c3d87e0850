import { describe, expect, it } from 'vitest';
import { tourKeyAction, TourMachine } from '../../../src/modes/tour/tourMachine';
import { resolveStopPose, tourProblems } from '../../../src/modes/tour/tourPlan';
import type { Tour, TourStop } from '../../../src/modes/tour/tourTypes';
import { TOUR_A, TOUR_B } from './tourFixtures';

describe('tourKeyAction', () => {
  it('maps Space, arrows and A, and nothing else', () => {
    expect(tourKeyAction(' ')).toBe('toggle');
    expect(tourKeyAction('ArrowRight')).toBe('next');
    expect(tourKeyAction('ArrowDown')).toBe('next');
    expect(tourKeyAction('ArrowLeft')).toBe('prev');
    expect(tourKeyAction('ArrowUp')).toBe('prev');
    expect(tourKeyAction('a')).toBe('ack');
    expect(tourKeyAction('A')).toBe('ack');
    expect(tourKeyAction('Enter')).toBeNull();
    expect(tourKeyAction('b')).toBeNull();
    expect(tourKeyAction('')).toBeNull();
  });
});

describe('tourProblems', () => {
  it('accepts the fixtures', () => {
    expect(tourProblems(TOUR_A)).toEqual([]);
    expect(tourProblems({ tours: [TOUR_A, TOUR_B] })).toEqual([]);
  });

  it('names every problem, and the machine refuses to start such a tour', () => {
    const both = { ...TOUR_A.stops[0]!, viewpointId: 'x' } as unknown as TourStop;
    const bad: Tour = {
      id: 't', zone: 'jiading', loop: true,
      stops: [both, { ...TOUR_A.stops[1]!, id: 'a1', flightMs: -1 }, { ...TOUR_A.stops[1]!, dwellMs: Number.NaN }],
    };
    const problems = tourProblems(bad);
    expect(problems).toEqual([
      'tour "t" stop 0 ("a0"): needs exactly one of pose or viewpointId',
      'tour "t" stop 1 ("a1"): flightMs must be a finite number ≥ 0',
      'tour "t" stop 2 ("a1"): duplicate stop id',
      'tour "t" stop 2 ("a1"): dwellMs must be a finite number ≥ 0',
    ]);
    expect(() => new TourMachine(bad)).toThrow(/invalid tour: .*needs exactly one of pose or viewpointId/);
    expect(tourProblems({ tours: [] })).toEqual(['the carousel has no tours']);
    expect(tourProblems({ ...TOUR_A, stops: [] })).toEqual(['tour "jiading-tour" has no stops']);
    expect(tourProblems({ tours: [TOUR_A, TOUR_A] })).toEqual(['duplicate tour id "jiading-tour"']);
    const nanPose: TourStop = { id: 'a0', flightMs: 0, dwellMs: 0, caption: { zh: '', en: '' }, pose: { position: [0, Number.NaN, 0], target: [0, 0, 0] } };
    expect(tourProblems({ ...TOUR_A, stops: [nanPose] })).toEqual(['tour "jiading-tour" stop 0 ("a0"): pose needs finite [e, n, u] position and target']);
  });

  it('refuses bad options', () => {
    expect(() => new TourMachine(TOUR_A, { holdMs: -1 })).toThrow(/holdMs/);
    expect(() => new TourMachine(TOUR_A, { interruptAt: 'severe' as never })).toThrow(/interruptAt/);
    expect(() => new TourMachine(TOUR_A, { interruptAt: 'toString' as never })).toThrow(/interruptAt/);
  });

  it('ignores an alarm of unknown severity', () => {
    const m = new TourMachine(TOUR_A);
    m.start(0);
    expect(m.alarm({ id: 'u', severity: 'toString' as never }, 10)).toBeNull();
    expect(m.alarm({ id: 'v', severity: 'fatal' as never }, 10)).toBeNull();
    expect(m.snapshot().state).toBe('playing');
  });
});

describe('resolveStopPose', () => {
  const viewpoints = [{ id: 'west-bund', position: [1, 2, 3] as [number, number, number], target: [4, 5, 6] as [number, number, number] }];
  it('uses a pose as given and looks a viewpoint up', () => {
    expect(resolveStopPose(TOUR_A.stops[0]!, viewpoints)).toBe(TOUR_A.stops[0]!.pose);
    expect(resolveStopPose(TOUR_B.stops[0]!, viewpoints)).toEqual({ position: [1, 2, 3], target: [4, 5, 6] });
    expect(resolveStopPose(TOUR_B.stops[0]!, [])).toBeNull();
  });
});
