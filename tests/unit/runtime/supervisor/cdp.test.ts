import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { CdpClient, CdpCommandError } from '../../../../src/runtime/supervisor/cdp';

interface Msg {
  id: number;
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

/** A stand-in browser on loopback: answers through `reply`, or stays silent like a hung tab. */
async function fakeBrowser(reply: (m: Msg, ws: WebSocket) => void) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (d) => reply(JSON.parse(d.toString()) as Msg, ws));
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/devtools/browser/x`, wss, sockets };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

describe('CdpClient', () => {
  it('matches answers to commands by id, on the browser and on a flattened session', async () => {
    const b = await fakeBrowser((m, ws) => {
      // Answer out of order: the later command first.
      setTimeout(() => ws.send(JSON.stringify({ id: m.id, result: { echo: m.method, session: m.sessionId ?? null } })), m.method === 'A' ? 30 : 0);
    });
    cleanup.push(() => b.wss.close());
    const c = await CdpClient.connect(b.url);
    cleanup.push(() => c.close());
    const [a, bb] = await Promise.all([c.send('A'), c.send('B', {}, { sessionId: 'S1' })]);
    expect(a).toEqual({ echo: 'A', session: null });
    expect(bb).toEqual({ echo: 'B', session: 'S1' });
  });

  it('a command nobody answers fails after its timeout; the late answer is dropped', async () => {
    let late: (() => void) | null = null;
    const b = await fakeBrowser((m, ws) => (late = () => ws.send(JSON.stringify({ id: m.id, result: {} }))));
    cleanup.push(() => b.wss.close());
    const c = await CdpClient.connect(b.url);
    cleanup.push(() => c.close());
    const t0 = Date.now();
    const err = await c.send('Runtime.evaluate', { expression: '1+1' }, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CdpCommandError);
    expect((err as CdpCommandError).timedOut).toBe(true);
    expect((err as Error).message).toMatch(/Runtime.evaluate: no answer within 150 ms/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    late!();
    await new Promise((r) => setTimeout(r, 30));
    expect(c.isClosed).toBe(false);
  });

  it('an error answer rejects with the browser\'s message', async () => {
    const b = await fakeBrowser((m, ws) => ws.send(JSON.stringify({ id: m.id, error: { code: -32000, message: 'No target with given id found' } })));
    cleanup.push(() => b.wss.close());
    const c = await CdpClient.connect(b.url);
    cleanup.push(() => c.close());
    await expect(c.send('Target.closeTarget', { targetId: 'nope' })).rejects.toThrow(/Target.closeTarget: No target with given id found/);
  });

  it('delivers events with their session; ignores garbage', async () => {
    const b = await fakeBrowser(() => {});
    cleanup.push(() => b.wss.close());
    const c = await CdpClient.connect(b.url);
    cleanup.push(() => c.close());
    const got: unknown[] = [];
    const off = c.on('Inspector.targetCrashed', (p, s) => got.push([p, s]));
    c.on('Target.targetCrashed', (p, s) => got.push([p, s]));
    await new Promise((r) => setTimeout(r, 20));
    const ws = b.sockets[0]!;
    ws.send('not json');
    ws.send(JSON.stringify([1, 2]));
    ws.send(JSON.stringify({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' }));
    ws.send(JSON.stringify({ method: 'Target.targetCrashed', params: { targetId: 'T', status: 'crashed', errorCode: 11 } }));
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([[{}, 'S1'], [{ targetId: 'T', status: 'crashed', errorCode: 11 }, undefined]]);
    off();
    ws.send(JSON.stringify({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toHaveLength(2);
  });

  it('a closed socket rejects what is pending and tells onClose once', async () => {
    const b = await fakeBrowser(() => {});
    cleanup.push(() => b.wss.close());
    const c = await CdpClient.connect(b.url);
    const reasons: string[] = [];
    c.onClose((r) => reasons.push(r));
    const pending = c.send('Page.reload', {}, { timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 20));
    b.sockets[0]!.terminate();
    await expect(pending).rejects.toThrow(/Page.reload: socket/);
    expect(reasons).toHaveLength(1);
    expect(c.isClosed).toBe(true);
    await expect(c.send('Browser.close')).rejects.toThrow(/socket/);
  });

  it('connect fails with a clear message when nothing listens', async () => {
    const b = await fakeBrowser(() => {});
    const url = b.url;
    await new Promise((r) => b.wss.close(r));
    await expect(CdpClient.connect(url, { timeoutMs: 1000 })).rejects.toThrow(/cannot open DevTools socket ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\/x/);
  });
});
