/**
 * The viewer's MQTT v2 path end to end: an aedes broker, the real feed server publishing the v2
 * tree (`--mqtt-v2`, one stream per 1 km cell plus `all`), and a real FeedRuntime configured as
 * `?feed=mqtt&feedEncoding=v2` (MqttFeedSource over the mqtt package into FeedIngest). Beside it
 * a v1 viewer of the same server over WebSocket (feedEncoding=json).
 *
 * The v2 viewer joins a running server, so it starts from the retained snapshots and syncs on the
 * next in-band ones. While the zone runs, both hold the same vehicle set up to the vehicles that
 * came or went within the last ticks; once the zone is frozen (as feed-v2-mqtt.test.ts does) and
 * the last frames have landed, the same set, at the same positions.
 */
import { Aedes } from 'aedes';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedIngest } from '../../src/feed/ingest/FeedIngest';
import type { DropReason } from '../../src/feed/protocol/dropReasons';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { serveBrokerOverWs, startClient, startZoneServer, waitFor, type Client } from './helpers';

const V2_PREFIX = 'shentwin/v2';
/** What joining a live sharded stream costs, by design (docs/feed-protocol.md, "MQTT v2"). */
const JOIN_DROPS: ReadonlySet<DropReason> = new Set(['awaiting-snapshot', 'stale-snapshot', 'duplicate']);

const ids = (ing: FeedIngest) => new Set(ing.vehicles.idList());

function symmetricDifference(a: Set<string>, b: Set<string>): string[] {
  return [...[...a].filter((x) => !b.has(x)), ...[...b].filter((x) => !a.has(x))];
}

describe('viewer on MQTT v2 (feedEncoding=v2)', () => {
  let broker: Awaited<ReturnType<typeof serveBrokerOverWs>> | null = null;
  let server: RunningFeedServer | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.stop();
    await server?.stop('hard');
    server = null;
    await broker?.close();
    broker = null;
  });

  it('holds the same vehicles as a v1 WebSocket viewer of the same server', async () => {
    broker = await serveBrokerOverWs(await Aedes.createBroker());
    server = await startZoneServer(0, { rateHz: 10, mqttUrl: broker.url, topicPrefix: 'shentwin/v1', mqttV2Prefix: V2_PREFIX, mqttV2SnapshotEveryMs: 1000 });
    const s = server;
    const v1 = startClient({ kind: 'ws', url: `ws://127.0.0.1:${s.port}/`, encoding: 'v1' });
    clients.push(v1);
    await waitFor(() => v1.rt.ingest.vehicles.count > 10, 15_000, 'the v1 viewer');
    // Let the cell streams fill up, so the v2 viewer joins mid-stream.
    await new Promise((r) => setTimeout(r, 1500));
    const v2 = startClient({ kind: 'mqtt', url: broker.url, topicPrefix: V2_PREFIX, encoding: 'v2' });
    clients.push(v2);
    await waitFor(() => v2.rt.ingest.vehicles.count > 10, 15_000, 'the v2 viewer');
    // One in-band snapshot round (1 s) brings every stream into sync; then a few more ticks.
    await new Promise((r) => setTimeout(r, 2500));

    const a = v1.rt.ingest, b = v2.rt.ingest;
    expect(v2.last().status).toBe('connected');
    expect(b.publisherOnline).toBe(true);
    // Live: the same set, up to the vehicles that came or went in the ticks between the two.
    for (let k = 0; k < 5; k++) {
      const diff = symmetricDifference(ids(a), ids(b));
      expect(diff.length, `differs by ${diff.join(', ')}`).toBeLessThanOrEqual(Math.max(3, Math.ceil(a.vehicles.count * 0.05)));
      await new Promise((r) => setTimeout(r, 200));
    }

    // Frozen: after the last frames (and a snapshot round), exactly the same vehicles, same places.
    s.zones[0]!.stop();
    await new Promise((r) => setTimeout(r, 1500));
    expect([...ids(b)].sort()).toEqual([...ids(a)].sort());
    for (const id of a.vehicles.idList()) {
      const i = a.vehicles.slot(id)!, j = b.vehicles.slot(id)!;
      const d = Math.hypot(a.vehicles.positions[i * 3]! - b.vehicles.positions[j * 3]!, a.vehicles.positions[i * 3 + 1]! - b.vehicles.positions[j * 3 + 1]!);
      expect(d, id).toBeLessThan(0.05);
      expect(b.vehicles.updatedAt[j], id).toBe(a.vehicles.updatedAt[i]);
    }
    // The v1 viewer drops nothing; the v2 one only what joining a sharded stream costs.
    expect(a.dropsTotal).toBe(0);
    const unexpected = Object.entries(b.drops).filter(([r, n]) => n > 0 && !JOIN_DROPS.has(r as DropReason));
    expect(unexpected).toEqual([]);
    // Only a duplicate (a vehicle that stood still between the retained and the in-band snapshot) is reported.
    expect(v2.errors.filter((e) => e.includes('dropped') && !e.includes('(duplicate)'))).toEqual([]);
    console.log(`v2 viewer: ${b.vehicles.count} vehicles, drops ${JSON.stringify(Object.fromEntries(Object.entries(b.drops).filter(([, n]) => n > 0)))}`);
    expect(b.signals.items.size).toBe(a.signals.items.size);
    const h = s.server.health() as { mqttV2: { zones: { cellMoves: number; streams: number }[] } };
    expect(h.mqttV2.zones[0]!.streams).toBeGreaterThan(2);
  }, 60_000);
});
