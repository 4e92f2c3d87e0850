/**
 * The token string, `st1.<id>.<secret>`: the id (16 hex chars) is public and names the file entry,
 * so a server verifies one scrypt hash per attempt instead of trying every entry; the secret is 32
 * random bytes in base64url. Both parts use only RFC 7230 token characters, so the whole string is
 * valid inside a WebSocket subprotocol (`shentwin.token.<token>`).
 */
import { randomBytes } from 'node:crypto';

export const TOKEN_PATTERN = /^st1\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;
export const TOKEN_SUBPROTOCOL_PREFIX = 'shentwin.token.';
export const PROTOCOL_NAME = 'shentwin.v1';

export interface ParsedToken {
  id: string;
  secret: string;
}

export function parseToken(s: string): ParsedToken | null {
  const m = TOKEN_PATTERN.exec(s);
  return m ? { id: m[1]!, secret: m[2]! } : null;
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
