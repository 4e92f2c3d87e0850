/**
 * MQTT v2 through a real broker (aedes over WebSocket): the feed server publishes each zone as
 * binary v2 streams, one per 1 km cell plus `all`. A subscriber to every stream, decoding each
 * with its own FrameDecoderV2, holds the same vehicle set as a v1 WebSocket client: one present
 * from the start follows its streams without a drop; one that joins late starts from the
 * retained snapshots and, after a periodic snapshot, agrees too.
 *
 * The broker may deliver a retained snapshot after live deltas that followed it (aedes stores a
 * retained message before forwarding it), so the subscriber applies the documented rule: while a
 * stream is in sync, a snapshot with seq ≤ the last accepted one is stale and ignored; after an
 * 'inconsistent' delta the stream is out of sync and the next snapshot is taken, whatever its seq.
 */
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EnuFrame } from '../../src/core/geodesy';
import type { WireVehicle } from '../../src/feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../src/feed/protocol/v2/FrameDecoderV2';
import { decodedToV1 } from '../../src/feed/protocol/v2/toV1';
import { cellName } from '../../src/server/mqttV2/CellSharder';
import { parseV2Topic } from '../../src/feed/protocol/v2/mqttTopics';
import type { RunningFeedServer } from '../../src/server/startFeedServer';
import { ORIGIN, serveBrokerOverWs, startZoneServer, waitFor } from './helpers';

const PREFIX = 'shentwin/v2';
const enu = new EnuFrame(ORIGIN);

/** Subscribes to every v2 stream of the zone; one decoder and vehicle map per stream. */
async function v2Subscriber(url: string) {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0 });
  const streams = new Map<string, { dec: FrameDecoderV2; vehicles: Map<string, WireVehicle>; deltas: number; synced: boolean; lastSeq: number }>();
  const drops: string[] = [];
  let frames = 0, stale = 0;
  client.on('message', (topic, payload) => {
    const t = parseV2Topic(topic, PREFIX, 'jiading');
    if (!t) return;
    frames++;
    let st = streams.get(t.stream);
    if (!st) streams.set(t.stream, (st = { dec: new FrameDecoderV2('jiading', enu), vehicles: new Map(), deltas: 0, synced: false, lastSeq: -1 }));
    const bytes = new Uint8Array(payload);
    const seq = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getFloat64(16, true);
    if (bytes[5] === 1 && st.synced && seq <= st.lastSeq) {
      stale++;
      return;
    }
    const r = st.dec.decode(bytes);
    if (!r.ok) {
      drops.push(`${t.stream} ${r.reason}`);
      if (r.reason === 'inconsistent') st.synced = false;
      return;
    }
    st.synced = true;
    st.lastSeq = r.frame.seq;
    const m = decodedToV1(r.frame, enu);
    if (m.type === 'snapshot') st.vehicles = new Map(m.vehicles.map((v) => [v.id, v]));
    else {
      st.deltas++;
      for (const v of m.vehicles ?? []) st.vehicles.set(v.id, v);
      for (const id of m.removed?.vehicles ?? []) st.vehicles.delete(id);
    }
  });
  await client.subscribeAsync(`${PREFIX}/jiading/#`);
  const union = () => {
    const all = new Map<string, WireVehicle & { cell: string }>();
    for (const [cell, st] of streams) for (const v of st.vehicles.values()) {
      expect(all.has(v.id), `${v.id} in two cells`).toBe(false);
      all.set(v.id, { ...v, cell });
    }
    return all;
  };
  return { client, streams, drops, union, frames: () => frames, stale: () => stale };
}

/** A v1 WebSocket client's vehicle map. */
async function v1Client(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  const vehicles = new Map<string, WireVehicle>();
  let deltas = 0;
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as SnapshotMessage | DeltaMessage | { type: string };
    if (m.type === 'snapshot') {
      vehicles.clear();
      for (const v of (m as SnapshotMessage).vehicles) vehicles.set(v.id, v);
    } else if (m.type === 'delta') {
      deltas++;
      for (const v of (m as DeltaMessage).vehicles ?? []) vehicles.set(v.id, { ...vehicles.get(v.id), ...v });
      for (const id of (m as DeltaMessage).removed?.vehicles ?? []) vehicles.delete(id);
    }
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ v: 1, type: 'subscribe', zone: 'jiading' }));
  return { ws, vehicles, deltas: () => deltas };
}

function expectSameVehicles(v1: Map<string, WireVehicle>, v2: Map<string, WireVehicle & { cell: string }>) {
  expect([...v2.keys()].sort()).toEqual([...v1.keys()].sort());
  for (const [id, v] of v1) {
    const w = v2.get(id)!;
    expect(Math.abs(w.lonDeg - v.lonDeg), id).toBeLessThan(1e-6);
    expect(Math.abs(w.latDeg - v.latDeg), id).toBeLessThan(1e-6);
    expect(Math.abs(w.speedMps - v.speedMps), id).toBeLessThanOrEqual(0.01 + 1e-9);
    // Each vehicle is in the stream of the cell its position lies in.
    const p = enu.lonLatToEnu(v.lonDeg, v.latDeg, 0);
    expect(w.cell, id).toBe(cellName(p[0], p[1]));
  }
}

describe('MQTT v2: binary frames sharded per 1 km cell', () => {
  let broker: Awaited<ReturnType<typeof serveBrokerOverWs>> | null = null;
  let server: RunningFeedServer | null = null;
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
    await server?.stop('hard');
    server = null;
    await broker?.close();
    broker = null;
  });

  it('a subscriber to every cell holds the same vehicle set as v1, from the start and after a late join', async () => {
    broker = await serveBrokerOverWs(await Aedes.createBroker());
    const early = await v2Subscriber(broker.url);
    closers.push(() => early.client.endAsync());
    server = await startZoneServer(0, { rateHz: 10, mqttUrl: broker.url, topicPrefix: 'shentwin/v1', mqttV2Prefix: PREFIX, mqttV2SnapshotEveryMs: 1000 });
    const s = server;
    const v1 = await v1Client(s.port);
    closers.push(() => v1.ws.terminate());
    await waitFor(() => v1.deltas() > 30 && early.streams.size > 3, 15_000, 'deltas on several cells');
    const late = await v2Subscriber(broker.url);
    closers.push(() => late.client.endAsync());
    await waitFor(() => late.frames() > 20 && v1.deltas() > 50, 15_000, 'the late subscriber');
    // Freeze the zone, let the last deltas land, then one periodic snapshot round for the late one.
    s.zones[0]!.stop();
    const framesAtStop = late.frames();
    await waitFor(() => late.frames() > framesAtStop + late.streams.size, 5000, 'a snapshot round');
    await new Promise((r) => setTimeout(r, 300));

    expect(early.drops).toEqual([]);
    expect([...early.streams.keys()]).toContain('all');
    expect([...early.streams.values()].reduce((n, x) => n + x.deltas, 0)).toBeGreaterThan(30);
    expect(v1.vehicles.size).toBeGreaterThan(10);
    expectSameVehicles(v1.vehicles, early.union());
    expectSameVehicles(v1.vehicles, late.union());
    const h = s.server.health() as { mqttV2: { published: number; encodeErrors: number; zones: { cellMoves: number }[] } };
    expect(h.mqttV2.published).toBeGreaterThan(100);
    expect(h.mqttV2.encodeErrors).toBe(0);
    // Vehicles did cross cell edges (a removal in one stream, an add in another).
    expect(h.mqttV2.zones[0]!.cellMoves).toBeGreaterThan(0);
  }, 60_000);
});
