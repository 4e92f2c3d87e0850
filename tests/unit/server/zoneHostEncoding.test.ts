/**
 * ZoneHost serialises a delta to v1 JSON at most once per tick, and only when a listener asks:
 * a server whose subscribers all speak v2 never spends the JSON encode.
 */
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { SimDriver } from '../../../src/feed/producer/SimDriver';
import type { DeltaMessage } from '../../../src/feed/protocol/messages';
import { ZoneHost } from '../../../src/server/ZoneHost';
import { Simulation } from '../../../src/sim/Simulation';
import { grid, JIADING_ORIGIN, weekdayAt } from '../sim/fixtures';

function makeHost() {
  let nowMs = Date.UTC(2026, 0, 5, 0, 0, 0);
  const frame = new EnuFrame(JIADING_ORIGIN);
  const sim = new Simulation({ graph: grid(5, 4, 250), zoneId: 'jiading', seed: 7, startSimMs: weekdayAt(8) });
  const host = new ZoneHost('jiading', new SimDriver(sim, frame, () => nowMs, 30), 5, () => nowMs, frame);
  return { host, step: () => { nowMs += 200; host.tick(); } };
}

describe('ZoneHost v1 serialisation', () => {
  it('is skipped while no listener asks for v1 bytes', () => {
    const { host, step } = makeHost();
    expect(host.enableV2()).toBe(true);
    let deltas = 0, v2Frames = 0;
    host.listeners.add((_z, _v1, _d, v2) => {
      deltas++;
      if (v2) v2Frames++;
    });
    for (let i = 0; i < 10; i++) step();
    expect(deltas).toBeGreaterThan(0);
    expect(v2Frames).toBe(deltas);
    expect(host.lastDeltaBytes).toBe(0);
  });

  it('serialises once and hands every listener the same bytes, equal to the delta as JSON', () => {
    const { host, step } = makeHost();
    const seen: { bytes: Buffer; msg: DeltaMessage }[] = [];
    const again: Buffer[] = [];
    host.listeners.add((_z, v1, msg) => seen.push({ bytes: v1(), msg }));
    host.listeners.add((_z, v1) => again.push(v1()));
    for (let i = 0; i < 5; i++) step();
    expect(seen.length).toBeGreaterThan(0);
    expect(again.length).toBe(seen.length);
    seen.forEach((s, i) => {
      expect(again[i]).toBe(s.bytes);
      expect(JSON.parse(s.bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(s.msg)));
    });
    expect(host.lastDeltaBytes).toBe(seen[seen.length - 1]!.bytes.length);
  });
});
