import { describe, expect, it } from 'vitest';
import { StreamReceiverV2 } from '../../../src/feed/ingest/StreamReceiverV2';
import { PROTOCOL_VERSION } from '../../../src/feed/protocol/limits';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { FRAME, T0, vehicle } from './fixtures';

const snap = (seq: number): SnapshotMessage => ({ v: PROTOCOL_VERSION, type: 'snapshot', zone: 'jiading', ts: T0, seq, vehicles: [], sensors: [], signals: [], segments: [], incidents: [] });
const delta = (seq: number, id: string): DeltaMessage => ({ v: PROTOCOL_VERSION, type: 'delta', zone: 'jiading', ts: T0 + seq, seq, vehicles: [vehicle(id, T0 + seq)] });

describe('StreamReceiverV2', () => {
  it('ignores a stale snapshot in sync, resyncs only the stream that lost a delta', () => {
    const rx = new StreamReceiverV2('jiading', FRAME);
    const a = new ZoneEncoderV2('jiading', FRAME), b = new ZoneEncoderV2('jiading', FRAME);
    const staleA = a.encodeSnapshot(snap(0));
    expect(rx.receive('e0n0', staleA).ok).toBe(true);
    expect(rx.receive('e1n0', b.encodeSnapshot(snap(0))).ok).toBe(true);
    expect(rx.receive('e0n0', a.encodeDelta(delta(1, 'v1'))).ok).toBe(true);
    const r = rx.receive('e0n0', staleA);
    expect(r.ok === false && r.reason).toBe('stale-snapshot');
    a.encodeDelta(delta(2, 'v1'));
    const lost = rx.receive('e0n0', a.encodeDelta(delta(3, 'v1')));
    expect(lost.ok === false && lost.reason).toBe('inconsistent');
    expect(rx.resyncing).toEqual(['e0n0']);
    expect(rx.receive('e1n0', b.encodeDelta(delta(1, 'v2'))).ok).toBe(true);
    expect(rx.receive('e0n0', a.encodeSnapshot(snap(3))).ok).toBe(true);
    expect(rx.resyncing).toEqual([]);
  });

  it('counts a truncated frame as a drop', () => {
    const rx = new StreamReceiverV2('jiading', FRAME);
    const bytes = new ZoneEncoderV2('jiading', FRAME).encodeSnapshot(snap(0));
    expect(rx.receive('e0n0', bytes.subarray(0, 30)).ok).toBe(false);
  });
});
