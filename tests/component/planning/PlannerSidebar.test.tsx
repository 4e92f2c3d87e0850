import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { PlannerSidebar } from '../../../src/ui/planning/PlannerSidebar';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';
import { makePlan } from './planFixture';

describe('PlannerSidebar', () => {
  it('composes comparison, board and import, picks the first site, and folds', async () => {
    const store = createAppStore();
    store.getState().setPlan(makePlan(), 'ready');
    renderUi(<PlannerSidebar scene={makeScene()} />, { store });
    expect(store.getState().activeSiteId).toBe('site-1');
    expect(screen.getByRole('heading', { name: '方案比选' })).toBeTruthy();
    expect(screen.getByTestId('compliance-board')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '导入方案' })).toBeTruthy();
    const toggle = screen.getByRole('button', { name: /规划工作台/ });
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('heading', { name: '方案比选' })).toBeNull();
  });

  it('says when the zone has no planning data yet', () => {
    const store = createAppStore();
    store.getState().setPlan(null, 'loading');
    renderUi(<PlannerSidebar scene={makeScene()} />, { store, lang: 'en' });
    expect(screen.getByText('Loading planning data…')).toBeTruthy();
  });
});
