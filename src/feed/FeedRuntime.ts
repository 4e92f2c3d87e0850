/**
 * Composition of one live feed: a FeedSource (worker, WebSocket or MQTT) feeding a FeedIngest,
 * with the UI-rate summary pushed to the store a few times per second. The app creates one per
 * zone, calls `flush(now)` from its frame loop, and disposes it in the same effect's cleanup.
 *
 * `wall` is the video-wall sync channel where the transport has one (our WebSocket server): the
 * app's wall sync sends through it and listens to the wall messages (handled as they arrive) and
 * the server errors (at the next flush, like all errors); null for the simulator and MQTT.
 */
import type { GeoOrigin } from '../core/geodesy';
import { EnuFrame } from '../core/geodesy';
import { createRng } from '../core/rng';
import type { FeedConfig } from './config';
import { FeedIngest, type IngestOptions } from './ingest/FeedIngest';
import { decodeServerText } from './protocol/decode';
import type { DropReason } from './protocol/dropReasons';
import type { ErrorMessage, WallServerMessage } from './protocol/messages';
import type { BackoffOptions } from './sources/backoff';
import { DEFAULT_HEARTBEAT_MS, realTimers, type FeedSource, type V2FeedSink, type SimControl, type Timers, type WallTransport } from './sources/FeedSource';
import { MqttFeedSource, V2_SNAPSHOT_PERIOD_MS, type MqttConnect, type MqttV2Sink } from './sources/MqttFeedSource';
import { WebSocketFeedSource, type WebSocketCtor } from './sources/WebSocketFeedSource';
import { NetWorkerFeedSource, type NetWorkerLike } from './sources/NetWorkerFeedSource';
import { WorkerFeedSource, type WorkerLike } from './sources/WorkerFeedSource';
import { createNetWorker } from './worker/createNetWorker';
import { buildSummary } from './summaryBuilder';
import { ServerReplayBackend } from './replay/ServerReplayBackend';
import { WorkerReplayBackend } from './replay/WorkerReplayBackend';
import { TimeMachine, type TimeMachineSummary } from './replay/TimeMachine';
import type { ConnectionState, FeedSummary } from './summary';

/** How the runtime talks to the app state; see state/feedSlice.ts `bindFeedToStore`. */
export interface FeedStoreBinding {
  publish(summary: FeedSummary): void;
  /** `kind` names the problem for a translated headline (see ui/ErrorList); `message` stays the English detail. */
  reportError(source: string, message: string, kind?: string): void;
  attachBuffers(buffers: FeedBuffers | null): void;
  /** The live ingest's buffers, whatever is shown (the live alerts read them during a replay). */
  attachLiveBuffers?(buffers: FeedBuffers | null): void;
  /** The time machine's state (recorded range, ticks, replay). */
  publishTimeMachine?(s: TimeMachineSummary): void;
}

/** The typed buffers layers read in useFrame (through getState().feedBuffers). */
export type FeedBuffers = Pick<FeedIngest, 'vehicles' | 'sensors' | 'signals' | 'segments' | 'incidents' | 'lines' | 'stops' | 'clock' | 'lastMessageAtMs'>;

export interface FeedRuntimeOptions {
  config: FeedConfig;
  zone: string;
  origin: GeoOrigin;
  /** Absolute URL of the zone's roads.json (for the simulator). */
  roadGraphUrl: string;
  binding: FeedStoreBinding;
  /** Client wall clock, epoch ms. */
  now: () => number;
  /** A catalogue block from the scene file, validated like feed input. */
  sceneCatalogue?: unknown;
  ingest?: Partial<Omit<IngestOptions, 'zone' | 'frame'>>;
  timers?: Timers;
  backoff?: BackoffOptions;
  heartbeatTimeoutMs?: number;
  WebSocketImpl?: WebSocketCtor;
  mqttConnect?: MqttConnect;
  createWorker?: () => WorkerLike;
  /**
   * The network worker for a ws feed (socket and v2 decoding off the main thread). Default: the
   * module worker where Worker exists; with an injected WebSocketImpl, or v1, the socket stays here.
   */
  createNetWorker?: (() => NetWorkerLike) | null;
  /** Seed for reconnect jitter (tests); default derived from the zone. */
  jitterSeed?: number | string;
  /** Summary publication period, ms. */
  publishEveryMs?: number;
}

/** Wall messages are small; a cheap look before parsing keeps the big data frames off this path. */
const WALL_FRAME_MAX_CHARS = 8192;
function mayBeWallFrame(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length <= WALL_FRAME_MAX_CHARS && raw.includes('"type":"wall-');
}

/** What a wall listener hears: the wall messages, and every server error (a refused join, a leader taken over). */
export type WallEvent = WallServerMessage | ErrorMessage;

export interface FeedWallLink extends WallTransport {
  /** One listener at a time; returns its removal. */
  listen(fn: (e: WallEvent) => void): () => void;
}

/** Repeated reports of the same drop reason are folded into one message per window. */
const ERROR_REPORT_WINDOW_MS = 10_000;
/**
 * Counted, never raised as errors: MQTT v2 streams produce them in normal operation (a joiner's
 * first deltas wait for a snapshot, a broker delivers a retained copy late), and a loss that led
 * to them was reported as 'inconsistent' already.
 */
const QUIET_DROPS: ReadonlySet<DropReason> = new Set(['stale-snapshot', 'awaiting-snapshot']);
const RESYNC_MIN_INTERVAL_MS = 5_000;

export class FeedRuntime {
  readonly ingest: FeedIngest;
  readonly source: FeedSource;
  /**
   * Replays and the recorded range; null where the feed has no recording to offer (MQTT without a
   * replay server). The embedded simulator's recording lives in its worker (SimWorkerHost).
   */
  readonly timeMachine: TimeMachine | null;
  readonly wall: FeedWallLink | null;
  private wallListener: ((e: WallEvent) => void) | null = null;
  private state: ConnectionState = 'idle';
  private stateDetail: string | null = null;
  private nextRetryAtMs: number | null = null;
  private reconnects = 0;
  private retryAttempt = 0;
  private everConnected = false;
  private lastPublishMs = -Infinity;
  private lastPublishedStatus = '';
  private lastResyncMs = -Infinity;
  private readonly dropReported = new Map<DropReason, { atMs: number; suppressed: number }>();
  private disposed = false;
  private token: string | undefined;
  private shownMode: 'live' | 'replay' = 'live';

  constructor(private readonly o: FeedRuntimeOptions) {
    const cfg = o.config;
    this.ingest = new FeedIngest({ zone: o.zone, frame: new EnuFrame(o.origin), ...(cfg.kind === 'mqtt' ? { topicPrefix: cfg.topicPrefix } : {}), ...o.ingest });
    const sink: V2FeedSink & MqttV2Sink = {
      message: (raw, recvMs, topic) => {
        if (topic === undefined && this.wallListener && this.deliverWallFrame(raw)) return;
        this.ingest.enqueue(raw, recvMs, topic);
      },
      frameV2: (frame, recvMs) => this.ingest.frameV2(frame, recvMs),
      frameRejectedV2: (reason, detail, recvMs) => this.ingest.frameRejectedV2(reason, detail, recvMs),
      streamV2: (payload, recvMs, stream, ordered) => this.ingest.enqueueStream(payload, recvMs, stream, ordered),
      statusV2: (payload, recvMs) => this.ingest.enqueueStatusV2(payload, recvMs),
      state: (s, detail, next, attempt) => this.onState(s, detail, next, attempt),
    };
    const rng = createRng(o.jitterSeed ?? `jitter:${o.zone}`);
    const common = { sink, now: o.now, timers: o.timers ?? realTimers, rng, backoff: o.backoff, heartbeatTimeoutMs: o.heartbeatTimeoutMs };
    if (cfg.kind === 'ws') {
      const encoding = cfg.encoding ?? 'v2';
      const token = cfg.token !== undefined ? { token: cfg.token } : {};
      const netWorker = o.createNetWorker !== undefined ? o.createNetWorker
        : !o.WebSocketImpl && typeof Worker !== 'undefined' ? createNetWorker : null;
      // The first worker is made here, so a browser that refuses workers (a CSP without
      // worker-src, a locked-down kiosk) still gets the feed, decoded on the main thread instead.
      let first: NetWorkerLike | null = null;
      let noWorker: string | null = null;
      if (encoding === 'v2' && netWorker) {
        try {
          first = netWorker();
        } catch (e) {
          noWorker = (e as Error).message;
        }
      }
      const nextWorker = (): NetWorkerLike => {
        const w = first ?? netWorker!();
        first = null;
        return w;
      };
      this.source = first
        ? new NetWorkerFeedSource({ ...common, url: cfg.url, zone: o.zone, origin: o.origin, encoding, createWorker: nextWorker, ...token })
        : new WebSocketFeedSource({ ...common, url: cfg.url, zone: o.zone, WebSocketImpl: o.WebSocketImpl, encoding, ...token });
      if (noWorker !== null) {
        o.binding.reportError(this.source.label, `network worker unavailable (${noWorker}); decoding the feed on the main thread`, 'feed-no-worker');
      }
    } else if (cfg.kind === 'mqtt') {
      this.source = new MqttFeedSource({
        ...common, url: cfg.url, zone: o.zone, connect: o.mqttConnect,
        ...(cfg.encoding === 'v2' ? { v2Prefix: cfg.topicPrefix } : { topicPrefix: cfg.topicPrefix }),
        ...(cfg.username !== undefined ? { username: cfg.username } : {}), ...(cfg.password !== undefined ? { password: cfg.password } : {}),
      });
      // The v2 tree announces no heartbeat; each stream's periodic snapshot is the beat to count in.
      if (cfg.encoding === 'v2') this.ingest.heartbeatMs = V2_SNAPSHOT_PERIOD_MS;
    } else {
      this.source = new WorkerFeedSource({
        ...common, zone: o.zone, origin: o.origin, roadGraphUrl: o.roadGraphUrl, seed: cfg.seed, timeScale: cfg.timeScale,
        rateHz: cfg.rateHz, scenarios: cfg.scenarios, createWorker: o.createWorker,
      });
    }
    this.ingest.listeners.onHello = (h) => {
      // A configured window wins; otherwise follow the server's announced heartbeat.
      if (o.heartbeatTimeoutMs === undefined) this.source.setHeartbeatMs(h.heartbeatMs);
    };
    this.ingest.listeners.onResyncNeeded = () => this.resync();
    this.ingest.listeners.onServerError = (m) => {
      o.binding.reportError(this.source.label, `server error ${m.code}: ${m.message}`, 'feed-server');
      this.wallListener?.(m);
    };
    this.ingest.listeners.onWall = (m) => this.wallListener?.(m);
    const wall = this.source.wall;
    this.wall = wall
      ? {
        join: (id, as) => wall.join(id, as),
        leave: (id) => wall.leave(id),
        publish: (id, state) => wall.publish(id, state),
        listen: (fn) => {
          this.wallListener = fn;
          return () => {
            if (this.wallListener === fn) this.wallListener = null;
          };
        },
      }
      : null;
    this.ingest.listeners.onDrop = (reason, detail) => this.reportDrop(reason, detail);
    const timers = o.timers ?? realTimers;
    const simSource = cfg.kind === 'sim' ? (this.source as WorkerFeedSource) : null;
    const wsSource = cfg.kind === 'ws' ? (this.source as WebSocketFeedSource | NetWorkerFeedSource) : null;
    const replayUrl = cfg.kind === 'ws' ? cfg.url : cfg.kind === 'mqtt' ? cfg.replayUrl : undefined;
    this.timeMachine = cfg.kind !== 'sim' && replayUrl === undefined ? null : new TimeMachine({
      zone: o.zone, frame: this.ingest.frame, now: o.now, timers, ...(o.sceneCatalogue !== undefined ? { sceneCatalogue: o.sceneCatalogue } : {}),
      liveNow: (t) => this.ingest.clock.serverNow(t),
      onChange: (s) => this.onTimeMachine(s),
      createBackend: (replayIngest, onHistory) => simSource
        ? new WorkerReplayBackend({ zone: o.zone, link: simSource.replayLink, deliver: (raw, t) => replayIngest.enqueue(raw, t), onHistory, now: o.now })
        : new ServerReplayBackend({
          url: replayUrl ?? '', zone: o.zone, token: () => this.token, deliver: (raw, t) => replayIngest.enqueue(raw, t),
          // An MQTT viewer has no connection to our server but the replay one: history goes there.
          sendLive: wsSource ? (msg) => wsSource.request(msg) : null, now: o.now, timers, WebSocketImpl: o.WebSocketImpl,
        }),
    });
    const tm = this.timeMachine;
    if (tm) this.ingest.listeners.onHistory = (m) => tm.acceptHistory(m);
    this.token = cfg.kind === 'ws' || cfg.kind === 'mqtt' ? cfg.token : undefined;
    if (o.sceneCatalogue !== undefined) {
      const err = this.ingest.applySceneCatalogue(o.sceneCatalogue);
      if (err) o.binding.reportError('scene catalogue', err, 'feed-catalogue');
    }
  }

  get buffers(): FeedBuffers {
    return this.ingest;
  }

  start(): void {
    this.o.binding.attachBuffers(this.ingest);
    this.o.binding.attachLiveBuffers?.(this.ingest);
    this.source.start();
    this.publish(this.o.now());
  }

  /** Call once per animation frame: applies queued messages, publishes the summary at UI rate. */
  flush(nowMs: number): void {
    if (this.disposed) return;
    this.ingest.flush(nowMs);
    this.timeMachine?.flush(nowMs);
    const s = this.summary(nowMs);
    const key = `${s.status}|${s.statusDetail}`;
    if (key !== this.lastPublishedStatus || nowMs - this.lastPublishMs >= (this.o.publishEveryMs ?? 250)) this.publish(nowMs, s);
  }

  summary(nowMs: number): FeedSummary {
    return buildSummary({
      ingest: this.ingest, kind: this.source.kind, label: this.source.label, zone: this.o.zone, state: this.state,
      stateDetail: this.stateDetail, nextRetryAtMs: this.nextRetryAtMs, reconnects: this.reconnects, nowMs,
      retryAttempt: this.retryAttempt, everConnected: this.everConnected,
      ...(this.source.access !== undefined ? { access: this.source.access } : {}),
      heartbeatMs: this.ingest.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    });
  }

  control(c: SimControl): void {
    this.source.control?.(c);
  }

  /** Whether this feed takes a token from the viewer (the sign-in prompt). */
  get acceptsToken(): boolean {
    return this.source.setToken !== undefined;
  }

  /** A token from the sign-in prompt: the source reconnects with it at once. */
  setToken(token: string): void {
    if (this.disposed) return;
    this.token = token;
    this.source.setToken?.(token);
    // At once, not at the next frame: whoever waits for this token's verdict must not mistake
    // the previous refusal, still in the store, for it.
    this.publish(this.o.now());
  }

  dispose(): void {
    if (this.disposed) return;
    this.source.dispose();
    this.timeMachine?.dispose();
    this.disposed = true;
    this.o.binding.attachBuffers(null);
    this.o.binding.attachLiveBuffers?.(null);
  }

  /** The layers show the replayed state while replaying, the live one otherwise. */
  private onTimeMachine(s: TimeMachineSummary): void {
    if (this.disposed) return;
    if (s.mode !== this.shownMode) {
      this.shownMode = s.mode;
      this.o.binding.attachBuffers(s.mode === 'replay' && this.timeMachine ? this.timeMachine.replayIngest : this.ingest);
    }
    this.o.binding.publishTimeMachine?.(s);
  }

  private publish(nowMs: number, s = this.summary(nowMs)): void {
    this.lastPublishMs = nowMs;
    this.lastPublishedStatus = `${s.status}|${s.statusDetail}`;
    this.o.binding.publish(s);
  }

  private onState(s: ConnectionState, detail: string | null, nextRetryAtMs?: number, attempt?: number): void {
    const prev = this.state;
    this.state = s;
    this.stateDetail = detail;
    this.nextRetryAtMs = nextRetryAtMs ?? null;
    if (s === 'reconnecting') this.retryAttempt = attempt ?? this.retryAttempt + 1;
    if (s === 'connected') {
      if (this.everConnected) this.reconnects++;
      this.everConnected = true;
      this.retryAttempt = 0;
      this.ingest.onReconnected();
    }
    // One message per outage, not one per retry. A feed that never connected lost nothing.
    if (s === 'reconnecting' && prev !== 'reconnecting') {
      if (this.everConnected) this.o.binding.reportError(this.source.label, `feed lost: ${detail ?? 'connection closed'}; reconnecting`, 'feed-lost');
      else this.o.binding.reportError(this.source.label, `cannot reach the feed: ${detail ?? 'connection closed'}; retrying`, 'feed-unreachable');
    }
    if (s === 'failed') this.o.binding.reportError(this.source.label, `feed failed: ${detail ?? 'unknown error'}`, 'feed-failed');
    if (s === 'unauthorised' && prev !== 'unauthorised') {
      this.o.binding.reportError(this.source.label, `access refused: ${detail ?? 'unauthorised'}; not retrying until a new token is given`, 'feed-unauthorised');
    }
  }

  /**
   * Wall frames are handled on arrival rather than at the next frame's flush: a follower's
   * catch-up must not wait for the render loop (slow on a loaded 4K screen, stopped in a hidden
   * tab). True when consumed; anything that does not decode goes to the ingest, which counts it.
   */
  private deliverWallFrame(raw: unknown): boolean {
    if (!mayBeWallFrame(raw)) return false;
    const d = decodeServerText(raw);
    if (!d.ok || d.value.kind !== 'wall') return false;
    this.wallListener?.(d.value.msg);
    return true;
  }

  /** Asks for a full snapshot, at most every few seconds however often gaps or overflows occur. */
  private resync(): void {
    const now = this.o.now();
    if (now - this.lastResyncMs < RESYNC_MIN_INTERVAL_MS) return;
    this.lastResyncMs = now;
    this.source.requestSnapshot();
  }

  private reportDrop(reason: DropReason, detail: string): void {
    if (QUIET_DROPS.has(reason)) return;
    const now = this.o.now();
    const r = this.dropReported.get(reason);
    if (r && now - r.atMs < ERROR_REPORT_WINDOW_MS) {
      r.suppressed++;
      return;
    }
    const extra = r && r.suppressed > 0 ? ` (+${r.suppressed} more since last report)` : '';
    this.dropReported.set(reason, { atMs: now, suppressed: 0 });
    this.o.binding.reportError(this.source.label, `dropped (${reason}): ${detail}${extra}`, 'feed-dropped');
  }
}

export function createFeedRuntime(o: FeedRuntimeOptions): FeedRuntime {
  return new FeedRuntime(o);
}
