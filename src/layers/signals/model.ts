/**
 * Pure placement and colouring of signal heads: one head per approach, set back from the
 * junction against the direction of travel and to its right (where a driver looks for it).
 */
export const SIGNAL_HEAD_BACK_M = 16;
export const SIGNAL_HEAD_RIGHT_M = 7;
export const SIGNAL_HEAD_UP_M = 6;
export const MIN_SIGNAL_PX = 6;

export const SIGNAL_STATE_COLORS = { green: '#22c55e', amber: '#f59e0b', red: '#ef4444', stale: '#6b7280' } as const;
export type SignalTone = keyof typeof SIGNAL_STATE_COLORS;

/** ENU position of the head for an approach travelling on bearing `bearingDeg` (clockwise from north). */
export function headPosition(jx: number, jy: number, bearingDeg: number, out: number[]): number[] {
  const b = (bearingDeg * Math.PI) / 180;
  const dx = Math.sin(b), dy = Math.cos(b);
  out[0] = jx - dx * SIGNAL_HEAD_BACK_M + dy * SIGNAL_HEAD_RIGHT_M;
  out[1] = jy - dy * SIGNAL_HEAD_BACK_M - dx * SIGNAL_HEAD_RIGHT_M;
  return out;
}

/** Whole seconds shown on a countdown: rounded up, so "0" only when the change is due. */
export function countdownText(remainingS: number): string {
  return Number.isFinite(remainingS) ? String(Math.max(0, Math.ceil(remainingS))) : '—';
}
