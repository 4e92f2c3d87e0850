/**
 * `npm run feed -- token add|list|remove …`: manages the token file. `add` prints the new token
 * once on stdout (and nothing else there, so `… token add wall-1 wall > wall-1.token` works); the
 * file only ever holds its hash. Returns the process exit code.
 */
import { parseArgs } from 'node:util';
import { isRole, ROLES } from './roles';
import { addToken, readTokenFile, removeToken } from './tokenFile';

export const DEFAULT_TOKEN_FILE = 'feed-tokens.json';

export async function runTokenCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { auth: { type: 'string' } } });
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
  const file = parsed.values.auth ?? DEFAULT_TOKEN_FILE;
  const [verb, name, role] = parsed.positionals;
  try {
    if (verb === 'add' && name && role && parsed.positionals.length === 3) {
      if (!isRole(role)) {
        err(`role "${role}": one of ${ROLES.join(', ')}`);
        return 2;
      }
      const token = await addToken(file, name, role);
      out(token);
      err(`added "${name}" (${role}) to ${file}; the token above is shown once. A running server picks it up on SIGHUP.`);
      return 0;
    }
    if (verb === 'list' && parsed.positionals.length === 1) {
      const f = await readTokenFile(file);
      for (const t of f.tokens) out(`${t.name}\t${t.role}\t${t.created}\tst1.${t.id}.…`);
      return 0;
    }
    if (verb === 'remove' && name && parsed.positionals.length === 2) {
      if (!(await removeToken(file, name))) {
        err(`no token named "${name}" in ${file}`);
        return 1;
      }
      err(`removed "${name}" from ${file}; send SIGHUP to a running server to disconnect it`);
      return 0;
    }
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
  err('usage: token add <name> <viewer|wall|operator|drill> | token list | token remove <name>   [--auth <file>]');
  return 2;
}
