/**
 * Salted scrypt hashes of token secrets (node:crypto, i.e. OpenSSL's scrypt). The cost parameters
 * are stored with each hash so they can be raised later without invalidating issued tokens.
 * Verification is asynchronous (libuv's thread pool), so a burst of logins does not block the
 * event loop that serves every other client.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~16 MiB and a few tens of ms per hash: costly to brute-force, cheap once per connection. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 16_384, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(secret: string, salt: Buffer, prm: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, { N: prm.N, r: prm.r, p: prm.p, maxmem: 128 * prm.N * prm.r * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashSecret(secret: string, prm: ScryptParams = DEFAULT_SCRYPT): Promise<{ salt: string; hash: string } & ScryptParams> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, prm);
  return { salt: salt.toString('base64'), hash: key.toString('base64'), ...prm };
}

export async function verifySecret(secret: string, stored: { salt: string; hash: string } & ScryptParams): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
