import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../../src/app/urlState';

describe('sunlight part of the share URL', () => {
  it('round-trips profile, changed parameters, receivers, states, spacing and the ground height', () => {
    const q = '?zone=westbund&site=ai-cluster-b16&sl=gb50180-dahan&slp=minHours:3,term:dongzhi,windowStartTst:8.5&slr=plot:plot:R-12&sls=ai-tower-a&slm=compare&slb=ai-tower-b&slsp=6&slg=1.5';
    const { state, issues } = parseUrlState(q);
    expect(issues).toEqual([]);
    expect(state.plan?.sunlight).toEqual({
      profile: 'gb50180-dahan',
      params: { minHours: 3, term: 'dongzhi', windowStartTst: 8.5 },
      receivers: { kind: 'plot', id: 'plot:R-12', ring: null },
      state: 'ai-tower-a', mode: 'compare', other: 'ai-tower-b', spacingM: 6, groundHeightM: 1.5,
    });
    expect(parseUrlState(serializeUrlState(state)).state.plan?.sunlight).toEqual(state.plan?.sunlight);
  });

  it('carries a drawn polygon and building ids with slashes', () => {
    const poly = parseUrlState('?slr=polygon:-10_20~30.5_20~30.5_-4').state.plan?.sunlight?.receivers;
    expect(poly).toEqual({ kind: 'polygon', id: null, ring: [[-10, 20], [30.5, 20], [30.5, -4]] });
    const s = serializeUrlState({ plan: { sunlight: { receivers: poly! } } });
    expect(s).toBe('?slr=polygon:-10_20~30.5_20~30.5_-4');
    expect(parseUrlState('?slr=building:osm:way/123').state.plan?.sunlight?.receivers).toEqual({ kind: 'building', id: 'osm:way/123', ring: null });
    expect(parseUrlState('?slr=site').state.plan?.sunlight?.receivers).toEqual({ kind: 'site', id: null, ring: null });
  });

  it('drops bad values with a reason and keeps the rest', () => {
    const { state, issues } = parseUrlState('?sl=<x>&slp=minHours:3,bad,9x:1,term:<b>&slr=tower:1&slm=sideways&slsp=0&slg=abc&sls=ai-tower-a');
    expect(issues.map((i) => i.param).sort()).toEqual(['sl', 'slg', 'slm', 'slp', 'slp', 'slp', 'slr', 'slsp']);
    expect(state.plan?.sunlight).toEqual({ params: { minHours: 3 }, state: 'ai-tower-a' });
    const tooMany = parseUrlState(`?slr=polygon:${Array.from({ length: 41 }, (_, i) => `${i}_0`).join('~')}`);
    expect(tooMany.issues.map((i) => i.param)).toEqual(['slr']);
    expect(parseUrlState('?slr=polygon:0_0~1_1').issues.map((i) => i.param)).toEqual(['slr']);
    expect(parseUrlState('?slr=polygon:0_0~1_1~9e9_0').issues.map((i) => i.param)).toEqual(['slr']);
  });

  it('writes nothing when the analysis was never used, and keeps the default mode out', () => {
    expect(serializeUrlState({ zone: 'westbund', plan: { sunlight: undefined } })).toBe('?zone=westbund');
    expect(serializeUrlState({ plan: { sunlight: { profile: 'gb50180-dahan', mode: 'state', other: 'x' } } })).toBe('?sl=gb50180-dahan');
  });
});
