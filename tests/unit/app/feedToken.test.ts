/**
 * A token typed into the feed sign-in prompt (issue 14) is kept per feed URL in sessionStorage,
 * only once the server accepted it; a refused one is forgotten so a reload does not replay it;
 * the scene's token wins over a kept one and is never copied into storage.
 */
import { describe, expect, it } from 'vitest';
import { FeedTokenKeeper, tokenKey, type TokenStorage } from '../../../src/app/feedToken';
import type { FeedSummary } from '../../../src/feed/summary';

const URL_A = 'ws://127.0.0.1:8787/';
const GOOD = `st1.0123456789abcdef.${'A'.repeat(43)}`;
const BAD = `st1.fedcba9876543210.${'b'.repeat(43)}`;
const SCENE = `st1.00000000000000aa.${'c'.repeat(43)}`;

function memory(init: Record<string, string> = {}): TokenStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

type Watched = Pick<FeedSummary, 'status' | 'identity' | 'authRefusal'>;
const connecting: Watched = { status: 'connecting', identity: null, authRefusal: null };
const accepted: Watched = { status: 'connected', identity: { name: 'wall-1', role: 'viewer' }, authRefusal: null };
const rejected: Watched = { status: 'unauthorised', identity: null, authRefusal: 'token-rejected' };

describe('FeedTokenKeeper', () => {
  it('keeps a typed token once the server accepts it, under the feed URL', () => {
    const st = memory();
    const k = new FeedTokenKeeper(st, URL_A);
    expect(k.initial(undefined)).toBeUndefined();
    k.observe(rejected);
    k.offer(GOOD);
    // The refusal of the previous attempt, still in the store, is not this token's verdict.
    k.observe(rejected);
    expect(st.data.size).toBe(0);
    k.observe(connecting);
    k.observe(accepted);
    expect(st.data.get(tokenKey(URL_A))).toBe(GOOD);
    expect([...st.data.keys()]).toEqual([tokenKey(URL_A)]);
  });

  it('never keeps a refused token, and forgets a kept one the server now refuses', () => {
    const st = memory();
    const k = new FeedTokenKeeper(st, URL_A);
    k.offer(BAD);
    k.observe(connecting);
    k.observe(rejected);
    expect(st.data.size).toBe(0);
    const kept = memory({ [tokenKey(URL_A)]: GOOD });
    const k2 = new FeedTokenKeeper(kept, URL_A);
    expect(k2.initial(undefined)).toBe(GOOD);
    k2.observe(connecting);
    k2.observe(rejected);
    expect(kept.data.size).toBe(0);
  });

  it('the scene token wins and is not copied into storage; a kept token is for its own URL only', () => {
    const st = memory({ [tokenKey(URL_A)]: GOOD });
    const k = new FeedTokenKeeper(st, URL_A);
    expect(k.initial(SCENE)).toBe(SCENE);
    k.observe(connecting);
    k.observe(accepted);
    expect(st.data.get(tokenKey(URL_A))).toBe(GOOD);
    expect(new FeedTokenKeeper(st, 'ws://elsewhere/').initial(undefined)).toBeUndefined();
  });

  it('drops a malformed kept value, and survives a storage that throws or is missing', () => {
    const st = memory({ [tokenKey(URL_A)]: 'garbage' });
    expect(new FeedTokenKeeper(st, URL_A).initial(undefined)).toBeUndefined();
    expect(st.data.size).toBe(0);
    const throwing: TokenStorage = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const k = new FeedTokenKeeper(throwing, URL_A);
    expect(k.initial(undefined)).toBeUndefined();
    k.offer(GOOD);
    k.observe(connecting);
    expect(() => k.observe(accepted)).not.toThrow();
    const none = new FeedTokenKeeper(null, URL_A);
    none.offer(GOOD);
    none.observe(connecting);
    expect(() => none.observe(accepted)).not.toThrow();
  });
});
