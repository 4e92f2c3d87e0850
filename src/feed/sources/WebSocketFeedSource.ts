/**
 * Feed over WebSocket (our `npm run feed` server). Browser-safe: uses the global WebSocket unless a
 * constructor is injected (Node tests pass `ws`). Subscribes on every (re)connect, pings for the
 * server-clock offset, and treats silence beyond the heartbeat window as a dead link.
 *
 * Access control (docs/feed-protocol.md, issue 14): a token goes in the first message, before
 * subscribe, so it never appears in a URL or header. A refusal (close 4401, an `unauthorised`
 * error, or a hello that demands a token we do not have) halts the source: no retry loop until
 * setToken() supplies another token.
 *
 * Video wall: `wall` sends wall-join / wall-leave / wall-state; the joined walls are remembered and
 * joined again (just before subscribe) on every new connection and after a late auth-ok, because
 * the server drops a closed socket's memberships.
 */
import { createRng, type Rng } from '../../core/rng';
import {
  CLOSE_UNAUTHORISED, ERROR_UNAUTHENTICATED, ERROR_UNAUTHORISED, mayBeAccessFrame,
} from '../protocol/access';
import { decodeServerText } from '../protocol/decode';
import { PROTOCOL_VERSION } from '../protocol/limits';
import type { AuthRefusal, FeedAccess, FeedIdentity } from '../summary';
import type { SubscribeEncoding, WallState } from '../protocol/messages';
import type { BackoffOptions } from './backoff';
import { realTimers, startInterval, type FeedSink, type FeedSource, type SimControl, type Timers, type WallRole, type WallTransport } from './FeedSource';
import { Reconnector } from './Reconnector';

/** The subset of the WHATWG WebSocket API used here (the `ws` package implements it too). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  /** Set to 'arraybuffer' so v2 binary frames arrive as ArrayBuffer (not Blob, not Node Buffer). */
  binaryType?: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface WebSocketSourceOptions {
  url: string;
  zone: string;
  sink: FeedSink;
  now: () => number;
  WebSocketImpl?: WebSocketCtor;
  timers?: Timers;
  rng?: Rng;
  backoff?: BackoffOptions;
  heartbeatTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** How often to ping for the clock offset. */
  pingEveryMs?: number;
  /** Access token (`st1.…`), sent as the first message on every connection. */
  token?: string;
  /**
   * Live-data encoding asked for in every subscribe (default v2). A server without v2 ignores it
   * and sends v1 text; the sink takes both, frame by frame.
   */
  encoding?: SubscribeEncoding;
}

const OPEN = 1;

export class WebSocketFeedSource implements FeedSource {
  readonly kind = 'ws' as const;
  readonly label: string;
  private socket: WebSocketLike | null = null;
  private stopPing: (() => void) | null = null;
  private readonly rc: Reconnector;
  private readonly timers: Timers;
  private token: string | undefined;
  private identity: FeedIdentity | null = null;
  private refusal: AuthRefusal | null = null;
  /** The server refused our subscribe because it was still checking the token: resend on auth-ok. */
  private resubscribeOnAuth = false;
  /** Walls this viewer is in, and as what: re-joined on every connection. */
  private readonly walls = new Map<string, WallRole>();

  readonly wall: WallTransport = {
    join: (wall: string, as: WallRole) => {
      this.walls.set(wall, as);
      this.send({ v: PROTOCOL_VERSION, type: 'wall-join', wall, as });
    },
    leave: (wall: string) => {
      if (this.walls.delete(wall)) this.send({ v: PROTOCOL_VERSION, type: 'wall-leave', wall });
    },
    publish: (wall: string, state: WallState) => this.send({ v: PROTOCOL_VERSION, type: 'wall-state', wall, state }),
  };

  constructor(private readonly o: WebSocketSourceOptions) {
    this.label = o.url;
    this.token = o.token;
    this.timers = o.timers ?? realTimers;
    this.rc = new Reconnector({
      sink: o.sink, now: o.now, timers: this.timers, rng: o.rng ?? createRng(`ws:${o.url}`), backoff: o.backoff,
      heartbeatTimeoutMs: o.heartbeatTimeoutMs, connectTimeoutMs: o.connectTimeoutMs,
      connect: () => this.open(),
      teardown: () => this.closeSocket(4000, 'client reconnecting'),
    });
  }

  start(): void {
    this.rc.start();
  }

  dispose(): void {
    this.rc.dispose();
  }

  get access(): FeedAccess {
    return { identity: this.identity, refusal: this.refusal };
  }

  setToken(token: string): void {
    this.token = token;
    this.identity = null;
    this.refusal = null;
    this.rc.restart();
  }

  /** The encoding this source subscribes with. */
  get encoding(): SubscribeEncoding {
    return this.o.encoding ?? 'v2';
  }

  /** Re-subscribing is how a fresh snapshot is asked for; it repeats the encoding, or v1 would come back. */
  requestSnapshot(): void {
    this.send({ v: PROTOCOL_VERSION, type: 'subscribe', zone: this.o.zone, encoding: this.encoding });
  }

  setHeartbeatMs(ms: number): void {
    this.rc.setHeartbeatMs(ms);
  }

  control(c: SimControl): void {
    this.send({ v: PROTOCOL_VERSION, type: 'control', zone: this.o.zone, ...c });
  }

  /** Sends a client message (history, replay) if connected; false when it could not be sent. */
  request(msg: object): boolean {
    const s = this.socket;
    if (!s || s.readyState !== OPEN) return false;
    s.send(JSON.stringify(msg));
    return true;
  }

  private open(): void {
    const Ctor = this.o.WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
    if (!Ctor) {
      this.rc.fail('no WebSocket implementation available');
      return;
    }
    let sock: WebSocketLike;
    try {
      sock = new Ctor(this.o.url);
    } catch (e) {
      this.rc.lost(`cannot open: ${(e as Error).message}`);
      return;
    }
    this.socket = sock;
    sock.binaryType = 'arraybuffer';
    // Handlers check `this.socket === sock` so events from a socket already given up are ignored.
    sock.onopen = () => {
      if (this.socket !== sock) return;
      this.rc.opened();
      this.resubscribeOnAuth = false;
      if (this.token !== undefined) this.send({ v: PROTOCOL_VERSION, type: 'auth', token: this.token });
      // Walls first: the reply is a few hundred bytes, the snapshot may be megabytes, and a wall
      // screen's camera matters more at start-up than its first live frame.
      this.rejoinWalls();
      this.requestSnapshot();
      this.ping();
      this.stopPing = startInterval(this.timers, () => this.ping(), this.o.pingEveryMs ?? 10_000);
    };
    sock.onmessage = (ev) => {
      if (this.socket !== sock) return;
      this.rc.received();
      if (mayBeAccessFrame(ev.data) && this.onAccessFrame(ev.data)) return;
      this.o.sink.message(ev.data, this.o.now());
    };
    sock.onclose = (ev) => {
      if (this.socket !== sock) return;
      const what = `closed (${ev.code}${ev.reason ? ` ${ev.reason}` : ''})`;
      // 4429 (rate limited) is deliberately not here: it takes the ordinary backoff.
      if (ev.code === CLOSE_UNAUTHORISED) this.refuse(what);
      else this.rc.lost(what);
    };
    sock.onerror = () => {
      // A close event always follows an error; reconnecting is handled there.
    };
  }

  /** Reacts to access frames; true when the frame is consumed here rather than passed to the ingest. */
  private onAccessFrame(raw: string): boolean {
    const d = decodeServerText(raw);
    if (!d.ok) return false;
    const v = d.value;
    if (v.kind === 'hello' && v.msg.authRequired === true && this.token === undefined) {
      this.refuse('the feed server requires a token');
      return true;
    }
    if (v.kind === 'auth-ok') {
      this.identity = { name: v.msg.name, role: v.msg.role };
      this.refusal = null;
      if (this.resubscribeOnAuth) {
        this.rejoinWalls();
        this.requestSnapshot();
      }
      this.resubscribeOnAuth = false;
      // The ingest hears of it too, for listeners that need the role.
      return false;
    }
    if (v.kind !== 'error') return false;
    if (v.msg.code === ERROR_UNAUTHORISED) {
      this.refuse(v.msg.message || 'unauthorised');
      return true;
    }
    if (v.msg.code === ERROR_UNAUTHENTICATED && this.token !== undefined) {
      this.resubscribeOnAuth = true;
      return true;
    }
    return false;
  }

  private refuse(detail: string): void {
    this.refusal = this.token === undefined ? 'token-required' : 'token-rejected';
    this.identity = null;
    // Closed here so the server's log reads a refusal, not the teardown's "client reconnecting".
    this.closeSocket(1000, 'unauthorised: waiting for a new token');
    this.rc.halt('unauthorised', detail);
  }

  private rejoinWalls(): void {
    for (const [wall, as] of this.walls) this.send({ v: PROTOCOL_VERSION, type: 'wall-join', wall, as });
  }

  private ping(): void {
    this.send({ v: PROTOCOL_VERSION, type: 'ping', clientTs: this.o.now() });
  }

  private send(msg: object): void {
    const s = this.socket;
    if (s && s.readyState === OPEN) s.send(JSON.stringify(msg));
  }

  private closeSocket(code: number, reason: string): void {
    this.stopPing?.();
    this.stopPing = null;
    const s = this.socket;
    this.socket = null;
    if (!s) return;
    s.onopen = s.onmessage = s.onclose = null;
    // Keep an error handler: Node's `ws` emits 'error' when a connecting socket is closed, and an
    // EventEmitter error without a listener would crash the process.
    s.onerror = () => {};
    try {
      s.close(code, reason);
    } catch {
      // Closing a socket that is still connecting can throw in some engines; it is being dropped anyway.
    }
  }
}
