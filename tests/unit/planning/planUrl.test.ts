import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../../src/app/urlState';

describe('planner part of the share URL', () => {
  it('round-trips the comparison, the plot and the catalogue state', () => {
    const q = '?zone=westbund&site=xh-ai&pv=compare&pl=existing&pr=westbund-ai-a&layout=swipe&div=0.35&plot=XH-B-20&lyr=line-red:1,plots:0&op=buildings:0.5';
    const { state, issues } = parseUrlState(q);
    expect(issues).toEqual([]);
    expect(state.plan).toEqual({
      site: 'xh-ai', mode: 'compare', left: 'existing', right: 'westbund-ai-a', layout: 'swipe', dividerX: 0.35, plot: 'XH-B-20',
      layers: { 'line-red': true, plots: false }, opacity: { buildings: 0.5 },
    });
    expect(parseUrlState(serializeUrlState(state)).state.plan).toEqual(state.plan);
  });

  it('drops bad values with a reason and keeps the rest', () => {
    const { state, issues } = parseUrlState('?pv=sideways&div=1.5&layout=swipe&pr=<script>&op=buildings:NaN,plots:0.2&lyr=x:2');
    expect(issues.map((i) => i.param).sort()).toEqual(['div', 'lyr', 'op', 'pr', 'pv']);
    expect(state.plan).toEqual({ layout: 'swipe', opacity: { plots: 0.2 } });
  });

  it('writes nothing for the default view', () => {
    expect(serializeUrlState({ zone: 'jiading', plan: { mode: 'existing', left: 'existing', right: 'existing', layout: 'swipe', dividerX: 0.5 } })).toBe('?zone=jiading');
  });
});
