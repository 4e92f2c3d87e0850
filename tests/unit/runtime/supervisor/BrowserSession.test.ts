/**
 * BrowserSession against a stand-in browser: a loopback WebSocket that speaks just enough CDP to
 * have one tab that can crash, hang, refuse reloads or close. The real browser is exercised in
 * tests/integration/supervisor.test.ts; this pins the decisions quickly and exactly.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { BrowserExit } from '../../../../src/runtime/supervisor/BrowserProcess';
import { BrowserSession, type SessionConfig, type SessionEnd } from '../../../../src/runtime/supervisor/BrowserSession';
import { createEventLog } from '../../../../src/runtime/supervisor/eventLog';
import { DEFAULT_HEARTBEAT } from '../../../../src/runtime/supervisor/heartbeat';

interface Msg {
  id: number;
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

const URL_ = 'http://127.0.0.1:5173/?mode=screen';

class FakeBrowser {
  readonly calls: string[] = [];
  tabs = ['T1'];
  hung = false;
  /** Runtime.terminateExecution breaks the hang, as it does for a script loop. */
  terminateBreaksHang = true;
  answerReload = true;
  protocol = 'http:';
  private nextTab = 2;
  ws: WebSocket | null = null;
  readonly wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  exit!: (e: BrowserExit) => void;
  readonly exited = new Promise<BrowserExit>((r) => (this.exit = r));
  hasExited = false;

  constructor() {
    this.wss.on('connection', (ws) => {
      this.ws = ws;
      ws.on('message', (d) => this.handle(JSON.parse(d.toString()) as Msg));
    });
  }

  async endpoint() {
    await new Promise((r) => (this.wss.address() ? r(null) : this.wss.once('listening', r)));
    const port = (this.wss.address() as AddressInfo).port;
    return { port, wsUrl: `ws://127.0.0.1:${port}/devtools/browser/fake` };
  }

  event(method: string, params: Record<string, unknown>, sessionId?: string) {
    this.ws?.send(JSON.stringify({ method, params, ...(sessionId ? { sessionId } : {}) }));
  }

  private handle(m: Msg) {
    const reply = (result: Record<string, unknown>) => this.ws?.send(JSON.stringify({ id: m.id, result }));
    if (m.method !== 'Runtime.evaluate') this.calls.push(m.sessionId ? `${m.method}@${m.sessionId}` : m.method);
    switch (m.method) {
      case 'Target.getTargets':
        return reply({ targetInfos: this.tabs.map((t) => ({ targetId: t, type: 'page', url: URL_ })) });
      case 'Target.attachToTarget':
        return reply({ sessionId: `S-${String(m.params.targetId)}` });
      case 'Target.getTargetInfo':
        return reply({ targetInfo: { targetId: m.params.targetId, type: 'page', url: URL_ } });
      case 'Runtime.evaluate':
        if (this.hung) return;
        return reply({ result: { type: 'string', value: this.protocol } });
      case 'Runtime.terminateExecution':
        if (this.terminateBreaksHang) this.hung = false;
        return reply({});
      case 'Page.reload':
        if (this.answerReload) reply({});
        return;
      case 'Target.createTarget': {
        const id = `T${this.nextTab++}`;
        this.tabs.push(id);
        this.hung = false;
        return reply({ targetId: id });
      }
      case 'Target.closeTarget':
        this.tabs = this.tabs.filter((t) => t !== m.params.targetId);
        reply({ success: true });
        return this.event('Target.targetDestroyed', { targetId: m.params.targetId });
      default:
        return reply({});
    }
  }
}

const CFG: SessionConfig = {
  url: URL_, heartbeatMs: 40, heartbeat: { ...DEFAULT_HEARTBEAT, misses: 3 }, commandTimeoutMs: 300, firstTabWaitMs: 200, reconnectDelayMs: 50,
};

let cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function start(fake: FakeBrowser) {
  const lines: string[] = [];
  const endpoint = await fake.endpoint();
  const session = new BrowserSession({ endpoint, exited: fake.exited, get hasExited() { return fake.hasExited; } }, CFG, createEventLog((l) => lines.push(l)));
  const done: Promise<SessionEnd> = session.run();
  cleanup.push(async () => {
    await session.stop();
    await new Promise((r) => fake.wss.close(r));
  });
  const events = () => lines.map((l) => l.split(' ').slice(1).join(' '));
  return { session, done, lines, events };
}

async function until(cond: () => boolean, what: string, timeoutMs = 3000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('BrowserSession', () => {
  it('attaches to the open tab and probes it quietly while it answers', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    await new Promise((r) => setTimeout(r, 200));
    expect(s.events()).toEqual([`page-attached target=T1 url=${URL_.replace(/^(.*)$/, '"$1"')}`]);
    expect(fake.calls.slice(0, 4)).toEqual(['Target.setDiscoverTargets', 'Target.getTargets', 'Target.attachToTarget', 'Inspector.enable@S-T1']);
  });

  it('reloads a crashed tab once, though the browser and the tab both report the crash', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.event('Target.targetCrashed', { targetId: 'T1', status: 'crashed', errorCode: 11 });
    fake.event('Inspector.targetCrashed', {}, 'S-T1');
    await until(() => fake.calls.includes('Page.reload@S-T1'), 'the reload');
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.calls.filter((c) => c.startsWith('Page.reload'))).toHaveLength(1);
    expect(fake.calls).not.toContain('Runtime.terminateExecution@S-T1');
    expect(s.events().slice(1)).toEqual(['page-crashed target=T1 status=crashed error-code=11 action=reload delay-ms=0', 'page-reload target=T1 reason=crash']);
  });

  it('a crash of another tab is not ours', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.event('Target.targetCrashed', { targetId: 'OTHER', status: 'crashed', errorCode: 11 });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls.filter((c) => c.startsWith('Page.reload'))).toHaveLength(0);
  });

  it('a hung tab: three misses, then the script is stopped and the tab reloaded', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.hung = true;
    await until(() => fake.calls.includes('Page.reload@S-T1'), 'the reload');
    const i = fake.calls.indexOf('Page.reload@S-T1');
    expect(fake.calls[i - 1]).toBe('Runtime.terminateExecution@S-T1');
    expect(s.events().slice(1, 5)).toEqual([
      'heartbeat-missed count=1 target=T1 action=none', 'heartbeat-missed count=2 target=T1 action=none',
      'heartbeat-missed count=3 target=T1 action=reload', 'page-reload target=T1 reason=hang',
    ]);
  });

  it('a tab that does not take the reload is replaced: new tab first, then the old one closed', async () => {
    const fake = new FakeBrowser();
    fake.answerReload = false;
    fake.terminateBreaksHang = false;
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.hung = true;
    await until(() => s.events().some((e) => e.startsWith('page-attached target=T2')), 'the new tab');
    await until(() => fake.calls.includes('Target.closeTarget'), 'the old tab closed');
    const created = fake.calls.indexOf('Target.createTarget');
    expect(created).toBeLessThan(fake.calls.indexOf('Target.closeTarget'));
    expect(s.events().filter((e) => e.startsWith('recovery-failed'))[0]).toMatch(/^recovery-failed step=reload target=T1 error="Page.reload: no answer within 300 ms" next=recreate$/);
    expect(s.events()).toContain('page-recreate old-target=T1 reason=hang');
    // Our own close is not mistaken for someone closing the tab.
    await new Promise((r) => setTimeout(r, 100));
    expect(s.events().some((e) => e.startsWith('page-closed'))).toBe(false);
    expect(fake.tabs).toEqual(['T2']);
  });

  it('a hang that keeps coming back ends with a browser restart', async () => {
    const fake = new FakeBrowser();
    fake.terminateBreaksHang = false;
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.hung = true;
    // reload (answered, still hung) → new tab (hung again at once) → restart the browser.
    const hangAgain = setInterval(() => (fake.hung = true), 5);
    cleanup.push(() => clearInterval(hangAgain));
    expect(await s.done).toEqual({ reason: 'hang' });
    expect(s.events().filter((e) => / action=(reload|recreate|restart-browser)$/.test(e)).map((e) => e.split(' action=')[1])).toEqual(['reload', 'recreate', 'restart-browser']);
    expect(s.events().at(-1)).toBe('browser-restart reason=hang');
  });

  it('someone closed the tab: a new one at the URL', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.tabs = [];
    fake.event('Target.targetDestroyed', { targetId: 'T1' });
    await until(() => s.events().some((e) => e.startsWith('page-attached target=T2')), 'the new tab');
    expect(s.events()[1]).toBe('page-closed target=T1 action=recreate');
  });

  it('Chromium\'s error page: back to the URL', async () => {
    const fake = new FakeBrowser();
    fake.protocol = 'chrome-error:';
    const s = await start(fake);
    await until(() => fake.calls.includes('Page.navigate@S-T1'), 'the navigation');
    fake.protocol = 'http:';
    expect(s.events().slice(1, 3)).toEqual(['page-error-page target=T1 action=navigate delay-ms=0', `page-navigate target=T1 reason=error-page url=${URL_.replace(/^(.*)$/, '"$1"')}`]);
  });

  it('ends with "exit" when the browser process exits, and "disconnected" when the socket is gone for good', async () => {
    const a = new FakeBrowser();
    const sa = await start(a);
    await until(() => sa.lines.length > 0, 'attach');
    a.hasExited = true;
    a.exit({ code: null, signal: 'SIGKILL' });
    expect(await sa.done).toEqual({ reason: 'exit' });

    const b = new FakeBrowser();
    const sb = await start(b);
    await until(() => sb.lines.length > 0, 'attach');
    // No browser behind the port any more: the socket drops and every reconnect is refused.
    b.wss.close();
    b.ws?.terminate();
    const end = await sb.done;
    expect(end.reason).toBe('disconnected');
    expect(sb.events().at(-1)).toMatch(/^browser-disconnected detail=.* action=restart$/);
  });

  it('reopens a dropped socket while the browser still runs', async () => {
    const fake = new FakeBrowser();
    const s = await start(fake);
    await until(() => s.lines.length > 0, 'attach');
    fake.ws?.terminate();
    await until(() => s.events().some((e) => e.startsWith('browser-reconnected')), 'the reconnect', 5000);
    expect(s.events().at(-1)).toBe('browser-reconnected try=1 target=T1');
  });
});
