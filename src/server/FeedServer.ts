/**
 * The WebSocket feed server: HTTP for GET /health, WebSocket upgrade on any other path. Clients
 * subscribe per zone, get a snapshot, then shared deltas with per-client coalescing; application
 * heartbeats tell clients the link is alive, and protocol pings find clients that vanished.
 * Replay and history requests go to the ReplayService (over the recording, when there is one).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION } from '../feed/protocol/limits';
import { clientMessageSchema, type ClientMessage } from '../feed/protocol/messages';
import { realTimers, type Timers } from '../feed/sources/FeedSource';
import { AccessControl, AUTH_DEADLINE_MS, CLOSE_RATE_LIMITED } from './auth/AccessControl';
import { originAllowed } from './auth/access';
import { TokenBucket } from './auth/rateLimit';
import { roleAllows } from './auth/roles';
import { PROTOCOL_NAME, tokenFromSubprotocols } from './auth/tokenFormat';
import { ClientSession, type SessionCounters, type SnapshotSource } from './ClientSession';
import type { RecordingStore } from './recorder/RecordingStore';
import { ReplayService } from './ReplayService';
import { WallHub } from './wall/WallHub';
import type { ZoneHost } from './ZoneHost';

/** Per-connection limits; a client past the message rate is disconnected (4429), others are unaffected. */
export interface ConnectionLimits {
  msgRatePerS: number;
  msgBurst: number;
  maxSubscriptions: number;
  /** Messages held while a token is verified. */
  maxQueuedBeforeAuth: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = { msgRatePerS: 20, msgBurst: 40, maxSubscriptions: 8, maxQueuedBeforeAuth: 32 };

export interface FeedServerOptions {
  zones: ZoneHost[];
  port: number;
  host: string;
  heartbeatMs: number;
  highWaterBytes: number;
  allowControl: boolean;
  /** Token checks (null store = no --auth: open, loopback only — enforced by the CLI). */
  access?: AccessControl;
  /** Browser origins allowed to connect (normalised scheme://host[:port]); null = any. */
  origins?: string[] | null;
  limits?: Partial<ConnectionLimits>;
  /** How long a connection may take to authenticate (default AUTH_DEADLINE_MS). */
  authDeadlineMs?: number;
  now: () => number;
  timers?: Timers;
  /** Extra health fields (e.g. MQTT publisher state). */
  extraHealth?: () => Record<string, unknown>;
  /** The recorder's store, read for replay and history; absent: both answer "no recording". */
  recording?: { store: RecordingStore };
  /** A control message was carried out (the recorder keeps it as an event). */
  onControl?: (zone: string, what: { by: string; timeScale?: number; scenario?: string; result?: string }) => void;
  log?: (line: string) => void;
}

/** Live-data encodings this server offers in hello: 1 = JSON text, 2 = binary v2 frames. */
export const SERVER_PROTOCOLS = [1, 2] as const;

/** Clients that send this many invalid messages are disconnected (policy violation). */
const MAX_BAD_MESSAGES = 20;
const PROTOCOL_PING_MS = 15_000;

export class FeedServer {
  readonly counters: SessionCounters = {
    messagesSent: 0, bytesSent: 0, deltasCoalesced: 0, snapshotsAfterDrain: 0, binaryMessagesSent: 0, binaryBytesSent: 0, v2DeltasUnencoded: 0,
  };
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
  readonly access: AccessControl;
  readonly walls: WallHub;
  readonly replays: ReplayService;
  private readonly limits: ConnectionLimits;
  private readonly listener = (zone: string, v1: () => Buffer, _msg: unknown, v2?: Uint8Array | null) => this.fanOut(zone, v1, v2);

  constructor(private readonly o: FeedServerOptions) {
    for (const z of o.zones) this.zones.set(z.id, z);
    this.timers = o.timers ?? realTimers;
    this.startedMs = o.now();
    this.access = o.access ?? new AccessControl(null, o.allowControl, (l) => o.log?.(l));
    this.walls = new WallHub(o.now);
    this.limits = { ...DEFAULT_LIMITS, ...o.limits };
    this.replays = new ReplayService({
      store: o.recording?.store ?? null, zones: this.zones, highWaterBytes: o.highWaterBytes, now: o.now, timers: this.timers, log: o.log,
    });
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({
      server: this.http, maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      // Select our protocol name; a `shentwin.token.…` entry is read, never echoed back.
      handleProtocols: (protocols) => (protocols.has(PROTOCOL_NAME) ? PROTOCOL_NAME : false),
      verifyClient: (info, done) => {
        if (originAllowed(info.origin || undefined, this.o.origins ?? null)) return done(true);
        this.access.counters.originRefused++;
        this.o.log?.(`origin: refused ${String(info.origin).slice(0, 100)} from ${remoteOf(info.req)}`);
        done(false, 403, 'origin not allowed');
      },
    });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
  }

  /** Re-reads the token file (SIGHUP); a bad file keeps the previous tokens and reports why. */
  async reloadAuth(): Promise<{ ok: true; tokens: number; revoked: number; rerole: number } | { ok: false; error: string }> {
    const store = this.access.store;
    if (!store) return { ok: false, error: 'the server runs without --auth' };
    try {
      await store.load();
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    const r = this.access.applyReload(this.sessions);
    for (const s of this.sessions) {
      if (s.authState !== 'ok' || !s.role) continue;
      for (const [wall, as] of this.walls.membership(s)) if (!roleAllows(s.role, as === 'leader' ? 'wall.lead' : 'wall.follow')) this.walls.leave(s, wall);
    }
    return { ok: true, tokens: store.size, ...r };
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
        v2: {
          active: z.v2Active, subscribers: [...this.sessions].filter((s) => s.zones.has(z.id) && s.isV2(z.id)).length,
          lastDeltaBytes: z.lastDeltaBytesV2, ...z.v2, encodeMsAvg: Math.round(z.v2.encodeMsAvg * 1000) / 1000,
        },
      };
    }
    return {
      status: 'ok', protocol: PROTOCOL_VERSION, uptimeS: Math.round((this.o.now() - this.startedMs) / 1000),
      clients: this.sessions.size, connectionsTotal: this.connectionsTotal, badMessagesTotal: this.badMessagesTotal,
      heartbeatMs: this.o.heartbeatMs, ...this.counters, rssBytes: process.memoryUsage().rss, zones,
      auth: this.access.health(), walls: this.walls.health(), replay: this.replays.health(), limits: this.limits, ...this.o.extraHealth?.(),
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
    for (const s of this.sessions) this.replays.drop(s);
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

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const bucket = new TokenBucket({ ratePerS: this.limits.msgRatePerS, burst: this.limits.msgBurst, now: this.o.now });
    const s = new ClientSession(ws, this.nextId++, this.o.highWaterBytes, this.counters, bucket, remoteOf(req));
    this.sessions.add(s);
    this.connectionsTotal++;
    const gone = () => {
      this.sessions.delete(s);
      this.walls.drop(s);
      this.replays.drop(s);
      if (s.authTimer !== null) this.timers.clearTimeout(s.authTimer);
      s.authTimer = null;
    };
    ws.on('pong', () => (s.alive = true));
    ws.on('message', (data, isBinary) => this.onMessage(s, data, isBinary));
    ws.on('close', gone);
    ws.on('error', gone);
    const required = this.access.required;
    s.sendJson({ v: PROTOCOL_VERSION, type: 'hello', server: 'shentwin-feed', ts: this.o.now(), heartbeatMs: this.o.heartbeatMs, zones: [...this.zones.keys()], authRequired: required, protocols: [...SERVER_PROTOCOLS] });
    if (!required) return;
    s.authState = 'required';
    const deadlineMs = this.o.authDeadlineMs ?? AUTH_DEADLINE_MS;
    s.authTimer = this.timers.setTimeout(() => {
      s.authTimer = null;
      if (s.authState === 'required' || s.authState === 'pending') {
        this.access.counters.authFailures++;
        this.o.log?.(`auth: no credentials from ${s.remote} within ${deadlineMs / 1000} s`);
        this.access.closeUnauthorised(s, `no credentials within ${deadlineMs / 1000} s`);
      }
    }, deadlineMs);
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const token = tokenFromSubprotocols(offered);
    if (token !== null) void this.authenticate(s, token);
  }

  private async authenticate(s: ClientSession, token: string): Promise<void> {
    const ok = await this.access.authenticate(s, token);
    if (!ok) return;
    if (s.authTimer !== null) this.timers.clearTimeout(s.authTimer);
    s.authTimer = null;
    for (const m of s.queued.splice(0)) this.handle(s, m);
  }

  private onMessage(s: ClientSession, data: unknown, isBinary: boolean): void {
    if (s.authState === 'closed') return;
    if (!s.bucket.take()) {
      this.access.counters.rateLimited++;
      this.o.log?.(`limit: ${s.displayName} (${s.remote}) sent more than ${this.limits.msgRatePerS} messages/s; disconnected`);
      s.authState = 'closed';
      s.ws.close(CLOSE_RATE_LIMITED, `rate limit: more than ${this.limits.msgRatePerS} messages/s`);
      return;
    }
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
    if (s.authState === 'pending' && msg.type !== 'ping') {
      if (s.queued.length >= this.limits.maxQueuedBeforeAuth) {
        this.access.counters.rateLimited++;
        s.authState = 'closed';
        s.ws.close(CLOSE_RATE_LIMITED, 'rate limit: too many messages before authentication');
        return;
      }
      s.queued.push(msg);
      return;
    }
    this.handle(s, msg);
  }

  private handle(s: ClientSession, msg: ClientMessage): void {
    if (msg.type === 'auth') {
      if (s.authState === 'required') void this.authenticate(s, msg.token);
      else s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'bad-request', message: s.authState === 'open' ? 'this server needs no token' : 'already authenticated' });
      return;
    }
    const verdict = this.access.check(s, msg);
    if (!verdict.ok) {
      s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: verdict.code, message: verdict.message });
      return;
    }
    switch (msg.type) {
      case 'subscribe': {
        const zone = this.zones.get(msg.zone);
        if (!zone) {
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'unknown-zone', message: `no zone "${msg.zone}"; serving ${[...this.zones.keys()].join(', ')}` });
          return;
        }
        if (!s.zones.has(zone.id) && s.zones.size >= this.limits.maxSubscriptions) {
          this.access.counters.refused.limit = (this.access.counters.refused.limit ?? 0) + 1;
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'limit', message: `at most ${this.limits.maxSubscriptions} subscriptions per connection` });
          return;
        }
        s.zones.add(zone.id);
        s.behind.delete(zone.id);
        // A zone without an ENU frame serves v1 only; the client sees a text snapshot and keeps v1.
        if (msg.encoding === 'v2' && zone.enableV2()) s.encodings.set(zone.id, 'v2');
        else s.encodings.delete(zone.id);
        // Subscribing again while replaying means "back to live": the replay ends, this snapshot follows.
        this.replays.drop(s, zone.id);
        s.sendSnapshot(zone);
        return;
      }
      case 'unsubscribe':
        s.zones.delete(msg.zone);
        s.encodings.delete(msg.zone);
        this.replays.drop(s, msg.zone);
        return;
      case 'replay':
        this.replays.replay(s, msg);
        return;
      case 'replay-stop':
        this.replays.stop(s, msg.zone);
        return;
      case 'history':
        void this.replays.history(s, msg);
        return;
      case 'ping':
        s.sendJson({ v: PROTOCOL_VERSION, type: 'pong', clientTs: msg.clientTs, ts: this.o.now() });
        return;
      case 'control': {
        const zone = this.zones.get(msg.zone);
        if (!zone) {
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'unknown-zone', message: `no zone "${msg.zone}"` });
          return;
        }
        if (msg.timeScale !== undefined) zone.driver.setTimeScale(msg.timeScale);
        const result = msg.scenario ? zone.driver.trigger(msg.scenario, msg.params) : undefined;
        if (result !== undefined) this.o.log?.(`control by ${s.displayName}: ${result}`);
        this.o.onControl?.(zone.id, { by: s.displayName, timeScale: msg.timeScale, scenario: msg.scenario, result });
        return;
      }
      case 'wall-join': {
        const r = this.walls.join(s, msg.wall, msg.as);
        if (!r.ok) s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: r.code, message: r.message });
        else this.o.log?.(`wall ${msg.wall}: ${s.displayName} joined as ${msg.as}`);
        return;
      }
      case 'wall-leave':
        this.walls.leave(s, msg.wall);
        return;
      case 'wall-state':
        if (!this.walls.publish(s, msg.wall, msg.state)) {
          s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code: 'not-leader', message: `join wall "${msg.wall}" as leader first` });
        }
        return;
    }
  }

  private fanOut(zone: string, v1: () => Buffer, v2: Uint8Array | null | undefined): void {
    const host = this.zones.get(zone)!;
    const snap: SnapshotSource = { v1: () => host.snapshotBytes(), v2: () => host.snapshotBytesV2() };
    for (const s of this.sessions) s.offerDelta(zone, v1, snap, v2);
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

/** The peer address for logs; behind a reverse proxy, the forwarded client address is shown too. */
function remoteOf(req: IncomingMessage): string {
  const direct = req.socket.remoteAddress ?? '?';
  const fwd = req.headers['x-forwarded-for'];
  return fwd ? `${direct} (for ${String(fwd).split(',')[0]!.trim().slice(0, 60)})` : direct;
}
