import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { clearBuildingIndexCache } from '../../src/app/buildingIndex';
import { createAppStore } from '../../src/state/store';
import { fakeFetch, makeSceneJson, WESTBUND_INDEX, ZONES } from './fixtures';
import { renderUi } from './render';

vi.mock('../../src/app/ViewHost', () => ({ ViewHost: () => null }));

const routes: Record<string, object> = {
  'scenes/index.json': { zones: ZONES.map(([id]) => ({ id, file: `${id}.json` })) },
  'tiles/westbund/buildings-index.json': WESTBUND_INDEX,
};
for (const [id, zh, en] of ZONES) routes[`scenes/${id}.json`] = makeSceneJson(id, zh, en);

async function openZone(url: Parameters<typeof App>[0]['url'] = { zone: 'westbund' }) {
  const store = createAppStore();
  const r = renderUi(<App url={url} fetchImpl={fakeFetch(routes)} />, { store });
  await screen.findByRole('banner');
  return r;
}

describe('zone workspace', () => {
  beforeEach(() => {
    clearBuildingIndexCache();
    vi.stubGlobal('fetch', fakeFetch(routes));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the zone from the URL with its top bar, viewpoints, layers, sun and status', async () => {
    await openZone();
    expect(screen.getByRole('button', { name: /申城孪生/ })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '切换示范区' }) as HTMLSelectElement).value).toBe('westbund');
    expect(screen.getByRole('combobox', { name: '按名称或编号搜索建筑、地标与视点' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '视点' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '建筑' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: /时刻/ })).toBeTruthy();
    expect(screen.getByRole('contentinfo', { name: '运行状态' })).toBeTruthy();
    expect(screen.getByText('© OpenStreetMap contributors (ODbL 1.0)')).toBeTruthy();
  });

  it('flies to a named viewpoint and marks it once the camera rests there', async () => {
    const { store } = await openZone();
    await userEvent.click(screen.getByRole('button', { name: '滨江' }));
    expect(store.getState().flyRequest).toMatchObject({ kind: 'viewpoint', viewpointId: 'river' });
    store.getState().setCameraPose({ position: [400, -300, 200], target: [400, 0, 0] });
    expect((await screen.findByRole('button', { name: '滨江' })).getAttribute('aria-current')).toBe('location');
  });

  it('switches zones without reloading and clears the old selection', async () => {
    const { store } = await openZone();
    store.getState().select({ id: 'osm:way/101', properties: { name: '龙美术馆' }, point: [0, 0, 0] });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '切换示范区' }), 'yangpu');
    expect(store.getState().currentZoneId).toBe('yangpu');
    expect(store.getState().selected).toBeNull();
    expect(screen.getByRole('button', { name: '全景' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /申城孪生/ }));
    expect(store.getState().currentZoneId).toBeNull();
    expect(screen.getByRole('heading', { name: '选择示范区' })).toBeTruthy();
  });

  it('toggles layers, and disables ground sub-layers while the ground is hidden', async () => {
    const { store } = await openZone();
    const water = screen.getByRole('checkbox', { name: '水系' }) as HTMLInputElement;
    await userEvent.click(water);
    expect(store.getState().layerVisible.water).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: '地面' }));
    expect(store.getState().layerVisible.ground).toBe(false);
    expect(water.disabled).toBe(true);
    // The catalogue opens each layer's legend on demand.
    await userEvent.click(screen.getByRole('button', { name: '建筑图例' }));
    expect(screen.getByText('商业服务业设施用地')).toBeTruthy();
  });

  it('sets the sun time in Shanghai time and toggles shadows', async () => {
    const { store } = await openZone();
    const slider = screen.getByRole('slider', { name: /时刻/ }) as HTMLInputElement;
    expect(slider.value).toBe('900');
    fireEvent.change(slider, { target: { value: '540' } });
    expect(store.getState().sunTimeMs).toBe(Date.parse('2025-06-21T09:00:00+08:00'));
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: '2025-12-22' } });
    expect(store.getState().sunTimeMs).toBe(Date.parse('2025-12-22T09:00:00+08:00'));
    await userEvent.click(screen.getByRole('checkbox', { name: '显示阴影' }));
    expect(store.getState().shadows).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: '恢复场景默认' }));
    expect(store.getState().sunTimeMs).toBeNull();
  });

  it('switches engine and hands over the camera pose', async () => {
    const { store } = await openZone();
    store.getState().setCameraPose({ position: [1, 2, 300], target: [0, 0, 0] });
    await userEvent.click(screen.getByRole('button', { name: '地球' }));
    expect(store.getState().engine).toBe('globe');
    expect(store.getState().flyRequest).toMatchObject({ kind: 'pose', position: [1, 2, 300], instant: true });
  });

  it('copies a share link, and shows it when the clipboard is refused', async () => {
    await openZone();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await userEvent.click(screen.getByRole('button', { name: '复制链接' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/\?zone=westbund&engine=three&lang=zh$/));
    expect(await screen.findByRole('button', { name: '已复制链接' })).toBeTruthy();

    writeText.mockRejectedValueOnce(new Error('denied'));
    await userEvent.click(screen.getByRole('button', { name: '已复制链接' }));
    const alert = await screen.findByRole('alert');
    expect((within(alert).getByRole('textbox') as HTMLInputElement).value).toMatch(/zone=westbund/);
  });

  it('opens the About dialog with data sources and the synthetic-data note; Escape closes it only', async () => {
    const { store } = await openZone();
    store.getState().select({ id: 'gen:westbund:7', properties: { name: '西岸商务楼 7 号', source: 'generated' }, point: [0, 0, 0] });
    await userEvent.click(screen.getByRole('button', { name: '关于' }));
    const dialog = screen.getByRole('dialog', { name: '关于申城孪生' });
    expect(within(dialog).getByText(/属于合成数据/)).toBeTruthy();
    expect(within(dialog).getAllByText('© OpenStreetMap contributors (ODbL 1.0)').length).toBe(3);
    expect(within(dialog).getByRole('link', { name: 'ODbL 1.0' }).getAttribute('href')).toMatch(/odbl/);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().selected?.id).toBe('gen:westbund:7');
  });

  it('selects the building in sel= from the index', async () => {
    const { store } = await openZone({ zone: 'westbund', sel: 'osm:way/102' });
    expect(await screen.findByRole('heading', { name: '余德耀美术馆' })).toBeTruthy();
    expect(store.getState().selected?.properties.osmId).toBe('way/102');
  });
});
