/**
 * The token string, `st1.<id>.<secret>`: the id (16 hex chars) is public and names the file entry,
 * so a server verifies one scrypt hash per attempt instead of trying every entry; the secret is 32
 * random bytes in base64url. Both parts use only RFC 7230 token characters, so the whole string is
 * valid inside a WebSocket subprotocol (`shentwin.token.<token>`).
 */
import { randomBytes } from 'node:crypto';
import { FEED_TOKEN_PATTERN } from '../../feed/protocol/access';

/** One pattern for viewer and server (the feed protocol layer owns it). */
export const TOKEN_PATTERN = FEED_TOKEN_PATTERN;
export const TOKEN_SUBPROTOCOL_PREFIX = 'shentwin.token.';
export const PROTOCOL_NAME = 'shentwin.v1';

export interface ParsedToken {
  id: string;
  secret: string;
}

export function parseToken(s: string): ParsedToken | null {
  if (!TOKEN_PATTERN.test(s)) return null;
  const [, id, secret] = s.split('.');
  return { id: id!, secret: secret! };
}

export function newToken(): { token: string; id: string; secret: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `st1.${id}.${secret}`, id, secret };
}

/** The token offered among a client's subprotocols, if any (the server never selects that one). */
export function tokenFromSubprotocols(protocols: Iterable<string>): string | null {
  for (const p of protocols) if (p.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return p.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  return null;
}
