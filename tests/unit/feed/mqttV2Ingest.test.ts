/**
 * FeedIngest on MQTT v2 streams (enqueueStream): one decoder per stream, vehicles owned by the
 * stream of their newest applied update, a cell's snapshot replacing only what that cell owns,
 * stale retained copies ignored, a joiner waiting for its snapshot, bad payloads counted while
 * every other stream keeps running.
 */
import { describe, expect, it } from 'vitest';
import type { WireSignal } from '../../../src/feed/protocol/entities';
import { PROTOCOL_VERSION } from '../../../src/feed/protocol/limits';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { ALL_STREAM } from '../../../src/feed/protocol/v2/mqttTopics';
import type { V2FrameApplier } from '../../../src/feed/ingest/V2FrameApplier';
import { assertBuffersFinite, FRAME, makeIngest, reading, T0, vehicle } from './fixtures';

const A = 'e0n0', B = 'e1n0';

function signal(id: string, ts: number): WireSignal {
  const g = FRAME.enuToLonLat(300, 300, 0);
  return { id, lonDeg: g.lonDeg, latDeg: g.latDeg, ts, approaches: [{ id: 'n', bearingDeg: 0, state: 'red', remainingS: 20 }] };
}

/** Encoders per stream (a publisher) and an ingest fed one frame per "animation frame". */
function harness(opts: Parameters<typeof makeIngest>[0] = {}) {
  const ing = makeIngest(opts);
  const encoders = new Map<string, ZoneEncoderV2>();
  const enc = (s: string) => {
    let e = encoders.get(s);
    if (!e) encoders.set(s, (e = new ZoneEncoderV2('jiading', FRAME)));
    return e;
  };
  const resyncs: string[] = [];
  ing.listeners.onResyncNeeded = (why) => resyncs.push(why);
  return {
    ing, resyncs,
    snap: (s: string, seq: number, ts: number, body: Partial<SnapshotMessage> = {}) =>
      enc(s).encodeSnapshot({ v: PROTOCOL_VERSION, type: 'snapshot', zone: 'jiading', ts, seq, vehicles: [], sensors: [], signals: [], segments: [], incidents: [], ...body }),
    delta: (s: string, seq: number, ts: number, body: Partial<DeltaMessage>) =>
      enc(s).encodeDelta({ v: PROTOCOL_VERSION, type: 'delta', zone: 'jiading', ts, seq, ...body }),
    /** Delivers on the delta topic (ordered) or as the retained copy on the snapshot topic. */
    send(s: string, bytes: Uint8Array, ts: number, ordered = true) {
      ing.enqueueStream(bytes, ts + 20, s, ordered);
      ing.flush(ts + 20);
    },
    east(id: string): number | undefined {
      const slot = ing.vehicles.slot(id);
      return slot === undefined ? undefined : ing.vehicles.positions[slot * 3];
    },
  };
}

describe('FeedIngest on MQTT v2 streams', () => {
  it('a vehicle crossing a cell edge ends up in the new cell, whichever stream\'s delta arrives first', () => {
    for (const addFirst of [true, false]) {
      const h = harness();
      h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('v1', T0, 900)] }), T0);
      h.send(B, h.snap(B, 0, T0), T0);
      expect(h.east('v1')).toBeCloseTo(900, 1);
      const t = T0 + 200;
      const removal = h.delta(A, 1, t, { removed: { vehicles: ['v1'] } });
      const add = h.delta(B, 1, t, { vehicles: [vehicle('v1', t, 1100)] });
      if (addFirst) {
        h.send(B, add, t);
        h.send(A, removal, t);
      } else {
        h.send(A, removal, t);
        h.send(B, add, t);
      }
      expect(h.east('v1'), `add first: ${addFirst}`).toBeCloseTo(1100, 1);
      // The old cell no longer speaks for it: a snapshot of it (one that moves it on, as after
      // deltas the publisher had to skip) leaves the vehicle alone.
      h.send(A, h.snap(A, 2, t + 100), t + 100);
      expect(h.east('v1')).toBeCloseTo(1100, 1);
      // The new cell does: its removal applies.
      h.send(B, h.delta(B, 2, t + 300, { removed: { vehicles: ['v1'] } }), t + 300);
      expect(h.ing.vehicles.slot('v1')).toBeUndefined();
      expect(h.ing.dropsTotal).toBe(0);
    }
  });

  it('a cell\'s snapshot replaces only the vehicles that cell owns; the all stream\'s holds the low-rate kinds', () => {
    const h = harness();
    h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('a1', T0, 100), vehicle('a2', T0, 200)] }), T0);
    h.send(B, h.snap(B, 0, T0, { vehicles: [vehicle('b1', T0, 1500)] }), T0);
    h.send(ALL_STREAM, h.snap(ALL_STREAM, 0, T0, { signals: [signal('sig-1', T0)], sensors: [reading('noise-1', T0)] }), T0);
    expect(h.ing.vehicles.count).toBe(3);
    expect(h.ing.signals.items.has('sig-1')).toBe(true);
    // A's stream moves on; its next snapshot (after a delta the publisher skipped) lists a1 only.
    const t = T0 + 1000;
    h.send(A, h.delta(A, 1, t, { vehicles: [vehicle('a1', t, 110)] }), t);
    h.send(A, h.snap(A, 2, t + 1, { vehicles: [vehicle('a1', t, 110)] }), t + 1);
    expect(h.ing.vehicles.idList().sort()).toEqual(['a1', 'b1']);
    // A cell snapshot says nothing about signals; the all stream's does.
    expect(h.ing.signals.items.has('sig-1')).toBe(true);
    h.send(ALL_STREAM, h.snap(ALL_STREAM, 1, t + 2), t + 2);
    expect(h.ing.signals.items.has('sig-1')).toBe(false);
    expect(h.ing.vehicles.idList().sort()).toEqual(['a1', 'b1']);
    expect(h.ing.sensors.ids).toContain('noise-1');
  });

  it('ignores a stale retained snapshot while in sync; an in-band repeat is no drop', () => {
    const h = harness();
    const retained = h.snap(A, 0, T0, { vehicles: [vehicle('v1', T0, 100)] });
    h.send(A, retained, T0, false);
    h.send(A, h.delta(A, 1, T0 + 200, { vehicles: [vehicle('v1', T0 + 200, 150)] }), T0 + 200);
    // The broker hands the old retained copy over once more, late.
    h.send(A, retained, T0 + 250, false);
    expect(h.ing.drops['stale-snapshot']).toBe(1);
    expect(h.east('v1')).toBeCloseTo(150, 1);
    // The periodic snapshot in band (seq = the last delta's) repeats what the deltas built.
    h.send(A, h.snap(A, 1, T0 + 300, { vehicles: [vehicle('v1', T0 + 200, 150)] }), T0 + 300);
    h.send(A, h.delta(A, 2, T0 + 400, { vehicles: [vehicle('v1', T0 + 400, 160)] }), T0 + 400);
    expect(h.east('v1')).toBeCloseTo(160, 1);
    expect(h.ing.dropsTotal).toBe(1);
  });

  it('a joiner shows the retained snapshot, waits through the deltas it cannot follow, and syncs on the next in-band snapshot', () => {
    const h = harness();
    const retained = h.snap(A, 0, T0, { vehicles: [vehicle('v1', T0, 100)] });
    const missed = h.delta(A, 1, T0 + 100, { vehicles: [vehicle('v2', T0 + 100, 300)] });
    // Live before the retained copy arrives: nothing to decode it against yet.
    h.send(A, h.delta(A, 2, T0 + 200, { vehicles: [vehicle('v1', T0 + 200, 120)] }), T0 + 200);
    expect(h.ing.drops['awaiting-snapshot']).toBe(1);
    h.send(A, retained, T0 + 210, false);
    expect(h.east('v1')).toBeCloseTo(100, 1);
    // The deltas went on past the retained copy: no loss, so no 'inconsistent' and no resync.
    h.send(A, h.delta(A, 3, T0 + 300, { vehicles: [vehicle('v1', T0 + 300, 130)] }), T0 + 300);
    h.send(A, h.delta(A, 4, T0 + 400, { vehicles: [vehicle('v1', T0 + 400, 140)] }), T0 + 400);
    expect(h.ing.drops['awaiting-snapshot']).toBe(3);
    expect(h.ing.drops.inconsistent).toBe(0);
    expect(h.resyncs).toEqual([]);
    h.send(A, h.snap(A, 4, T0 + 401, { vehicles: [vehicle('v1', T0 + 400, 140), vehicle('v2', T0 + 100, 300)] }), T0 + 401);
    h.send(A, h.delta(A, 5, T0 + 500, { vehicles: [vehicle('v1', T0 + 500, 150)] }), T0 + 500);
    expect(h.east('v1')).toBeCloseTo(150, 1);
    expect(h.east('v2')).toBeCloseTo(300, 1);
    expect(missed.byteLength).toBeGreaterThan(0);
  });

  it('a lost delta puts only its own stream out of sync until its next snapshot', () => {
    const h = harness();
    h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('a1', T0, 100)] }), T0);
    h.send(B, h.snap(B, 0, T0, { vehicles: [vehicle('b1', T0, 1500)] }), T0);
    h.delta(A, 1, T0 + 100, { vehicles: [vehicle('a1', T0 + 100, 110)] });
    h.send(A, h.delta(A, 2, T0 + 200, { vehicles: [vehicle('a1', T0 + 200, 120)] }), T0 + 200);
    expect(h.ing.drops.inconsistent).toBe(1);
    expect(h.resyncs).toHaveLength(1);
    h.send(A, h.delta(A, 3, T0 + 300, { vehicles: [vehicle('a1', T0 + 300, 130)] }), T0 + 300);
    expect(h.ing.drops['awaiting-snapshot']).toBe(1);
    h.send(B, h.delta(B, 1, T0 + 300, { vehicles: [vehicle('b1', T0 + 300, 1600)] }), T0 + 300);
    expect(h.east('b1')).toBeCloseTo(1600, 1);
    expect(h.east('a1')).toBeCloseTo(100, 1);
    h.send(A, h.snap(A, 3, T0 + 301, { vehicles: [vehicle('a1', T0 + 300, 130)] }), T0 + 301);
    expect(h.east('a1')).toBeCloseTo(130, 1);
  });

  it('counts a malformed payload and keeps every stream running', () => {
    const h = harness();
    h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('a1', T0, 100)] }), T0);
    h.send(B, h.snap(B, 0, T0, { vehicles: [vehicle('b1', T0, 1500)] }), T0);
    const good = h.delta(A, 1, T0 + 100, { vehicles: [vehicle('a1', T0 + 100, 110)] });
    h.send(A, good.subarray(0, 40), T0 + 50);
    h.send(A, new TextEncoder().encode('{"not":"a v2 frame"} and some more bytes to pass the header size....'), T0 + 60);
    const wrong = good.slice();
    wrong[4] = 9;
    h.send(B, wrong, T0 + 70);
    expect(h.ing.drops.truncated).toBe(1);
    expect(h.ing.drops.schema).toBe(1);
    expect(h.ing.drops.version).toBe(1);
    // None of them was a frame of either stream: both follow on.
    h.send(A, good, T0 + 100);
    h.send(B, h.delta(B, 1, T0 + 100, { vehicles: [vehicle('b1', T0 + 100, 1510)] }), T0 + 100);
    expect(h.east('a1')).toBeCloseTo(110, 1);
    expect(h.east('b1')).toBeCloseTo(1510, 1);
    expect(h.ing.drops.inconsistent + h.ing.drops['awaiting-snapshot']).toBe(0);
    assertBuffersFinite(h.ing);
  });

  it('a new broker session restarts every stream after the old session\'s queued frames; owners stay', () => {
    const h = harness();
    h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('a1', T0, 100), vehicle('a2', T0, 200)] }), T0);
    // Still queued (a hidden tab does not flush) when the connection is replaced.
    h.ing.enqueueStream(h.delta(A, 1, T0 + 100, { vehicles: [vehicle('a1', T0 + 100, 110)] }), T0 + 120, A, true);
    h.ing.onReconnected();
    // The publisher restarted meanwhile: its stream starts again from seq 0, a2 has gone.
    const fresh = new ZoneEncoderV2('jiading', FRAME);
    const restarted = fresh.encodeSnapshot({ v: PROTOCOL_VERSION, type: 'snapshot', zone: 'jiading', ts: T0 + 5000, seq: 0, vehicles: [vehicle('a1', T0 + 5000, 150)], sensors: [], signals: [], segments: [], incidents: [] });
    h.ing.enqueueStream(restarted, T0 + 5020, A, false);
    h.ing.flush(T0 + 5020);
    expect(h.ing.drops['stale-snapshot']).toBe(0);
    expect(h.ing.vehicles.idList()).toEqual(['a1']);
    expect(h.east('a1')).toBeCloseTo(150, 1);
    expect(h.ing.dropsTotal).toBe(0);
  });

  it('the status document sets publisherOnline; a bad one is counted', () => {
    const h = harness();
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    h.ing.enqueueStatusV2(enc({ v: 1, type: 'status', state: 'offline', ts: T0 }), T0);
    h.ing.flush(T0);
    expect(h.ing.publisherOnline).toBe(false);
    h.ing.enqueueStatusV2(enc({ v: 1, type: 'status', state: 'sleeping', ts: T0 }), T0);
    h.ing.enqueueStatusV2(new TextEncoder().encode('{'), T0);
    h.ing.enqueueStatusV2(new Uint8Array(0), T0);
    h.ing.flush(T0);
    expect(h.ing.drops.schema).toBe(1);
    expect(h.ing.drops['not-json']).toBe(1);
    expect(h.ing.publisherOnline).toBe(false);
    h.ing.enqueueStatusV2(enc({ v: 1, type: 'status', state: 'online', ts: T0 }), T0);
    h.ing.flush(T0);
    expect(h.ing.publisherOnline).toBe(true);
  });

  it('forgets the owners of vehicles evicted for age, and all of them on reset', () => {
    const h = harness({ vehicleEvictMs: 1000, vehicleStaleMs: 500 });
    const owners = () => (h.ing as unknown as { v2: V2FrameApplier }).v2.owners;
    h.send(A, h.snap(A, 0, T0, { vehicles: [vehicle('a1', T0, 100), vehicle('a2', T0, 200)] }), T0);
    expect(owners().size).toBe(2);
    h.ing.flush(T0 + 5000);
    expect(h.ing.vehicles.count).toBe(0);
    expect(owners().size).toBe(0);
    h.send(B, h.snap(B, 0, T0 + 6000, { vehicles: [vehicle('b1', T0 + 6000, 1500)] }), T0 + 6000);
    expect(owners().ownedBy(B)).toEqual(['b1']);
    h.ing.reset();
    expect(owners().size).toBe(0);
  });
});
