/**
 * What the big screen's alert ticker shows, in order: open alerts, 新告警 (still `new`) before
 * acknowledged ones, then most severe first, then newest first. And which alert the operator's
 * "A" acknowledges: the alarm holding the camera, else the first unacknowledged one in the ticker,
 * the one the ticker marks as focused.
 */
import { SEVERITY_RANK, type Alert } from '../../analysis/alerts/types';

/** A ticker longer than this scrolls for minutes before repeating; the alert list has the rest. */
export const TICKER_MAX = 24;

export function tickerAlerts(alerts: readonly Alert[], max = TICKER_MAX): Alert[] {
  const rank = (a: Alert) => SEVERITY_RANK[a.severity] ?? Number.MAX_SAFE_INTEGER;
  return alerts
    .filter((a) => a.status !== 'closed')
    .sort((a, b) => Number(a.status !== 'new') - Number(b.status !== 'new') || rank(a) - rank(b) || b.raisedAtMs - a.raisedAtMs)
    .slice(0, max);
}

export function focusedAlertId(interruptedBy: string | null, ticker: readonly Alert[]): string | null {
  if (interruptedBy !== null && ticker.some((a) => a.id === interruptedBy && a.status === 'new')) return interruptedBy;
  return ticker.find((a) => a.status === 'new')?.id ?? null;
}
