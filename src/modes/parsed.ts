/**
 * The result of parsing untrusted text (URL parameters, config strings): a value, or a reason a
 * person can read. Parsers return this instead of throwing so the shell can show the reason and
 * count it, and keep running with its default (DESIGN.md convention 9).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parsedOk<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parsedError<T>(error: string): Parsed<T> {
  return { ok: false, error };
}

/**
 * Plain decimal digits only: Number() and parseInt() would also accept "", " ", "0x10", "1e1"
 * and "3abc", none of which a person meant as a count.
 */
const INTEGER_RE = /^[+-]?\d+$/;

/** A whole number written in plain digits, or null. */
export function parseInteger(text: string): number | null {
  const t = text.trim();
  if (!INTEGER_RE.test(t)) return null;
  const v = Number(t);
  return Number.isSafeInteger(v) ? v : null;
}
