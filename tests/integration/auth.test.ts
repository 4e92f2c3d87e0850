/**
 * Access control against a real feed server with a real token file: who may watch, who may drive,
 * what a refusal looks like, and that one abusive client cannot hurt another.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addToken } from '../../src/server/auth/tokenFile';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { startZoneServer, waitFor } from './helpers';

interface Peer {
  ws: WebSocket;
  got: Record<string, unknown>[];
  closed: { code: number; reason: string } | null;
  send(m: object): void;
  of(type: string): Record<string, unknown>[];
}

function connect(port: number, opts: { protocols?: string[]; origin?: string } = {}): Promise<Peer> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, opts.protocols ?? [], opts.origin ? { origin: opts.origin } : {});
  const p: Peer = {
    ws, got: [], closed: null,
    send: (m) => ws.send(JSON.stringify({ v: 1, ...m })),
    of: (type) => p.got.filter((m) => m.type === type),
  };
  ws.on('message', (d) => p.got.push(JSON.parse(String(d)) as Record<string, unknown>));
  ws.on('close', (code, reason) => (p.closed = { code, reason: String(reason) }));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(p));
    ws.once('error', reject);
  });
}

const state = { seq: 1, zone: 'jiading', camera: { position: [10, 200, 30], target: [0, 0, 0], fovDeg: 45 } };

describe('feed server access control (real server, real token file)', () => {
  let server: RunningFeedServer | null = null;
  const peers: Peer[] = [];
  const logs: string[] = [];
  afterEach(async () => {
    for (const p of peers.splice(0)) p.ws.terminate();
    await server?.stop('graceful');
    server = null;
    logs.length = 0;
  });

  async function setup(extra: Parameters<typeof startZoneServer>[1] = {}) {
    const file = join(mkdtempSync(join(tmpdir(), 'st-auth-it-')), 'tokens.json');
    const tokens = {
      viewer: await addToken(file, 'lobby-viewer', 'viewer'),
      wall: await addToken(file, 'wall-1', 'wall'),
      operator: await addToken(file, 'duty-operator', 'operator'),
      drill: await addToken(file, 'drill-lead', 'drill'),
    };
    server = await startZoneServer(0, { authFile: file, allowControl: true, authDeadlineMs: 1500, log: (l) => logs.push(l), ...extra });
    const open = async (o: Parameters<typeof connect>[1] = {}) => {
      const p = await connect(server!.port, o);
      peers.push(p);
      return p;
    };
    return { file, tokens, open, s: server };
  }

  it('no token: hello says so, nothing is served, and the connection is closed 4401 at the deadline', async () => {
    const { open, s } = await setup();
    const p = await open();
    await waitFor(() => p.of('hello').length === 1, 2000, 'hello');
    expect(p.of('hello')[0]!.authRequired).toBe(true);
    p.send({ type: 'subscribe', zone: 'jiading' });
    await waitFor(() => p.of('error').length > 0, 2000, 'a refusal');
    expect(p.of('error')[0]).toMatchObject({ code: 'unauthenticated' });
    await waitFor(() => p.closed !== null, 4000, 'the deadline close');
    expect(p.closed!.code).toBe(4401);
    expect(p.of('snapshot')).toHaveLength(0);
    expect((s.server.health().auth as { authFailures: number }).authFailures).toBe(1);
  });

  it('a wrong token is refused with 4401 and counted; the log names the token, never its value', async () => {
    const { open, s, tokens } = await setup();
    const wrong = tokens.viewer.slice(0, -2) + (tokens.viewer.endsWith('AA') ? 'BB' : 'AA');
    const p = await open();
    p.send({ type: 'auth', token: wrong });
    p.send({ type: 'subscribe', zone: 'jiading' });
    await waitFor(() => p.closed !== null, 4000, 'close');
    expect(p.closed).toMatchObject({ code: 4401, reason: 'unauthorised: invalid token' });
    expect(p.of('error')[0]).toMatchObject({ code: 'unauthorised' });
    expect(p.of('snapshot')).toHaveLength(0);
    const unknown = await open();
    unknown.send({ type: 'auth', token: 'st1.0000000000000000.' + 'a'.repeat(43) });
    await waitFor(() => unknown.closed !== null, 4000, 'close');
    expect(unknown.closed!.code).toBe(4401);
    expect((s.server.health().auth as { authFailures: number }).authFailures).toBe(2);
    expect(logs.some((l) => l.includes('"lobby-viewer"') && l.includes('wrong secret'))).toBe(true);
    for (const l of logs) for (const t of Object.values(tokens)) expect(l).not.toContain(t.split('.')[2]);
    expect(logs.join('\n')).not.toContain(wrong);
  });

  it('viewer subscribes but may not drill or lead a wall, and stays connected; operator leads; drill drills', async () => {
    const { open, s, tokens } = await setup();
    const viewer = await open();
    viewer.send({ type: 'auth', token: tokens.viewer });
    viewer.send({ type: 'subscribe', zone: 'jiading' }); // queued while the hash is checked
    await waitFor(() => viewer.of('snapshot').length === 1, 5000, 'viewer snapshot');
    expect(viewer.of('auth-ok')[0]).toMatchObject({ name: 'lobby-viewer', role: 'viewer' });
    viewer.send({ type: 'control', zone: 'jiading', scenario: 'rainstorm' });
    viewer.send({ type: 'wall-join', wall: 'ioc', as: 'leader' });
    viewer.send({ type: 'wall-join', wall: 'ioc', as: 'follower' });
    await waitFor(() => viewer.of('error').length === 3, 3000, 'three refusals');
    expect(viewer.of('error').map((e) => e.code)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(String(viewer.of('error')[0]!.message)).toMatch(/role viewer may not control \(needs drill/);
    const deltasBefore = viewer.of('delta').length;
    await waitFor(() => viewer.of('delta').length > deltasBefore + 3, 3000, 'deltas still flowing');
    expect(viewer.closed).toBeNull();
    expect(logs.some((l) => l.startsWith('control by'))).toBe(false);

    // Token in the subprotocol header (walls and tools that cannot send a first message).
    const op = await open({ protocols: ['shentwin.v1', `shentwin.token.${tokens.operator}`] });
    expect(op.ws.protocol).toBe('shentwin.v1');
    await waitFor(() => op.of('auth-ok').length === 1, 5000, 'operator auth');
    const wall = await open();
    wall.send({ type: 'auth', token: tokens.wall });
    wall.send({ type: 'wall-join', wall: 'ioc', as: 'follower' });
    await waitFor(() => wall.of('wall-joined').length === 1, 5000, 'wall joined');
    op.send({ type: 'wall-join', wall: 'ioc', as: 'leader' });
    await waitFor(() => op.of('wall-joined').length === 1, 3000, 'operator leads');
    op.send({ type: 'wall-state', wall: 'ioc', state });
    await waitFor(() => wall.of('wall-state').length === 1, 3000, 'relayed pose');
    expect(wall.of('wall-state')[0]!.state).toEqual(state);
    op.send({ type: 'control', zone: 'jiading', scenario: 'rainstorm' });
    await waitFor(() => op.of('error').length === 1, 3000, 'operator may not drill');
    expect(op.of('error')[0]!.code).toBe('forbidden');

    const drill = await open();
    drill.send({ type: 'auth', token: tokens.drill });
    drill.send({ type: 'control', zone: 'jiading', scenario: 'crash' });
    await waitFor(() => logs.some((l) => l.startsWith('control by drill-lead:')), 5000, 'the drill to start');
    expect(drill.of('error')).toHaveLength(0);
    const refused = (s.server.health().auth as { refused: Record<string, number> }).refused;
    expect(refused.forbidden).toBe(4);
    expect(logs.some((l) => l.includes('refused control from lobby-viewer'))).toBe(true);
  });

  it('a flood is cut off (4429) while a second client keeps its stream', async () => {
    const { open, s, tokens } = await setup({ limits: { msgRatePerS: 10, msgBurst: 20 } });
    const calm = await open();
    calm.send({ type: 'auth', token: tokens.viewer });
    calm.send({ type: 'subscribe', zone: 'jiading' });
    const flood = await open();
    flood.send({ type: 'auth', token: tokens.wall });
    await waitFor(() => calm.of('snapshot').length === 1 && flood.of('auth-ok').length === 1, 5000, 'both in');
    for (let i = 0; i < 200; i++) flood.send({ type: 'ping', clientTs: i });
    await waitFor(() => flood.closed !== null, 3000, 'the flood to be cut');
    expect(flood.closed!.code).toBe(4429);
    expect(flood.closed!.reason).toMatch(/rate limit/);
    const n = calm.of('delta').length;
    await waitFor(() => calm.of('delta').length > n + 5, 3000, 'the calm client to keep receiving');
    expect(calm.closed).toBeNull();
    expect((s.server.health().auth as { rateLimited: number }).rateLimited).toBe(1);
    expect(logs.some((l) => l.includes('limit: wall-1'))).toBe(true);
  });

  it('a reload (SIGHUP) closes revoked sessions and applies role changes; a broken file keeps the old tokens', async () => {
    const { open, s, tokens, file } = await setup();
    const v = await open();
    v.send({ type: 'auth', token: tokens.viewer });
    const w = await open();
    w.send({ type: 'auth', token: tokens.wall });
    await waitFor(() => v.of('auth-ok').length === 1 && w.of('auth-ok').length === 1, 5000, 'both in');
    const f = JSON.parse(readFileSync(file, 'utf8')) as { tokens: { name: string; role: string }[] };
    f.tokens = f.tokens.filter((t) => t.name !== 'lobby-viewer').map((t) => (t.name === 'wall-1' ? { ...t, role: 'operator' } : t));
    writeFileSync(file, JSON.stringify(f));
    expect(await s.server.reloadAuth()).toMatchObject({ ok: true, tokens: 3, revoked: 1, rerole: 1 });
    await waitFor(() => v.closed !== null && w.of('auth-ok').length === 2, 3000, 'revocation and new role');
    expect(v.closed).toMatchObject({ code: 4401, reason: 'unauthorised: token revoked' });
    expect(w.of('auth-ok')[1]).toMatchObject({ role: 'operator' });
    writeFileSync(file, '{');
    expect(await s.server.reloadAuth()).toMatchObject({ ok: false });
    const again = await open();
    again.send({ type: 'auth', token: tokens.operator });
    await waitFor(() => again.of('auth-ok').length === 1, 5000, 'old tokens still valid');
  });

  it('refuses browsers from origins that are not on the allow-list', async () => {
    const { open, s, tokens } = await setup({ origins: ['https://ioc.example.cn'] });
    await expect(connect(s.port, { origin: 'https://evil.example.com' })).rejects.toThrow(/403/);
    const ok = await open({ origin: 'https://ioc.example.cn' });
    ok.send({ type: 'auth', token: tokens.viewer });
    await waitFor(() => ok.of('auth-ok').length === 1, 5000, 'allowed origin');
    const tool = await open(); // no Origin header: not a browser; still needs its token
    await waitFor(() => tool.of('hello').length === 1, 2000, 'hello');
    expect((s.server.health().auth as { originRefused: number }).originRefused).toBe(1);
  });
});
