/**
 * The story driver against a real store and a fake clock: each step flies the camera, switches
 * layers and highlights; the timer advances; a link's position is followed; closing gives the
 * user's layers and selection back.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { StoryDriver } from '../../../src/ui/stories/StoryDriver';
import { scene as storyScene } from '../modes/stories/storyFixtures';

const scene = { id: 'demo-zone', ...storyScene };

function setup(atEnd: 'stop' | 'loop' = 'stop') {
  const store = createAppStore();
  let t = 1000;
  const buildings: string[] = [];
  const driver = new StoryDriver(store, scene, {
    now: () => t,
    atEnd: () => atEnd,
    selectBuilding: (id) => {
      buildings.push(id);
      store.getState().select({ id, properties: {}, point: [0, 0, 0] });
    },
  });
  driver.start();
  return { store, driver, buildings, advance: (ms: number) => (t += ms) };
}

describe('StoryDriver', () => {
  it('applies a step: camera, accumulated layers, highlight; the view says where it is', () => {
    const { store, driver } = setup();
    store.getState().resetLayers({ buildings: true, 'live.rsu': false });
    store.getState().setStory({ id: 'demo', step: 0 });
    let s = store.getState();
    expect(s.flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
    expect(s.layerVisible).toEqual({ buildings: true, 'live.rsu': true, 'live.traffic': true });
    expect(driver.view()).toMatchObject({ step: 0, count: 3, ended: false, secondsLeft: 10 });

    driver.next();
    s = store.getState();
    expect(s.story).toEqual({ id: 'demo', step: 1 });
    expect(s.flyRequest).toMatchObject({ kind: 'pose', position: [10, 20, 300], target: [30, 40, 0] });
    expect(s.layerVisible).toMatchObject({ 'live.rsu': false, 'live.sensors': true, 'live.traffic': true });
    expect(s.liveSelected).toEqual({ kind: 'sensor', id: 'parking-04' });
    expect(driver.view()?.secondsLeft).toBeNull();
  });

  it('advances timed steps on the clock, waits on a tap step, and stops at the end', () => {
    const { store, driver, advance } = setup();
    store.getState().setStory({ id: 'demo', step: 0 });
    driver.tick();
    advance(9_000);
    driver.tick();
    expect(store.getState().story?.step).toBe(0);
    expect(driver.view()?.secondsLeft).toBe(1);
    advance(1_000);
    driver.tick();
    expect(store.getState().story?.step).toBe(1);
    advance(60_000);
    driver.tick();
    expect(store.getState().story?.step).toBe(1);
    driver.tap();
    expect(store.getState().story?.step).toBe(2);
    driver.tick();
    advance(5_000);
    driver.tick();
    expect(store.getState().story?.step).toBe(2);
    expect(driver.view()?.ended).toBe(true);
  });

  it('loops in attract mode', () => {
    const { store, driver } = setup('loop');
    store.getState().setStory({ id: 'demo', step: 2 });
    driver.next();
    expect(store.getState().story).toEqual({ id: 'demo', step: 0 });
  });

  it('follows a link position and a jump, and highlights a building through the injected selector', () => {
    const { store, buildings } = setup();
    store.getState().setStory({ id: 'demo', step: 2 });
    expect(buildings).toEqual(['osm:way/1']);
    expect(store.getState().selected?.id).toBe('osm:way/1');
    store.getState().setStory({ id: 'demo', step: 1 });
    // The building highlight gives way to the live one.
    expect(store.getState().selected).toBeNull();
    expect(store.getState().liveSelected).toEqual({ kind: 'sensor', id: 'parking-04' });
  });

  it('closing restores the user layers and clears only its own highlight', () => {
    const { store, driver } = setup();
    const user = { buildings: true, 'live.rsu': false };
    store.getState().resetLayers(user);
    driver.play('demo', 1);
    expect(store.getState().liveSelected).not.toBeNull();
    driver.close();
    expect(store.getState().story).toBeNull();
    expect(store.getState().layerVisible).toEqual(user);
    expect(store.getState().liveSelected).toBeNull();
    expect(driver.view()).toBeNull();

    // A selection the user made during the story stays.
    driver.play('demo', 1);
    store.getState().selectLive({ kind: 'vehicle', id: 'bus-1' });
    driver.close();
    expect(store.getState().liveSelected).toEqual({ kind: 'vehicle', id: 'bus-1' });
  });

  it('drops a story this zone does not have', () => {
    const { store, driver } = setup();
    store.getState().setStory({ id: 'elsewhere', step: 0 });
    expect(store.getState().story).toBeNull();
    expect(driver.view()).toBeNull();
  });

  it('plays a story already in the store when it starts (a shared link)', () => {
    const store = createAppStore();
    store.getState().setStory({ id: 'demo', step: 1 });
    const driver = new StoryDriver(store, scene, { now: () => 0, atEnd: () => 'stop', selectBuilding: () => undefined });
    driver.start();
    expect(driver.view()?.step).toBe(1);
    expect(store.getState().flyRequest).toMatchObject({ kind: 'pose' });
    driver.dispose();
  });
});
