/**
 * The token file read by `--auth <file>`: named entries with a role and a salted scrypt hash of
 * the secret, never the token itself. Written atomically (temp file + rename) with mode 0600, so a
 * SIGHUP reload never sees half a file and other local users cannot read the hashes.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { hashSecret } from './hash';
import { ROLES, type Role } from './roles';
import { newToken } from './tokenFormat';

export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

const entrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/, '16 lower-case hex characters'),
  name: z.string().regex(TOKEN_NAME_PATTERN, 'letters, digits, dot, dash or underscore (1–64)'),
  role: z.enum(ROLES),
  salt: z.string().min(16).max(200),
  hash: z.string().min(16).max(200),
  N: z.number().int().min(1024).max(1 << 20).refine((n) => (n & (n - 1)) === 0, 'a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  created: z.string().max(40),
});
const fileSchema = z.object({ version: z.literal(1), tokens: z.array(entrySchema).max(10_000) });

export type TokenEntry = z.infer<typeof entrySchema>;
export type TokenFile = z.infer<typeof fileSchema>;

/** Parses and checks a token file's text; throws an error that names the file and the field. */
export function parseTokenFile(text: string, path: string): TokenFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON (${(e as Error).message})`);
  }
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${path}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const seen = new Set<string>();
  for (const t of r.data.tokens) {
    if (seen.has(t.name) || seen.has(`#${t.id}`)) throw new Error(`${path}: duplicate token name or id "${t.name}"`);
    seen.add(t.name).add(`#${t.id}`);
  }
  return r.data;
}

export async function readTokenFile(path: string): Promise<TokenFile> {
  return parseTokenFile(await readFile(path, 'utf8'), path);
}

async function readOrEmpty(path: string): Promise<TokenFile> {
  try {
    return await readTokenFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, tokens: [] };
    throw e;
  }
}

async function writeTokenFile(path: string, f: TokenFile): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(f, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** Adds a named token and returns the token string: the only time it exists outside the client. */
export async function addToken(path: string, name: string, role: Role, now = new Date()): Promise<string> {
  if (!TOKEN_NAME_PATTERN.test(name)) throw new Error(`token name "${name}": letters, digits, dot, dash or underscore (1–64)`);
  const f = await readOrEmpty(path);
  if (f.tokens.some((t) => t.name === name)) throw new Error(`a token named "${name}" exists; remove it first`);
  const { token, id, secret } = newToken();
  const h = await hashSecret(secret);
  f.tokens.push({ id, name, role, ...h, created: now.toISOString() });
  await writeTokenFile(path, f);
  return token;
}

/** Removes a token by name; true when one was there. Running servers drop it on SIGHUP. */
export async function removeToken(path: string, name: string): Promise<boolean> {
  const f = await readOrEmpty(path);
  const kept = f.tokens.filter((t) => t.name !== name);
  if (kept.length === f.tokens.length) return false;
  await writeTokenFile(path, { ...f, tokens: kept });
  return true;
}
