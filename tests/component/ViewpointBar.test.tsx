/**
 * Issue 15 item 14: viewpoint chips that do not fit were cut at the panel's edge with nothing to
 * say there were more. The bar now marks a cut edge and pages with arrow buttons.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewpointBar } from '../../src/ui/ViewpointBar';
import { scrollEdges } from '../../src/ui/useScrollEdges';
import { makeScene } from './fixtures';
import { renderUi } from './render';

/** jsdom does no layout: give the list the sizes of a cut English list (900 px of chips in 300 px). */
const SIZES = { scrollWidth: 900, clientWidth: 300 };
let fits = false;

beforeEach(() => {
  fits = false;
  for (const key of ['scrollWidth', 'clientWidth'] as const) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        if (!this.classList.contains('st-viewpoints__list')) return 0;
        return fits ? 280 : SIZES[key];
      },
    });
  }
});

afterEach(() => {
  delete (HTMLElement.prototype as { scrollWidth?: number }).scrollWidth;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

describe('ViewpointBar overflow', () => {
  it('says when chips are cut, pages forward, and marks the start once scrolled', async () => {
    const { container } = renderUi(<ViewpointBar scene={makeScene()} />, { lang: 'en' });
    const nav = screen.getByRole('navigation', { name: 'Viewpoints' });
    const list = container.querySelector('.st-viewpoints__list') as HTMLUListElement;
    expect(nav.hasAttribute('data-more-after')).toBe(true);
    expect(nav.hasAttribute('data-more-before')).toBe(false);
    const more = screen.getByRole('button', { name: 'More viewpoints' }) as HTMLButtonElement;
    const back = screen.getByRole('button', { name: 'Earlier viewpoints' }) as HTMLButtonElement;
    expect(more.disabled).toBe(false);
    expect(back.disabled).toBe(true);

    const scrollBy = vi.fn();
    list.scrollBy = scrollBy as unknown as HTMLElement['scrollBy'];
    await userEvent.click(more);
    expect(scrollBy).toHaveBeenCalledWith({ left: 240, behavior: 'smooth' });

    // Scrolled to the end: the end is no longer cut, the start is.
    Object.defineProperty(list, 'scrollLeft', { configurable: true, value: 600 });
    act(() => {
      fireEvent.scroll(list);
    });
    expect(nav.hasAttribute('data-more-before')).toBe(true);
    expect(nav.hasAttribute('data-more-after')).toBe(false);
    expect(more.disabled).toBe(true);
    expect(back.disabled).toBe(false);
  });

  it('shows no arrows when every chip fits', () => {
    fits = true;
    renderUi(<ViewpointBar scene={makeScene()} />, { lang: 'en' });
    expect(screen.queryByRole('button', { name: 'More viewpoints' })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Viewpoints' }).hasAttribute('data-more-after')).toBe(false);
    expect(screen.getByRole('button', { name: 'Overview' })).toBeTruthy();
  });

  it('ignores sub-pixel slack', () => {
    expect(scrollEdges(0.5, 300, 300.8)).toEqual({ start: false, end: false });
    expect(scrollEdges(0, 300, 320)).toEqual({ start: false, end: true });
  });
});
