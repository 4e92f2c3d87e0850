/**
 * The WebSocket feed server: HTTP for GET /health, WebSocket upgrade on any other path. Clients
 * subscribe per zone, get a snapshot, then shared deltas with per-client coalescing; application
 * heartbeats tell clients the link is alive, and protocol pings find clients that vanished.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION } from '../feed/protocol/limits';
import { clientMessageSchema, type ClientMessage } from '../feed/protocol/messages';
import { realTimers, type Timers } from '../feed/sources/FeedSource';
import { ClientSession, type SessionCounters } from './ClientSession';
import type { ZoneHost } from './ZoneHost';

export interface FeedServerOptions {
  zones: ZoneHost[];
  port: number;
  host: string;
  heartbeatMs: number;
  highWaterBytes: number;
  allowControl: boolean;
  now: () => number;
  timers?: Timers;
  /** Extra health fields (e.g. MQTT publisher state). */
  extraHealth?: () => Record<string, unknown>;
  log?: (line: string) => void;
}

/** Clients that send this many invalid messages are disconnected (policy violation). */
const MAX_BAD_MESSAGES = 20;
const PROTOCOL_PING_MS = 15_000;

export class FeedServer {
  readonly counters: SessionCounters = { messagesSent: 0, bytesSent: 0, deltasCoalesced: 0, snapshotsAfterDrain: 0 };
  readonly sessions = new Set<ClientSession>();
  private readonly zones = new Map<string, ZoneHost>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly timers: Timers;
  private readonly startedMs: number;
  private heartbeatTimer: unknown = null;
  private pingTimer: unknown = null;
  private beatSeq = 0;
  private nextId = 1;
  private connectionsTotal = 0;
  private badMessagesTotal = 0;
  private readonly listener = (zone: string, bytes: Buffer) => this.fanOut(zone, bytes);

  constructor(private readonly o: FeedServerOptions) {
    for (const z of o.zones) this.zones.set(z.id, z);
    this.timers = o.timers ?? realTimers;
    this.startedMs = o.now();
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.o.port, this.o.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    for (const z of this.zones.values()) z.listeners.add(this.listener);
    this.heartbeatTimer = this.timers.setInterval(() => this.heartbeat(), this.o.heartbeatMs);
    this.pingTimer = this.timers.setInterval(() => this.protocolPing(), PROTOCOL_PING_MS);
    return this.port;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  health(): Record<string, unknown> {
    const zones: Record<string, unknown> = {};
    for (const z of this.zones.values()) {
      const sim = z.driver.sim;
      zones[z.id] = {
        vehicles: sim.traffic.count, vehiclesByClass: sim.vehicleCounts(), sensors: sim.sensors.specs.length,
        signals: sim.signals.junctions.length, activeIncidents: sim.activeIncidents().length,
        simTime: new Date(sim.simMs).toISOString(), timeScale: z.driver.timeScale, ticks: z.ticks,
        tickMsAvg: Math.round(z.tickMsAvg * 100) / 100, lastDeltaBytes: z.lastDeltaBytes,
        subscribers: [...this.sessions].filter((s) => s.zones.has(z.id)).length,
      };
    }
    return {
      status: 'ok', protocol: PROTOCOL_VERSION, uptimeS: Math.round((this.o.now() - this.startedMs) / 1000),
      clients: this.sessions.size, connectionsTotal: this.connectionsTotal, badMessagesTotal: this.badMessagesTotal,
      heartbeatMs: this.o.heartbeatMs, ...this.counters, rssBytes: process.memoryUsage().rss, zones, ...this.o.extraHealth?.(),
    };
  }

  /**
   * Graceful: close frames (1001 going away) and up to `graceMs` for clients to finish.
   * Hard: drop every TCP connection at once, as a crash would (clients see 1006).
   */
  async close(mode: 'graceful' | 'hard' = 'graceful', graceMs = 2000): Promise<void> {
    for (const z of this.zones.values()) z.listeners.delete(this.listener);
    if (this.heartbeatTimer !== null) this.timers.clearInterval(this.heartbeatTimer);
    if (this.pingTimer !== null) this.timers.clearInterval(this.pingTimer);
    this.heartbeatTimer = this.pingTimer = null;
    const sockets = [...this.wss.clients];
    if (mode === 'hard') for (const ws of sockets) ws.terminate();
    else {
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      const deadline = this.o.now() + graceMs;
      while (this.wss.clients.size > 0 && this.o.now() < deadline) await new Promise((r) => globalThis.setTimeout(r, 20));
      for (const ws of this.wss.clients) ws.terminate();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const body = JSON.stringify(this.health());
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      res.end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found', hint: 'GET /health, or connect a WebSocket' }));
  }

  private onConnection(ws: WebSocket): void {
    const s = new ClientSession(ws, this.nextId++, this.o.highWaterBytes, this.counters);
    this.sessions.add(s);
    this.connectionsTotal++;
    ws.on('pong', () => (s.alive = true));
    ws.on('message', (data, isBinary) => this.onMessage(s, data, isBinary));
    ws.on('close', () => this.sessions.delete(s));
    ws.on('error', () => this.sessions.delete(s));
    s.sendJson({ v: PROTOCOL_VERSION, type: 'hello', server: 'shentwin-feed', ts: this.o.now(), heartbeatMs: this.o.heartbeatMs, zones: [...this.zones.keys()] });
  }

  private onMessage(s: ClientSession, data: unknown, isBinary: boolean): void {
    let msg: ClientMessage;
    try {
      if (isBinary) throw new Error('binary frame');
      const r = clientMessageSchema.safeParse(JSON.parse(String(data)));
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? 'invalid');
      msg = r.data;
    } catch (e) {
      this.badMessagesTotal++;
      s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'bad-request', message: (e as Error).message.slice(0, 200) });
      if (++s.badMessages >= MAX_BAD_MESSAGES) s.ws.close(1008, 'too many invalid messages');
      return;
    }
    switch (msg.type) {
      case 'subscribe': {
        const zone = this.zones.get(msg.zone);
        if (!zone) {
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'unknown-zone', message: `no zone "${msg.zone}"; serving ${[...this.zones.keys()].join(', ')}` });
          return;
        }
        s.zones.add(zone.id);
        s.behind.delete(zone.id);
        s.sendBytes(zone.snapshotBytes());
        return;
      }
      case 'unsubscribe':
        s.zones.delete(msg.zone);
        return;
      case 'ping':
        s.sendJson({ v: PROTOCOL_VERSION, type: 'pong', clientTs: msg.clientTs, ts: this.o.now() });
        return;
      case 'control': {
        const zone = this.zones.get(msg.zone);
        if (!this.o.allowControl || !zone) {
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'forbidden', message: this.o.allowControl ? `no zone "${msg.zone}"` : 'control is disabled (start with --allow-control)' });
          return;
        }
        if (msg.timeScale !== undefined) zone.driver.setTimeScale(msg.timeScale);
        if (msg.scenario) this.o.log?.(`control: ${zone.driver.trigger(msg.scenario, msg.params)}`);
        return;
      }
    }
  }

  private fanOut(zone: string, bytes: Buffer): void {
    const host = this.zones.get(zone)!;
    const snap = () => host.snapshotBytes();
    for (const s of this.sessions) s.offerDelta(zone, bytes, snap);
  }

  private heartbeat(): void {
    const bytes = Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, type: 'heartbeat', ts: this.o.now(), seq: ++this.beatSeq }));
    for (const s of this.sessions) s.heartbeat(bytes);
  }

  private protocolPing(): void {
    for (const s of this.sessions) {
      if (!s.alive) {
        s.ws.terminate();
        this.sessions.delete(s);
        continue;
      }
      s.alive = false;
      s.ws.ping();
    }
  }
}
