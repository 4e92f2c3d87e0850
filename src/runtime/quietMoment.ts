/**
 * When an unattended screen may reload itself for a threshold or the daily window: at a moment
 * nobody loses anything. Pure, from two consecutive looks at the app.
 * - Screen mode with a tour (its own, or a wall leader's): right after the tour moved on to its
 *   next stop, while it plays; never while an alarm holds it. It resumes at that stop.
 * - Screen mode without a tour: when no new alert of major or critical severity is open.
 * - Kiosk: while the attract loop plays (no visitor).
 * - Planner: never. A person is at the desk, with imported schemes and tools open; the diagnostics
 *   panel shows the pending reload instead.
 */
import type { AppMode } from '../state/modeSlice';

export interface QuietLook {
  mode: AppMode;
  tour: { step: number; state: 'playing' | 'paused' | 'interrupted'; zone?: string } | null;
  kioskState: 'active' | 'warning' | 'attract' | null;
  /** A new (unacknowledged) alert of major or critical severity is open. */
  openAlarm: boolean;
}

export function isQuietMoment(prev: QuietLook | null, cur: QuietLook): boolean {
  if (cur.mode === 'planner') return false;
  if (cur.mode === 'kiosk') return cur.kioskState === 'attract';
  if (cur.tour) {
    if (cur.tour.state !== 'playing' || !prev?.tour) return false;
    return prev.tour.step !== cur.tour.step || prev.tour.zone !== cur.tour.zone;
  }
  return !cur.openAlarm;
}
