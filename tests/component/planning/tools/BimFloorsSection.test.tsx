import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BIM_EXPLODE_MAX_M } from '../../../../src/state/toolsSlice';
import { createAppStore, type AppStore } from '../../../../src/state/store';
import { bimFloorsPathOf, loadBimFloors, type LoadBimFloors } from '../../../../src/ui/planning/tools/bimFloorsLoader';
import { ToolsPanel } from '../../../../src/ui/planning/tools/ToolsPanel';
import { fakeFetch, makeScene } from '../../fixtures';
import { renderUi } from '../../render';
import { makePlan } from '../planFixture';
import { BIM_FILE, loadBimOk, loadZone } from './toolsFixture';

const scene = makeScene();

function setup(load: LoadBimFloors, lang: 'zh' | 'en' = 'en'): AppStore {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  renderUi(<ToolsPanel scene={scene} loadZone={loadZone} loadBimFloors={load} />, { store, lang });
  return store;
}

const selectBuilding = (store: AppStore, id: string) => act(() => store.getState().select({ id, properties: {}, point: [0, 0, 0] }));
const bim = () => within(screen.getByTestId('bim-floors'));

describe('BIM floors', () => {
  it('lists the selected building’s floors, isolates one, shows all again and explodes', async () => {
    const load = vi.fn(loadBimOk);
    const store = setup(load);
    expect(bim().getByText('Select a building on the map to see its floors')).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
    selectBuilding(store, 'T');
    await waitFor(() => expect(bim().getByText('Floors of Tower A')).toBeTruthy());
    const floors = screen.getByTestId('bim-floors').querySelectorAll('li[data-floor]');
    // Roof first, the ground floor last.
    expect([...floors].map((f) => f.getAttribute('data-floor'))).toEqual(['2', '1', '0']);
    const second = bim().getByRole('button', { name: /^2F/ });
    expect(second.textContent).toBe('2FLevel 4.00 m · Storey height 4.00 m · Slab 400.0 m² · GFA 410.0 m² · Office Illustrative');
    expect(bim().getByRole('button', { name: /^Roof/ }).textContent).toBe('RoofLevel 8.00 m · Slab 400.0 m² · Rooftop plant Illustrative');

    await userEvent.click(second);
    expect(store.getState().bimView).toMatchObject({ buildingId: 'T', isolatedFloor: 1 });
    expect(second.getAttribute('aria-pressed')).toBe('true');
    const all = bim().getByRole('button', { name: 'All floors' });
    expect(all.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(bim().getByRole('button', { name: /^1F/ }));
    expect(store.getState().bimView.isolatedFloor).toBe(0);
    await userEvent.click(all);
    expect(store.getState().bimView).toMatchObject({ buildingId: 'T', isolatedFloor: null });

    const slider = bim().getByRole('slider', { name: /^Exploded view gap/ }) as HTMLInputElement;
    expect(slider.max).toBe(String(BIM_EXPLODE_MAX_M));
    fireEvent.change(slider, { target: { value: '6' } });
    expect(store.getState().bimView).toMatchObject({ buildingId: 'T', explodeM: 6 });
    expect(bim().getByText(/^Exploded view gap \(m\): 6\.00 m$/)).toBeTruthy();
    expect(bim().getByText('Floor uses are illustrative.')).toBeTruthy();
  });

  it('says when the building has no BIM model, and lets go of an isolated building', async () => {
    const store = setup(loadBimOk, 'zh');
    selectBuilding(store, 'T');
    await userEvent.click(await screen.findByRole('button', { name: /^屋面/ }));
    expect(store.getState().bimView).toMatchObject({ buildingId: 'T', isolatedFloor: 2 });
    selectBuilding(store, 'e1');
    expect(bim().getByText('所选建筑没有 BIM 模型')).toBeTruthy();
    expect(store.getState().bimView).toMatchObject({ buildingId: null, isolatedFloor: null });
  });

  it('reads the zone’s floors.json, shows a broken one’s reason and counts it', async () => {
    const broken = { ...BIM_FILE, buildings: [{ ...BIM_FILE.buildings[0]!, storeys: 3 }] };
    const fetchFn = fakeFetch({ [bimFloorsPathOf(scene)]: broken });
    const store = setup((s) => loadBimFloors(s, fetchFn));
    selectBuilding(store, 'T');
    const alert = await bim().findByRole('alert');
    expect(alert.textContent).toMatch(/^The floor file could not be read \(floors\.json: buildings\.0 \("T"\) has 3 floors for 3 storeys/);
    expect(store.getState().errorCounts.tileset).toBe(1);
    expect(store.getState().errors.at(-1)).toMatchObject({ category: 'tileset', source: 'tiles/westbund/bim/floors.json' });
  });

  it('treats a zone without a floor file as having no BIM models', async () => {
    const store = setup((s) => loadBimFloors({ ...s, buildingIndexUrl: 'tiles/none/buildings-index.json' }, fakeFetch({})));
    selectBuilding(store, 'T');
    await waitFor(() => expect(bim().getByText('The selected building has no BIM model')).toBeTruthy());
    expect(store.getState().errorCounts.tileset).toBe(0);
  });
});
