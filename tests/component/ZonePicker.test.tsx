import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { clearBuildingIndexCache } from '../../src/app/buildingIndex';
import { loadScenes } from '../../src/app/loadScenes';
import { createAppStore } from '../../src/state/store';
import { ZonePicker } from '../../src/ui/ZonePicker';
import { fakeFetch, makeSceneJson, ZONES } from './fixtures';
import { renderUi } from './render';

// jsdom has no WebGL; the views are tested in the browser tier.
vi.mock('../../src/app/ViewHost', () => ({ ViewHost: () => null }));

const index = { zones: ZONES.map(([id]) => ({ id, file: `${id}.json` })) };

function routes(overrides: Record<string, string | number | object> = {}) {
  const r: Record<string, string | number | object> = { 'scenes/index.json': index };
  for (const [id, zh, en] of ZONES) r[`scenes/${id}.json`] = makeSceneJson(id, zh, en);
  return { ...r, ...overrides };
}

async function storeWith(overrides: Record<string, string | number | object> = {}) {
  const store = createAppStore();
  const r = await loadScenes('/', fakeFetch(routes(overrides)));
  if (!r.ok) throw new Error('index failed');
  store.getState().setZones(r.zones);
  return store;
}

describe('ZonePicker', () => {
  it('lists the three zones with Chinese and English names and descriptions', async () => {
    renderUi(<ZonePicker onAbout={() => {}} />, { store: await storeWith() });
    const cards = screen.getAllByRole('button', { name: /进入/ });
    expect(cards).toHaveLength(3);
    expect(within(cards[0] as HTMLElement).getByText('嘉定智慧出行示范区')).toBeTruthy();
    expect(within(cards[0] as HTMLElement).getByText('Jiading Smart Mobility Zone')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText('徐汇滨江的说明')).toBeTruthy();
  });

  it('picking a zone selects it and flies to its default viewpoint', async () => {
    const { store } = renderUi(<ZonePicker onAbout={() => {}} />, { store: await storeWith() });
    await userEvent.click(screen.getByRole('button', { name: /杨浦滨江/ }));
    expect(store.getState().currentZoneId).toBe('yangpu');
    expect(store.getState().flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'overview' });
    expect(store.getState().layerVisible).toMatchObject({ buildings: true, ground: true, landuse: false });
  });

  it('offers the three working modes; the one chosen is the mode the zone opens in', async () => {
    const { store } = renderUi(<ZonePicker onAbout={() => {}} />, { store: await storeWith() });
    const group = screen.getByRole('group', { name: '工作模式' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(3);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(group).getByRole('radio', { name: /大屏/ }));
    expect(store.getState()).toMatchObject({ mode: 'screen', modeSource: 'user' });
    // A scene's own mode does not undo the user's choice.
    store.getState().setMode('kiosk', 'scene');
    expect(store.getState().mode).toBe('screen');
  });

  it('shows a broken scene as file · path · reason, and the other zones stay usable', async () => {
    const broken = makeSceneJson('yangpu', '杨浦滨江', 'Yangpu') as { viewpoints: { position: unknown[] }[] };
    (broken.viewpoints[2] as { position: unknown[] }).position[1] = null;
    const { store } = renderUi(<ZonePicker onAbout={() => {}} />, {
      store: await storeWith({ 'scenes/yangpu.json': broken }),
    });
    const card = screen.getByRole('article', { name: 'yangpu' });
    expect(within(card).getByText(/scenes\/yangpu\.json · viewpoints\[2\]\.position\[1\] · /)).toBeTruthy();
    expect(within(card).getByRole('alert').textContent).toMatch(/场景文件校验未通过/);
    expect(screen.getAllByRole('button', { name: /进入/ })).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: /徐汇滨江/ }));
    expect(store.getState().currentZoneId).toBe('westbund');
  });

  it('in the app, a broken scene is reported as a scene error and the picker still renders', async () => {
    clearBuildingIndexCache();
    const store = createAppStore();
    const fetchImpl = fakeFetch(routes({ 'scenes/westbund.json': '{ not json' }));
    renderUi(<App url={{}} fetchImpl={fetchImpl} />, { store });
    expect(await screen.findByText('选择示范区')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /进入/ })).toHaveLength(2);
    expect(store.getState().errorCounts.scene).toBe(1);
    expect(store.getState().errors[0]).toMatchObject({ category: 'scene', source: 'scenes/westbund.json' });
    expect(screen.getByText(/scenes\/westbund\.json · \(root\) · invalid JSON/)).toBeTruthy();
  });

  it('in the app, an unreadable zone list shows the file and reason with a retry', async () => {
    const store = createAppStore();
    const fetchImpl = vi.fn(fakeFetch({}));
    renderUi(<App url={{}} fetchImpl={fetchImpl} />, { store });
    expect(await screen.findByText(/scenes\/index\.json · \(root\) · HTTP 404/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(fetchImpl.mock.calls.length).toBeGreaterThan(1);
  });
});
