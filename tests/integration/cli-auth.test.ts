/** The feed CLI's access-control surface as an operator uses it: token commands, refusing an open LAN bind, SIGHUP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

function closeOf(port: number, token: string): Promise<{ code: number; got: string[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const got: string[] = [];
  ws.on('message', (d) => got.push(String(d)));
  ws.once('open', () => ws.send(JSON.stringify({ v: 1, type: 'auth', token })));
  return new Promise((r) => ws.once('close', (code) => r({ code, got })));
}

describe('npm run feed: tokens and access control', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('a non-loopback --host without --auth refuses to start and says why', async () => {
    const p = run(['--roads', 'synthetic', '--origin', '121.17,31.29', '--host', '0.0.0.0', '--port', '0']);
    child = p.child;
    expect(await p.exit).toBe(2);
    expect(p.stderr()).toMatch(/--host 0\.0\.0\.0 serves the network without access control/);
    expect(p.stderr()).toMatch(/--insecure-lan/);
  });

  it('token add prints a token once; the server accepts it, and drops it after token remove + SIGHUP', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'st-cli-auth-')), 'tokens.json');
    const add = run(['token', 'add', 'wall-1', 'wall', '--auth', file]);
    expect(await add.exit).toBe(0);
    const token = add.stdout().trim();
    expect(token).toMatch(/^st1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8')).not.toContain(token.split('.')[2]);
    const bad = run(['token', 'add', 'x', 'admin', '--auth', file]);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toMatch(/one of viewer, wall, operator, drill/);

    const p = run(['--roads', 'synthetic', '--origin', '121.17,31.29', '--port', '0', '--host', '0.0.0.0', '--auth', file]);
    child = p.child;
    await waitFor(() => /serving ws:\/\/0\.0\.0\.0:\d+\//.test(p.stderr()), 20_000, 'the server to start');
    // The two start-up lines are separate writes: the second may arrive in a later chunk.
    await waitFor(() => /access control: 1 tokens from/.test(p.stderr()), 5_000, 'the access-control line');
    const port = Number(/serving ws:\/\/0\.0\.0\.0:(\d+)\//.exec(p.stderr())![1]);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    const got: Record<string, unknown>[] = [];
    ws.on('message', (d) => got.push(JSON.parse(String(d)) as Record<string, unknown>));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ v: 1, type: 'auth', token }));
    await waitFor(() => got.some((m) => m.type === 'auth-ok'), 5000, 'auth-ok');

    const rm = run(['token', 'remove', 'wall-1', '--auth', file]);
    expect(await rm.exit).toBe(0);
    p.child.kill('SIGHUP');
    expect(await closed).toBe(4401);
    await waitFor(() => /SIGHUP: 0 tokens loaded; 1 sessions closed/.test(p.stderr()), 5000, 'the reload log');
    expect((await closeOf(port, token)).code).toBe(4401);
    expect(p.stderr()).not.toContain(token.split('.')[2]);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
  });
});
