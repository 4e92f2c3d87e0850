import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { SchemeImport } from '../../../src/ui/planning/SchemeImport';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';
import { makePlan, SITE_ID } from './planFixture';

const square = (lon: number, lat: number, d = 0.0002) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];

function schemeFile(coords: number[][][], props: Record<string, unknown> = { heightM: 30, floors: 10, use: 'B' }) {
  return JSON.stringify({
    type: 'FeatureCollection',
    'shentwin:scheme': { id: 'my-scheme', site: SITE_ID, name: '我的方案', nameEn: 'My scheme' },
    features: [{ type: 'Feature', properties: { id: 'x1', ...props }, geometry: { type: 'Polygon', coordinates: coords } }],
  });
}

const file = (text: string, name: string) => new File([text], name, { type: 'application/geo+json' });

describe('SchemeImport', () => {
  let store: AppStore;
  beforeEach(() => {
    store = createAppStore();
    store.getState().setPlan(makePlan(), 'ready');
    store.getState().setActiveSite(SITE_ID);
  });

  const input = () => screen.getByLabelText('选择文件') as HTMLInputElement;

  it('adds a good file as an imported scheme and lists it with a remove button', async () => {
    renderUi(<SchemeImport scene={makeScene()} />, { store });
    expect(input().accept).toBe('.geojson,.json,.cityjson');
    await userEvent.upload(input(), file(schemeFile(square(121.46, 31.18)), 'good.geojson'));
    const imported = store.getState().importedSchemes;
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ id: 'my-scheme', siteId: SITE_ID, source: 'imported' });
    expect(imported[0]!.buildings[0]).toMatchObject({ id: 'x1', floors: 10, heightM: 30 });
    expect(await screen.findByText('已导入 good.geojson：我的方案（1 栋建筑）')).toBeTruthy();
    expect(store.getState().errorCounts.import).toBe(0);

    // The same file again gets a free id rather than replacing the first.
    await userEvent.upload(input(), file(schemeFile(square(121.46, 31.18)), 'good.geojson'));
    expect(store.getState().importedSchemes.map((s) => s.id)).toEqual(['my-scheme', 'my-scheme-2']);
    expect(await screen.findByText(/已改为 my-scheme-2/)).toBeTruthy();

    const list = screen.getByRole('heading', { name: '已导入的方案' }).nextElementSibling as HTMLElement;
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await userEvent.click(within(list).getAllByRole('button', { name: '移除我的方案' })[0]!);
    expect(store.getState().importedSchemes.map((s) => s.id)).toEqual(['my-scheme-2']);
  });

  it('refuses a bad file naming the file, the feature and the reason, and counts it; nothing else is lost', async () => {
    renderUi(<SchemeImport scene={makeScene()} />, { store });
    await userEvent.upload(input(), file(schemeFile(square(121.46, 31.18)), 'good.geojson'));
    await userEvent.upload(input(), file(schemeFile(square(121.46, 91)), 'bad.geojson'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.geojson 未能导入');
    expect(alert.textContent).toContain('feature 0 (x1)');
    expect(alert.textContent).toContain('纬度 91 超出 −90 至 90 的范围');
    // The parser's specific English reason stays beside the translation.
    expect(alert.textContent).toMatch(/latitude 91/);
    expect(store.getState().errorCounts.import).toBe(1);
    expect(store.getState().errors.at(-1)).toMatchObject({ category: 'import', source: 'bad.geojson' });
    expect(store.getState().importedSchemes.map((s) => s.id)).toEqual(['my-scheme']);
    expect(store.getState().plan!.schemes).toHaveLength(2);
  });

  it('reports a missing height and an unclosed ring in English too', async () => {
    renderUi(<SchemeImport scene={makeScene()} />, { store, lang: 'en' });
    const open = square(121.46, 31.18)[0]!.slice(0, 4);
    await userEvent.upload(screen.getByLabelText('Choose file'), file(schemeFile([open], { use: 'B' }), 'two.geojson'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('two.geojson was not imported');
    expect(alert.textContent).toContain('ring 0 is not closed');
    expect(alert.textContent).toContain('Height missing');
    expect(store.getState().errorCounts.import).toBe(1);
  });

  it('refuses an oversized file from its size, without reading it', async () => {
    renderUi(<SchemeImport scene={makeScene()} />, { store });
    const big = file('{}', 'huge.geojson');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    big.text = () => Promise.reject(new Error('must not be read'));
    await userEvent.upload(input(), big);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('huge.geojson');
    expect(alert.textContent).toContain('文件过大');
    expect(alert.querySelector('[data-feature="file"]')).toBeTruthy();
    expect(store.getState().errorCounts.import).toBe(1);
  });

  it('converts GCJ-02 coordinates when the switch says so', async () => {
    renderUi(<SchemeImport scene={makeScene()} />, { store });
    expect((screen.getByRole('radio', { name: 'WGS84' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.upload(input(), file(schemeFile(square(121.46, 31.18)), 'wgs.geojson'));
    await userEvent.click(screen.getByRole('radio', { name: 'GCJ-02' }));
    await userEvent.upload(input(), file(schemeFile(square(121.46, 31.18)), 'gcj.geojson'));
    const [wgs, gcj] = store.getState().importedSchemes;
    const dx = gcj!.buildings[0]!.footprint[0]![0] - wgs!.buildings[0]!.footprint[0]![0];
    // In Shanghai GCJ-02 is offset some hundreds of metres from WGS84.
    expect(Math.abs(dx)).toBeGreaterThan(100);
  });
});
