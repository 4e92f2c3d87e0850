import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createAppStore } from '../../src/state/store';
import { LanguageSwitch } from '../../src/ui/LanguageSwitch';
import { fakeFetch, makeSceneJson, ZONES } from './fixtures';
import { renderUi } from './render';

vi.mock('../../src/app/ViewHost', () => ({ ViewHost: () => null }));

describe('language switch', () => {
  it('sets the store language and marks the pressed button', async () => {
    const { store } = renderUi(<LanguageSwitch />);
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(store.getState().language).toBe('en');
    expect(screen.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('switches the whole app to English and back, with <html lang> following', async () => {
    const routes: Record<string, object> = { 'scenes/index.json': { zones: ZONES.map(([id]) => ({ id, file: `${id}.json` })) } };
    for (const [id, zh, en] of ZONES) routes[`scenes/${id}.json`] = makeSceneJson(id, zh, en);
    const store = createAppStore();
    renderUi(<App url={{}} fetchImpl={fakeFetch(routes)} />, { store });
    expect(await screen.findByRole('heading', { name: '选择示范区' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    await userEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(await screen.findByRole('heading', { name: 'Choose a demonstration zone' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open West Bund' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toMatch(/^ShenTwin/);
    await userEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '选择示范区' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
