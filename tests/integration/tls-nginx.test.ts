/**
 * The operation-centre deployment, end to end: Debian's nginx runs deploy/nginx/shentwin-feed.conf
 * with a self-signed certificate in front of a feed server started with --auth, and a `ws` client
 * that trusts only that certificate talks wss:// to it. Needs /usr/sbin/nginx
 * (tests/support/ensure-nginx.mjs installs it); without it the suite fails, it does not skip.
 */
import type { IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { addToken } from '../../src/server/auth/tokenFile';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { startZoneServer, waitFor } from './helpers';
import { makeSelfSignedCert, requireNginx, startNginxProxy, type Cert, type NginxProxy } from './nginxProxy';

const ALLOWED_ORIGIN = 'https://ops.example.cn';

interface Msg {
  type: string;
  [k: string]: unknown;
}

interface Conn {
  ws: WebSocket;
  messages: Msg[];
  /** The HTTP 101 response, whose socket is the TLS connection nginx terminated; settles before `opened`. */
  upgraded: Promise<IncomingMessage>;
  /** Rejects with the connection error, so a failed handshake fails the test at once. */
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  error: Promise<Error>;
}

describe('wss:// through nginx (deploy/nginx/shentwin-feed.conf)', { timeout: 15_000 }, () => {
  let dir: string | null = null;
  let cert: Cert;
  let token = '';
  let server: RunningFeedServer | null = null;
  let proxy: NginxProxy | null = null;
  const serverLog: string[] = [];
  const conns: Conn[] = [];

  function open(url: string, protocols: string[] = [], extra: ClientOptions = {}): Conn {
    // `ca` and not rejectUnauthorized:false: the client must verify the chain and the SAN the way a
    // screen does with the operation centre's CA.
    const ws = new WebSocket(url, protocols, { ca: cert.pem, handshakeTimeout: 5000, ...extra });
    const messages: Msg[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d)) as Msg));
    const opened = new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    // Tests that expect the handshake to fail never await it.
    opened.catch(() => {});
    const conn: Conn = {
      ws, messages, opened,
      upgraded: new Promise((resolve) => ws.once('upgrade', resolve)),
      closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) }))),
      error: new Promise((resolve) => ws.once('error', resolve)),
    };
    conns.push(conn);
    return conn;
  }

  const wssUrl = (path = '/') => `wss://127.0.0.1:${proxy!.port}${path}`;
  const first = (c: Conn, type: string) => c.messages.find((m) => m.type === type);

  function httpsJson(path: string): Promise<{ status: number; type: string; body: unknown }> {
    return new Promise((resolve, reject) => {
      const req = httpsGet({ host: '127.0.0.1', port: proxy!.port, path, ca: cert.pem, timeout: 5000 }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: JSON.parse(text) });
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
      req.on('error', reject);
    });
  }

  beforeAll(async () => {
    requireNginx();
    dir = mkdtempSync(join(tmpdir(), 'shentwin-tls-'));
    cert = makeSelfSignedCert(dir);
    const authFile = join(dir, 'tokens.json');
    token = await addToken(authFile, 'ops-1', 'viewer');
    server = await startZoneServer(0, { authFile, origins: [ALLOWED_ORIGIN], log: (l) => serverLog.push(l) });
    proxy = await startNginxProxy({ dir, cert, upstreamPort: server.port });
  });

  // Runs even when beforeAll failed half-way: each piece is stopped only if it was started.
  afterAll(async () => {
    for (const c of conns) c.ws.terminate();
    try {
      await proxy?.stop();
    } finally {
      await server?.stop('hard');
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves GET /health as JSON through the proxy', async () => {
    const r = await httpsJson('/health');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    const body = r.body as { status: string; zones: Record<string, { vehicles: number }> };
    expect(body.status).toBe('ok');
    expect(body.zones.jiading?.vehicles).toBeGreaterThan(0);
  });

  it('authenticates a first-message token over TLS 1.2+ and streams the zone', async () => {
    const c = open(wssUrl(), [], { origin: ALLOWED_ORIGIN });
    await c.opened;
    const tls = (await c.upgraded).socket as TLSSocket;
    expect(tls.authorized).toBe(true);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(tls.getProtocol());
    // Both right after open, as the viewer does: the server holds the subscribe until auth is done.
    c.ws.send(JSON.stringify({ v: 1, type: 'auth', token }));
    c.ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'jiading' }));
    await waitFor(() => first(c, 'snapshot') !== undefined || first(c, 'error') !== undefined, 5000, 'a snapshot');
    expect(first(c, 'error')).toBeUndefined();
    expect(first(c, 'hello')).toMatchObject({ authRequired: true });
    expect(first(c, 'auth-ok')).toMatchObject({ name: 'ops-1', role: 'viewer' });
    const types = c.messages.map((m) => m.type);
    expect(types.indexOf('auth-ok')).toBeLessThan(types.indexOf('snapshot'));
    const snap = first(c, 'snapshot') as Msg & { zone: string; vehicles: unknown[] };
    expect(snap.zone).toBe('jiading');
    expect(snap.vehicles.length).toBeGreaterThan(0);
  });

  it('passes close code 4401 for a wrong token through, and the client address in X-Forwarded-For', async () => {
    const c = open(wssUrl());
    await c.opened;
    // Same public id, different secret: the server finds the entry and the hash check fails.
    const wrong = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    c.ws.send(JSON.stringify({ v: 1, type: 'auth', token: wrong }));
    const { code, reason } = await c.closed;
    expect(code).toBe(4401);
    expect(reason).toMatch(/^unauthorised/);
    expect(first(c, 'error')).toMatchObject({ code: 'unauthorised' });
    // nginx appends the peer to X-Forwarded-For; the server names it in its refusal log line.
    expect(serverLog.some((l) => l.includes('(for 127.0.0.1)'))).toBe(true);
  });

  it('forwards Origin, so the server refuses one outside its allow-list', async () => {
    const c = open(wssUrl(), [], { origin: 'https://elsewhere.example' });
    const res = await new Promise<IncomingMessage>((resolve) => c.ws.once('unexpected-response', (_req, r) => resolve(r)));
    expect(res.statusCode).toBe(403);
    res.resume();
  });

  it('refuses plain ws:// on the TLS port', async () => {
    const c = open(`ws://127.0.0.1:${proxy!.port}/`);
    const err = await c.error;
    // nginx answers a plain HTTP request on an ssl listener with 400 ("plain HTTP request was sent to HTTPS port").
    expect(err.message).toMatch(/Unexpected server response: 400/);
  });

  it('refuses TLS 1.1', async () => {
    // SECLEVEL=0 so that the refusal comes from nginx, not from this client's own OpenSSL policy.
    const c = open(wssUrl(), [], { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    const err = await c.error;
    expect(err.message).toMatch(/alert protocol version/);
  });

  it('never writes a token to the access log, from the query string or the subprotocol', async () => {
    const before = proxy!.readAccessLog().split('\n').filter(Boolean).length;
    // Both leak paths the protocol forbids or discourages, used here on purpose.
    await httpsJson(`/health?token=${encodeURIComponent(token)}`);
    const c = open(wssUrl(), ['shentwin.v1', `shentwin.token.${token}`]);
    await c.opened;
    expect(c.ws.protocol).toBe('shentwin.v1');
    c.ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'jiading' }));
    await waitFor(() => first(c, 'snapshot') !== undefined, 5000, 'a snapshot on the subprotocol connection');
    expect(first(c, 'auth-ok')).toMatchObject({ role: 'viewer' });
    c.ws.close(1000);
    await c.closed;
    // nginx writes an upgraded request's line when the tunnel closes.
    await waitFor(() => proxy!.readAccessLog().split('\n').filter(Boolean).length >= before + 2, 3000, 'the access log lines');
    const log = proxy!.readAccessLog();
    expect(log).toMatch(/"GET \/health HTTP\/1\.1" 200 /);
    expect(log).toMatch(/"GET \/ HTTP\/1\.1" 101 /);
    const secret = token.slice(token.lastIndexOf('.') + 1);
    expect(log).not.toContain(secret);
    expect(log).not.toContain('token');
  });
});
