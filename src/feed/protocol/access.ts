/**
 * The client's half of feed-server access control (issue 14): the token's shape, the close codes
 * and error codes a viewer reacts to. Browser-safe, so the viewer can check a token before it
 * sends one. The server imports these too (server/auth), so both sides share one definition.
 */

/** `st1.<id>.<secret>`: id = 16 lower-case hex chars, secret = 32 random bytes in base64url. */
export const FEED_TOKEN_PATTERN = /^st1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/;

export function isFeedToken(s: string): boolean {
  return FEED_TOKEN_PATTERN.test(s);
}

/** Bad, unknown or revoked token, or none in time: the server closes with this. */
export const CLOSE_UNAUTHORISED = 4401;
/** Too many messages: the server closes with this; an ordinary backoff reconnect is right. */
export const CLOSE_RATE_LIMITED = 4429;

/** Error codes of `{type:'error'}` frames that concern access. */
export const ERROR_UNAUTHORISED = 'unauthorised';
/** A message that needs a role arrived before the token was verified; the link stays up. */
export const ERROR_UNAUTHENTICATED = 'unauthenticated';

/**
 * Access frames (hello with authRequired, auth-ok, auth errors) are all small and all contain
 * "auth"; only such frames are decoded twice, never a snapshot or a delta.
 */
export const ACCESS_FRAME_MAX_CHARS = 2048;

export function mayBeAccessFrame(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length <= ACCESS_FRAME_MAX_CHARS && raw.includes('auth');
}
