import { timingSafeEqual } from 'node:crypto';
import { Aedes, type AuthenticateError, type Client as BrokerClient } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { mayPublish, maySubscribe, type MqttRole } from '../../src/server/mqttAcl/policy';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { serveBrokerOverWs, startClient, startZoneServer, waitFor, type Client } from './helpers';

const P = 'shentwin/v1';
/** The publisher's password has a colon: mqtt.js's own URL parsing would split it wrongly. */
const USERS: Record<string, { password: string; role: MqttRole }> = {
  feed: { password: 'pub:lisher-secret', role: 'publisher' },
  'wall-1': { password: 'wall-1-secret', role: 'viewer' },
  'wall-2': { password: 'wall-2-secret', role: 'viewer' },
};

function samePassword(given: Buffer | undefined, want: string): boolean {
  const w = Buffer.from(want);
  return given !== undefined && given.length === w.length && timingSafeEqual(given, w);
}

function refused(message: string, returnCode: 4 | 5): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

/**
 * aedes over WebSocket with the access rules a production broker would load from the generated
 * acl_file: the hooks ask the same policy functions the file is written from.
 */
async function startAclBroker() {
  const roles = new WeakMap<BrokerClient, MqttRole>();
  const publishRefused: string[] = [];
  const connects: string[] = [];
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      connects.push(username ?? '');
      // Mosquitto with allow_anonymous false answers an anonymous CONNECT with "not authorised".
      if (username === undefined) return done(refused('no credentials', 5), false);
      const u = USERS[username];
      if (!u || !samePassword(password, u.password)) return done(refused('bad user name or password', 4), false);
      roles.set(client, u.role);
      done(null, true);
    },
    authorizePublish: (client, packet, done) => {
      // client is null only for the broker's own publishes (a stale last will).
      const role = client ? roles.get(client) : 'publisher';
      if (role && mayPublish(role, packet.topic, P)) return done(null);
      publishRefused.push(packet.topic);
      done(new Error(`not authorised to publish ${packet.topic}`));
    },
    authorizeSubscribe: (client, sub, done) => {
      const role = roles.get(client);
      // (null, null) is aedes's way to answer SUBACK 0x80 rather than drop the connection.
      done(null, role && maySubscribe(role, sub.topic, P) ? sub : null);
    },
  });
  const served = await serveBrokerOverWs(broker);
  const urlFor = (user: string, password = USERS[user]!.password) => `ws://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${served.port}`;
  return { url: served.url, urlFor, publishRefused, connects, close: served.close };
}

describe('broker-side access control for MQTT deployments (aedes hooks + src/server/mqttAcl policy)', () => {
  let broker: Awaited<ReturnType<typeof startAclBroker>> | null = null;
  let server: RunningFeedServer | null = null;
  const viewers: Client[] = [];
  const raw: MqttClient[] = [];
  afterEach(async () => {
    for (const c of viewers.splice(0)) c.stop();
    await Promise.all(raw.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
    await server?.stop('graceful');
    server = null;
    await broker?.close();
    broker = null;
  });

  const connectRaw = async (url: string) => {
    const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 3000 });
    raw.push(c);
    return c;
  };

  it('the feed publishes with publisher credentials, a viewer receives; the viewer cannot publish or subscribe to #', async () => {
    broker = await startAclBroker();
    const b = broker;
    const logs: string[] = [];
    server = await startZoneServer(0, { mqttUrl: b.urlFor('feed'), topicPrefix: P, log: (l) => logs.push(l) });
    const s = server;
    await waitFor(() => (s.mqtt?.published ?? 0) > 50, 10_000, 'the publisher, authenticated');

    // The viewer through the real FeedRuntime / MqttFeedSource, credentials as a scene feed block gives them.
    const v = startClient({ kind: 'mqtt', url: b.url, topicPrefix: P, username: 'wall-1', password: USERS['wall-1']!.password });
    viewers.push(v);
    await waitFor(() => v.last().status === 'connected' && v.rt.ingest.vehicles.count > 20, 10_000, 'vehicles at the viewer');

    // A third party, also a viewer, watching the zone to see what reaches subscribers.
    const watcher = await connectRaw(b.urlFor('wall-2'));
    const seen: { topic: string; payload: string; atMs: number }[] = [];
    watcher.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString(), atMs: Date.now() }));
    await watcher.subscribeAsync(`${P}/jiading/#`, { qos: 0 });
    await waitFor(() => seen.length > 0, 3000, 'the watcher receiving');

    // The viewer tries to fake the publisher going offline (retained) and to inject a vehicle. One
    // connection each: aedes answers a refused PUBLISH by closing the connection (MQTT-3.3.5-2
    // lets a broker either do that or acknowledge and drop, as Mosquitto does).
    const forged = [`${P}/jiading/status/server`, `${P}/jiading/vehicle/forged-1`] as const;
    const payloads = [JSON.stringify({ v: 1, type: 'status', state: 'offline', ts: Date.now() }), JSON.stringify({ id: 'forged-1', ts: Date.now() })];
    await (await connectRaw(b.urlFor('wall-1'))).publishAsync(forged[0], payloads[0]!, { qos: 0, retain: true });
    await (await connectRaw(b.urlFor('wall-1'))).publishAsync(forged[1], payloads[1]!, { qos: 0 });
    const sentAt = Date.now();
    await waitFor(() => forged.every((t) => b.publishRefused.includes(t)), 2000, 'the broker refusing both publishes');
    await new Promise((r) => setTimeout(r, 400));
    // The status topic itself does arrive (the publisher's retained "online"), never the forgery.
    expect(seen.filter((m) => payloads.includes(m.payload) || m.topic === forged[1])).toEqual([]);
    expect(seen.some((m) => m.atMs > sentAt)).toBe(true);
    expect(v.last().status).toBe('connected');

    // Subscribing wider than the prefix is refused with SUBACK 0x80; the prefix itself is granted.
    const sub = await connectRaw(b.urlFor('wall-2'));
    for (const filter of ['#', '$SYS/#', 'shentwin/#', 'shentwin/v2/#']) {
      // mqtt.js rejects a failed SUBACK with the packet attached.
      const suback = await sub.subscribeAsync(filter, { qos: 0 }).then(() => null, (e: Error & { packet?: { granted?: number[] } }) => e.packet?.granted);
      expect(suback, filter).toEqual([128]);
    }
    const granted = await sub.subscribeAsync(`${P}/#`, { qos: 0 });
    expect(granted.map((g) => g.qos)).toEqual([0]);

    // The publisher's password never reaches a log line or /health.
    const secret = USERS.feed!.password;
    expect(logs.some((l) => l.includes('connected to ws://feed:***@127.0.0.1'))).toBe(true);
    expect(logs.filter((l) => l.includes(secret) || l.includes(encodeURIComponent(secret)))).toEqual([]);
    const health = JSON.stringify(s.mqtt?.health());
    expect(health).toContain('ws://feed:***@127.0.0.1');
    expect(health).not.toContain(encodeURIComponent(secret));
    expect(health).not.toContain(secret);
  });

  it('refuses a wrong password, an unknown user and a client without credentials at CONNACK', async () => {
    broker = await startAclBroker();
    const b = broker;
    const code = (url: string) => connectRaw(url).then(() => 0, (e: Error & { code?: number }) => e.code ?? -1);
    expect(await code(b.urlFor('wall-1', 'not-the-password'))).toBe(4);
    expect(await code(b.urlFor('nobody', 'x'))).toBe(4);
    expect(await code(b.url)).toBe(5);
  });

  it('a viewer whose password the broker refuses shows unauthorised and does not retry', async () => {
    broker = await startAclBroker();
    const b = broker;
    const v = startClient({ kind: 'mqtt', url: b.url, topicPrefix: P, username: 'wall-1', password: 'stale-password' });
    viewers.push(v);
    await waitFor(() => v.last().status === 'unauthorised', 5000, 'unauthorised at the viewer');
    expect(v.last().authRefusal).toBe('token-rejected');
    // Backoff here is 100-800 ms: a retry loop would have reconnected within this wait.
    await new Promise((r) => setTimeout(r, 600));
    expect(b.connects.filter((u) => u === 'wall-1')).toHaveLength(1);
    expect(v.last().status).toBe('unauthorised');
  });
});
