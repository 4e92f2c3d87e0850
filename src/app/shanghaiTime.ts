/**
 * Wall-clock time in Asia/Shanghai, independent of the machine's own time zone (a kiosk or a
 * test runner may be set to UTC). China has used UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact for every date a planner would pick.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const MINUTES_PER_DAY = 24 * 60;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ShanghaiParts {
  /** "YYYY-MM-DD" as an <input type="date"> expects. */
  date: string;
  /** Minutes after local midnight, 0..1439. */
  minutes: number;
}

export function toShanghaiParts(ms: number): ShanghaiParts {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    minutes: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

/** Epoch ms for a Shanghai date and minute of day, or null if the date is not a real calendar day. */
export function fromShanghaiParts(date: string, minutes: number): number | null {
  const m = DATE_RE.exec(date);
  if (!m || !Number.isFinite(minutes)) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-31 over to March; reject it rather than silently moving the sun.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const mins = Math.min(MINUTES_PER_DAY - 1, Math.max(0, Math.round(minutes)));
  return utc + mins * 60_000 - SHANGHAI_OFFSET_MS;
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The sun time the view will use when the store holds none: the scene's default, if it parses. */
export function sceneSunDefaultMs(sunDefault: string | undefined): number | null {
  if (!sunDefault) return null;
  const ms = Date.parse(sunDefault);
  return Number.isFinite(ms) ? ms : null;
}
