/**
 * Network-facing policy checks (pure): which bind addresses count as loopback, and whether a
 * browser's Origin is on the allow-list. Non-browser clients send no Origin; they still need a token
 * when the server runs with --auth, so the allow-list only constrains browsers, as intended.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** Normalises an allow-list entry or an Origin header to scheme://host[:port], lower-case. */
export function normaliseOrigin(s: string): string | null {
  if (s === 'null') return null;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** `allowed` null = no allow-list (any origin). A missing Origin header is a non-browser client. */
export function originAllowed(origin: string | undefined, allowed: readonly string[] | null): boolean {
  if (allowed === null || origin === undefined) return true;
  const o = normaliseOrigin(origin);
  return o !== null && allowed.includes(o);
}
