import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import type { WireVehicle } from '../../../src/feed/protocol/entities';
import type { DeltaMessage } from '../../../src/feed/protocol/messages';
import { FrameDecoderV2 } from '../../../src/feed/protocol/v2/FrameDecoderV2';
import { ZoneEncoderV2 } from '../../../src/feed/protocol/v2/ZoneEncoderV2';
import { ALL_STREAM, CellSharder, cellName } from '../../../src/server/mqttV2/CellSharder';
import { parseV2Topic, v2StreamTopic } from '../../../src/feed/protocol/v2/mqttTopics';

const ORIGIN = { lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 };
const frame = new EnuFrame(ORIGIN);
const T0 = 1_763_600_000_000;

function at(id: string, east: number, north: number, extra: Partial<WireVehicle> = {}): WireVehicle {
  // The ground point under (east, north): what the sharder's lonLatToEnu(…, 0) maps back.
  const g = frame.enuToLonLat(east, north, 0);
  return { id, cls: 'car', lonDeg: g.lonDeg, latDeg: g.latDeg, headingDeg: 90, speedMps: 10, ...extra };
}

const delta = (seq: number, m: Partial<DeltaMessage>): DeltaMessage => ({ v: 1, type: 'delta', zone: 'jiading', ts: T0 + seq * 200, seq, ...m });

describe('MQTT v2 cell sharding', () => {
  it('names cells by floor(east / 1 km), floor(north / 1 km)', () => {
    expect(cellName(0, 0)).toBe('e0n0');
    expect(cellName(999.9, 1000)).toBe('e0n1');
    expect(cellName(-0.1, -1000.1)).toBe('e-1n-2');
  });

  it('a vehicle crossing a cell edge is a removal in the old cell and an add (with its route) in the new one', () => {
    const sh = new CellSharder('jiading', frame);
    const first = sh.split(delta(1, { vehicles: [at('a', 500, 500, { cls: 'robotaxi', route: 'r1' }), at('b', 1500, 500)] }));
    expect([...first.keys()].sort()).toEqual(['e0n0', 'e1n0']);
    expect(first.get('e0n0')).toMatchObject({ seq: 1, vehicles: [{ id: 'a', route: 'r1' }] });
    // a moves into b's cell; its delta record has no route (v1 sends it only on change).
    const second = sh.split(delta(2, { vehicles: [at('a', 1200, 500, { cls: 'robotaxi' })], sensors: [{ id: 's1', type: 'pm25', value: 3, unit: 'ug/m3', ts: T0, quality: 'good' }] }));
    expect(second.get('e0n0')).toEqual(expect.objectContaining({ seq: 2, removed: { vehicles: ['a'] } }));
    expect(second.get('e0n0')!.vehicles).toBeUndefined();
    expect(second.get('e1n0')).toMatchObject({ seq: 2, vehicles: [{ id: 'a', route: 'r1' }] });
    expect(second.get(ALL_STREAM)).toMatchObject({ seq: 1, sensors: [{ id: 's1' }] });
    // Removal from the zone: only its cell hears of it; a quiet cell sends nothing.
    const third = sh.split(delta(3, { removed: { vehicles: ['b'] } }));
    expect([...third.keys()]).toEqual(['e1n0']);
    expect(third.get('e1n0')).toMatchObject({ seq: 3, removed: { vehicles: ['b'] } });
    const zoneSnap = { v: 1 as const, type: 'snapshot' as const, zone: 'jiading', ts: T0 + 1000, seq: 3, vehicles: [], sensors: [], signals: [], segments: [], incidents: [] };
    expect(sh.snapshot('e0n0', zoneSnap)).toMatchObject({ seq: 2, vehicles: [] });
    expect(sh.snapshot('e1n0', zoneSnap).vehicles.map((v) => v.id)).toEqual(['a']);
    expect(sh.streams.sort()).toEqual(['all', 'e0n0', 'e1n0']);
  });

  it('each stream decodes on its own: an empty snapshot at 0, then contiguous deltas', () => {
    const sh = new CellSharder('jiading', frame);
    const enc = new Map<string, ZoneEncoderV2>();
    const dec = new Map<string, FrameDecoderV2>();
    const held = new Map<string, Set<string>>();
    for (let seq = 1; seq <= 30; seq++) {
      const vehicles = [at('x', 100 + seq * 60, 300), at('y', 2500 - seq * 40, 300)];
      for (const [stream, m] of sh.split(delta(seq, { vehicles }))) {
        if (!enc.has(stream)) {
          enc.set(stream, new ZoneEncoderV2('jiading', frame));
          dec.set(stream, new FrameDecoderV2('jiading', frame));
          held.set(stream, new Set());
          const r = dec.get(stream)!.decode(enc.get(stream)!.encodeSnapshot(sh.emptySnapshot(m)));
          expect(r.ok).toBe(true);
        }
        const r = dec.get(stream)!.decode(enc.get(stream)!.encodeDelta(m));
        if (!r.ok) throw new Error(`${stream} ${m.seq}: ${r.reason} ${r.detail}`);
        for (const id of r.frame.vehicles.ids) held.get(stream)!.add(id);
        for (const id of r.frame.removedVehicles) held.get(stream)!.delete(id);
      }
    }
    // x ends at east 1900 (e1n0), y at 1300 (e1n0); e0n0 and e2n0 are empty again.
    expect([...held.entries()].filter(([, s]) => s.size).map(([k, s]) => [k, [...s].sort()])).toEqual([['e1n0', ['x', 'y']]]);
  });

  it('topics round-trip', () => {
    const t = v2StreamTopic('shentwin/v2', 'jiading', 'delta', 'e-1n0');
    expect(t).toBe('shentwin/v2/jiading/delta/e-1n0');
    expect(parseV2Topic(t, 'shentwin/v2', 'jiading')).toEqual({ kind: 'delta', stream: 'e-1n0' });
    expect(parseV2Topic('shentwin/v2/jiading/status', 'shentwin/v2', 'jiading')).toBeNull();
  });
});
