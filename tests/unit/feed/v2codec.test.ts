/**
 * Feed protocol v2 codec: v1 messages → ZoneEncoderV2 → FrameDecoderV2 → decodedToV1 must give
 * back the v1 content within the documented quantisation, and every malformed frame must be a
 * counted drop that leaves the decoder's dictionaries as they were.
 */
import { describe, expect, it } from 'vitest';
import { SimFeedProducer } from '../../../src/feed/producer/SimFeedProducer';
import type { WireVehicle } from '../../../src/feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../../src/feed/protocol/v2/FrameDecoderV2';
import { HEADER, MAX_V2_FRAME_BYTES } from '../../../src/feed/protocol/v2/layout';
import { decodedToV1 } from '../../../src/feed/protocol/v2/toV1';
import { transferListV2, type DecodedFrameV2 } from '../../../src/feed/protocol/v2/types';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { EnuFrame } from '../../../src/core/geodesy';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, weekdayAt } from '../sim/fixtures';
import { FRAME, T0, vehicle } from './fixtures';

const envelope = (seq: number, ts = T0 + seq * 200) => ({ v: 1 as const, zone: 'jiading', ts, seq });
const snapshotOf = (seq: number, vehicles: WireVehicle[], extra: Partial<SnapshotMessage> = {}): SnapshotMessage =>
  ({ ...envelope(seq), type: 'snapshot', vehicles, sensors: [], signals: [], segments: [], incidents: [], ...extra });
const deltaOf = (seq: number, body: Partial<DeltaMessage> = {}): DeltaMessage => ({ ...envelope(seq), type: 'delta', ...body });

function decodeOk(d: FrameDecoderV2, bytes: Uint8Array): DecodedFrameV2 {
  const r = d.decode(bytes);
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r.frame;
}

/** Vehicles by id with the fields v2 carries, in v1 units. */
function byId(vs: readonly WireVehicle[] | undefined): Map<string, WireVehicle> {
  return new Map((vs ?? []).map((v) => [v.id, v]));
}

function expectSameVehicle(back: WireVehicle, sent: WireVehicle, ts: number): void {
  expect(back.cls).toBe(sent.cls);
  const [e0, n0] = FRAME.lonLatToEnu(sent.lonDeg, sent.latDeg, 0);
  const [e1, n1] = FRAME.lonLatToEnu(back.lonDeg, back.latDeg, 0);
  // f32 ENU within a few km of the origin plus 1e-7° rounding on the way back: centimetres.
  expect(Math.hypot(e1! - e0!, n1! - n0!)).toBeLessThan(0.03);
  expect(Math.abs(((back.headingDeg - sent.headingDeg + 540) % 360) - 180)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(Math.abs(back.speedMps - sent.speedMps)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(back.ts).toBe(sent.ts ?? ts);
  expect(back.automation).toBe(sent.automation);
  expect(back.route).toBe(sent.route);
  expect(back.line).toEqual(sent.line);
}

describe('feed v2: a simulated stream round-trips', () => {
  const sim = new Simulation({ graph: grid(), zoneId: 'jiading', seed: 11, startSimMs: weekdayAt(8) });
  const producer = new SimFeedProducer(sim, FRAME, 10);
  const enc = new ZoneEncoderV2('jiading', FRAME);
  sim.advance(30_000);

  it('snapshot: every entity comes back within the quantisation, and v2 is several times smaller', () => {
    const snap = producer.snapshot(T0);
    const bytes = enc.encodeSnapshot(snap);
    const dec = new FrameDecoderV2('jiading', FRAME);
    const frame = decodeOk(dec, bytes);
    expect(frame.kind).toBe('snapshot');
    expect(frame.vehicles.count).toBe(snap.vehicles.length);
    const back = decodedToV1(frame, FRAME) as SnapshotMessage;
    const sent = byId(snap.vehicles);
    for (const v of back.vehicles) expectSameVehicle(v, sent.get(v.id)!, snap.ts);
    expect(back.sensors).toEqual(snap.sensors);
    expect(back.segments.length).toBe(snap.segments.length);
    for (let i = 0; i < snap.segments.length; i++) expect(back.segments[i]).toEqual({ ...snap.segments[i]!, ts: snap.segments[i]!.ts ?? snap.ts });
    for (let i = 0; i < snap.signals.length; i++) expect(back.signals[i]).toEqual({ ...snap.signals[i]!, ts: snap.signals[i]!.ts ?? snap.ts });
    expect(back.catalogue).toEqual(snap.catalogue);
    expect(back.simMs).toBe(snap.simMs);
    expect(back.timeScale).toBe(snap.timeScale);
    expect(enc.skipped).toBe(0);
    const v1Bytes = Buffer.byteLength(JSON.stringify(snap));
    // A snapshot also carries every id and the JSON catalogue, so it gains less than a delta does.
    expect(v1Bytes / bytes.length).toBeGreaterThan(1.4);
  });

  it('deltas: a subscriber that started from a mid-stream snapshot follows every later delta', () => {
    const early = new FrameDecoderV2('jiading', FRAME);
    decodeOk(early, enc.encodeSnapshot(producer.snapshot(T0)));
    let late: FrameDecoderV2 | null = null;
    let v1Total = 0, v2Total = 0;
    for (let i = 1; i <= 40; i++) {
      sim.advance(1000);
      const ts = T0 + i * 200;
      const d = producer.delta(ts)!;
      const bytes = enc.encodeDelta(d);
      v1Total += Buffer.byteLength(JSON.stringify(d));
      v2Total += bytes.length;
      const a = decodeOk(early, bytes);
      const back = decodedToV1(a, FRAME) as DeltaMessage;
      const sent = byId(d.vehicles);
      expect(back.vehicles?.length ?? 0).toBe(sent.size);
      for (const v of back.vehicles ?? []) expectSameVehicle(v, sent.get(v.id)!, d.ts);
      expect(back.removed?.vehicles ?? []).toEqual(d.removed?.vehicles ?? []);
      expect((back.sensors ?? []).map((s) => s.id)).toEqual((d.sensors ?? []).map((s) => s.id));
      if (late) expect(decodedToV1(decodeOk(late, bytes), FRAME)).toEqual(back);
      if (i === 20) {
        // A snapshot built now (after delta 20) is what a new subscriber gets; delta 21 follows it.
        late = new FrameDecoderV2('jiading', FRAME);
        decodeOk(late, enc.encodeSnapshot(producer.snapshot(ts)));
      }
    }
    expect(enc.skipped).toBe(0);
    // The target is ≥ 5× fewer bytes; this small grid zone has few vehicles per delta.
    expect(v1Total / v2Total).toBeGreaterThan(3);
  });
});

describe('feed v2: dictionaries', () => {
  it('a removed vehicle frees its index for the next new id, and both decoders agree', () => {
    const enc = new ZoneEncoderV2('jiading', FRAME);
    const dec = new FrameDecoderV2('jiading', FRAME);
    decodeOk(dec, enc.encodeSnapshot(snapshotOf(0, [vehicle('a', T0), vehicle('b', T0)])));
    const f1 = decodeOk(dec, enc.encodeDelta(deltaOf(1, { removed: { vehicles: ['a'] } })));
    expect(f1.removedVehicles).toEqual(['a']);
    const f2 = decodeOk(dec, enc.encodeDelta(deltaOf(2, { vehicles: [vehicle('c', T0 + 400, 10, 20)] })));
    expect(f2.vehicles.ids).toEqual(['c']);
    // 'b' is still known by its index.
    const f3 = decodeOk(dec, enc.encodeDelta(deltaOf(3, { vehicles: [vehicle('b', T0 + 600, 30, 40)] })));
    expect(f3.vehicles.ids).toEqual(['b']);
  });

  it('past the dictionary bound the encoder starts afresh and the decoder follows', () => {
    const enc = new ZoneEncoderV2('jiading', FRAME, { maxDictEntries: 4 });
    const dec = new FrameDecoderV2('jiading', FRAME);
    decodeOk(dec, enc.encodeSnapshot(snapshotOf(0, [vehicle('v0', T0), vehicle('v1', T0)])));
    let seq = 1;
    for (let k = 2; k < 12; k++) {
      const f = decodeOk(dec, enc.encodeDelta(deltaOf(seq++, { vehicles: [vehicle(`v${k}`, T0 + seq * 200)] })));
      expect(f.vehicles.ids).toEqual([`v${k}`]);
    }
  });

  it('a def first sent in a snapshot still goes out in the next delta for the other subscribers', () => {
    const enc = new ZoneEncoderV2('jiading', FRAME);
    const a = new FrameDecoderV2('jiading', FRAME);
    decodeOk(a, enc.encodeSnapshot(snapshotOf(0, [])));
    // A second subscriber's snapshot holds 'x' (it arrived in the snapshot's state, not a delta).
    const b = new FrameDecoderV2('jiading', FRAME);
    decodeOk(b, enc.encodeSnapshot(snapshotOf(0, [vehicle('x', T0)])));
    const bytes = enc.encodeDelta(deltaOf(1, { vehicles: [vehicle('x', T0 + 200)] }));
    expect(decodeOk(a, bytes).vehicles.ids).toEqual(['x']);
    expect(decodeOk(b, bytes).vehicles.ids).toEqual(['x']);
  });
});

describe('feed v2: bad frames are dropped, counted by reason, and leave no trace', () => {
  const enc = new ZoneEncoderV2('jiading', FRAME);
  const snap = enc.encodeSnapshot(snapshotOf(0, [vehicle('a', T0), vehicle('b', T0, 200, 300, { route: 'r1', automation: 4 })]));
  const d1 = enc.encodeDelta(deltaOf(1, { vehicles: [vehicle('a', T0 + 200, 120, 60), vehicle('n', T0 + 200, 5, 5)], sensors: [{ id: 's1', type: 'noise', value: 50, unit: 'dB(A)', ts: T0 + 100, quality: 'good' }] }));
  const fresh = () => {
    const d = new FrameDecoderV2('jiading', FRAME);
    decodeOk(d, snap);
    return d;
  };

  it('every truncation of a valid delta is dropped without throwing, and the full delta still decodes afterwards', () => {
    const d = fresh();
    for (let len = 0; len < d1.length; len++) {
      const r = d.decode(d1.slice(0, len));
      expect(r.ok, `cut at ${len}`).toBe(false);
      if (!r.ok) expect(['truncated', 'schema']).toContain(r.reason);
    }
    expect(decodeOk(d, d1).vehicles.ids).toEqual(['a', 'n']);
  });

  it('every single-byte corruption either decodes to finite values or is dropped; never throws', () => {
    for (let at = 0; at < d1.length; at++) {
      const d = fresh();
      const bad = d1.slice();
      bad[at] = bad[at]! ^ 0xff;
      const r = d.decode(bad);
      if (r.ok) {
        const v = r.frame.vehicles;
        for (const col of [v.east, v.north, v.ts, v.headingDeg, v.speedMps]) for (const x of col) expect(Number.isFinite(x)).toBe(true);
      }
    }
  });

  it('NaN in a position column is a schema drop', () => {
    const d = fresh();
    const bad = d1.slice();
    // Find the east column: the first f32 equal to vehicle a's east (120 m).
    const dv = new DataView(bad.buffer);
    let at = -1;
    for (let p = HEADER.bytes; p + 4 <= bad.length; p += 4) if (Math.abs(dv.getFloat32(p, true) - 120) < 0.01) { at = p; break; }
    expect(at).toBeGreaterThan(0);
    dv.setFloat32(at, Number.NaN, true);
    const r = d.decode(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('schema');
  });

  it('oversized, bad magic, wrong version, wrong zone, wrong origin', () => {
    const d = fresh();
    const big = new Uint8Array(MAX_V2_FRAME_BYTES + 1);
    big.set(d1.subarray(0, 8));
    expect(d.decode(big)).toMatchObject({ ok: false, reason: 'too-large' });
    const magic = d1.slice(); magic[0] = 0x58;
    expect(d.decode(magic)).toMatchObject({ ok: false, reason: 'schema' });
    const version = d1.slice(); version[HEADER.version] = 3;
    expect(d.decode(version)).toMatchObject({ ok: false, reason: 'version' });
    expect(new FrameDecoderV2('westbund', FRAME).decode(snap)).toMatchObject({ ok: false, reason: 'wrong-zone' });
    const elsewhere = new EnuFrame({ lonDeg: 121.45, latDeg: 31.18, heightM: 4 });
    expect(new FrameDecoderV2('jiading', elsewhere).decode(snap)).toMatchObject({ ok: false, reason: 'wrong-zone' });
    // None of it touched the dictionaries: the real delta decodes.
    expect(decodeOk(d, d1).vehicles.ids).toEqual(['a', 'n']);
  });

  it('a delta before any snapshot, or after a gap, is inconsistent; a snapshot recovers', () => {
    const cold = new FrameDecoderV2('jiading', FRAME);
    expect(cold.decode(d1)).toMatchObject({ ok: false, reason: 'inconsistent' });
    const d = fresh();
    const d2 = enc.encodeDelta(deltaOf(2, { vehicles: [vehicle('n', T0 + 400)] }));
    const d3 = enc.encodeDelta(deltaOf(3, { vehicles: [vehicle('n', T0 + 600)] }));
    expect(d.decode(d1).ok).toBe(true);
    expect(d.decode(d3)).toMatchObject({ ok: false, reason: 'inconsistent' });
    const again = enc.encodeSnapshot(snapshotOf(3, [vehicle('a', T0 + 600), vehicle('n', T0 + 600)]));
    expect(d.decode(again).ok).toBe(true);
    expect(d.decode(d2)).toMatchObject({ ok: false, reason: 'inconsistent' });
  });

  it('the encoder leaves out and counts invalid vehicles instead of spoiling the frame', () => {
    const e = new ZoneEncoderV2('jiading', FRAME);
    const bad = [
      { ...vehicle('nan', T0), lonDeg: Number.NaN },
      { ...vehicle('fast', T0), speedMps: 500 },
      { ...vehicle('bad id!', T0) },
      { ...vehicle('far', T0), lonDeg: 125 },
    ];
    const f = decodeOk(new FrameDecoderV2('jiading', FRAME), e.encodeSnapshot(snapshotOf(0, [...bad, vehicle('ok', T0)])));
    expect(f.vehicles.ids).toEqual(['ok']);
    expect(e.skipped).toBe(4);
  });

  it('decoded columns own their buffers, so a worker can transfer them', () => {
    const f = decodeOk(fresh(), d1);
    const buffers = transferListV2(f);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const b of buffers) expect(b).not.toBe(d1.buffer);
    const { port1 } = new MessageChannel();
    port1.postMessage(f, buffers);
    expect(f.vehicles.east.byteLength).toBe(0);
    port1.close();
  });
});
