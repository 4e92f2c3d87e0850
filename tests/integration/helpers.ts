/** Shared pieces for integration tests: a small zone, a runtime wired to `ws`, and polling. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Aedes } from 'aedes';
import WebSocket, { WebSocketServer, createWebSocketStream } from 'ws';
import { createFeedRuntime, type FeedRuntime, type FeedRuntimeOptions } from '../../src/feed/FeedRuntime';
import type { FeedConfig } from '../../src/feed/config';
import type { WebSocketCtor } from '../../src/feed/sources/WebSocketFeedSource';
import type { FeedStatus, FeedSummary } from '../../src/feed/summary';
import { startFeedServer, type StartOptions } from '../../src/server/startFeedServer';
import { grid } from '../unit/sim/fixtures';

export const ORIGIN = { lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 };
export const GRAPH = grid(6, 5, 250);

export function startZoneServer(port: number, extra: Partial<StartOptions> = {}) {
  return startFeedServer({
    zones: [{ id: 'jiading', origin: ORIGIN, graph: GRAPH }], seed: 1, timeScale: 5, rateHz: 10, port, heartbeatMs: 200, ...extra,
  });
}

export async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}

export interface Client {
  rt: FeedRuntime;
  statuses: { status: FeedStatus; atMs: number; detail: string | null }[];
  errors: string[];
  last(): FeedSummary;
  stop(): void;
}

/** A FeedRuntime driven by a 60 Hz "frame loop", recording every status change it publishes. */
export function startClient(config: FeedConfig, extra: Partial<FeedRuntimeOptions> = {}): Client {
  const statuses: Client['statuses'] = [];
  const errors: string[] = [];
  let latest: FeedSummary | null = null;
  const rt = createFeedRuntime({
    config, zone: 'jiading', origin: ORIGIN, roadGraphUrl: 'unused', now: () => Date.now(),
    WebSocketImpl: WebSocket as unknown as WebSocketCtor, backoff: { baseMs: 100, capMs: 800 }, publishEveryMs: 50,
    binding: {
      publish: (s) => {
        latest = s;
        const prev = statuses[statuses.length - 1];
        if (!prev || prev.status !== s.status) statuses.push({ status: s.status, atMs: s.updatedAtMs, detail: s.statusDetail });
      },
      reportError: (_src, m) => errors.push(m),
      attachBuffers: () => {},
    },
    ...extra,
  });
  rt.start();
  const loop = setInterval(() => rt.flush(Date.now()), 16);
  return {
    rt, statuses, errors,
    last: () => latest ?? rt.summary(Date.now()),
    stop: () => {
      clearInterval(loop);
      rt.dispose();
    },
  };
}

/** Serves an aedes broker over WebSocket (like Mosquitto or EMQX with a ws listener) on a free loopback port. */
export async function serveBrokerOverWs(broker: Aedes): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => broker.handle(createWebSocketStream(ws) as unknown as Parameters<typeof broker.handle>[0]));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(() => r(null)));
      http.closeAllConnections();
      await new Promise((r) => http.close(() => r(null)));
      await new Promise((r) => broker.close(() => r(null)));
    },
  };
}

/** A protocol message as a raw client keeps it (no validation: tests look at what was sent). */
export type RawMsg = { type: string; ts?: number; seq?: number; id?: number; reason?: string; [k: string]: unknown };

/** A raw WebSocket client of the feed server that keeps every message in arrival order. */
export async function rawClient(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const log: RawMsg[] = [];
  ws.on('message', (d) => log.push(JSON.parse(String(d)) as RawMsg));
  ws.on('error', () => {});
  await waitFor(() => log.some((m) => m.type === 'hello'), 10_000, 'hello');
  const send = (m: object) => ws.send(JSON.stringify({ v: 1, ...m }));
  /** Index of the first message at or after `from` that matches, once it has arrived. */
  const find = async (pred: (m: RawMsg) => boolean, what: string, from = 0, timeoutMs = 15_000) => {
    let at = -1;
    await waitFor(() => (at = log.findIndex((m, i) => i >= from && pred(m))) >= 0, timeoutMs, what);
    return at;
  };
  return { ws, log, send, find, close: () => ws.terminate() };
}
export type RawClient = Awaited<ReturnType<typeof rawClient>>;
