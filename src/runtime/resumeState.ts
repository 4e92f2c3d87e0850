/**
 * What a soft reload hands to the page that comes back, through sessionStorage (this tab only):
 * the tour's stop, so an operation-centre screen resumes its tour where it was instead of at the
 * first stop. The URL carries everything else (zone, mode, camera, layers, language, feed).
 * Taken once; stale or malformed entries are ignored.
 */
const KEY = 'shentwin.watchdog.tourResume';
/** A resume older than this is from another session of the tab, not from the reload just made. */
export const RESUME_MAX_AGE_MS = 2 * 60_000;

export interface TourResume {
  id: string;
  zone: string;
  step: number;
  atMs: number;
}

export function saveTourResume(storage: Pick<Storage, 'setItem'> | null, r: TourResume): void {
  try {
    storage?.setItem(KEY, JSON.stringify(r));
  } catch {
    // Storage disabled: the tour starts at its first stop.
  }
}

export function takeTourResume(storage: Pick<Storage, 'getItem' | 'removeItem'> | null, nowMs: number): TourResume | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    storage?.removeItem(KEY);
    const o = JSON.parse(raw) as Partial<TourResume>;
    if (typeof o.id !== 'string' || typeof o.zone !== 'string' || typeof o.atMs !== 'number') return null;
    if (typeof o.step !== 'number' || !Number.isInteger(o.step) || o.step < 0) return null;
    if (!(nowMs - o.atMs >= 0 && nowMs - o.atMs <= RESUME_MAX_AGE_MS)) return null;
    return { id: o.id, zone: o.zone, step: o.step, atMs: o.atMs };
  } catch {
    return null;
  }
}
