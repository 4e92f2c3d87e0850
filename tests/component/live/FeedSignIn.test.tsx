/**
 * The sign-in prompt of an unauthorised feed (issue 14): shown only while unauthorised, says
 * whether a token is needed or was refused and for which server, takes the token in a password
 * field, refuses a malformed one without a connection, hands a good one to the feed control and
 * clears the field. Tokens never go to localStorage or the URL from here.
 */
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyFeedSummary, type FeedSummary } from '../../../src/feed/summary';
import { FeedControlContext, type FeedControl } from '../../../src/state/feedControl';
import { createAppStore } from '../../../src/state/store';
import { FeedSignIn } from '../../../src/ui/live/FeedSignIn';
import { renderUi } from '../render';

const TOKEN = `st1.0123456789abcdef.${'Zz09_-'.repeat(7)}x`;
const URL_A = 'ws://127.0.0.1:8787/';

function show(over: Partial<FeedSummary>, control: Partial<FeedControl> = {}, lang: 'zh' | 'en' = 'zh') {
  const store = createAppStore();
  store.getState().setFeedSummary({ ...emptyFeedSummary('ws', URL_A, 'westbund'), ...over });
  const value: FeedControl = { canControl: false, control: () => undefined, ...control };
  return renderUi(<FeedControlContext.Provider value={value}><FeedSignIn /></FeedControlContext.Provider>, { store, lang });
}

describe('FeedSignIn', () => {
  afterEach(() => localStorage.clear());

  it('is absent unless the feed is unauthorised', () => {
    show({ status: 'connected' }, { signIn: vi.fn() });
    expect(screen.queryByTestId('feed-signin')).toBeNull();
  });

  it('asks for a token in a password field, names the server, and signs in with a well-formed one', () => {
    const signIn = vi.fn();
    show({ status: 'unauthorised', authRefusal: 'token-required' }, { signIn });
    const card = screen.getByTestId('feed-signin');
    expect(card.textContent).toContain('未授权');
    expect(card.textContent).toContain('需要访问令牌');
    expect(card.textContent).toContain(URL_A);
    const input = screen.getByLabelText('访问令牌') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.change(input, { target: { value: `  ${TOKEN} ` } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(signIn).toHaveBeenCalledExactlyOnceWith(TOKEN);
    expect(input.value).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('refuses a malformed token without signing in, and says a refused token was refused (en)', () => {
    const signIn = vi.fn();
    show({ status: 'unauthorised', authRefusal: 'token-rejected' }, { signIn }, 'en');
    expect(screen.getByTestId('feed-signin').textContent).toContain('The access token was refused');
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'hunter2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('not an access token');
    expect(screen.getByLabelText('Access token').getAttribute('aria-invalid')).toBe('true');
  });

  it('a feed that takes no token from the viewer (MQTT) gets the message without a form', () => {
    show({ kind: 'mqtt', status: 'unauthorised', authRefusal: 'token-rejected' }, {}, 'en');
    expect(screen.getByTestId('feed-signin').textContent).toContain('username and password');
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });
});
