import { describe, expect, it } from 'vitest';
import { paneAt, paneNdcX, panesOf } from '../../../src/layers/planning/compareModel';
import { DEFAULT_PLAN_VIEW, EXISTING_STATE, type PlanView } from '../../../src/state/planningSlice';

const known = new Set(['a', 'b']);
const view = (p: Partial<PlanView>): PlanView => ({ ...DEFAULT_PLAN_VIEW, ...p });

describe('comparison panes', () => {
  it('draws today over the whole view in existing mode', () => {
    expect(panesOf(view({ mode: 'existing', right: 'a' }), known)).toEqual([{ stateId: EXISTING_STATE, x0: 0, width: 1, ownAspect: false }]);
  });

  it('draws the chosen scheme in scheme mode, and falls back to today for an unknown one', () => {
    expect(panesOf(view({ mode: 'scheme', right: 'a' }), known)[0]!.stateId).toBe('a');
    expect(panesOf(view({ mode: 'scheme', right: 'gone' }), known)[0]!.stateId).toBe(EXISTING_STATE);
  });

  it('splits a swipe at the divider with one shared projection', () => {
    const p = panesOf(view({ mode: 'compare', left: EXISTING_STATE, right: 'a', layout: 'swipe', dividerX: 0.3 }), known);
    expect(p.map((x) => [x.stateId, x.x0, x.width, x.ownAspect])).toEqual([
      [EXISTING_STATE, 0, 0.3, false],
      ['a', 0.3, 0.7, false],
    ]);
    expect(paneAt(p, 0.29)!.stateId).toBe(EXISTING_STATE);
    expect(paneAt(p, 0.31)!.stateId).toBe('a');
    // A swipe pane keeps the full-view device coordinates.
    expect(paneNdcX(p[1]!, 0.75)).toBeCloseTo(0.5);
  });

  it('gives each side-by-side half its own projection', () => {
    const p = panesOf(view({ mode: 'compare', left: 'a', right: 'b', layout: 'split' }), known);
    expect(p.map((x) => [x.stateId, x.x0, x.width, x.ownAspect])).toEqual([
      ['a', 0, 0.5, true],
      ['b', 0.5, 0.5, true],
    ]);
    // The centre of the right half is the centre of its own projection.
    expect(paneNdcX(paneAt(p, 0.75)!, 0.75)).toBeCloseTo(0);
    expect(paneNdcX(paneAt(p, 0.25)!, 0.25)).toBeCloseTo(0);
  });

  it('shows one side at a time in toggle layout', () => {
    expect(panesOf(view({ mode: 'compare', left: 'a', right: 'b', layout: 'toggle', toggleSide: 'left' }), known)[0]!.stateId).toBe('a');
    expect(panesOf(view({ mode: 'compare', left: 'a', right: 'b', layout: 'toggle', toggleSide: 'right' }), known)[0]!.stateId).toBe('b');
  });

  it('clamps the divider into the view', () => {
    const p = panesOf(view({ mode: 'compare', right: 'a', dividerX: 7 }), known);
    expect(p[0]!.width).toBe(1);
    expect(p[1]!.width).toBe(0);
    expect(paneAt(p, 0.99)!.stateId).toBe(EXISTING_STATE);
  });
});
