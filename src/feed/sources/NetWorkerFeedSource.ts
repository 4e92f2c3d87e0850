/**
 * A WebSocket feed whose socket lives in a module worker (netWorker.ts): the worker decodes v2
 * binary frames and hands the finished typed arrays over as transferables, so the main thread
 * only swaps them into its buffers (FeedIngest.frameV2). Text frames come through as strings.
 *
 * Same surface as WebSocketFeedSource (snapshot, control, token and access, wall, requests); each
 * call is forwarded as a message. The worker's own source reconnects the socket with backoff; a
 * crashed worker is replaced here with jittered backoff, as WorkerFeedSource replaces the simulator.
 */
import { createRng, type Rng } from '../../core/rng';
import type { GeoOrigin } from '../../core/geodesy';
import type { SubscribeEncoding, WallState } from '../protocol/messages';
import type { FeedAccess } from '../summary';
import { createNetWorker } from '../worker/createNetWorker';
import { IdKeyTable } from '../worker/IdKeyTable';
import type { MainToNet, NetToMain } from '../worker/netProtocol';
import { backoffDelayMs, type BackoffOptions } from './backoff';
import { realTimers, startTimeout, type FeedSource, type SimControl, type Timers, type V2FeedSink, type WallRole, type WallTransport } from './FeedSource';

export interface NetWorkerLike {
  postMessage(msg: MainToNet): void;
  terminate(): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface NetWorkerSourceOptions {
  url: string;
  zone: string;
  origin: GeoOrigin;
  sink: V2FeedSink;
  now: () => number;
  encoding?: SubscribeEncoding;
  token?: string;
  createWorker?: () => NetWorkerLike;
  timers?: Timers;
  rng?: Rng;
  backoff?: BackoffOptions;
  heartbeatTimeoutMs?: number;
}

export class NetWorkerFeedSource implements FeedSource {
  readonly kind = 'ws' as const;
  readonly label: string;
  private worker: NetWorkerLike | null = null;
  private readonly timers: Timers;
  private readonly rng: Rng;
  private token: string | undefined;
  private accessNow: FeedAccess = { identity: null, refusal: null };
  private connected = false;
  /** Worker crashes since the last connection; sets the restart delay. */
  private crashes = 0;
  private cancelRestart: (() => void) | null = null;
  private heartbeatMs: number | null = null;
  private disposed = false;
  private readonly walls = new Map<string, WallRole>();
  private readonly idTable = new IdKeyTable();

  readonly wall: WallTransport = {
    join: (wall, as) => {
      this.walls.set(wall, as);
      this.post({ type: 'wall-join', wall, as });
    },
    leave: (wall) => {
      if (this.walls.delete(wall)) this.post({ type: 'wall-leave', wall });
    },
    publish: (wall: string, state: WallState) => this.post({ type: 'wall-publish', wall, state }),
  };

  constructor(private readonly o: NetWorkerSourceOptions) {
    this.label = o.url;
    this.token = o.token;
    this.timers = o.timers ?? realTimers;
    this.rng = o.rng ?? createRng(`networker:${o.url}`);
  }

  get encoding(): SubscribeEncoding {
    return this.o.encoding ?? 'v2';
  }

  get access(): FeedAccess {
    return this.accessNow;
  }

  start(): void {
    if (this.disposed || this.worker) return;
    this.o.sink.state('connecting', null);
    this.spawn();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancelRestart?.();
    this.cancelRestart = null;
    this.post({ type: 'stop' });
    this.terminate();
    this.o.sink.state('closed', null);
  }

  requestSnapshot(): void {
    this.post({ type: 'snapshot' });
  }

  setHeartbeatMs(ms: number): void {
    this.heartbeatMs = ms;
    this.post({ type: 'heartbeat', ms });
  }

  control(c: SimControl): void {
    this.post({ type: 'control', ...c });
  }

  setToken(token: string): void {
    this.token = token;
    this.accessNow = { identity: null, refusal: null };
    this.post({ type: 'token', token });
  }

  /** Forwards a client message (history, replay); false when the feed is not connected. */
  request(msg: object): boolean {
    if (!this.connected || !this.worker) return false;
    this.post({ type: 'request', msg: msg as Record<string, unknown> });
    return true;
  }

  private spawn(): void {
    let w: NetWorkerLike;
    try {
      w = (this.o.createWorker ?? createNetWorker)();
    } catch (e) {
      this.o.sink.state('failed', `cannot start the network worker: ${(e as Error).message}`);
      return;
    }
    this.worker = w;
    this.idTable.reset();
    w.onmessage = (ev) => {
      if (this.worker === w) this.onWorkerMessage(ev.data as NetToMain);
    };
    w.onerror = (ev) => {
      if (this.worker !== w) return;
      const msg = (ev as { message?: string })?.message;
      this.crashed(`network worker crashed${msg ? `: ${msg}` : ''}`);
    };
    const o = this.o;
    w.postMessage({
      type: 'start', url: o.url, zone: o.zone, origin: o.origin, encoding: this.encoding,
      ...(this.token !== undefined ? { token: this.token } : {}),
      ...(o.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: o.heartbeatTimeoutMs } : {}),
      ...(o.backoff !== undefined ? { backoff: o.backoff } : {}),
    });
    // A replacement worker must be told what the old one knew.
    if (this.heartbeatMs !== null) w.postMessage({ type: 'heartbeat', ms: this.heartbeatMs });
    for (const [wall, as] of this.walls) w.postMessage({ type: 'wall-join', wall, as });
  }

  private onWorkerMessage(m: NetToMain): void {
    const now = this.o.now();
    switch (m?.type) {
      case 'text': return this.o.sink.message(m.data, now);
      case 'frame': {
        const ids = this.idTable.decode(m.ids);
        if (!ids || ids.length !== m.frame.vehicles.count) {
          // Cannot happen while messages arrive in order; if it does, start the keys and the stream afresh.
          this.post({ type: 'ids-reset' });
          return this.o.sink.frameRejectedV2('inconsistent', 'network worker: vehicle id keys out of step', now);
        }
        m.frame.vehicles.ids = ids;
        return this.o.sink.frameV2(m.frame, now);
      }
      case 'rejected': return this.o.sink.frameRejectedV2(m.reason, m.detail, now);
      case 'access':
        this.accessNow = m.access;
        return;
      case 'state':
        this.connected = m.state === 'connected';
        if (this.connected) this.crashes = 0;
        this.o.sink.state(m.state, m.detail, m.nextRetryAtMs, m.attempt);
        return;
    }
  }

  private crashed(detail: string): void {
    this.terminate();
    this.connected = false;
    this.crashes++;
    const delay = backoffDelayMs(this.crashes - 1, this.rng, this.o.backoff);
    this.o.sink.state('reconnecting', detail, this.o.now() + delay, this.crashes);
    this.cancelRestart = startTimeout(this.timers, () => {
      this.cancelRestart = null;
      if (!this.disposed) this.spawn();
    }, delay);
  }

  private post(msg: MainToNet): void {
    this.worker?.postMessage(msg);
  }

  private terminate(): void {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.onmessage = null;
    w.onerror = null;
    w.terminate();
  }
}
