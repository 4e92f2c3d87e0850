/**
 * MQTT mode: publishes each zone to a broker under `<prefix>/<zone>/<kind>/<id>`, one entity per
 * message. Sensors, the catalogue, segments, incidents, hello and status are retained, so a viewer
 * that subscribes later sees the last values at once; vehicles and signals are not (they are stale
 * within seconds). The last will marks the publisher offline if it dies.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { DeltaMessage, SnapshotMessage } from '../feed/protocol/messages';
import { PROTOCOL_VERSION } from '../feed/protocol/limits';
import { topicFor } from '../feed/protocol/topics';
import type { Timers } from '../feed/sources/FeedSource';
import type { ZoneHost } from './ZoneHost';
import { redactMqttUrl, splitBrokerUrl } from './mqttAcl/brokerUrl';

export interface MqttPublisherOptions {
  url: string;
  prefix: string;
  zones: ZoneHost[];
  heartbeatMs: number;
  now: () => number;
  timers: Timers;
  log?: (line: string) => void;
}

/** Above this many unsent bytes, non-retained updates are skipped: the next tick carries newer ones. */
const MAX_PENDING_BYTES = 4 << 20;
/** Resolved incidents are cleared from the broker's retained store after this long. */
const RESOLVED_RETAIN_MS = 120_000;

interface ZoneLink {
  zone: ZoneHost;
  client: MqttClient;
  connected: boolean;
  heartbeat: unknown;
  beatSeq: number;
}

export class MqttPublisher {
  published = 0;
  skipped = 0;
  private readonly links: ZoneLink[] = [];
  private readonly clearTimers = new Set<unknown>();

  constructor(private readonly o: MqttPublisherOptions) {}

  start(): void {
    // Credentials go as options, not in the URL: see brokerUrl.ts for why.
    const broker = splitBrokerUrl(this.o.url);
    for (const zone of this.o.zones) {
      const status = topicFor(this.o.prefix, zone.id, 'status', 'server');
      const client = mqtt.connect(broker.url, {
        username: broker.username, password: broker.password,
        reconnectPeriod: 2000, connectTimeout: 10_000, keepalive: 30, clean: true, queueQoSZero: false,
        clientId: `shentwin-feed-${zone.id}-${process.pid}`,
        will: { topic: status, payload: Buffer.from(JSON.stringify({ v: PROTOCOL_VERSION, type: 'status', state: 'offline', ts: this.o.now() })), qos: 1, retain: true },
      });
      const link: ZoneLink = { zone, client, connected: false, heartbeat: null, beatSeq: 0 };
      this.links.push(link);
      client.on('connect', () => {
        link.connected = true;
        this.o.log?.(`mqtt: ${zone.id} connected to ${redactMqttUrl(this.o.url)}`);
        this.publishInitial(link);
      });
      client.on('close', () => (link.connected = false));
      client.on('error', (e) => this.o.log?.(`mqtt: ${zone.id}: ${e.message}`));
      zone.listeners.add((_z, _bytes, msg) => this.publishDelta(link, msg));
      link.heartbeat = this.o.timers.setInterval(() => {
        this.pub(link, topicFor(this.o.prefix, zone.id, 'heartbeat', 'server'), { v: PROTOCOL_VERSION, type: 'heartbeat', ts: this.o.now(), seq: ++link.beatSeq }, false);
      }, this.o.heartbeatMs);
    }
  }

  health(): Record<string, unknown> {
    return { mqtt: { url: redactMqttUrl(this.o.url), connected: this.links.map((l) => ({ zone: l.zone.id, connected: l.connected })), published: this.published, skipped: this.skipped } };
  }

  async stop(): Promise<void> {
    for (const t of this.clearTimers) this.o.timers.clearTimeout(t);
    await Promise.all(this.links.map(async (l) => {
      this.o.timers.clearInterval(l.heartbeat);
      if (l.connected) {
        const status = topicFor(this.o.prefix, l.zone.id, 'status', 'server');
        await l.client.publishAsync(status, JSON.stringify({ v: PROTOCOL_VERSION, type: 'status', state: 'offline', ts: this.o.now() }), { qos: 1, retain: true }).catch(() => undefined);
      }
      await l.client.endAsync().catch(() => undefined);
    }));
  }

  private publishInitial(link: ZoneLink): void {
    const z = link.zone.id, p = this.o.prefix, ts = this.o.now();
    this.pub(link, topicFor(p, z, 'status', 'server'), { v: PROTOCOL_VERSION, type: 'status', state: 'online', ts }, true);
    this.pub(link, topicFor(p, z, 'hello', 'server'), link.zone.driver.hello(this.o.heartbeatMs, [z], 'shentwin-feed'), true);
    const snap: SnapshotMessage = link.zone.driver.snapshot();
    this.pub(link, topicFor(p, z, 'catalogue', 'all'), { v: PROTOCOL_VERSION, type: 'catalogue', zone: z, ts, catalogue: snap.catalogue ?? {} }, true);
    for (const v of snap.vehicles) this.pub(link, topicFor(p, z, 'vehicle', v.id), { ...v, ts: snap.ts }, false);
    for (const s of snap.sensors) this.pub(link, topicFor(p, z, 'sensor', s.id), s, true);
    for (const s of snap.signals) this.pub(link, topicFor(p, z, 'signal', s.id), { ...s, ts: s.ts ?? snap.ts }, false);
    for (const s of snap.segments) this.pub(link, topicFor(p, z, 'segment', s.id), { ...s, ts: snap.ts }, true);
    for (const i of snap.incidents) this.pub(link, topicFor(p, z, 'incident', i.id), { ...i, ts: i.ts ?? snap.ts }, true);
  }

  private publishDelta(link: ZoneLink, d: DeltaMessage): void {
    if (!link.connected) return;
    const z = link.zone.id, p = this.o.prefix;
    const busy = (link.client.stream as { writableLength?: number } | undefined)?.writableLength ?? 0;
    const lossy = busy > MAX_PENDING_BYTES;
    for (const v of d.vehicles ?? []) {
      if (lossy) this.skipped++;
      else this.pub(link, topicFor(p, z, 'vehicle', v.id), { ...v, ts: v.ts ?? d.ts }, false);
    }
    for (const id of d.removed?.vehicles ?? []) this.pub(link, topicFor(p, z, 'vehicle', id), { id, removed: true, ts: d.ts }, false);
    for (const s of d.signals ?? []) {
      if (lossy) this.skipped++;
      else this.pub(link, topicFor(p, z, 'signal', s.id), { ...s, ts: s.ts ?? d.ts }, false);
    }
    for (const s of d.sensors ?? []) this.pub(link, topicFor(p, z, 'sensor', s.id), s, true);
    for (const s of d.segments ?? []) this.pub(link, topicFor(p, z, 'segment', s.id), { ...s, ts: s.ts ?? d.ts }, true);
    for (const i of d.incidents ?? []) {
      const topic = topicFor(p, z, 'incident', i.id);
      this.pub(link, topic, { ...i, ts: i.ts ?? d.ts }, true);
      if (i.status === 'resolved') {
        const t = this.o.timers.setTimeout(() => {
          this.clearTimers.delete(t);
          if (link.connected) link.client.publish(topic, '', { qos: 0, retain: true });
        }, RESOLVED_RETAIN_MS);
        this.clearTimers.add(t);
      }
    }
  }

  private pub(link: ZoneLink, topic: string, payload: object, retain: boolean): void {
    if (!link.connected) return;
    link.client.publish(topic, JSON.stringify(payload), { qos: 0, retain });
    this.published++;
  }
}
