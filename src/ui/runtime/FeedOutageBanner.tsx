/**
 * 数据中断 since hh:mm: shown in every mode while the live feed that was flowing has gone silent
 * past its window (the watchdog decides; store feedDownSinceMs). On a big screen nobody reads a
 * status bar, so the outage must be said across the picture, and said when it began.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/hooks';
import { formatClock } from '../live/format';
import './runtime.css';

export function FeedOutageBanner() {
  const { t } = useTranslation();
  const since = useAppStore((s) => s.feedDownSinceMs);
  if (since === null) return null;
  return (
    <div className="st-outage" role="alert" data-testid="feed-outage" data-since={since}>
      <strong className="st-outage__title">{t('runtime.feedDown')}</strong>
      <span className="st-outage__since">{t('runtime.feedDownSince', { time: formatClock(since).slice(0, 5) })}</span>
      <span className="st-outage__hint">{t('runtime.feedDownHint')}</span>
    </div>
  );
}
