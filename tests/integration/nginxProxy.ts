/**
 * Debian's nginx as a child process of a test, running deploy/nginx/shentwin-feed.conf itself:
 * the recipe is read from disk and only its port, certificate paths, upstream address and access
 * log are swapped for temporary ones, so the test fails when the shipped recipe breaks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NGINX_BIN = process.env.NGINX_PATH || '/usr/sbin/nginx';
export const RECIPE_PATH = fileURLToPath(new URL('../../deploy/nginx/shentwin-feed.conf', import.meta.url));

/** Throws (so the suite fails rather than skips) when nginx is not installed. */
export function requireNginx(): void {
  if (!existsSync(NGINX_BIN)) {
    throw new Error(`${NGINX_BIN} not found: run \`node tests/support/ensure-nginx.mjs\` (installs Debian's nginx-light without starting the system service)`);
  }
}

export interface Cert {
  certPath: string;
  keyPath: string;
  /** PEM, for a client's `ca` option: the self-signed certificate is its own trust anchor. */
  pem: Buffer;
}

export function makeSelfSignedCert(dir: string): Cert {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  // P-256 rather than RSA: key generation takes milliseconds. SAN, not CN, is what clients match.
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', keyPath, '-out', certPath,
  ], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`openssl req -x509 failed: ${r.error?.message ?? r.stderr}`);
  return { certPath, keyPath, pem: readFileSync(certPath) };
}

/** A port that was free a moment ago; nginx needs a number in its config, it cannot take 0. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = srv.address();
  await new Promise((r) => srv.close(r));
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

interface RenderInput {
  port: number;
  cert: Cert;
  upstreamPort: number;
  accessLog: string;
}

/** Replaces one uncommented directive line of the recipe; throws when the recipe no longer has it. */
function swap(text: string, directive: string, replacement: string): string {
  const escaped = directive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '[ \\t]+');
  const re = new RegExp(`^([ \\t]*)${escaped}[ \\t]*$`, 'gm');
  const hits = text.match(re)?.length ?? 0;
  if (hits !== 1) throw new Error(`${RECIPE_PATH}: expected exactly one "${directive}" line, found ${hits}; update tests/integration/nginxProxy.ts`);
  return text.replace(re, (_m, indent: string) => `${indent}${replacement}`);
}

export function renderRecipe(recipe: string, o: RenderInput): string {
  let t = recipe;
  t = swap(t, 'listen 443 ssl;', `listen 127.0.0.1:${o.port} ssl;`);
  t = swap(t, 'ssl_certificate /etc/ssl/shentwin/fullchain.pem;', `ssl_certificate ${o.cert.certPath};`);
  t = swap(t, 'ssl_certificate_key /etc/ssl/shentwin/privkey.pem;', `ssl_certificate_key ${o.cert.keyPath};`);
  t = swap(t, 'server 127.0.0.1:8787;', `server 127.0.0.1:${o.upstreamPort};`);
  t = swap(t, 'access_log /var/log/nginx/shentwin-feed.access.log shentwin_feed;', `access_log ${o.accessLog} shentwin_feed;`);
  return t;
}

/** The main context Debian's nginx.conf would give, with every path inside `dir`. */
function mainConfig(dir: string, http: string): string {
  const tmp = (name: string) => join(dir, `tmp-${name}`);
  // As root the master would otherwise start workers as the compiled-in user, which cannot enter
  // the 0700 temp dir; as another user the directive is ignored with a warning, so leave it out.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  return `${user}
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} info;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${tmp('body')};
    proxy_temp_path ${tmp('proxy')};
    fastcgi_temp_path ${tmp('fastcgi')};
    uwsgi_temp_path ${tmp('uwsgi')};
    scgi_temp_path ${tmp('scgi')};
${http}
}
`;
}

export interface NginxProxy {
  port: number;
  accessLog: string;
  errorLog: string;
  readAccessLog(): string;
  stop(): Promise<void>;
}

function waitForPort(port: number, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before listening: ${stderr()}`));
        return;
      }
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() - t0 > timeoutMs) reject(new Error(`nginx did not listen on ${port} within ${timeoutMs} ms: ${stderr()}`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export async function startNginxProxy(o: { dir: string; cert: Cert; upstreamPort: number }): Promise<NginxProxy> {
  requireNginx();
  const port = await freePort();
  const accessLog = join(o.dir, 'access.log');
  const errorLog = join(o.dir, 'error.log');
  const conf = join(o.dir, 'nginx.conf');
  const recipe = renderRecipe(readFileSync(RECIPE_PATH, 'utf8'), { port, cert: o.cert, upstreamPort: o.upstreamPort, accessLog });
  writeFileSync(conf, mainConfig(o.dir, recipe));
  // -p keeps relative paths in the temp dir; -e replaces the compiled-in startup error log, which
  // nginx opens before it has read the config.
  const base = ['-p', o.dir, '-e', errorLog, '-c', conf];
  const check = spawnSync(NGINX_BIN, ['-t', ...base], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t rejected the rendered recipe:\n${check.stderr}\n--- ${conf} ---\n${readFileSync(conf, 'utf8')}`);

  // In the foreground, as our child, so its lifetime is ours and no pid file has to be trusted.
  const child = spawn(NGINX_BIN, [...base, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail = () => {
    const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-2000) : '';
    return `${stderr}\n${log}`.trim();
  };
  // If the test process dies without afterAll, the master must not outlive it. SIGTERM (fast
  // shutdown), not SIGKILL: the master then takes its worker down with it.
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), 3000));
    if ((await Promise.race([exited.then(() => 'done' as const), timer])) === 'late') {
      child.kill('SIGKILL');
      await exited;
    }
  };
  try {
    await waitForPort(port, child, tail, 5000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    port, accessLog, errorLog, stop,
    readAccessLog: () => (existsSync(accessLog) ? readFileSync(accessLog, 'utf8') : ''),
  };
}
