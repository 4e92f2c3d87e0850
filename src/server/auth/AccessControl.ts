/**
 * The feed server's gatekeeper: authenticates connections against the token store, checks every
 * message against the sender's role, applies a reload (SIGHUP) to live sessions, and counts and
 * logs every refusal by the token's name. Refusals of an action keep the connection; only a bad
 * credential (4401) or abuse (4429, in FeedServer) closes it.
 */
import { CLOSE_RATE_LIMITED, CLOSE_UNAUTHORISED } from '../../feed/protocol/access';
import { PROTOCOL_VERSION } from '../../feed/protocol/limits';
import type { ClientMessage } from '../../feed/protocol/messages';
import type { ClientSession } from '../ClientSession';
import { allowedBeforeAuth, lowestRoleWith, permissionFor, roleAllows } from './roles';
import type { TokenStore } from './TokenStore';

export { CLOSE_RATE_LIMITED, CLOSE_UNAUTHORISED };
/** A connection that has not authenticated by then is closed. */
export const AUTH_DEADLINE_MS = 10_000;

export interface AccessCounters {
  authOk: number;
  authFailures: number;
  refused: Record<string, number>;
  rateLimited: number;
  originRefused: number;
}

export type Verdict = { ok: true } | { ok: false; code: 'unauthenticated' | 'forbidden'; message: string };

export class AccessControl {
  readonly counters: AccessCounters = { authOk: 0, authFailures: 0, refused: {}, rateLimited: 0, originRefused: 0 };

  constructor(
    readonly store: TokenStore | null,
    private readonly allowControl: boolean,
    private readonly log: (line: string) => void,
  ) {}

  get required(): boolean {
    return this.store !== null;
  }

  /** May this session send this message now? `control` also needs the server's --allow-control. */
  check(s: ClientSession, m: ClientMessage): Verdict {
    if (m.type === 'control' && !this.allowControl) return this.refuse(s, m, 'forbidden', 'control is disabled (start the server with --allow-control)');
    if (s.authState === 'open') return { ok: true };
    if (s.authState !== 'ok') {
      if (allowedBeforeAuth(m)) return { ok: true };
      return this.refuse(s, m, 'unauthenticated', `send {"type":"auth","token":…} first; "${m.type}" needs a token`);
    }
    const need = permissionFor(m);
    if (need === null || roleAllows(s.role!, need)) return { ok: true };
    return this.refuse(s, m, 'forbidden', `role ${s.role} may not ${need} (needs ${lowestRoleWith(need)} or above)`);
  }

  /** Verifies a token; on success the session is authenticated, on failure it is closed with 4401. */
  async authenticate(s: ClientSession, token: string): Promise<boolean> {
    if (!this.store) return true;
    s.authState = 'pending';
    let r;
    try {
      r = await this.store.verify(token);
    } catch (e) {
      r = { ok: false as const, reason: `verification error: ${(e as Error).message}`, name: null };
    }
    if (s.authState !== 'pending') return false;
    if (!r.ok) {
      this.counters.authFailures++;
      this.log(`auth: refused ${r.name ? `token "${r.name}"` : 'a token'} from ${s.remote}: ${r.reason}`);
      this.closeUnauthorised(s, r.reason === 'wrong secret' || r.reason === 'unknown token' ? 'invalid token' : r.reason);
      return false;
    }
    s.authState = 'ok';
    s.tokenName = r.name;
    s.tokenId = r.id;
    s.role = r.role;
    this.counters.authOk++;
    s.sendJson({ v: PROTOCOL_VERSION, type: 'auth-ok', name: r.name, role: r.role });
    return true;
  }

  closeUnauthorised(s: ClientSession, why: string): void {
    s.authState = 'closed';
    s.queued.length = 0;
    s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'unauthorised', message: `unauthorised: ${why}` });
    s.ws.close(CLOSE_UNAUTHORISED, `unauthorised: ${why}`.slice(0, 120));
  }

  /**
   * After the token file was reloaded: revoked tokens' sessions are closed, changed roles apply at
   * once (the caller drops wall memberships the new role no longer allows).
   */
  applyReload(sessions: Iterable<ClientSession>): { revoked: number; rerole: number } {
    let revoked = 0;
    let rerole = 0;
    if (!this.store) return { revoked, rerole };
    for (const s of sessions) {
      if (s.authState !== 'ok' || !s.tokenId) continue;
      const e = this.store.entry(s.tokenId);
      if (!e) {
        revoked++;
        this.log(`auth: token "${s.tokenName}" revoked; closing ${s.remote}`);
        this.closeUnauthorised(s, 'token revoked');
      } else if (e.role !== s.role) {
        rerole++;
        this.log(`auth: token "${s.tokenName}" is now ${e.role} (was ${s.role})`);
        s.role = e.role;
        s.tokenName = e.name;
        s.sendJson({ v: PROTOCOL_VERSION, type: 'auth-ok', name: e.name, role: e.role });
      }
    }
    return { revoked, rerole };
  }

  health(): Record<string, unknown> {
    return { required: this.required, tokens: this.store?.size ?? 0, ...this.counters };
  }

  private refuse(s: ClientSession, m: ClientMessage, code: 'unauthenticated' | 'forbidden', message: string): Verdict {
    this.counters.refused[code] = (this.counters.refused[code] ?? 0) + 1;
    this.log(`auth: refused ${m.type} from ${s.displayName} (${s.remote}): ${message}`);
    return { ok: false, code, message };
  }
}
