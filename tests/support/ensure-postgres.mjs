// The PostgreSQL recording-store test (tests/integration/recorder-postgres.test.ts) starts its own
// throwaway server from Debian's binaries (tests/support/postgres-server.ts). Install them when
// missing so that the README's test command passes on a fresh Debian machine, the same way
// ensure-nginx.mjs does for nginx. Debian 12's `postgresql` is PostgreSQL 15, under
// /usr/lib/postgresql/15/bin. The package's own cluster is not started (apt-install-quietly.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aptInstallQuietly } from './apt-install-quietly.mjs';

const ROOT = '/usr/lib/postgresql';
/** PG_BIN (a bin directory with `postgres` in it), or any installed major version. */
function serverBinary() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'postgres')) ? join(process.env.PG_BIN, 'postgres') : null;
  if (!existsSync(ROOT)) return null;
  for (const v of readdirSync(ROOT)) {
    const bin = join(ROOT, v, 'bin', 'postgres');
    if (existsSync(bin)) return bin;
  }
  return null;
}
if (serverBinary()) {
  process.exit(0);
}

console.log(`[ensure-postgres] no PostgreSQL server under ${ROOT}; installing Debian's postgresql…`);
try {
  aptInstallQuietly('ensure-postgres', ['postgresql']);
} catch (e) {
  console.error('[ensure-postgres] could not install postgresql with apt-get:', e.message);
  process.exit(1);
}
if (!serverBinary()) {
  console.error(`[ensure-postgres] apt-get finished but there is still no ${ROOT}/<version>/bin/postgres`);
  process.exit(1);
}
const RUN_DIR = '/var/run/postgresql';
if (existsSync(RUN_DIR) && readdirSync(RUN_DIR).some((f) => f.endsWith('.pid'))) {
  console.error(`[ensure-postgres] warning: a PostgreSQL pid file is in ${RUN_DIR}; the system service was started by someone`);
}
