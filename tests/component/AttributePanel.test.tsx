import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import type { BuildingSelection } from '../../src/state/selectionSlice';
import { AttributePanel } from '../../src/ui/AttributePanel';
import { renderUi } from './render';

const osmPick: BuildingSelection = {
  id: 'osm:way/254871',
  properties: {
    id: 'osm:way/254871', name: '龙美术馆（西岸馆）', nameEn: 'Long Museum West Bund', heightM: 18.2, floors: 4,
    landUse: 'A', status: 'existing', source: 'osm', osmId: 'way/254871', cimLevel: 'CIM3',
  },
  point: [1, 2, 3],
};

const generatedPick: BuildingSelection = {
  id: 'gen:westbund:7',
  properties: {
    id: 'gen:westbund:7', name: '西岸商务楼 7 号', nameEn: 'West Bund Office 7', heightM: '86.4', floors: '24',
    landUse: 'B', status: 'planned', source: 'generated', osmId: '', cimLevel: 'CIM2',
  },
  point: [1, 2, 3],
};

// As a scheme tile gives it: osmId left out of the table (every value was empty), schemeId set.
const schemePick: BuildingSelection = {
  id: 'scheme:ai-tower-a:T1',
  properties: {
    id: 'scheme:ai-tower-a:T1', name: '西岸智塔', nameEn: 'West Bund AI tower', heightM: 176, floors: 40,
    landUse: 'B', status: 'planned', source: 'scheme', cimLevel: 'CIM3', schemeId: 'ai-tower-a',
  },
  point: [1, 2, 3],
};

function withSelection(sel: BuildingSelection) {
  const store = createAppStore();
  store.getState().select(sel);
  return store;
}

describe('AttributePanel', () => {
  it('renders nothing without a selection', () => {
    const { container } = renderUi(<AttributePanel />);
    expect(container.innerHTML).toBe("");
  });

  it('shows name, height, floors, land use, status, source, CIM level and the OSM link', () => {
    renderUi(<AttributePanel />, { store: withSelection(osmPick) });
    expect(screen.getByRole('heading', { name: '龙美术馆（西岸馆）' })).toBeTruthy();
    expect(screen.getByText('Long Museum West Bund')).toBeTruthy();
    expect(screen.getByText('18.2 m')).toBeTruthy();
    expect(screen.getByText('4')).toBeTruthy();
    expect(screen.getByText('公共管理与公共服务用地')).toBeTruthy();
    expect(screen.getByText('Public administration & services')).toBeTruthy();
    expect(screen.getByText('现状')).toBeTruthy();
    expect(screen.getByText('CIM3')).toBeTruthy();
    const link = screen.getByRole('link', { name: /way\/254871/ });
    expect(link.getAttribute('href')).toBe('https://www.openstreetmap.org/way/254871');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.queryByTestId('badge-generated')).toBeNull();
  });

  it('labels scheme buildings as an illustrative planning scheme with their scheme id', () => {
    renderUi(<AttributePanel />, { store: withSelection(schemePick) });
    expect(screen.getAllByText('规划方案（示意）').length).toBe(2);
    expect(screen.getByText(/仅为示意/)).toBeTruthy();
    expect(screen.getByText('ai-tower-a')).toBeTruthy();
    expect(screen.getByText('规划')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('labels generated buildings as synthetic and gives them no OSM link', () => {
    renderUi(<AttributePanel />, { store: withSelection(generatedPick) });
    expect(screen.getByTestId('badge-generated').textContent).toBe('生成（合成数据）');
    expect(screen.getByText(/合成数据，不代表真实建筑/)).toBeTruthy();
    expect(screen.getByText('86.4 m')).toBeTruthy();
    expect(screen.getByText('24')).toBeTruthy();
    expect(screen.getByText('规划')).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('speaks English when switched', () => {
    renderUi(<AttributePanel />, { store: withSelection(generatedPick), lang: 'en' });
    expect(screen.getByRole('heading', { name: 'West Bund Office 7' })).toBeTruthy();
    expect(screen.getByTestId('badge-generated').textContent).toBe('Generated (synthetic)');
    expect(screen.getByText('Planned')).toBeTruthy();
    expect(screen.getByText('Commercial & business')).toBeTruthy();
  });

  it('closes with the close button', async () => {
    const { store } = renderUi(<AttributePanel />, { store: withSelection(osmPick) });
    await userEvent.click(screen.getByRole('button', { name: '关闭属性面板' }));
    expect(store.getState().selected).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('closes with Escape', () => {
    const { store } = renderUi(<AttributePanel />, { store: withSelection(osmPick) });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(store.getState().selected).toBeNull();
  });

  it('notes when attributes come from the index, links OSM from the id, and never shows NaN', () => {
    const store = withSelection({
      id: 'osm:way/77',
      properties: { id: 'osm:way/77', name: '', nameEn: 'Water Works', heightM: 'n/a', floors: 3, landUse: 'Z', source: 'osm' },
      point: [0, 0, 0],
    });
    const { container } = renderUi(<AttributePanel />, { store });
    expect(screen.getByRole('heading', { name: 'Water Works' })).toBeTruthy();
    expect(screen.getByText(/属性来自建筑名录/)).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://www.openstreetmap.org/way/77');
    expect(screen.getByText('Z')).toBeTruthy();
    expect(container.textContent).not.toMatch(/NaN/);
  });
});
