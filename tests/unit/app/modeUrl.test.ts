import { describe, expect, it } from 'vitest';
import { modeUrlParts, parseModeParams } from '../../../src/app/modeUrl';
import { parseUrlState, serializeUrlState } from '../../../src/app/urlState';
import { createAppStore } from '../../../src/state/store';

function parse(q: string) {
  const issues: { param: string; reason: string }[] = [];
  const r = parseModeParams(new URLSearchParams(q), (param, reason) => issues.push({ param, reason }));
  return { r, issues };
}

describe('mode link parameters', () => {
  it('reads mode, story and the screen, wall and kiosk settings', () => {
    const { r, issues } = parse('mode=screen&story=smart-roads&step=2&design=3840x2160&renderScale=0.5&tour=ops-tour&carousel=jiading,yangpu&wall=ioc&wallRole=leader&wallLayout=2x1&wallPos=1,0&bezel=12&idle=45');
    expect(issues).toEqual([]);
    expect(r).toEqual({
      mode: 'screen', story: 'smart-roads', step: '2',
      settings: {
        design: { width: 3840, height: 2160 }, renderScale: 0.5, tourId: 'ops-tour', carousel: ['jiading', 'yangpu'],
        wall: { id: 'ioc', role: 'leader', columns: 2, rows: 1, column: 1, row: 0, bezelPx: 12 }, idleMs: 45_000,
      },
    });
    expect(new URLSearchParams(modeUrlParts(r)).toString()).toBe(
      'mode=screen&story=smart-roads&step=2&design=3840x2160&renderScale=0.5&tour=ops-tour&carousel=jiading%2Cyangpu&wall=ioc&wallRole=leader&wallLayout=2x1&wallPos=1%2C0&bezel=12&idle=45',
    );
  });
  it('reports every bad value by parameter and keeps the rest', () => {
    const { r, issues } = parse('mode=wall&story=Bad!&design=10x10&renderScale=9&idle=2&wall=ioc&wallLayout=2x1&wallPos=2,0&carousel=');
    expect(issues.map((i) => i.param)).toEqual(['mode', 'story', 'design', 'renderScale', 'carousel', 'wallPos', 'idle']);
    expect(r).toBeUndefined();
    expect(parse('wallRole=leader').issues).toEqual([{ param: 'wallRole', reason: 'ignored: no wall given' }]);
    expect(parse('step=2').issues).toEqual([{ param: 'step', reason: 'ignored: no story given' }]);
  });
  it('round-trips through the whole link; planner is the default and not written', () => {
    const { state } = parseUrlState('?zone=yangpu&mode=kiosk&idle=60&story=parking-guidance&step=3');
    expect(serializeUrlState(state)).toBe('?zone=yangpu&mode=kiosk&story=parking-guidance&step=3&idle=60');
    expect(serializeUrlState({ zone: 'yangpu', modes: { mode: 'planner' } })).toBe('?zone=yangpu');
  });
});

describe('mode precedence', () => {
  it('a link beats a scene, a scene beats the site index, the user beats all', () => {
    const s = createAppStore();
    expect(s.getState().mode).toBe('planner');
    s.getState().setMode('kiosk', 'site');
    s.getState().setMode('screen', 'scene');
    expect(s.getState().mode).toBe('screen');
    s.getState().setMode('kiosk', 'site');
    expect(s.getState().mode).toBe('screen');
    s.getState().setMode('planner', 'url');
    s.getState().setMode('kiosk', 'scene');
    expect(s.getState().mode).toBe('planner');
    s.getState().setMode('kiosk', 'user');
    expect(s.getState()).toMatchObject({ mode: 'kiosk', modeSource: 'user' });
  });
});
