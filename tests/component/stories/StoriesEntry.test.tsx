/**
 * The planner's entry: the Stories button opens the zone's list, a pick plays the story (the
 * store's story, the card), and closing the card stops it and hands the layers back.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../../src/scene/schema';
import { StoriesEntry } from '../../../src/ui/stories/StoriesEntry';
import { story, viewpoints } from '../../unit/modes/stories/storyFixtures';
import { makeScene } from '../fixtures';
import { renderUi } from '../render';

const scene: Scene = { ...makeScene('westbund'), viewpoints: viewpoints.map((v) => ({ ...v, name: { zh: v.id, en: v.id } })), stories: [story] };

describe('StoriesEntry', () => {
  it('opens the list, plays the picked story and stops it on close', async () => {
    const { store } = renderUi(<StoriesEntry scene={scene} />, { lang: 'en' });
    store.getState().resetLayers({ 'live.rsu': false });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Stories' }));
    await user.click(screen.getByRole('button', { name: /Demo/ }));
    expect(store.getState().story).toEqual({ id: 'demo', step: 0 });
    expect(screen.queryByTestId('story-picker')).toBeNull();
    expect(screen.getByTestId('story-caption').textContent).toBe('Step 1');
    expect(store.getState().layerVisible['live.rsu']).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(store.getState().story).toEqual({ id: 'demo', step: 1 });
    await user.click(screen.getByRole('button', { name: 'Close story' }));
    expect(store.getState().story).toBeNull();
    expect(store.getState().layerVisible).toEqual({ 'live.rsu': false });
    expect(screen.queryByTestId('story-player')).toBeNull();
  });
});
