import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../../src/server/auth/hash';
import { addToken, parseTokenFile, readTokenFile, removeToken } from '../../../src/server/auth/tokenFile';
import { newToken, parseToken, TOKEN_PATTERN, tokenFromSubprotocols } from '../../../src/server/auth/tokenFormat';
import { TokenStore } from '../../../src/server/auth/TokenStore';

// Cheap scrypt parameters keep these tests fast; the default cost is exercised by addToken below.
const FAST = { N: 1024, r: 8, p: 1 };
const tmp = () => join(mkdtempSync(join(tmpdir(), 'st-auth-')), 'tokens.json');

describe('token hashing', () => {
  it('verifies the secret it hashed and nothing else; salts differ', async () => {
    const a = await hashSecret('correct horse', FAST);
    const b = await hashSecret('correct horse', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifySecret('correct horse', a)).toBe(true);
    expect(await verifySecret('correct horse', b)).toBe(true);
    expect(await verifySecret('correct horsf', a)).toBe(false);
    expect(await verifySecret('', a)).toBe(false);
  });
});

describe('token format', () => {
  it('round-trips and fits a WebSocket subprotocol', () => {
    const t = newToken();
    expect(t.token).toMatch(TOKEN_PATTERN);
    expect(parseToken(t.token)).toEqual({ id: t.id, secret: t.secret });
    // RFC 7230 tchar only, so `shentwin.token.<token>` is a valid Sec-WebSocket-Protocol value.
    expect(t.token).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
    expect(tokenFromSubprotocols(['shentwin.v1', `shentwin.token.${t.token}`])).toBe(t.token);
    expect(tokenFromSubprotocols(['shentwin.v1'])).toBeNull();
  });
  it('rejects malformed tokens', () => {
    for (const bad of ['', 'st1..', 'st2.0123456789abcdef.' + 'a'.repeat(43), 'st1.0123456789ABCDEF.' + 'a'.repeat(43), 'st1.0123456789abcdef.' + 'a'.repeat(42)]) {
      expect(parseToken(bad)).toBeNull();
    }
  });
});

describe('token file', () => {
  it('add stores a hash, never the token; the file is private; remove deletes by name', async () => {
    const file = tmp();
    const token = await addToken(file, 'wall-left', 'wall');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(parseToken(token)!.secret);
    expect(text).not.toContain(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const f = await readTokenFile(file);
    expect(f.tokens.map((t) => [t.name, t.role])).toEqual([['wall-left', 'wall']]);
    await expect(addToken(file, 'wall-left', 'viewer')).rejects.toThrow(/exists/);
    await expect(addToken(file, 'bad name!', 'viewer')).rejects.toThrow(/token name/);
    expect(await removeToken(file, 'wall-left')).toBe(true);
    expect(await removeToken(file, 'wall-left')).toBe(false);
    expect((await readTokenFile(file)).tokens).toEqual([]);
  });
  it('names the file and field of a broken entry', () => {
    expect(() => parseTokenFile('{', 'a.json')).toThrow(/a\.json: not JSON/);
    expect(() => parseTokenFile('{"version":1,"tokens":[{"id":"x"}]}', 'a.json')).toThrow(/a\.json: tokens\.0\.id/);
    const e = { id: '0123456789abcdef', name: 'a', role: 'boss', salt: 's'.repeat(16), hash: 'h'.repeat(16), N: 1024, r: 8, p: 1, created: 'now' };
    expect(() => parseTokenFile(JSON.stringify({ version: 1, tokens: [e] }), 'a.json')).toThrow(/tokens\.0\.role/);
    const ok = { ...e, role: 'viewer' };
    expect(() => parseTokenFile(JSON.stringify({ version: 1, tokens: [ok, { ...ok, id: 'fedcba9876543210' }] }), 'a.json')).toThrow(/duplicate/);
  });
});

async function fileWith(entries: { name: string; role: 'viewer' | 'operator' }[]) {
  const file = tmp();
  const tokens: Record<string, string> = {};
  const list = [];
  for (const e of entries) {
    const t = newToken();
    tokens[e.name] = t.token;
    list.push({ id: t.id, name: e.name, role: e.role, ...(await hashSecret(t.secret, FAST)), created: '2026-12-01T00:00:00Z' });
  }
  writeFileSync(file, JSON.stringify({ version: 1, tokens: list }));
  return { file, tokens, list };
}

describe('token store', () => {
  it('accepts a good token with its name and role, refuses unknown, wrong and malformed ones', async () => {
    const { file, tokens } = await fileWith([{ name: 'ops', role: 'operator' }, { name: 'v', role: 'viewer' }]);
    const store = new TokenStore(file);
    await store.load();
    expect(await store.verify(tokens.ops!)).toMatchObject({ ok: true, name: 'ops', role: 'operator' });
    expect(await store.verify(tokens.ops!)).toMatchObject({ ok: true, name: 'ops' }); // cached path
    const wrong = tokens.ops!.slice(0, -1) + (tokens.ops!.endsWith('A') ? 'B' : 'A');
    expect(await store.verify(wrong)).toEqual({ ok: false, reason: 'wrong secret', name: 'ops' });
    expect(await store.verify(newToken().token)).toEqual({ ok: false, reason: 'unknown token', name: null });
    expect(await store.verify('hello')).toEqual({ ok: false, reason: 'malformed token', name: null });
  });
  it('a reload revokes removed tokens and keeps the old table when the new file is broken', async () => {
    const { file, tokens, list } = await fileWith([{ name: 'ops', role: 'operator' }, { name: 'v', role: 'viewer' }]);
    const store = new TokenStore(file);
    await store.load();
    expect((await store.verify(tokens.v!)).ok).toBe(true);
    writeFileSync(file, JSON.stringify({ version: 1, tokens: list.filter((t) => t.name !== 'v') }));
    await store.load();
    expect(await store.verify(tokens.v!)).toMatchObject({ ok: false, reason: 'unknown token' });
    writeFileSync(file, '{ broken');
    await expect(store.load()).rejects.toThrow(/not JSON/);
    expect((await store.verify(tokens.ops!)).ok).toBe(true);
  });
});
