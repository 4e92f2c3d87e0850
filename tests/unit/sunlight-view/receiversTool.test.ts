import { describe, expect, it } from 'vitest';
import { CLOSE_SNAP_M, drawnRing, drawReducer, IDLE_DRAW, MAX_POINTS, selfIntersects, type DrawEvent, type DrawState } from '../../../src/tools/sunlightReceiversTool';

const run = (events: DrawEvent[], from: DrawState = IDLE_DRAW) => events.reduce(drawReducer, from);
const click = (e: number, n: number): DrawEvent => ({ type: 'click', e, n });

describe('receiver polygon tool', () => {
  it('ignores the ground until started, then collects clicks and closes with Enter', () => {
    expect(run([click(0, 0)])).toBe(IDLE_DRAW);
    const s = run([{ type: 'start' }, click(0, 0), click(50, 0), click(50, 40), { type: 'key', key: 'Enter' }]);
    expect(s.phase).toBe('closed');
    expect(drawnRing(s)).toEqual([[0, 0], [50, 0], [50, 40]]);
    // Closed: further clicks and keys change nothing.
    expect(drawReducer(s, click(9, 9))).toBe(s);
    expect(drawReducer(s, { type: 'key', key: 'Backspace' })).toBe(s);
  });

  it('closes on a double click (whose two clicks count once) or a click on the first point', () => {
    const dbl = run([{ type: 'start' }, click(0, 0), click(10, 0), click(10, 10), click(10, 10.2), { type: 'dblclick' }]);
    expect(drawnRing(dbl)).toEqual([[0, 0], [10, 0], [10, 10]]);
    const snap = run([{ type: 'start' }, click(0, 0), click(10, 0), click(10, 10), click(CLOSE_SNAP_M / 2, 0.5)]);
    expect(drawnRing(snap)).toEqual([[0, 0], [10, 0], [10, 10]]);
  });

  it('refuses to close too few points or a crossing outline, and says why', () => {
    const two = run([{ type: 'start' }, click(0, 0), click(10, 0), { type: 'key', key: 'Enter' }]);
    expect(two.phase).toBe('drawing');
    expect(two.problem).toBe('too-few-points');
    const bow = run([{ type: 'start' }, click(0, 0), click(10, 10), click(10, 0), click(0, 10), { type: 'dblclick' }]);
    expect(bow.problem).toBe('self-intersecting');
    expect(drawnRing(bow)).toBeNull();
    // A correction clears the problem.
    expect(run([{ type: 'key', key: 'Backspace' }], bow).problem).toBeNull();
  });

  it('removes the last point with Backspace, gives up with Escape, tracks the pointer, and caps points', () => {
    const s = run([{ type: 'start' }, click(0, 0), click(5, 0), { type: 'key', key: 'Backspace' }, { type: 'move', e: 3, n: 4 }]);
    expect(s.points).toEqual([[0, 0]]);
    expect(s.hover).toEqual([3, 4]);
    expect(run([{ type: 'key', key: 'a' }], s)).toBe(s);
    expect(run([{ type: 'move', e: Number.NaN, n: 0 }, click(Number.NaN, 1)], s)).toBe(s);
    expect(run([{ type: 'key', key: 'Escape' }], s)).toBe(IDLE_DRAW);
    expect(run([{ type: 'reset' }], s)).toBe(IDLE_DRAW);
    let many = run([{ type: 'start' }]);
    for (let i = 0; i < MAX_POINTS + 5; i++) many = drawReducer(many, click(i * 10, (i % 2) * 10));
    expect(many.points.length).toBe(MAX_POINTS);
  });

  it('finds crossings between non-adjacent edges only', () => {
    expect(selfIntersects([[0, 0], [10, 0], [10, 10], [0, 10]])).toBe(false);
    expect(selfIntersects([[0, 0], [10, 10], [10, 0], [0, 10]])).toBe(true);
  });
});
