import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { PlotPanel } from '../../../src/ui/planning/PlotPanel';
import { renderUi } from '../render';
import { makePlan, PLOT_ID } from './planFixture';

function setup(plotId: string | null, lang: 'zh' | 'en' = 'zh') {
  const store = createAppStore();
  store.getState().setPlan(makePlan(), 'ready');
  store.getState().selectPlot(plotId);
  return renderUi(<PlotPanel />, { store, lang });
}

describe('PlotPanel', () => {
  it('shows nothing without a selected plot', () => {
    const { container } = setup(null);
    expect(container.innerHTML).toBe('');
  });

  it('shows the plot code, class, area, limits with units and the 示意 notice', () => {
    setup(PLOT_ID);
    expect(screen.getByRole('heading', { name: /地块 XH-T-01/ })).toBeTruthy();
    expect(screen.getByText('商业服务业设施用地')).toBeTruthy();
    expect(screen.getByText('10,000.0 m²')).toBeTruthy();
    const limit = (k: string) => document.querySelector<HTMLElement>(`[data-limit="${k}"]`)!;
    expect(limit('farMax').textContent).toBe('容积率上限2.50');
    expect(limit('heightMaxM').textContent).toBe('限高60.0 m');
    expect(limit('densityMax').textContent).toBe('建筑密度上限30.0 %');
    expect(limit('greenRatioMin').textContent).toBe('绿地率下限30.0 %');
    expect(screen.getByText(/控规地块指标与城市四线均为示意/)).toBeTruthy();
  });

  it('says when a limit is not controlled, in English', () => {
    setup('plot-2', 'en');
    expect(screen.getByText('Green space & squares')).toBeTruthy();
    expect(screen.getAllByText('Not controlled')).toHaveLength(2);
    expect(screen.getByText('2,000.0 m²')).toBeTruthy();
    expect(screen.getByText('No schemes for this plot')).toBeTruthy();
  });

  it('shows a scheme, compares it with today, and closes', async () => {
    const { store } = setup(PLOT_ID);
    await userEvent.click(screen.getByRole('button', { name: '显示方案 · 方案B' }));
    expect(store.getState().planView).toMatchObject({ mode: 'scheme', right: 's-b' });
    expect(store.getState().activeSiteId).toBe('site-1');
    await userEvent.click(screen.getByRole('button', { name: '与现状对比 · 方案A' }));
    expect(store.getState().planView).toMatchObject({ mode: 'compare', left: 'existing', right: 's-a' });
    await userEvent.click(screen.getByRole('button', { name: '关闭地块信息' }));
    expect(store.getState().selectedPlotId).toBeNull();
    act(() => store.getState().selectPlot(PLOT_ID));
    expect(screen.getByRole('heading', { name: /XH-T-01/ })).toBeTruthy();
  });
});
