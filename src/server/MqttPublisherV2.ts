/**
 * MQTT v2: publishes each zone as binary v2 frames, sharded into independent streams (per 1 km
 * cell for vehicles, `all` for the low-rate kinds; mqttV2/CellSharder.ts) so a broker cluster can
 * split the load and a viewer can subscribe to the cells it shows. Each stream has its own
 * ZoneEncoderV2 and seq, and a retained snapshot republished every `snapshotEveryMs`: a subscriber
 * that joins, or that lost a QoS-0 delta (its decoder reports 'inconsistent'), starts again from
 * the next snapshot it receives. While the connection is congested, deltas are still encoded (the
 * dictionaries must see every one) but not sent, and the streams that missed one get a snapshot as
 * soon as it drains.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { DeltaMessage } from '../feed/protocol/messages';
import { PROTOCOL_VERSION } from '../feed/protocol/limits';
import { ZoneEncoderV2 } from '../feed/protocol/v2/ZoneEncoderV2';
import type { Timers } from '../feed/sources/FeedSource';
import { redactMqttUrl, splitBrokerUrl } from './mqttAcl/brokerUrl';
import { ALL_STREAM, CellSharder } from './mqttV2/CellSharder';
import { v2StatusTopic, v2StreamTopic } from '../feed/protocol/v2/mqttTopics';
import type { ZoneHost } from './ZoneHost';

export interface MqttPublisherV2Options {
  url: string;
  prefix: string;
  zones: ZoneHost[];
  now: () => number;
  timers: Timers;
  /** Retained snapshots of every stream are republished this often (default 5 s). */
  snapshotEveryMs?: number;
  log?: (line: string) => void;
}

const MAX_PENDING_BYTES = 4 << 20;
export const DEFAULT_V2_SNAPSHOT_EVERY_MS = 5000;

interface ZoneLink {
  zone: ZoneHost;
  client: MqttClient;
  connected: boolean;
  sharder: CellSharder;
  encoders: Map<string, ZoneEncoderV2>;
  /** Streams whose subscribers missed a delta: a snapshot goes out once the link drains. */
  dirty: Set<string>;
  timer: unknown;
}

export class MqttPublisherV2 {
  published = 0;
  publishedBytes = 0;
  /** Deltas not sent (congestion or no connection); their streams resync with a snapshot. */
  skipped = 0;
  encodeErrors = 0;
  private readonly links: ZoneLink[] = [];

  constructor(private readonly o: MqttPublisherV2Options) {}

  start(): void {
    const broker = splitBrokerUrl(this.o.url);
    for (const zone of this.o.zones) {
      if (!zone.frame) {
        this.o.log?.(`mqtt v2: ${zone.id} has no ENU frame; not published`);
        continue;
      }
      const status = v2StatusTopic(this.o.prefix, zone.id);
      const client = mqtt.connect(broker.url, {
        username: broker.username, password: broker.password,
        reconnectPeriod: 2000, connectTimeout: 10_000, keepalive: 30, clean: true, queueQoSZero: false,
        clientId: `shentwin-feed-v2-${zone.id}-${process.pid}`,
        will: { topic: status, payload: Buffer.from(this.status('offline')), qos: 1, retain: true },
      });
      const link: ZoneLink = { zone, client, connected: false, sharder: new CellSharder(zone.id, zone.frame), encoders: new Map(), dirty: new Set(), timer: null };
      this.links.push(link);
      client.on('connect', () => {
        link.connected = true;
        this.o.log?.(`mqtt v2: ${zone.id} connected to ${redactMqttUrl(this.o.url)}`);
        client.publish(status, this.status('online'), { qos: 1, retain: true });
        this.publishSnapshots(link, link.sharder.streams);
      });
      client.on('close', () => (link.connected = false));
      client.on('error', (e) => this.o.log?.(`mqtt v2: ${zone.id}: ${e.message}`));
      zone.listeners.add((_z, _bytes, msg) => this.onDelta(link, msg));
      link.timer = this.o.timers.setInterval(() => this.publishSnapshots(link, link.sharder.streams), this.o.snapshotEveryMs ?? DEFAULT_V2_SNAPSHOT_EVERY_MS);
    }
  }

  health(): Record<string, unknown> {
    return {
      mqttV2: {
        prefix: this.o.prefix, published: this.published, publishedBytes: this.publishedBytes, skipped: this.skipped, encodeErrors: this.encodeErrors,
        zones: this.links.map((l) => ({ zone: l.zone.id, connected: l.connected, streams: l.encoders.size, cellMoves: l.sharder.moves })),
      },
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.links.map(async (l) => {
      this.o.timers.clearInterval(l.timer);
      if (l.connected) await l.client.publishAsync(v2StatusTopic(this.o.prefix, l.zone.id), this.status('offline'), { qos: 1, retain: true }).catch(() => undefined);
      await l.client.endAsync().catch(() => undefined);
    }));
  }

  private status(state: 'online' | 'offline'): string {
    return JSON.stringify({ v: PROTOCOL_VERSION, type: 'status', state, ts: this.o.now() });
  }

  private encoder(link: ZoneLink, stream: string): ZoneEncoderV2 {
    let e = link.encoders.get(stream);
    if (!e) {
      e = new ZoneEncoderV2(link.zone.id, link.zone.frame!);
      link.encoders.set(stream, e);
    }
    return e;
  }

  private onDelta(link: ZoneLink, d: DeltaMessage): void {
    const lossy = !link.connected || this.pending(link) > MAX_PENDING_BYTES;
    for (const [stream, m] of link.sharder.split(d)) {
      const fresh = !link.encoders.has(stream);
      const enc = this.encoder(link, stream);
      let bytes: Uint8Array;
      try {
        // A new cell starts empty: its stream opens with an empty snapshot (seq 0, retained), so
        // a subscriber present from the start follows it from its first delta.
        if (fresh && stream !== ALL_STREAM && m.seq === 1) {
          const empty = enc.encodeSnapshot(link.sharder.emptySnapshot(d));
          if (lossy) link.dirty.add(stream);
          else this.pubSnapshot(link, stream, empty);
        } else if (fresh) link.dirty.add(stream);
        bytes = enc.encodeDelta(m);
      } catch (e) {
        // A half-updated dictionary is not trusted: a fresh encoder, and a snapshot from it.
        this.encodeErrors++;
        this.o.log?.(`mqtt v2: ${link.zone.id}/${stream}: delta ${m.seq} failed: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
        link.encoders.set(stream, new ZoneEncoderV2(link.zone.id, link.zone.frame!));
        link.dirty.add(stream);
        continue;
      }
      if (lossy) {
        this.skipped++;
        link.dirty.add(stream);
      } else this.pub(link, v2StreamTopic(this.o.prefix, link.zone.id, 'delta', stream), bytes, false);
    }
    if (link.dirty.size && !lossy) this.publishSnapshots(link, [...link.dirty]);
  }

  private publishSnapshots(link: ZoneLink, streams: readonly string[]): void {
    if (!link.connected) return;
    const zoneSnap = link.zone.snapshot();
    for (const stream of streams) {
      link.dirty.delete(stream);
      try {
        this.pubSnapshot(link, stream, this.encoder(link, stream).encodeSnapshot(link.sharder.snapshot(stream, zoneSnap)));
      } catch (e) {
        this.encodeErrors++;
        this.o.log?.(`mqtt v2: ${link.zone.id}/${stream}: snapshot failed: ${String((e as Error)?.message ?? e).slice(0, 200)}`);
      }
    }
  }

  /**
   * In band on the delta topic (ordered with the deltas: the stream's subscribers resync from it)
   * and retained on the snapshot topic (a joiner gets it at once). A broker may deliver the
   * retained copy late or drop it (QoS 0), so receivers ignore a snapshot with seq ≤ the last one
   * they accepted while in sync.
   */
  private pubSnapshot(link: ZoneLink, stream: string, bytes: Uint8Array): void {
    this.pub(link, v2StreamTopic(this.o.prefix, link.zone.id, 'delta', stream), bytes, false);
    this.pub(link, v2StreamTopic(this.o.prefix, link.zone.id, 'snapshot', stream), bytes, true);
  }

  private pending(link: ZoneLink): number {
    return (link.client.stream as { writableLength?: number } | undefined)?.writableLength ?? 0;
  }

  private pub(link: ZoneLink, topic: string, bytes: Uint8Array, retain: boolean): void {
    link.client.publish(topic, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { qos: 0, retain });
    this.published++;
    this.publishedBytes += bytes.byteLength;
  }
}
