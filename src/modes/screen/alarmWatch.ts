/**
 * Which alert changes the tour must hear about. The alert engine republishes its whole list at
 * up to 2 Hz; the tour machine wants one `alarm` per raise and one `ack` per acknowledgement. So
 * this compares each list with what was already passed on:
 *
 * - an alert in the `new` state at or above the interrupt severity is an alarm once, and once
 *   more if it escalates (an underpass warning that becomes a flood is news for the screen);
 * - an alert that left `new` (acknowledged, or closed by an operator or by itself) is acked once,
 *   so its hold ends and it never interrupts again, even if it reopens.
 *
 * What is remembered is bounded by the engine's own list: ids it dropped are forgotten here too.
 */
import { SEVERITY_RANK, type Alert, type AlertSeverity } from '../../analysis/alerts/types';

interface Seen {
  /** The most severe rank already alarmed; null when never alarmed. */
  alarmedRank: number | null;
  acked: boolean;
}

export type AlarmMemory = ReadonlyMap<string, Seen>;

export const EMPTY_ALARM_MEMORY: AlarmMemory = new Map();

export interface AlarmChanges {
  /** Least severe first, then oldest first, so the most pressing one reaches the machine last and wins. */
  alarms: Alert[];
  acks: string[];
  memory: AlarmMemory;
}

export function watchAlarms(memory: AlarmMemory, alerts: readonly Alert[], interruptAt: AlertSeverity): AlarmChanges {
  const limit = SEVERITY_RANK[interruptAt];
  const next = new Map<string, Seen>();
  const alarms: Alert[] = [];
  const acks: string[] = [];
  for (const a of alerts) {
    const seen = memory.get(a.id) ?? { alarmedRank: null, acked: false };
    const rank = SEVERITY_RANK[a.severity];
    // Alerts come from the feed's rules; an unknown severity never interrupts.
    if (rank === undefined) {
      next.set(a.id, seen);
      continue;
    }
    if (a.status !== 'new') {
      if (!seen.acked) acks.push(a.id);
      next.set(a.id, { alarmedRank: seen.alarmedRank, acked: true });
      continue;
    }
    if (!seen.acked && rank <= limit && (seen.alarmedRank === null || rank < seen.alarmedRank)) {
      alarms.push(a);
      next.set(a.id, { alarmedRank: rank, acked: false });
      continue;
    }
    next.set(a.id, seen);
  }
  alarms.sort((x, y) => SEVERITY_RANK[y.severity] - SEVERITY_RANK[x.severity] || x.raisedAtMs - y.raisedAtMs);
  return { alarms, acks, memory: next };
}
