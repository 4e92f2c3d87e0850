/**
 * `npm run screen` against real headless Chromium: the test serves a tiny page that reports each
 * load (with a per-tab counter kept in sessionStorage), then crashes the tab's renderer, hangs its
 * main thread and SIGKILLs the browser, and checks each time that the page comes back and that
 * the supervisor's log says what happened. One supervisor runs through all cases in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdpClient } from '../../src/runtime/supervisor/cdp';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium-flags';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Counts itself per tab, reports the load, and hangs its main thread when the server says so. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>screen test</title><script>
const n = Number(sessionStorage.getItem('n') || '0') + 1;
sessionStorage.setItem('n', String(n));
fetch('/loaded?n=' + n);
setInterval(() => fetch('/poll').then((r) => r.text()).then((t) => { if (t === 'hang') { for (;;) {} } }, () => {}), 200);
</script>`;

interface Load {
  n: number;
  atMs: number;
}

const loads: Load[] = [];
let hangNext = false;
/** While set, the page itself is refused (connection dropped): the tab gets Chromium's error page. */
let dropPage = false;
let server: Server;
let pageUrl = '';
let child: ChildProcess;
let stdout = '';
let logDir = '';
let logFile = '';
let exitCode: Promise<number | null>;

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nlog:\n${stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The supervisor's log lines of one event, from character `from` of its output on. */
const logLines = (event: string, from = 0) => stdout.slice(from).split('\n').filter((l) => l.split(' ')[1] === event);
const field = (line: string, key: string) => new RegExp(`\\b${key}=(\\S+)`).exec(line)?.[1];

/** Pids of the live processes in a process group (Linux /proc; the browser leads its own group). */
function processesInGroup(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the ")" that closes the command name: state, ppid, pgrp, …
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Live chrome_crashpad_handler processes: Chromium starts them outside its process group. */
function crashpadHandlers(): number {
  let n = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0')[0]!.endsWith('chrome_crashpad_handler')) n++;
    } catch {
      // The process ended while we looked.
    }
  }
  return n;
}
let crashpadBefore = 0;

/** Runs `fn` on the tab of the supervisor's current browser, over a DevTools socket of the test's own. */
async function onTab(fn: (cdp: CdpClient, sessionId: string) => Promise<unknown>): Promise<void> {
  const port = field(logLines('browser-start').at(-1)!, 'port');
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const cdp = await CdpClient.connect(version.webSocketDebuggerUrl);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    const page = targetInfos.find((t) => t.type === 'page')!;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true })) as { sessionId: string };
    await fn(cdp, sessionId);
  } finally {
    cdp.close();
  }
}

beforeAll(async () => {
  crashpadBefore = crashpadHandlers();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/loaded') loads.push({ n: Number(url.searchParams.get('n')), atMs: Date.now() });
    if (url.pathname === '/poll') {
      res.end(hangNext ? 'hang' : 'ok');
      hangNext = false;
      return;
    }
    if (url.pathname === '/' && dropPage) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(url.pathname === '/' ? PAGE : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  logDir = mkdtempSync(join(tmpdir(), 'shentwin-screen-test-'));
  logFile = join(logDir, 'screen.log');
  const args = [
    '--import', 'tsx', 'src/runtime/supervisor/cli.ts', '--url', pageUrl, '--kiosk', '--headless', '--window', '800x600+0+0',
    '--heartbeat-ms', '500', '--heartbeat-misses', '3', '--log', logFile, '--chromium', CHROMIUM_PATH,
    ...CHROMIUM_FLAGS.map((f) => `--chromium-arg=${f}`),
  ];
  child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stdout += `[stderr] ${d.toString()}`));
  exitCode = new Promise((r) => child.on('exit', (code) => r(code)));
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await Promise.race([exitCode, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  server?.close();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

describe('npm run screen (src/runtime/supervisor/cli.ts) with real Chromium', () => {
  it('starts the browser on the page and logs one event per line', async () => {
    await until(() => loads.length >= 1, 40_000, 'the first page load');
    expect(loads[0]!.n).toBe(1);
    const start = logLines('browser-start')[0]!;
    expect(start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z browser-start pid=\d+ port=\d+$/);
    expect(logLines('supervisor-start')[0]).toMatch(/ mode=kiosk headless=true heartbeat-ms=500 misses=3 /);
  }, 60_000);

  it('reloads a crashed tab', async () => {
    const before = loads.length;
    // The renderer dies before it could answer.
    await onTab((cdp, sessionId) => cdp.send('Page.crash', {}, { sessionId, timeoutMs: 2000 }).catch(() => {}));
    await until(() => loads.length > before, 20_000, 'the page to load again after the crash');
    // Same tab, reloaded: its sessionStorage counter went on.
    expect(loads.at(-1)!.n).toBe(loads[before - 1]!.n + 1);
    expect(logLines('page-crashed')[0]).toMatch(/ target=\w+ status=\S+ .*action=reload delay-ms=0/);
    expect(logLines('page-reload')[0]).toMatch(/ reason=crash/);
  }, 30_000);

  it('reloads a hung tab after three missed heartbeats', async () => {
    // The page must answer a probe after the crash's reload first: a tab that never answered since
    // its crash counts as one the reload did not cure, and the supervisor rightly goes one rung up
    // (recreate). Three 500 ms probe periods.
    await new Promise((r) => setTimeout(r, 1500));
    const before = loads.length;
    const mark = stdout.length;
    const t0 = Date.now();
    hangNext = true;
    await until(() => loads.length > before, 20_000, 'the page to load again after the hang');
    const hungForMs = loads.at(-1)!.atMs - t0;
    const missed = logLines('heartbeat-missed', mark);
    expect(missed.map((l) => field(l, 'count'))).toEqual(['1', '2', '3']);
    expect(missed[2]).toMatch(/ action=reload$/);
    expect(logLines('page-reload', mark)[0]).toMatch(/ reason=hang/);
    // The reload itself worked (the looping script was stopped first): same tab, no fallback.
    expect(logLines('recovery-failed', mark)).toEqual([]);
    expect(loads.at(-1)!.n).toBe(loads[before - 1]!.n + 1);
    // Three 500 ms probes unanswered, then the reload: well under the 20 s allowed above.
    expect(hungForMs).toBeGreaterThanOrEqual(1000);
  }, 30_000);

  it('sends a tab that shows Chromium\'s error page back to the URL', async () => {
    const before = loads.length;
    dropPage = true;
    await onTab((cdp, sessionId) => cdp.send('Page.reload', {}, { sessionId }));
    try {
      await until(() => logLines('page-error-page').length > 0, 20_000, 'the supervisor to notice the error page');
    } finally {
      dropPage = false;
    }
    await until(() => loads.length > before, 20_000, 'the page to load again after the error page');
    expect(logLines('page-error-page')[0]).toMatch(/ action=navigate delay-ms=\d+$/);
    expect(logLines('page-navigate')[0]).toMatch(/ reason=error-page url=http:\/\/127\.0\.0\.1:\d+\/$/);
  }, 45_000);

  it('restarts a browser that was killed, with a backoff, on a fresh tab', async () => {
    const before = loads.length;
    const pid = Number(field(logLines('browser-start')[0]!, 'pid'));
    process.kill(pid, 'SIGKILL');
    await until(() => loads.length > before, 40_000, 'the page to load in a restarted browser');
    expect(logLines('browser-exit')[0]).toMatch(new RegExp(`browser-exit pid=${pid} code=null signal=SIGKILL reason=exit restart-in-ms=1000`));
    expect(logLines('browser-start')).toHaveLength(2);
    expect(loads.at(-1)!.n).toBe(1);
    // The old browser's helpers (zygote, GPU, renderers) went with it: nothing is left in its group.
    expect(processesInGroup(pid)).toEqual([]);
  }, 60_000);

  it('closes the browser on SIGTERM and exits 0; the --log file has the same lines', async () => {
    const pid = Number(field(logLines('browser-start').at(-1)!, 'pid'));
    child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(logLines('supervisor-stopping')[0]).toMatch(/ signal=SIGTERM$/);
    expect(logLines('browser-closed')).toHaveLength(1);
    expect(logLines('supervisor-stop')).toHaveLength(1);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(processesInGroup(pid)).toEqual([]);
    // The temporary profile is removed with the supervisor.
    const profile = field(logLines('supervisor-start')[0]!, 'user-data-dir')!;
    expect(profile).toMatch(/shentwin-screen-/);
    expect(existsSync(profile)).toBe(false);
    // Two browsers ran; neither left a crash handler behind.
    await until(() => crashpadHandlers() <= crashpadBefore, 5000, `crash handlers to exit (${crashpadHandlers()} now, ${crashpadBefore} before)`);
    const fileLines = readFileSync(logFile, 'utf8').trim().split('\n');
    expect(fileLines).toEqual(stdout.trim().split('\n').filter((l) => !l.startsWith('[stderr]')));
  }, 30_000);
});
