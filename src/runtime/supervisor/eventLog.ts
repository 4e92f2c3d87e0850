/**
 * One line per event: `<ISO time> <event> key=value …` (pure formatting). The format is meant for
 * grep and awk on a wall's PC as much as for a log shipper: bare values when they are plain words
 * or numbers, JSON-quoted otherwise, so a line never breaks in two and an `=` or a space inside a
 * value cannot be mistaken for the next field.
 */
export type EventValue = string | number | boolean | null | undefined;
export type EventFields = Record<string, EventValue>;

export interface EventLog {
  emit(event: string, fields?: EventFields): void;
}

const BARE = /^[A-Za-z0-9._:/@%+,~-]+$/;
const NAME = /^[a-z][a-z0-9-]*$/;

export function formatValue(v: Exclude<EventValue, undefined>): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return BARE.test(v) ? v : JSON.stringify(v);
}

/** Undefined fields are left out, so callers can pass optional details without branching. */
export function formatEventLine(atMs: number, event: string, fields: EventFields = {}): string {
  if (!NAME.test(event)) throw new Error(`event name "${event}" is not kebab-case`);
  const parts = [new Date(atMs).toISOString(), event];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (!NAME.test(k)) throw new Error(`event field "${k}" is not kebab-case`);
    parts.push(`${k}=${formatValue(v)}`);
  }
  return parts.join(' ');
}

/** An EventLog that formats with the given clock and hands each line to `write`. */
export function createEventLog(write: (line: string) => void, nowMs: () => number = Date.now): EventLog {
  return { emit: (event, fields) => write(formatEventLine(nowMs(), event, fields)) };
}
