/**
 * The kiosk's way home: what a reset plans (pure), and that carrying it out on a real store
 * leaves nothing of the last visitor: zone, camera, layers, selection, tools, story, language.
 */
import { describe, expect, it } from 'vitest';
import { layerDefaults } from '../../../../src/app/zoneActions';
import { applyHomeReset, homeResetPlan, kioskHome } from '../../../../src/modes/kiosk/homeReset';
import type { Scene } from '../../../../src/scene/schema';
import { createAppStore } from '../../../../src/state/store';
import { StoryDriver } from '../../../../src/ui/stories/StoryDriver';
import { makeScene } from '../../../component/fixtures';

function withStory(scene: Scene): Scene {
  return {
    ...scene,
    stories: [
      {
        id: 'tour',
        title: { zh: '游', en: 'Tour' },
        summary: { zh: '摘', en: 'Sum' },
        steps: [
          { viewpoint: 'river', layers: { on: ['live.rsu'], off: ['water'] }, highlight: { asset: { kind: 'sensor', id: 's-1' } }, caption: { zh: '一', en: 'One' } },
          { viewpoint: 'museum', caption: { zh: '二', en: 'Two' } },
        ],
      },
    ],
  };
}

function zonesStore() {
  const westbund = withStory(makeScene('westbund'));
  const yangpu = makeScene('yangpu');
  const store = createAppStore();
  store.getState().setZones([
    { id: 'westbund', file: 'scenes/westbund.json', scene: westbund, issues: [] },
    { id: 'yangpu', file: 'scenes/yangpu.json', scene: yangpu, issues: [] },
  ]);
  store.getState().selectZone('westbund');
  store.getState().resetLayers(layerDefaults(westbund));
  return { store, westbund, yangpu };
}

describe('kiosk home reset plan', () => {
  it('goes back to the home zone only when another is open, and to the start language unless asked to keep it', () => {
    const scene = makeScene('westbund');
    const home = { zoneId: 'westbund', language: 'zh' as const, sunTimeMs: null };
    const same = homeResetPlan(home, scene, { currentZoneId: 'westbund', language: 'en' });
    expect(same).toMatchObject({ enterZone: null, viewpointId: 'overview', language: 'zh', stopStory: true, clearSelection: true, clearTools: true });
    expect(same.layers).toEqual(layerDefaults(scene));
    expect(homeResetPlan(home, scene, { currentZoneId: 'yangpu', language: 'zh' })).toMatchObject({ enterZone: 'westbund', language: null });
    expect(homeResetPlan(home, scene, { currentZoneId: 'westbund', language: 'en' }, { keepLanguage: true }).language).toBeNull();
  });

  it('takes the home from the state the kiosk started in', () => {
    expect(kioskHome({ currentZoneId: 'yangpu', language: 'en', sunTimeMs: 5 }, 'x')).toEqual({ zoneId: 'yangpu', language: 'en', sunTimeMs: 5 });
    expect(kioskHome({ currentZoneId: null, language: 'zh', sunTimeMs: null }, 'x').zoneId).toBe('x');
  });
});

describe('applyHomeReset', () => {
  it('clears a visitor\'s traces in the same zone, the story\'s layers included', () => {
    const { store, westbund } = zonesStore();
    const home = kioskHome(store.getState(), 'westbund');
    const driver = new StoryDriver(store, westbund, { now: () => 0, atEnd: () => 'stop', selectBuilding: () => undefined });
    driver.start();
    const s = store.getState();
    s.setLayerVisible('landuse', true);
    s.setStory({ id: 'tour', step: 0 });
    expect(store.getState().layerVisible['water']).toBe(false);
    s.select({ id: 'osm:way/1', properties: {}, point: [0, 0, 0] });
    s.startTool('measure-distance');
    s.setLanguage('en');
    s.setSunTime(123);
    s.setHeatmap('aqi');

    applyHomeReset(store, westbund, homeResetPlan(home, westbund, store.getState()));
    const after = store.getState();
    expect(after.story).toBeNull();
    expect(after.layerVisible).toEqual(layerDefaults(westbund));
    expect(after.selected).toBeNull();
    expect(after.liveSelected).toBeNull();
    expect(after.tool).toBeNull();
    expect(after.language).toBe('zh');
    expect(after.sunTimeMs).toBeNull();
    expect(after.heatmap).toBe('off');
    expect(after.flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
    driver.dispose();
  });

  it('returns to the home zone from another one', () => {
    const { store, westbund, yangpu } = zonesStore();
    const home = kioskHome(store.getState(), 'westbund');
    store.getState().selectZone('yangpu');
    store.getState().resetLayers(layerDefaults(yangpu));
    store.getState().selectLive({ kind: 'sensor', id: 'p-1' });
    applyHomeReset(store, westbund, homeResetPlan(home, westbund, store.getState()));
    const after = store.getState();
    expect(after.currentZoneId).toBe('westbund');
    expect(after.liveSelected).toBeNull();
    expect(after.flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: westbund.defaultViewpoint });
  });
});
