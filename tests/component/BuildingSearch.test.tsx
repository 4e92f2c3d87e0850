import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearBuildingIndexCache } from '../../src/app/buildingIndex';
import { BuildingSearch } from '../../src/ui/BuildingSearch';
import { fakeFetch, makeScene, WESTBUND_INDEX } from './fixtures';
import { renderUi } from './render';

describe('BuildingSearch', () => {
  let fetchSpy: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    clearBuildingIndexCache();
    fetchSpy = vi.fn(fakeFetch({ 'tiles/westbund/buildings-index.json': WESTBUND_INDEX }));
    vi.stubGlobal('fetch', fetchSpy);
  });
  afterEach(() => vi.unstubAllGlobals());

  function setup(lang: 'zh' | 'en' = 'zh') {
    const r = renderUi(<BuildingSearch scene={makeScene('westbund')} />, { lang });
    r.store.getState().selectZone('westbund');
    return r;
  }

  it('loads the index lazily, on first use', async () => {
    setup();
    expect(fetchSpy).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('combobox'));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('filters by Chinese or English name', async () => {
    setup();
    const box = screen.getByRole('combobox');
    await userEvent.type(box, '美术馆');
    await screen.findAllByRole('option', { name: /余德耀/ });
    const options = screen.getAllByRole('option');
    // The viewpoint named exactly so comes first; the buildings are substring matches, the earlier match first.
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('视点'),
      expect.stringContaining('龙美术馆（西岸馆）'),
      expect.stringContaining('余德耀美术馆'),
    ]);
    await userEvent.clear(box);
    await userEvent.type(box, 'office');
    const [only] = await screen.findAllByRole('option');
    expect(only?.textContent).toContain('西岸商务楼 7 号');
    expect(only?.textContent).toContain('生成');
  });

  it('navigates with the keyboard and Enter selects and flies', async () => {
    const { store } = setup();
    const box = screen.getByRole('combobox');
    await userEvent.type(box, '美术馆');
    await screen.findAllByRole('option', { name: /余德耀/ });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(active?.id);
    expect(active?.textContent).toContain('余德耀美术馆');
    // Wraps around at the ends.
    await userEvent.keyboard('{ArrowDown}{ArrowUp}');
    await userEvent.keyboard('{Enter}');
    const s = store.getState();
    expect(s.selected?.id).toBe('osm:way/102');
    expect(s.selected?.properties).toMatchObject({ name: '余德耀美术馆', heightM: 16, landUse: 'A', osmId: 'way/102' });
    expect(s.flyRequest).toMatchObject({ kind: 'target', target: [-60, 80, 12] });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('clicking a result selects it; Escape clears the box', async () => {
    const { store } = setup('en');
    const box = screen.getByRole('combobox');
    await userEvent.type(box, 'yuz');
    await userEvent.click(await screen.findByRole('option', { name: /Yuz Museum/ }));
    expect(store.getState().selected?.id).toBe('osm:way/102');
    await userEvent.type(box, 'west');
    await screen.findAllByRole('option');
    await userEvent.keyboard('{Escape}');
    expect((box as HTMLInputElement).value).toBe('');
    // Escape was used by the search box, so the selection stays.
    expect(store.getState().selected?.id).toBe('osm:way/102');
  });

  it('says when nothing matches, and when the index cannot be loaded', async () => {
    setup();
    await userEvent.type(screen.getByRole('combobox'), '不存在的楼');
    expect(await screen.findByText('未找到匹配的建筑、地标或视点')).toBeTruthy();
  });

  it('reports a missing index once and shows the reason', async () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    const { store } = setup();
    await userEvent.type(screen.getByRole('combobox'), 'x');
    expect(await screen.findByText(/建筑名录加载失败：HTTP 404/)).toBeTruthy();
    expect(store.getState().errorCounts.tileset).toBe(1);
    expect(store.getState().errors[0]?.source).toBe('tiles/westbund/buildings-index.json');
  });
});
