import { describe, expect, it } from 'vitest';
import { applyStepLayers, restoreUserLayers } from '../../../src/ui/stories/storyLayers';

describe('story layers', () => {
  const user = { buildings: true, 'live.rsu': false, 'line-red': true };

  it('switches what a step names, saving the user value the first time (null where the user had none)', () => {
    const a = applyStepLayers(user, {}, { layersOn: ['live.rsu', 'live.traffic'], layersOff: ['line-red'] });
    expect(a.layers).toEqual({ buildings: true, 'live.rsu': true, 'line-red': false, 'live.traffic': true });
    expect(a.saved).toEqual({ 'live.rsu': false, 'line-red': true, 'live.traffic': null });
    expect(a.changed).toBe(true);
    // The next step keeps the first values saved, not the story's own.
    const b = applyStepLayers(a.layers, a.saved, { layersOn: ['live.rsu', 'live.traffic', 'live.sensors'], layersOff: ['line-red'] });
    expect(b.saved).toEqual({ 'live.rsu': false, 'line-red': true, 'live.traffic': null, 'live.sensors': null });
  });

  it('closing gives every layer the story switched back to the user, and deletes entries the user never had', () => {
    const a = applyStepLayers(user, {}, { layersOn: ['live.rsu', 'live.traffic'], layersOff: ['line-red'] });
    // The user switches an unrelated layer while the story plays: that stays.
    const during = { ...a.layers, buildings: false };
    const r = restoreUserLayers(during, a.saved);
    expect(r.layers).toEqual({ buildings: false, 'live.rsu': false, 'line-red': true });
    expect(r.saved).toEqual({});
    expect(r.changed).toBe(true);
  });

  it('going back past the step that switched a layer gives the user value back', () => {
    const s1 = applyStepLayers(user, {}, { layersOn: ['live.traffic'], layersOff: [] });
    const s2 = applyStepLayers(s1.layers, s1.saved, { layersOn: ['live.traffic', 'live.rsu'], layersOff: [] });
    const back = applyStepLayers(s2.layers, s2.saved, { layersOn: ['live.traffic'], layersOff: [] });
    expect(back.layers).toEqual({ ...user, 'live.traffic': true });
    expect(back.saved).toEqual({ 'live.traffic': null });
  });

  it('says when nothing changed, so the store is not written', () => {
    const same = applyStepLayers({ 'live.rsu': true }, {}, { layersOn: ['live.rsu'], layersOff: [] });
    expect(same.changed).toBe(false);
    expect(restoreUserLayers(user, {}).changed).toBe(false);
  });
});
