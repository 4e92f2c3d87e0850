/**
 * Alerts as they were at a past moment `t`, for a replay. The replay's own engine knows which
 * conditions held then (it runs over the replayed feed), but not what operators did: that is in
 * the live alert state and its audit log. So each replayed alert is matched to the live alert of
 * the same rule and asset that was open at `t`, and takes that alert's identity, its raise time and
 * its lifecycle as of `t`: acknowledged only if acknowledged by `t`, closed only if closed by `t`.
 * An alert raised after `t`, or acknowledged after it, shows as it was: not yet there, or new.
 * Pure.
 */
import type { Alert, AlertState } from './types';

/** The live alert of `key` at `t`: the latest raised by then (one alert per key is open at a time). */
function liveMatch(live: readonly Alert[], key: string, t: number): Alert | null {
  let best: Alert | null = null;
  for (const a of live) {
    if (a.key !== key || a.raisedAtMs > t) continue;
    if (!best || a.raisedAtMs > best.raisedAtMs) best = a;
  }
  return best;
}

export function alertsAsOf(replayed: AlertState, live: AlertState | null, t: number): AlertState {
  if (!live || live.alerts.length === 0) return replayed;
  let changed = false;
  const alerts = replayed.alerts.map((a) => {
    const m = liveMatch(live.alerts, a.key, t);
    if (!m) return a;
    changed = true;
    const acked = m.acknowledgedAtMs !== null && m.acknowledgedAtMs <= t;
    const closed = m.closedAtMs !== null && m.closedAtMs <= t;
    return {
      ...a, id: m.id, raisedAtMs: Math.min(a.raisedAtMs, m.raisedAtMs),
      status: closed ? 'closed' : acked ? 'acknowledged' : a.status === 'closed' ? 'closed' : 'new',
      acknowledgedAtMs: acked ? m.acknowledgedAtMs : null, closedAtMs: closed ? m.closedAtMs : a.closedAtMs,
    } satisfies Alert;
  });
  if (!changed) return replayed;
  const ids = new Set(alerts.map((a) => a.id));
  // The operators' steps up to t on these alerts, beside the replay engine's own.
  const audit = [...replayed.audit, ...live.audit.filter((e) => e.atMs <= t && ids.has(e.alertId) && e.actor.role !== 'system')].sort((x, y) => x.atMs - y.atMs);
  return { ...replayed, alerts, audit };
}
