/**
 * The server's view of the token file: lookup by the token's public id, scrypt verification of the
 * secret, and a reload that swaps the whole table at once (SIGHUP). Successful verifications are
 * cached by a SHA-256 of the token for the life of the table, so a wall of twenty screens that
 * reconnects together costs twenty hash lookups, not twenty scrypt runs; a reload clears the cache.
 */
import { createHash } from 'node:crypto';
import { verifySecret } from './hash';
import type { Role } from './roles';
import { readTokenFile, type TokenEntry } from './tokenFile';
import { parseToken } from './tokenFormat';

export type AuthResult = { ok: true; name: string; role: Role; id: string } | { ok: false; reason: string; name: string | null };

export class TokenStore {
  private byId = new Map<string, TokenEntry>();
  private verified = new Map<string, string>();
  private generation = 0;

  constructor(readonly path: string) {}

  get size(): number {
    return this.byId.size;
  }

  /** Reads the file; on error the previous table stays in force and the error is thrown. */
  async load(): Promise<void> {
    const f = await readTokenFile(this.path);
    this.byId = new Map(f.tokens.map((t) => [t.id, t]));
    this.verified.clear();
    this.generation++;
  }

  /** The current entry for an id (null once revoked): sessions re-check this after a reload. */
  entry(id: string): TokenEntry | null {
    return this.byId.get(id) ?? null;
  }

  async verify(token: string): Promise<AuthResult> {
    const parsed = parseToken(token);
    if (!parsed) return { ok: false, reason: 'malformed token', name: null };
    const entry = this.byId.get(parsed.id);
    if (!entry) return { ok: false, reason: 'unknown token', name: null };
    const digest = createHash('sha256').update(token).digest('base64');
    if (this.verified.get(digest) === entry.id) return { ok: true, name: entry.name, role: entry.role, id: entry.id };
    const gen = this.generation;
    const good = await verifySecret(parsed.secret, entry);
    if (!good) return { ok: false, reason: 'wrong secret', name: entry.name };
    // A reload during the hash may have revoked or re-roled the entry: answer from the new table.
    const now = this.byId.get(parsed.id);
    if (!now) return { ok: false, reason: 'token revoked', name: entry.name };
    if (gen === this.generation) this.verified.set(digest, entry.id);
    return { ok: true, name: now.name, role: now.role, id: now.id };
  }
}
