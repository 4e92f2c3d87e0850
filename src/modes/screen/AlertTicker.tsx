/**
 * The scrolling alert ticker along the bottom of the big screen: open alerts, 新告警 first, most
 * severe first (tickerOrder.ts). The strip is drawn twice and slides by one copy's width, so it
 * loops without a jump; its speed follows its length so every item stays readable. The alert
 * that "A" would acknowledge is marked. With reduced motion it does not move.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../analysis/alerts/types';
import { SEVERITY_COLORS } from '../../layers/live/severity';
import { useAppStore } from '../../state/hooks';
import { alertMessage, alertTitle } from '../../ui/live/alertText';
import { formatClock } from '../../ui/live/format';
import { focusedAlertId, tickerAlerts } from './tickerOrder';

/** Seconds each item takes to cross: slow enough to read a line on a wall from across the room. */
export const TICKER_S_PER_ITEM = 9;
const TICKER_MIN_S = 20;

export function AlertTicker({ alarmId }: { alarmId: string | null }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.language);
  const alerts = useAppStore((s) => s.alertState.alerts);
  const openCount = useMemo(() => alerts.filter((a) => a.status !== 'closed').length, [alerts]);
  const items = useMemo(() => tickerAlerts(alerts), [alerts]);
  const focused = focusedAlertId(alarmId, items);

  const item = (a: Alert, copy: number) => (
    <li
      key={`${copy}:${a.id}`}
      className="st-screen__tick"
      data-testid={copy === 0 ? 'ticker-item' : undefined}
      data-alert-id={a.id}
      data-severity={a.severity}
      data-status={a.status}
      data-focused={a.id === focused ? '1' : undefined}
      aria-hidden={copy > 0 ? true : undefined}
    >
      <span className="st-screen__tick-sev" style={{ background: SEVERITY_COLORS[a.severity] }}>
        {t(`live.severity.${a.severity}`)}
      </span>
      <span className="st-screen__tick-time">{formatClock(a.raisedAtMs)}</span>
      <strong>{alertTitle(a, lang)}</strong>
      <span>{alertMessage(a, t, lang)}</span>
      {a.status === 'acknowledged' && <span className="st-screen__tick-tag">{t('modes.screenShell.ticker.acked')}</span>}
      {a.id === focused && <span className="st-screen__tick-tag st-screen__tick-tag--focus">{t('modes.screenShell.ticker.focused')}</span>}
    </li>
  );

  const seconds = Math.max(TICKER_MIN_S, items.length * TICKER_S_PER_ITEM);
  return (
    <section className="st-screen__ticker st-screen__card" data-screen-part="ticker" data-testid="alert-ticker" aria-label={t('modes.screenShell.ticker.label')}>
      <h2 className="st-screen__ticker-title">
        {t('modes.screenShell.ticker.label')}
        {openCount > 0 && <span className="st-screen__ticker-count">{t('modes.screenShell.ticker.more', { n: openCount })}</span>}
      </h2>
      <div className="st-screen__ticker-window">
        {items.length === 0 ? (
          <p className="st-screen__ticker-empty">{t('modes.screenShell.ticker.empty')}</p>
        ) : (
          <ul className="st-screen__ticker-track" style={{ animationDuration: `${seconds}s` }}>
            {items.map((a) => item(a, 0))}
            {items.map((a) => item(a, 1))}
          </ul>
        )}
      </div>
    </section>
  );
}
