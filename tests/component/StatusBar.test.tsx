import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { EMPTY_TILESET_STATUS } from '../../src/state/tilesSlice';
import { ErrorList, ERRORS_SHOWN } from '../../src/ui/ErrorList';
import { StatusBar } from '../../src/ui/StatusBar';
import { makeScene } from './fixtures';
import { renderUi } from './render';

describe('StatusBar', () => {
  it('shows per-tileset counts, the settled state, the cache size and detail reduction', () => {
    const store = createAppStore();
    store.getState().setTilesetStatus('buildings', {
      ...EMPTY_TILESET_STATUS, root: 'ready', loaded: 42, failed: 2, inFlight: 3, cachedBytes: 3 * 1024 * 1024, detailReduced: true,
    });
    store.getState().setTilesetStatus('ground', { ...EMPTY_TILESET_STATUS, root: 'failed' });
    renderUi(<StatusBar scene={makeScene()} />, { store });
    const b = screen.getByTestId('tileset-buildings');
    expect(b.textContent).toContain('建筑');
    expect(b.textContent).toContain('已加载 42');
    expect(b.textContent).toContain('失败 2');
    expect(b.textContent).toContain('加载中 3');
    expect(screen.getByTestId('tileset-ground').textContent).toContain('瓦片集无法加载');
    expect(screen.getByTestId('settled').textContent).toBe('加载中');
    expect(screen.getByText('缓存 3 MB')).toBeTruthy();
    expect(screen.getByText('已降低细节（内存预算）')).toBeTruthy();
  });

  it('says settled when every tileset is, and shows no errors when there are none', () => {
    const store = createAppStore();
    for (const id of ['buildings', 'ground']) {
      store.getState().setTilesetStatus(id, { ...EMPTY_TILESET_STATUS, root: 'ready', loaded: 1, settled: true });
    }
    renderUi(<StatusBar scene={makeScene()} />, { store, lang: 'en' });
    expect(screen.getByTestId('settled').textContent).toBe('Settled');
    expect(screen.getByText('No errors')).toBeTruthy();
    expect(screen.queryByText('Detail reduced (memory budget)')).toBeNull();
  });

  it('counts errors by category', () => {
    const store = createAppStore();
    store.getState().reportError('tile', 'tiles/westbund/buildings/3.glb', 'wrong magic');
    store.getState().reportError('tile', 'tiles/westbund/buildings/4.glb', 'HTTP 404');
    store.getState().reportError('url', 'cam', 'expected 6 numbers');
    renderUi(<StatusBar scene={makeScene()} />, { store });
    expect(screen.getByTestId('count-tile').textContent).toBe('瓦片 2');
    expect(screen.getByTestId('count-url').textContent).toBe('链接参数 1');
    expect(screen.queryByTestId('count-scene')).toBeNull();
  });

  it('has a separate slot for feed status, empty unless filled', () => {
    const { rerender } = renderUi(<StatusBar scene={makeScene()} />);
    expect(screen.queryByRole('region', { name: '实时数据' })).toBeNull();
    rerender(<StatusBar scene={makeScene()} feedSlot={<span>feed-section</span>} />);
    expect(screen.getByRole('region', { name: '实时数据' }).textContent).toBe('feed-section');
  });
});

describe('ErrorList', () => {
  it('lists the latest errors with source and message, newest first, dismissible', async () => {
    const store = createAppStore();
    store.getState().reportError('scene', 'scenes/yangpu.json', 'viewpoints[2].position[1] · must be a finite number');
    store.getState().reportError('tileset', 'tiles/jiading/buildings/tileset.json', 'HTTP 500');
    renderUi(<ErrorList />, { store });
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('tiles/jiading/buildings/tileset.json · HTTP 500');
    expect(items[1]?.textContent).toContain('scenes/yangpu.json · viewpoints[2].position[1] · must be a finite number');
    await userEvent.click(within(items[0] as HTMLElement).getByRole('button'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    // Dismissing hides the entry, the counter keeps counting.
    expect(store.getState().errorCounts.tileset).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: '全部清除' }));
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('shows only the latest few and says how many more there are', () => {
    const store = createAppStore();
    for (let i = 0; i < ERRORS_SHOWN + 3; i++) store.getState().reportError('tile', `t${i}.glb`, 'bad');
    renderUi(<ErrorList />, { store });
    expect(screen.getAllByRole('listitem')).toHaveLength(ERRORS_SHOWN);
    expect(screen.getByText('另有 3 条较早记录')).toBeTruthy();
  });
});

describe('ErrorList folding', () => {
  it('folds to its header and unfolds when a new problem arrives', async () => {
    const store = createAppStore();
    store.getState().reportError('tile', 'a.glb', 'bad');
    renderUi(<ErrorList />, { store });
    await userEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(screen.getByRole('button', { name: '展开（1）' })).toBeTruthy();
    act(() => store.getState().reportError('tile', 'b.glb', 'bad'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
