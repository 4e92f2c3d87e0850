/**
 * The story card: title, "step x of n", the caption in the UI language, the step's countdown or
 * "tap to continue", previous / next / close, and a tap on the caption moving on.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StoryPlayer } from '../../../src/ui/stories/StoryPlayer';
import type { StoryView } from '../../../src/ui/stories/StoryDriver';
import { story } from '../../unit/modes/stories/storyFixtures';
import { renderUi } from '../render';

const view = (p: Partial<StoryView> = {}): StoryView => ({ story, step: 0, count: story.steps.length, ended: false, secondsLeft: 10, ...p });

function handlers() {
  return { onPrev: vi.fn(), onNext: vi.fn(), onTap: vi.fn(), onClose: vi.fn() };
}

describe('StoryPlayer', () => {
  it('shows title, step, caption and countdown in Chinese, and the first step has no "previous"', () => {
    renderUi(<StoryPlayer view={view()} {...handlers()} />);
    const card = screen.getByRole('region', { name: '导览故事播放器' });
    expect(card.getAttribute('data-step')).toBe('1');
    expect(screen.getByRole('heading', { name: '演示' })).toBeTruthy();
    expect(screen.getByText('第 1 / 3 步')).toBeTruthy();
    expect(screen.getByTestId('story-caption').textContent).toBe('第1步');
    expect(screen.getByRole('status').textContent).toBe('10 秒后继续');
    expect((screen.getByRole('button', { name: '上一步' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows the language, and says a tap step waits for a tap', () => {
    const { store } = renderUi(<StoryPlayer view={view({ step: 1, secondsLeft: null })} {...handlers()} />, { lang: 'en' });
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(screen.getByTestId('story-caption').textContent).toBe('Step 2');
    expect(screen.getByRole('status').textContent).toBe('Tap to continue');
    act(() => store.getState().setLanguage('zh'));
    expect(screen.getByTestId('story-caption').textContent).toBe('第2步');
  });

  it('calls back for previous, next, a tap on the caption and close', async () => {
    const h = handlers();
    renderUi(<StoryPlayer view={view({ step: 1 })} {...h} />, { lang: 'en' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByTestId('story-caption'));
    await user.click(screen.getByRole('button', { name: 'Close story' }));
    expect([h.onPrev.mock.calls.length, h.onNext.mock.calls.length, h.onTap.mock.calls.length, h.onClose.mock.calls.length]).toEqual([1, 1, 1, 1]);
  });

  it('offers "play again" once the story has ended, and no close button without onClose', async () => {
    const { onClose: _omit, ...h } = handlers();
    renderUi(<StoryPlayer view={view({ step: 2, ended: true, secondsLeft: null })} {...h} />, { lang: 'en' });
    expect(screen.queryByRole('button', { name: 'Close story' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('End of the story');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Play again' }));
    expect(h.onTap).toHaveBeenCalledTimes(1);
    expect(h.onNext).not.toHaveBeenCalled();
  });
});
