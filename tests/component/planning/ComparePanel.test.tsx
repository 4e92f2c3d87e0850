import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../../src/state/store';
import { ComparePanel } from '../../../src/ui/planning/ComparePanel';
import { DIFF_FLY_RADIUS_M } from '../../../src/ui/planning/DiffList';
import { renderUi } from '../render';
import { makePlan, SITE_ID } from './planFixture';

const count = (k: string) => Number(screen.getByTestId(`diff-count-${k}`).dataset.count);

describe('ComparePanel', () => {
  let store: AppStore;
  beforeEach(() => {
    store = createAppStore();
    store.getState().setPlan(makePlan(), 'ready');
    store.getState().setActiveSite(SITE_ID);
  });

  it('shows one scheme and diffs it against today; an entry flies to its building', async () => {
    renderUi(<ComparePanel />, { store });
    expect((screen.getByRole('combobox', { name: '场地' }) as HTMLSelectElement).value).toBe(SITE_ID);
    expect(screen.queryByTestId('plan-diff')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: '单一方案' }));
    expect(store.getState().planView).toMatchObject({ mode: 'scheme', right: 's-a' });
    expect([count('added'), count('removed'), count('taller'), count('lower')]).toEqual([1, 1, 1, 0]);

    await userEvent.click(screen.getByRole('button', { name: /增高.*一号楼/ }));
    expect(store.getState().flyRequest).toMatchObject({ kind: 'target', target: [10, 25, 40], radiusM: DIFF_FLY_RADIUS_M });
    // A removed building has no height in B: fly to its old height.
    await userEvent.click(screen.getByRole('button', { name: /拆除.*仓库/ }));
    expect(store.getState().flyRequest).toMatchObject({ target: [40, 70, 8] });
    expect(store.getState().selected).toBeNull();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '方案' }), 's-b');
    expect(store.getState().planView.right).toBe('s-b');
  });

  it('compares two schemes with left and right pickers, and sets the layout', async () => {
    renderUi(<ComparePanel />, { store });
    await userEvent.click(screen.getByRole('radio', { name: '对比' }));
    expect(store.getState().planView).toMatchObject({ mode: 'compare', left: 'existing', right: 's-a' });
    const left = screen.getByRole('combobox', { name: '左侧' });
    expect(within(left).getAllByRole('option').map((o) => o.textContent)).toEqual(['现状', '方案A', '方案B']);
    await userEvent.selectOptions(left, 's-a');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '右侧' }), 's-b');
    expect(store.getState().planView).toMatchObject({ left: 's-a', right: 's-b' });
    expect([count('added'), count('removed'), count('taller'), count('lower')]).toEqual([1, 2, 0, 0]);

    const divider = screen.getByRole('slider', { name: '卷帘位置' });
    fireEvent.change(divider, { target: { value: '30' } });
    expect(store.getState().planView.dividerX).toBeCloseTo(0.3);

    await userEvent.click(screen.getByRole('radio', { name: '分屏' }));
    expect(store.getState().planView.layout).toBe('split');
    expect(screen.queryByRole('slider', { name: '卷帘位置' })).toBeNull();

    await userEvent.click(screen.getByRole('radio', { name: '切换' }));
    expect(store.getState().planView.layout).toBe('toggle');
    expect(screen.getByRole('status').textContent).toBe('当前显示：方案B');
    await userEvent.click(screen.getByRole('button', { name: '切换到方案A' }));
    expect(store.getState().planView.toggleSide).toBe('left');
    expect(screen.getByRole('status').textContent).toBe('当前显示：方案A');
  });

  it('goes back to today, and says so when the zone has no site', async () => {
    renderUi(<ComparePanel />, { store });
    await userEvent.click(screen.getByRole('radio', { name: '单一方案' }));
    await userEvent.click(screen.getByRole('radio', { name: '现状' }));
    expect(store.getState().planView.mode).toBe('existing');
    expect(screen.queryByTestId('plan-diff')).toBeNull();

    const empty = createAppStore();
    empty.getState().setPlan({ ...makePlan(), sites: [] }, 'ready');
    renderUi(<ComparePanel />, { store: empty, lang: 'en' });
    expect(screen.getByText('No redevelopment sites in this zone')).toBeTruthy();
  });
});
