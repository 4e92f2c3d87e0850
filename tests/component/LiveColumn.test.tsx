/**
 * Issue 15 item 10: the right-hand live column folds like the side panel, and folding it never
 * hides what the user selected (a building's attributes, a live thing's panel). Item 17: on the
 * globe, which draws no live layers, the column says so and offers the 3D view.
 */
import { screen } from '@testing-library/react';
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

async function openZone() {
  const r = renderUi(<App url={{ zone: 'westbund' }} fetchImpl={fakeFetch(routes)} />, { store: createAppStore() });
  await screen.findByRole('banner');
  return r;
}

describe('live column', () => {
  beforeEach(() => {
    clearBuildingIndexCache();
    vi.stubGlobal('fetch', fakeFetch(routes));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('folds vital signs and alerts, keeps the selection, and unfolds again', async () => {
    const { store } = await openZone();
    const vitals = screen.getByTestId('vitals-panel');
    const alerts = screen.getByTestId('alert-list');
    const fold = screen.getByRole('button', { name: '收起实时面板' });
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(fold.getAttribute('aria-controls')!)!;
    expect(region.contains(vitals) && region.contains(alerts)).toBe(true);

    await userEvent.click(fold);
    const unfold = screen.getByRole('button', { name: '实时面板' });
    expect(unfold.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);

    store.getState().select({ id: 'osm:way/102', properties: { name: '余德耀美术馆', source: 'osm' }, point: [0, 0, 0] });
    expect(await screen.findByRole('heading', { name: '余德耀美术馆' })).toBeTruthy();
    store.getState().selectLive({ kind: 'incident', id: 'inc-1' });
    expect(await screen.findByTestId('live-detail')).toBeTruthy();
    expect(screen.getByTestId('live-detail').closest('[hidden]')).toBeNull();

    await userEvent.click(unfold);
    expect(region.hidden).toBe(false);
    expect(screen.getByRole('button', { name: '收起实时面板' })).toBeTruthy();
  });

  it('puts the selection first in the column, before the live panels', async () => {
    const { store } = await openZone();
    store.getState().select({ id: 'osm:way/102', properties: { name: '余德耀美术馆', source: 'osm' }, point: [0, 0, 0] });
    const attr = (await screen.findByRole('heading', { name: '余德耀美术馆' })).closest('.st-attr')!;
    const column = attr.parentElement!;
    expect(column.classList.contains('st-detail')).toBe(true);
    const vitals = screen.getByTestId('vitals-panel');
    expect(attr.compareDocumentPosition(vitals) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('on the globe says the live layers are not drawn there, and opens the 3D view where the globe looked', async () => {
    const { store } = await openZone();
    expect(screen.queryByTestId('live-globe-note')).toBeNull();
    expect(document.querySelector('.st-workspace')!.getAttribute('data-engine')).toBe('three');
    store.getState().setEngine('globe');
    const note = await screen.findByTestId('live-globe-note');
    expect(note.textContent).toContain('地球视图不绘制实时图层');
    expect(document.querySelector('.st-workspace')!.getAttribute('data-engine')).toBe('globe');
    store.getState().setCameraPose({ position: [10, -2000, 5_000_000], target: [0, 0, 0] });
    await userEvent.click(screen.getByRole('button', { name: '在三维视图中查看' }));
    expect(store.getState().engine).toBe('three');
    expect(store.getState().flyRequest).toMatchObject({ kind: 'pose', position: [10, -2000, 5_000_000], instant: true });
    expect(screen.queryByTestId('live-globe-note')).toBeNull();
  });
});
