/**
 * The status bar's feed section. It tells the truth about the live feed: which source, whether it
 * is connected, reconnecting or stale, messages per second, the age of the last message, and how
 * many messages were dropped and why, and who the server says we are. Everything comes from the
 * feed summary the runtime publishes a few times per second. An unauthorised feed is shown here in
 * red; the sign-in prompt itself is FeedSignIn, which has room for a form.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/hooks';
import type { FeedStatus as Status } from '../feed/summary';

const STATUS_TONE: Record<Status, 'ok' | 'warn' | 'bad' | 'idle'> = {
  idle: 'idle', connecting: 'warn', connected: 'ok', stale: 'warn', reconnecting: 'warn', unreachable: 'bad', offline: 'bad', failed: 'bad',
  unauthorised: 'bad',
};

/** Which phrase and number describe a message age; pure so the thresholds are testable. */
export function ageKey(ms: number | null): { key: string; n?: number } {
  if (ms === null || !Number.isFinite(ms)) return { key: 'feed.never' };
  if (ms < 1000) return { key: 'feed.ageNow' };
  if (ms < 120_000) return { key: 'feed.ageSeconds', n: Math.round(ms / 1000) };
  return { key: 'feed.ageMinutes', n: Math.round(ms / 60_000) };
}

export function FeedStatus() {
  const { t, i18n } = useTranslation();
  const feed = useAppStore((s) => s.feed);
  const fmt = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 });
  const drops = Object.entries(feed.drops)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${t(`feed.drop.${reason}`, { defaultValue: reason })}: ${fmt.format(n ?? 0)}`)
    .join(' · ');
  const age = ageKey(feed.lastMessageAgeMs);
  const retrying = feed.status === 'reconnecting' || feed.status === 'unreachable';
  const retryInS = feed.nextRetryAtMs !== null ? Math.max(0, Math.round((feed.nextRetryAtMs - feed.updatedAtMs) / 1000)) : null;

  return (
    <div className="st-feed" data-testid="feed-status" data-status={feed.status} data-kind={feed.kind}>
      <span className={`st-dot st-dot--${STATUS_TONE[feed.status]}`} aria-hidden="true" />
      <span className="st-feed__source" title={feed.label}>
        {t(`feed.kind.${feed.kind}`)}
        {feed.kind !== 'sim' && <span className="st-muted"> {feed.label}</span>}
      </span>
      <span className="st-feed__status" role="status">
        {t(`feed.status.${feed.status}`)}
        {retrying && feed.retryAttempt > 0 && <span data-testid="feed-attempt">{` · ${t('feed.attempt', { n: feed.retryAttempt })}`}</span>}
        {retrying && retryInS !== null && ` · ${t('feed.retryIn', { n: retryInS })}`}
      </span>
      {feed.identity && (
        <span className="st-muted" data-testid="feed-identity">
          {t('feed.identity', { name: feed.identity.name, role: t(`feed.role.${feed.identity.role}`, { defaultValue: feed.identity.role }) })}
        </span>
      )}
      <span data-testid="feed-rate">{t('feed.rate', { n: fmt.format(feed.msgPerSec) })}</span>
      <span data-testid="feed-age">{t('feed.lastMessage', { age: t(age.key, { n: age.n }) })}</span>
      <span className={feed.dropsTotal > 0 ? 'st-badge st-badge--warn' : 'st-muted'} title={drops || undefined} data-testid="feed-drops">
        {t('feed.dropped', { n: fmt.format(feed.dropsTotal) })}
        {drops && <span className="st-feed__drops"> ({drops})</span>}
      </span>
      <span className="st-muted" data-testid="feed-counts">
        {/* Before anything arrived the vehicle count is unknown, not zero. */}
        {t('feed.counts', {
          vehicles: feed.lastMessageAtMs === null ? '—' : fmt.format(feed.counts.vehicles),
          sensors: fmt.format(feed.counts.sensors),
        })}
      </span>
    </div>
  );
}
