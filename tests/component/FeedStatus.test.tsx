/** The status bar's feed section tells a feed that never connected apart from one that was lost (issue 15 item 2). */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyFeedSummary, type FeedSummary } from '../../src/feed/summary';
import { createAppStore } from '../../src/state/store';
import { FeedStatus } from '../../src/ui/FeedStatus';
import { renderUi } from './render';

function withFeed(over: Partial<FeedSummary>, lang: 'zh' | 'en' = 'zh') {
  const store = createAppStore();
  store.getState().setFeedSummary({ ...emptyFeedSummary('ws', 'ws://127.0.0.1:1/', 'westbund'), ...over });
  return renderUi(<FeedStatus />, { store, lang });
}

describe('FeedStatus', () => {
  it('a feed that never connected says it cannot be reached, counts the retries, and shows no vehicle count', () => {
    withFeed({ status: 'unreachable', retryAttempt: 3, nextRetryAtMs: 5000, updatedAtMs: 1000, counts: { ...emptyFeedSummary().counts, sensors: 40 } });
    const el = screen.getByTestId('feed-status');
    expect(el.dataset.status).toBe('unreachable');
    expect(el.textContent).toContain('无法连接数据源');
    expect(el.textContent).not.toContain('重连中');
    expect(screen.getByTestId('feed-attempt').textContent).toContain('第 3 次重试');
    expect(el.textContent).toContain('4 秒后重试');
    expect(screen.getByTestId('feed-counts').textContent).toContain('车辆 —');
  });

  it('a lost feed says reconnecting, with its attempt, and keeps the vehicles it knew', () => {
    withFeed({ status: 'reconnecting', retryAttempt: 1, everConnected: true, lastMessageAtMs: 10, counts: { ...emptyFeedSummary().counts, vehicles: 12 } }, 'en');
    expect(screen.getByTestId('feed-status').textContent).toContain('Reconnecting');
    expect(screen.getByTestId('feed-attempt').textContent).toContain('retry 1');
    expect(screen.getByTestId('feed-counts').textContent).toContain('12');
  });

  it('an unauthorised feed says so in red, offers no retry countdown, and a signed-in one names who it is (never the token)', () => {
    const { unmount } = withFeed({ status: 'unauthorised', authRefusal: 'token-required', nextRetryAtMs: null });
    const el = screen.getByTestId('feed-status');
    expect(el.dataset.status).toBe('unauthorised');
    expect(el.textContent).toContain('未授权');
    expect(el.querySelector('.st-dot--bad')).not.toBeNull();
    expect(screen.queryByTestId('feed-attempt')).toBeNull();
    unmount();
    withFeed({ status: 'connected', identity: { name: 'wall-1', role: 'wall' }, lastMessageAtMs: 1, lastMessageAgeMs: 100 }, 'en');
    expect(screen.getByTestId('feed-identity').textContent).toBe('wall-1 · video wall');
  });
});
