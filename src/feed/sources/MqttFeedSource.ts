/**
 * Feed from an MQTT broker over WebSocket (Mosquitto, EMQX). mqtt.js is loaded lazily so the SPA
 * only pays for it when an operation centre asks for MQTT. mqtt.js's own fixed-period reconnect is
 * off: reconnects go through the shared jittered backoff, and every new session resubscribes
 * (which also redelivers the retained catalogue and last sensor values). A broker that refuses
 * the credentials (CONNACK "bad user name or password" / "not authorised") halts the source:
 * retrying the same credentials would only fill the broker's log.
 *
 * With `v2Prefix` it takes the MQTT v2 tree instead (docs/feed-protocol.md, "MQTT v2"): binary
 * frames on `<prefix>/<zone>/delta/<stream>` and the retained `<prefix>/<zone>/snapshot/<stream>`,
 * handed to the sink with their stream, and the `<prefix>/<zone>/status` document. v1 stays the
 * default: hand-written clients and existing deployments speak it.
 */
import { createRng, type Rng } from '../../core/rng';
import { DEFAULT_TOPIC_PREFIX } from '../protocol/limits';
import { zoneWildcard } from '../protocol/topics';
import { parseV2Topic, v2StatusTopic } from '../protocol/v2/mqttTopics';
import type { AuthRefusal, FeedAccess } from '../summary';
import type { BackoffOptions } from './backoff';
import { realTimers, type FeedSink, type FeedSource, type Timers } from './FeedSource';
import { Reconnector } from './Reconnector';

/** The subset of mqtt.js's MqttClient used here. */
export interface MqttClientLike {
  on(event: 'connect', cb: () => void): unknown;
  /** `packet.retain` is set only on a retained message sent because of a new subscription. */
  on(event: 'message', cb: (topic: string, payload: Uint8Array, packet?: { retain?: boolean }) => void): unknown;
  on(event: 'close' | 'offline', cb: () => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  subscribe(topic: string, opts: { qos: 0 | 1 }, cb?: (err: Error | null) => void): unknown;
  unsubscribe(topic: string, cb?: (err?: Error) => void): unknown;
  end(force?: boolean): unknown;
  removeAllListeners(): unknown;
}

export interface MqttConnectOptions {
  reconnectPeriod: number;
  connectTimeout: number;
  keepalive: number;
  clean: boolean;
  clientId: string;
  username?: string;
  password?: string;
}

export type MqttConnect = (url: string, opts: MqttConnectOptions) => MqttClientLike | Promise<MqttClientLike>;

/** What a v2 source hands its sink besides the FeedSink calls. */
export interface MqttV2Sink extends FeedSink {
  /** A frame of `stream`; `ordered` when it came on the stream's delta topic (not the retained copy). */
  streamV2(payload: Uint8Array, recvMs: number, stream: string, ordered: boolean): void;
  statusV2(payload: Uint8Array, recvMs: number): void;
}

interface MqttSourceCommon {
  url: string;
  zone: string;
  now: () => number;
  topicPrefix?: string;
  connect?: MqttConnect;
  timers?: Timers;
  rng?: Rng;
  backoff?: BackoffOptions;
  heartbeatTimeoutMs?: number;
  connectTimeoutMs?: number;
  username?: string;
  password?: string;
}

/** `v2Prefix`: subscribe to the MQTT v2 tree under it (then `topicPrefix` is not used). */
export type MqttSourceOptions = MqttSourceCommon & ({ sink: FeedSink; v2Prefix?: undefined } | { sink: MqttV2Sink; v2Prefix: string });

/**
 * Every v2 stream carries a snapshot at least this often (the publisher's default period); with
 * no heartbeat in the v2 tree, the half-open window is counted in these.
 */
export const V2_SNAPSHOT_PERIOD_MS = 5000;

type V2Route = { prefix: string; sink: MqttV2Sink; status: string };

/**
 * CONNACK codes that mean "these credentials will not do": MQTT 3.1.1 return codes 4 (bad user
 * name or password) and 5 (not authorised); MQTT 5 reason codes 134 and 135 (the same two).
 * mqtt.js emits them as the `code` of an 'error'.
 */
const REFUSED_CODES: ReadonlySet<number> = new Set([4, 5, 134, 135]);

/** mqtt.js reports a SUBACK failure as an error whose code is the reason code (0x80 and above). */
export function isSubackRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 0x80 && code <= 0xff;
}

export function isAuthRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && REFUSED_CODES.has(code);
}

const defaultConnect: MqttConnect = async (url, opts) => {
  const m = await import('mqtt');
  const connect = m.connect ?? m.default.connect;
  return connect(url, opts) as unknown as MqttClientLike;
};

export class MqttFeedSource implements FeedSource {
  readonly kind = 'mqtt' as const;
  readonly label: string;
  private client: MqttClientLike | null = null;
  private generation = 0;
  private readonly rc: Reconnector;
  private readonly rng: Rng;
  /** What is subscribed, in this order: v1's zone wildcard, or v2's snapshot, delta and status topics. */
  private readonly topics: string[];
  private readonly v2: V2Route | null;
  private refusal: AuthRefusal | null = null;

  constructor(private readonly o: MqttSourceOptions) {
    this.label = o.url;
    this.rng = o.rng ?? createRng(`mqtt:${o.url}`);
    if (o.v2Prefix !== undefined) {
      const p = `${o.v2Prefix}/${o.zone}`;
      this.v2 = { prefix: o.v2Prefix, sink: o.sink, status: v2StatusTopic(o.v2Prefix, o.zone) };
      // Snapshots first: a broker sends the retained ones on subscribing, before most live deltas.
      this.topics = [`${p}/snapshot/+`, `${p}/delta/+`, this.v2.status];
    } else {
      this.v2 = null;
      this.topics = [zoneWildcard(o.topicPrefix ?? DEFAULT_TOPIC_PREFIX, o.zone)];
    }
    this.rc = new Reconnector({
      sink: o.sink, now: o.now, timers: o.timers ?? realTimers, rng: this.rng, backoff: o.backoff,
      heartbeatTimeoutMs: o.heartbeatTimeoutMs, connectTimeoutMs: o.connectTimeoutMs,
      connect: () => void this.open(),
      teardown: () => this.closeClient(),
    });
    if (this.v2 && o.heartbeatTimeoutMs === undefined) this.rc.setHeartbeatMs(V2_SNAPSHOT_PERIOD_MS);
  }

  start(): void {
    this.rc.start();
  }

  dispose(): void {
    this.rc.dispose();
  }

  /**
   * v1: re-subscribing makes the broker resend retained catalogue and sensor values. v2: nothing
   * to do. A stream that lost a frame resyncs from its next in-band snapshot; the retained copy a
   * re-subscription would bring is older than the live deltas already past it, so it could not
   * be followed, and every stream still in sync would only ignore it.
   */
  requestSnapshot(): void {
    const c = this.client;
    if (!c || this.v2) return;
    const topic = this.topics[0]!;
    c.unsubscribe(topic, () => {
      if (this.client === c) c.subscribe(topic, { qos: 0 });
    });
  }

  setHeartbeatMs(ms: number): void {
    this.rc.setHeartbeatMs(ms);
  }

  /** A broker names no identity; only a refusal is known. */
  get access(): FeedAccess {
    return { identity: null, refusal: this.refusal };
  }

  private async open(): Promise<void> {
    const gen = ++this.generation;
    let client: MqttClientLike;
    try {
      client = await (this.o.connect ?? defaultConnect)(this.o.url, {
        reconnectPeriod: 0, connectTimeout: this.o.connectTimeoutMs ?? 10_000, keepalive: 30, clean: true,
        clientId: `shentwin-${Math.floor(this.rng.next() * 0xffffffff).toString(16)}`,
        ...(this.o.username !== undefined ? { username: this.o.username } : {}),
        ...(this.o.password !== undefined ? { password: this.o.password } : {}),
      });
    } catch (e) {
      if (gen === this.generation) this.rc.lost(`cannot connect: ${(e as Error).message}`);
      return;
    }
    if (gen !== this.generation || this.rc.isDisposed) {
      client.end(true);
      return;
    }
    this.client = client;
    client.on('connect', () => {
      if (this.client !== client) return;
      for (const topic of this.topics) {
        client.subscribe(topic, { qos: 0 }, (err) => {
          if (!err || this.client !== client) return;
          // A SUBACK failure code (bit 0x80) for our own prefix is the broker's ACL saying no:
          // retrying cannot help, so it halts like a refused CONNACK instead of looping.
          if (isSubackRefusal(err)) {
            this.refusal = this.o.username === undefined ? 'token-required' : 'token-rejected';
            this.rc.halt('unauthorised', `broker refused the subscription to ${topic}: ${err.message}`);
          } else this.rc.lost(`subscribe failed: ${err.message}`);
        });
      }
      this.rc.opened();
    });
    client.on('message', (topic, payload, packet) => {
      if (this.client !== client) return;
      this.rc.received();
      if (this.v2) this.routeV2(this.v2, topic, payload, packet?.retain !== false);
      else this.o.sink.message(payload, this.o.now(), topic);
    });
    client.on('close', () => {
      if (this.client === client) this.rc.lost('broker connection closed');
    });
    client.on('error', (err) => {
      if (this.client !== client) return;
      if (isAuthRefusal(err)) {
        this.refusal = this.o.username === undefined ? 'token-required' : 'token-rejected';
        this.rc.halt('unauthorised', `broker refused the credentials: ${err.message}`);
      } else {
        this.rc.lost(`broker error: ${err.message}`);
      }
    });
  }

  private routeV2(v2: V2Route, topic: string, payload: Uint8Array, retained: boolean): void {
    const now = this.o.now();
    const t = parseV2Topic(topic, v2.prefix, this.o.zone);
    // A live copy on the snapshot topic repeats the in-band snapshot on the delta topic; only the
    // retained one, sent because we subscribed, is news.
    if (t) {
      if (t.kind === 'delta' || retained) v2.sink.streamV2(payload, now, t.stream, t.kind === 'delta');
    } else if (topic === v2.status) v2.sink.statusV2(payload, now);
    // Counted by the ingest as an unknown topic.
    else v2.sink.message(payload, now, topic);
  }

  private closeClient(): void {
    this.generation++;
    const c = this.client;
    this.client = null;
    if (!c) return;
    c.removeAllListeners();
    // A listener stays so a late socket error cannot surface as an unhandled 'error' event.
    c.on('error', () => {});
    c.end(true);
  }
}
