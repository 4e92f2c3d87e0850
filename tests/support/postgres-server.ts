/**
 * A throwaway PostgreSQL server for one test file or benchmark: initdb into a temporary directory,
 * started with pg_ctl on a free loopback port (listen_addresses=127.0.0.1, its socket in that
 * directory, trust auth), and removed again by stop(). Debian's package (tests/support/
 * ensure-postgres.mjs installs it) puts the binaries under /usr/lib/postgresql/<major>/bin.
 *
 * PostgreSQL refuses to run as root, so as root every server command runs as the `postgres` user
 * the package creates (`runuser -u postgres --`) and the directory is handed to that user.
 * `fast` turns off fsync and full-page writes: a test database that a crash may lose.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new empty database on this server; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** fsync=off, full_page_writes=off, synchronous_commit=off (default true). */
  fast?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
}

const START_TIMEOUT_S = 30;

/** PG_BIN, or the newest /usr/lib/postgresql/<major>/bin that has a postgres binary. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!majors[0]) throw new Error(`no PostgreSQL server under ${root}; run node tests/support/ensure-postgres.mjs (or set PG_BIN)`);
  return join(root, majors[0], 'bin');
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(o: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'st-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  // As root, the server's own commands run as `postgres`, which must own the directory.
  const pgCmd = (tool: string, args: string[], timeoutMs = START_TIMEOUT_S * 1000) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], timeoutMs) : run(join(bin, tool), args, timeoutMs);
  let started = false;
  try {
    if (asRoot) {
      const uid = (await run('id', ['-u', 'postgres'], 5000).catch(() => '')).trim();
      if (!uid) throw new Error('running as root, but there is no `postgres` user to run the server as (install Debian\'s postgresql)');
      chownSync(dir, Number(uid), Number((await run('id', ['-g', 'postgres'], 5000)).trim()));
    }
    const user = asRoot ? 'postgres' : userInfo().username;
    await pgCmd('initdb', ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    const fast = o.fast ?? true;
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1', unix_socket_directories: dir, max_connections: '40', shared_buffers: '128MB',
      ...(fast ? { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' } : {}),
      ...o.settings,
    };
    let port = 0;
    // A free port can be taken between asking and binding: try another one.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const opts = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
      try {
        await pgCmd('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', String(START_TIMEOUT_S), '-o', opts]);
        started = true;
      } catch (e) {
        if (attempt >= 3) throw new Error(`${(e as Error).message}\n--- server.log ---\n${tail(log)}`);
      }
    }
    const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/postgres`;
    await waitForConnections(url);
    return {
      url, port,
      createDatabase: async (name) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
        } finally {
          await c.end();
        }
        return `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
      },
      stop: async () => {
        try {
          await pgCmd('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '20']);
        } catch {
          killPostmaster(data);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (started) killPostmaster(data);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** pg_ctl -w already waited for the server to accept connections; this checks it over TCP as the store will connect. */
async function waitForConnections(url: string): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (e) {
      await c.end().catch(() => {});
      if (Date.now() - t0 > START_TIMEOUT_S * 1000) throw new Error(`PostgreSQL at ${url} never accepted a connection: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The last resort when pg_ctl stop fails: SIGQUIT (immediate shutdown) to the postmaster in postmaster.pid. */
function killPostmaster(data: string): void {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // Not running, or already gone.
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;
