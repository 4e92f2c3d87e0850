import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { CatalogueTree } from '../../../src/ui/planning/CatalogueTree';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';
import { makePlan } from './planFixture';

function setup(lang: 'zh' | 'en' = 'zh') {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  return renderUi(<CatalogueTree scene={makeScene()} />, { store, lang });
}

const group = (id: string) => document.querySelector<HTMLElement>(`[data-group="${id}"]`)!;
const rowIds = () => [...document.querySelectorAll<HTMLElement>('[data-layer]')].map((e) => e.dataset.layer);

describe('CatalogueTree', () => {
  it('shows the four groups in Chinese, with the 示意 badge and note on the planning group', () => {
    setup();
    expect(screen.getByRole('heading', { name: '规划一张图' })).toBeTruthy();
    for (const name of ['现状', '规划', '实时', '专题']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-expanded')).toBe('true');
    }
    const planning = group('planning');
    expect(within(planning).getByTestId('illustrative-badge').textContent).toBe('示意');
    expect(within(planning).getByText(/控规地块指标与城市四线均为示意/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '建筑' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '水系' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '控规地块' })).toBeTruthy();
    for (const name of ['红线（道路）', '绿线（绿地）', '蓝线（水域）', '紫线（历史风貌）', '车辆', '方案三维差异']) {
      expect(screen.getByRole('checkbox', { name })).toBeTruthy();
    }
    expect(screen.getByRole('radio', { name: '方案A' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '热力图' })).toBeTruthy();
    expect(rowIds()).toEqual(expect.arrayContaining(['plots', 'line-red', 'line-green', 'line-blue', 'line-purple', 'diff', 'heatmap', 'live.traffic']));
  });

  it('shows the groups and layer names in English', () => {
    setup('en');
    for (const name of ['Existing', 'Planning', 'Live', 'Thematic']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(within(group('planning')).getByTestId('illustrative-badge').textContent).toBe('Illustrative');
    expect(screen.getByRole('checkbox', { name: 'Buildings' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Regulatory plots' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Red line (roads)' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Scheme B' })).toBeTruthy();
  });

  it('filters rows by zh or en name, case-insensitively, keeping the group headers and parents of matches', async () => {
    setup();
    const search = screen.getByRole('searchbox', { name: '搜索图层' });
    await userEvent.type(search, '红线');
    expect(rowIds()).toEqual(['line-red']);
    expect(screen.getByRole('button', { name: '规划' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '现状' })).toBeNull();

    await userEvent.clear(search);
    await userEvent.type(search, 'WATER');
    // The sub-layer keeps its parent (the ground) so it is not shown out of context; the blue
    // line matches by its English name "Blue line (water)".
    expect(rowIds()).toEqual(['ground', 'water', 'line-blue']);
    expect(screen.getByRole('button', { name: '现状' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '实时' })).toBeNull();

    await userEvent.clear(search);
    await userEvent.type(search, 'scheme b');
    expect(screen.getByRole('radio', { name: '方案B' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '方案A' })).toBeNull();

    await userEvent.clear(search);
    await userEvent.type(search, 'zzz');
    expect(rowIds()).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('zzz');

    await userEvent.clear(search);
    expect(rowIds().length).toBeGreaterThan(15);
  });

  it('writes visibility and opacity to the store, and disables the slider while hidden', async () => {
    const { store } = setup();
    const slider = screen.getByRole('slider', { name: '控规地块不透明度' }) as HTMLInputElement;
    expect(slider.value).toBe('100');
    fireEvent.change(slider, { target: { value: '40' } });
    expect(store.getState().layerOpacity.plots).toBeCloseTo(0.4);
    expect(slider.value).toBe('40');
    await userEvent.click(screen.getByRole('checkbox', { name: '控规地块' }));
    expect(store.getState().layerVisible.plots).toBe(false);
    expect(slider.disabled).toBe(true);

    // Hiding the ground disables its sub-layers.
    await userEvent.click(screen.getByRole('checkbox', { name: '地面' }));
    expect(store.getState().layerVisible.ground).toBe(false);
    expect((screen.getByRole('checkbox', { name: '水系' }) as HTMLInputElement).disabled).toBe(true);

    await userEvent.click(screen.getByRole('checkbox', { name: '车辆' }));
    expect(store.getState().layerVisible['live.traffic']).toBe(false);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '热力图' }), 'aqi');
    expect(store.getState().heatmap).toBe('aqi');
    expect((screen.getByRole('slider', { name: '热力图不透明度' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('opens each layer legend on demand', async () => {
    setup();
    expect(screen.queryByText('商业服务业设施用地')).toBeNull();
    const btn = screen.getByRole('button', { name: '建筑图例' });
    expect(btn.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(btn);
    expect(btn.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('商业服务业设施用地')).toBeTruthy();
    await userEvent.click(btn);
    expect(screen.queryByText('商业服务业设施用地')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '红线（道路）图例' }));
    expect(screen.getByText('道路用地边界').previousElementSibling?.getAttribute('data-color')).toBe('#e53935');
    await userEvent.click(screen.getByRole('button', { name: '紫线（历史风貌）图例' }));
    expect(screen.getByText('历史文化保护范围').previousElementSibling?.getAttribute('data-color')).toBe('#8e24aa');

    await userEvent.click(screen.getByRole('button', { name: '方案三维差异图例' }));
    const diff = screen.getByTestId('diff-legend');
    for (const word of ['新增', '拆除', '增高', '降低']) expect(within(diff).getByText(word)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '车辆图例' }));
    const live = screen.getByTestId('live-legend');
    expect(within(live).getByText('车辆类型')).toBeTruthy();
    // Only the vehicles' part, not the whole live legend.
    expect(within(live).queryByText('信号灯')).toBeNull();
  });

  it('collapses and expands a group', async () => {
    setup();
    const head = screen.getByRole('button', { name: '实时' });
    await userEvent.click(head);
    expect(head.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('checkbox', { name: '车辆' })).toBeNull();
    await userEvent.click(head);
    expect(screen.getByRole('checkbox', { name: '车辆' })).toBeTruthy();
  });

  it('chooses a scheme (and its site) or goes back to today', async () => {
    const { store } = setup();
    expect((screen.getByRole('radio', { name: '现状' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('radio', { name: '方案B' }));
    expect(store.getState().planView).toMatchObject({ mode: 'scheme', right: 's-b' });
    expect(store.getState().activeSiteId).toBe('site-1');
    await userEvent.click(screen.getByRole('radio', { name: '现状' }));
    expect(store.getState().planView.mode).toBe('existing');
  });
});
