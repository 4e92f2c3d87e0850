import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitFor } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, stderr: () => err, exit };
}

describe('npm run feed (src/server/cli.ts)', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves, then shuts down gracefully on SIGTERM: clients get close 1001 and the process exits 0', async () => {
    const p = run(['--roads', 'synthetic', '--origin', '121.17,31.29', '--port', '0', '--rate', '5', '--speed', '10', '--scenario', 'rainstorm']);
    child = p.child;
    await waitFor(() => /serving ws:\/\/127\.0\.0\.1:\d+\//.test(p.stderr()), 20_000, 'the server to start');
    const port = Number(/serving ws:\/\/127\.0\.0\.1:(\d+)\//.exec(p.stderr())![1]);
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { zones: { jiading: { timeScale: number } } };
    expect(health.zones.jiading.timeScale).toBe(10);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    p.child.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await p.exit).toBe(0);
    expect(p.stderr()).toMatch(/SIGTERM: shutting down/);
  });

  it('exits 2 with usage on bad flags', async () => {
    const p = run(['--speed', '500']);
    child = p.child;
    expect(await p.exit).toBe(2);
    expect(p.stderr()).toMatch(/--speed must be a number from 1 to 60/);
    expect(p.stderr()).toMatch(/Usage: npm run feed/);
  });

  it('exits 2 with a clear message when the road graph is missing', async () => {
    const p = run(['--zone', 'yangpu', '--roads', '/nonexistent/{zone}/roads.json']);
    child = p.child;
    expect(await p.exit).toBe(2);
    expect(p.stderr()).toMatch(/zone yangpu: .*ENOENT/);
  });
});
