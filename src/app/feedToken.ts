/**
 * Where a token typed into the feed sign-in prompt lives: sessionStorage only (gone with the tab;
 * never localStorage, never the URL, never the store), under one key per feed URL so a token is
 * only ever sent to the server it was typed for. A typed token is kept once the server accepted
 * it and forgotten when the server refuses it, so a reload does not replay a bad token.
 */
import { isFeedToken } from '../feed/protocol/access';
import type { FeedSummary } from '../feed/summary';

export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const TOKEN_KEY_PREFIX = 'shentwin.feedToken:';

export function tokenKey(feedUrl: string): string {
  return TOKEN_KEY_PREFIX + feedUrl;
}

/** The tab's sessionStorage, or null where the browser refuses it (privacy modes, sandboxes). */
export function sessionTokenStorage(): TokenStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

type Watched = Pick<FeedSummary, 'status' | 'identity' | 'authRefusal'>;

export class FeedTokenKeeper {
  /** The token on its way to the server whose verdict decides whether it is kept. */
  private candidate: string | null = null;
  /**
   * A summary published before the token was sent may still say "unauthorised"; the verdict only
   * counts once the feed has been seen trying again.
   */
  private armed = false;

  constructor(private readonly storage: TokenStorage | null, private readonly feedUrl: string) {}

  /** The token to start with: the scene's wins; otherwise one this tab kept earlier. */
  initial(sceneToken: string | undefined): string | undefined {
    if (sceneToken !== undefined) return sceneToken;
    const kept = this.read();
    if (kept === null) return undefined;
    if (!isFeedToken(kept)) {
      this.remove();
      return undefined;
    }
    this.candidate = kept;
    this.armed = false;
    return kept;
  }

  /** A token from the prompt, just before it is handed to the feed. */
  offer(token: string): void {
    this.candidate = token;
    this.armed = false;
  }

  /** Call with every new feed summary. */
  observe(feed: Watched): void {
    const c = this.candidate;
    if (c === null) return;
    if (!this.armed) {
      this.armed = feed.status !== 'unauthorised';
      if (!this.armed) return;
    }
    if (feed.identity !== null) {
      this.write(c);
      this.candidate = null;
    } else if (feed.status === 'unauthorised') {
      if (this.read() === c) this.remove();
      this.candidate = null;
    }
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(tokenKey(this.feedUrl)) ?? null;
    } catch {
      return null;
    }
  }

  private write(token: string): void {
    try {
      this.storage?.setItem(tokenKey(this.feedUrl), token);
    } catch {
      // Storage full or refused: the token still works for this page, it just is not kept.
    }
  }

  private remove(): void {
    try {
      this.storage?.removeItem(tokenKey(this.feedUrl));
    } catch {
      // Nothing kept, nothing to forget.
    }
  }
}
