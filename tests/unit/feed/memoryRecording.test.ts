/**
 * The viewer's in-memory recording of the embedded simulator (src/feed/replay/MemoryRecording):
 * - on a real simulator stream fed through the live ingest: stateAt(t), at and between keyframes,
 *   equals the stream folded directly up to t (vehicle ids and positions, sensor values, signals,
 *   segments, incidents) and the vehicles the live ingest held then; keyframes every 30 s;
 * - on hand-made streams with known content: pruning by window and by byte budget, a whole
 *   keyframe interval at a time, leaving a start that is a keyframe; framesAfter's bounds; the
 *   events of a sensor crossing into warning and alarm (catalogue thresholds) and of an incident;
 *   a resync snapshot starts a new run and is a baseline, not an event.
 */
import { describe, expect, it } from 'vitest';
import type { DeltaMessage, SnapshotEnvelope, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot } from '../../../src/feed/replay/foldState';
import { MemoryRecording } from '../../../src/feed/replay/MemoryRecording';
import { CATALOGUE, comparable, crash, deltaAt, handStream, ids, level, recordSim, SIM_T0, snapshotAt, ZONE } from './timeMachineFixtures';

const T = Date.UTC(2026, 0, 5, 8, 0, 0);

function feed(rec: MemoryRecording, stream: ReturnType<typeof handStream>, upTo = stream.deltas.length): void {
  rec.observe('snapshot', stream.snapshot);
  for (const d of stream.deltas.slice(0, upTo)) rec.observe('delta', d);
}

async function allFrames(rec: MemoryRecording) {
  return rec.framesAfter(ZONE, -1, Number.MAX_SAFE_INTEGER, 1_000_000);
}

describe('MemoryRecording on a real simulator stream', () => {
  // 600 ticks of 200 ms: 2 minutes of wall time at 30×, vehicles enter and leave.
  const sim = recordSim({ ticks: 600 });
  const { recording, truths } = sim;

  it('keeps a keyframe every 30 s of stream time from the first snapshot, and the deltas merged a second at a time', async () => {
    // The driver's first tick only starts its clock and has nothing to send.
    expect(truths).toHaveLength(600);
    const frames = await allFrames(recording);
    expect(frames.filter((f) => f.kind === 'keyframe').map((f) => f.ts - SIM_T0)).toEqual([0, 30_000, 60_000, 90_000, 120_000]);
    expect(recording.rangeNow()).toEqual({ fromTs: SIM_T0, toTs: SIM_T0 + 120_000 });
    // One merged delta a second (the stream's 200 ms ticks, five to a second), keyframes on the second.
    const deltas = frames.filter((f) => f.kind === 'delta').map((f) => f.ts - SIM_T0);
    expect(deltas).toEqual(Array.from({ length: 120 }, (_, i) => (i + 1) * 1000));
  });

  it('stateAt(t) at and between kept moments equals the stream folded directly up to that moment', async () => {
    const kept = (await allFrames(recording)).map((f) => f.ts);
    const keptAtOrBefore = (t: number) => kept.filter((k) => k <= t).pop()!;
    // Kept moments (keyframes and merged deltas), just before and after them, mid-interval, the end.
    const picks = [0, 1, 2, 3, 5, 148, 149, 150, 151, 299, 301, 377, 448, 449, 450, 598, 599].flatMap((i) => [truths[i]!.ts, truths[i]!.ts + 100]);
    const seen = new Set<string>();
    for (const t of picks) {
      const at = keptAtOrBefore(t);
      const truth = sim.truthAt(at);
      expect(truth.ts).toBe(at);
      const got = (await recording.stateAt(ZONE, t))!;
      expect(got, `state at +${t - SIM_T0}`).not.toBeNull();
      expect(got.snapshot.ts, `state at +${t - SIM_T0}`).toBe(at);
      expect(t - got.snapshot.ts).toBeLessThan(1000);
      expect(got.run).toBe(1);
      expect(comparable(got.snapshot), `state at +${t - SIM_T0} ms`).toEqual(comparable(truth.state));
      // The live ingest held the same vehicles then.
      expect(ids(got.snapshot), `live ids at +${t - SIM_T0} ms`).toEqual(truth.liveIds);
      for (const id of truth.liveIds) seen.add(id);
    }
    // The comparison means something: a full city, readings reported, and vehicles came and went.
    expect(truths[300]!.state.vehicles.length).toBeGreaterThan(200);
    expect(truths[300]!.state.sensors.length).toBeGreaterThan(20);
    expect(seen.size).toBeGreaterThan(truths[0]!.liveIds.length);
    expect(ids(truths[599]!.state)).not.toEqual(ids(truths[0]!.state));
    expect(await recording.stateAt(ZONE, SIM_T0 - 1)).toBeNull();
  });
});

describe('MemoryRecording pruning', () => {
  it('keeps the window a whole keyframe interval at a time, starting at a keyframe', async () => {
    const rec = new MemoryRecording({ zone: ZONE, windowMs: 60_000, keyframeEveryMs: 10_000, coalesceMs: 1 });
    const s = handStream(T, 80);
    s.deltas[2]!.sensors = [level('wl-1', T + 3000, 35)];
    s.deltas[64]!.sensors = [level('wl-1', T + 65_000, 55)];
    feed(rec, s, 69);
    // Nothing pruned yet: 69 s of 60 s, but the next keyframe after the cutoff is not due.
    expect(rec.rangeNow()).toEqual({ fromTs: T, toTs: T + 69_000 });
    rec.observe('delta', s.deltas[69]!);
    // The keyframe at 70 s: the cut falls on the keyframe at or before 70 − 60 = 10 s.
    expect(rec.rangeNow()).toEqual({ fromTs: T + 10_000, toTs: T + 70_000 });
    expect(rec.frameCount).toBe(1 + 6 * 11);
    let frames = await allFrames(rec);
    expect(frames[0]).toMatchObject({ kind: 'keyframe', ts: T + 10_000 });
    for (const d of s.deltas.slice(70, 75)) rec.observe('delta', d);
    // Between keyframes nothing is pruned: the range grows until the next keyframe.
    expect(rec.rangeNow()).toEqual({ fromTs: T + 10_000, toTs: T + 75_000 });
    for (const d of s.deltas.slice(75, 80)) rec.observe('delta', d);
    expect(rec.rangeNow()).toEqual({ fromTs: T + 20_000, toTs: T + 80_000 });
    frames = await allFrames(rec);
    expect(frames[0]).toMatchObject({ kind: 'keyframe', ts: T + 20_000 });
    expect(rec.frameCount).toBe(67);

    // Still seekable from its first moment, not before.
    expect(await rec.stateAt(ZONE, T + 20_000 - 1)).toBeNull();
    const first = (await rec.stateAt(ZONE, T + 20_000))!.snapshot;
    expect(ids(first)).toEqual(['c0', 'c15', 'c20']);
    const mid = (await rec.stateAt(ZONE, T + 42_500))!.snapshot;
    expect(mid.ts).toBe(T + 42_000);
    expect(ids(mid)).toEqual(['c0', 'c35', 'c40']);
    expect(mid.vehicles.find((v) => v.id === 'c0')).toEqual(s.deltas[41]!.vehicles![0]);
    expect(mid.sensors).toEqual([level('wl-1', T + 3000, 35)]);
    // Events before the new start went with their frames.
    expect(rec.eventsBetween(0, Number.MAX_SAFE_INTEGER).map((e) => [e.ts, e.detail.level])).toEqual([[T + 65_000, 'alarm']]);
  });

  it('holds a fixed byte budget: the oldest intervals make room, what is kept stays intact and starts at a keyframe', async () => {
    const budgetBytes = 12_000;
    const rec = new MemoryRecording({ zone: ZONE, keyframeEveryMs: 10_000, coalesceMs: 1, budgetBytes });
    const s = handStream(T, 150);
    for (const [i, d] of s.deltas.entries()) if (i % 7 === 3) d.sensors = [level('wl-1', d.ts, i % 2 ? 60 : 10)];
    // What was written, in order, and the stream folded directly.
    const written: [string, number][] = [['keyframe', T]];
    const truth = new Map<number, SnapshotMessage>();
    let fold = fromSnapshot(s.snapshot as unknown as SnapshotMessage);
    truth.set(T, toSnapshot(fold));
    rec.observe('snapshot', s.snapshot);
    let wrapped = false;
    for (const [i, d] of s.deltas.entries()) {
      rec.observe('delta', d);
      applyDelta(fold, d as unknown as DeltaMessage);
      truth.set(d.ts, toSnapshot(fold));
      written.push(['delta', d.ts]);
      if ((i + 1) % 10 === 0) written.push(['keyframe', d.ts]);
      const frames = await allFrames(rec);
      const kept = frames.map((f): [string, number] => [f.kind, f.ts]);
      const bytes = frames.reduce((n, f) => n + Buffer.byteLength(JSON.stringify(f.msg)), 0);
      expect(bytes, `bytes after delta ${i + 1}`).toBeLessThanOrEqual(budgetBytes);
      if (frames.length < written.length) wrapped = true;
      // A contiguous run up to the newest, starting at a keyframe.
      expect(kept, `kept after delta ${i + 1}`).toEqual(written.slice(written.length - kept.length));
      expect(kept[0]![0]).toBe('keyframe');
      // Every kept moment reads back as the stream was then: nothing kept was overwritten.
      if (i % 10 === 5 || i === s.deltas.length - 1) {
        for (const [, ts] of kept) expect(comparable((await rec.stateAt(ZONE, ts))!.snapshot), `state at +${ts - T}`).toEqual(comparable(truth.get(ts)!));
      }
      expect(rec.eventsBetween(0, Number.MAX_SAFE_INTEGER).every((e) => e.ts >= kept[0]![1])).toBe(true);
    }
    expect(wrapped).toBe(true);
    // It still holds more than a whole interval (11 frames), far less than everything written.
    expect(rec.frameCount).toBeGreaterThanOrEqual(11);
    expect(rec.frameCount).toBeLessThan(written.length / 2);
    expect(rec.budgetBytes).toBe(budgetBytes);
    fold = fromSnapshot(toSnapshot(fold));
    expect(ids((await rec.stateAt(ZONE, T + 150_000))!.snapshot)).toEqual(ids(toSnapshot(fold)));
  });
});

describe('MemoryRecording.framesAfter', () => {
  const rec = new MemoryRecording({ zone: ZONE, keyframeEveryMs: 10_000, coalesceMs: 1 });
  feed(rec, handStream(T, 20));
  const brief = (fs: { kind: string; ts: number }[]) => fs.map((f) => [f.kind, f.ts - T]);

  it('returns frames with afterTs < ts <= toTs, in order, at most limit', async () => {
    expect(brief(await rec.framesAfter(ZONE, T - 1, T, 100))).toEqual([['keyframe', 0]]);
    // A keyframe shares its delta's timestamp and follows it.
    expect(brief(await rec.framesAfter(ZONE, T + 9000, T + 10_000, 100))).toEqual([['delta', 9000 + 1000], ['keyframe', 10_000]]);
    expect(brief(await rec.framesAfter(ZONE, T + 10_000, T + 12_000, 100))).toEqual([['delta', 11_000], ['delta', 12_000]]);
    expect(brief(await rec.framesAfter(ZONE, T + 9000, T + 12_000, 1))).toEqual([['delta', 10_000]]);
    expect(brief(await rec.framesAfter(ZONE, T + 9500, T + 10_500, 100))).toEqual([['delta', 10_000], ['keyframe', 10_000]]);
    expect(await rec.framesAfter(ZONE, T + 12_000, T + 12_000, 100)).toEqual([]);
    expect(await rec.framesAfter(ZONE, T + 5000, T + 4000, 100)).toEqual([]);
    expect(await rec.framesAfter(ZONE, T + 20_000, Number.MAX_SAFE_INTEGER, 100)).toEqual([]);
    expect(await rec.framesAfter(ZONE, T, T + 20_000, 0)).toEqual([]);
    expect(brief(await rec.framesAfter(ZONE, T + 18_500, Number.MAX_SAFE_INTEGER, 100))).toEqual([['delta', 19_000], ['delta', 20_000], ['keyframe', 20_000]]);
  });
});

describe('MemoryRecording coalescing', () => {
  it('keeps the deltas of each second merged into one, the state at the end of that second', async () => {
    const rec = new MemoryRecording({ zone: ZONE, keyframeEveryMs: 10_000 });
    const s = handStream(T, 60, 200);
    rec.observe('snapshot', s.snapshot);
    const fold = fromSnapshot(s.snapshot as unknown as SnapshotMessage);
    const truth = new Map<number, SnapshotMessage>([[T, toSnapshot(fold)]]);
    for (const d of s.deltas) {
      rec.observe('delta', d);
      applyDelta(fold, d as unknown as DeltaMessage);
      truth.set(d.ts, toSnapshot(fold));
    }
    const frames = await allFrames(rec);
    expect(frames.map((f) => [f.kind, f.ts - T])).toEqual([
      ['keyframe', 0], ...Array.from({ length: 10 }, (_, i) => ['delta', (i + 1) * 1000]), ['keyframe', 10_000], ['delta', 11_000], ['delta', 12_000],
    ]);
    // Five deltas in one: c0 as at the end of the second, the car added within it kept.
    expect(frames[1]!.msg).toMatchObject({ seq: 5, ts: T + 1000 });
    expect((frames[1]!.msg as DeltaMessage).vehicles!.map((v) => v.id)).toEqual(['c0', 'c5']);
    for (const f of frames) expect(comparable((await rec.stateAt(ZONE, f.ts))!.snapshot), `state at +${f.ts - T}`).toEqual(comparable(truth.get(f.ts)!));
    // Between whole seconds a seek lands on the second before.
    expect((await rec.stateAt(ZONE, T + 7600))!.snapshot.ts).toBe(T + 7000);
    expect(comparable((await rec.stateAt(ZONE, T + 7600))!.snapshot)).toEqual(comparable(truth.get(T + 7000)!));
  });
});

describe('MemoryRecording events and runs', () => {
  it('finds a sensor crossing into warning and alarm and an incident appearing; a snapshot is a baseline', async () => {
    const rec = new MemoryRecording({ zone: ZONE, coalesceMs: 1 });
    rec.observe('snapshot', snapshotAt(T, { sensors: [level('wl-1', T, 10), level('ns-1', T, 40)] }));
    rec.observe('delta', deltaAt(T + 1000, 1, { sensors: [level('wl-1', T + 1000, 35), level('ns-1', T + 1000, 95)] }));
    rec.observe('delta', deltaAt(T + 2000, 2, { sensors: [level('wl-1', T + 2000, 55)], incidents: [crash('x1', T + 2000, 'active')] }));
    rec.observe('delta', deltaAt(T + 3000, 3, { sensors: [level('wl-1', T + 3000, 56)] }));
    rec.observe('delta', deltaAt(T + 4000, 4, { sensors: [level('wl-1', T + 4000, 20)], incidents: [crash('x1', T + 4000, 'clearing')] }));
    const where = { lonDeg: CATALOGUE.sensors[0]!.lonDeg, latDeg: CATALOGUE.sensors[0]!.latDeg };
    expect(rec.eventsBetween(T, T + 10_000)).toEqual([
      { ts: T + 1000, kind: 'sensor-level', detail: { id: 'wl-1', type: 'water_level', level: 'warning', from: 'normal', value: 35, unit: 'cm', ...where } },
      { ts: T + 2000, kind: 'sensor-level', detail: { id: 'wl-1', type: 'water_level', level: 'alarm', from: 'warning', value: 55, unit: 'cm', ...where } },
      { ts: T + 2000, kind: 'incident', detail: { id: 'x1', type: 'crash', status: 'active', from: null, severity: 3, lonDeg: 121.1735, latDeg: 31.2905 } },
      { ts: T + 4000, kind: 'sensor-level', detail: { id: 'wl-1', type: 'water_level', level: 'normal', from: 'alarm', value: 20, unit: 'cm', ...where } },
      { ts: T + 4000, kind: 'incident', detail: { id: 'x1', type: 'crash', status: 'clearing', from: 'active', severity: 3, lonDeg: 121.1735, latDeg: 31.2905 } },
    ]);
    // Both ends inclusive.
    expect(rec.eventsBetween(T + 2000, T + 2000).map((e) => e.kind)).toEqual(['sensor-level', 'incident']);
    expect(rec.eventsBetween(T + 2001, T + 3999)).toEqual([]);

    // A resync snapshot in alarm: a new run and a baseline, no event; the next change is one.
    rec.observe('snapshot', snapshotAt(T + 5000, { seq: 0, sensors: [level('wl-1', T + 5000, 60)], vehicles: [] }));
    rec.observe('delta', deltaAt(T + 6000, 1, { sensors: [level('wl-1', T + 6000, 62)] }));
    rec.observe('delta', deltaAt(T + 7000, 2, { sensors: [level('wl-1', T + 7000, 40)] }));
    expect(rec.eventsBetween(T + 4001, T + 10_000).map((e) => [e.ts - T, e.detail.level, e.detail.from])).toEqual([[7000, 'warning', 'alarm']]);
    // The new run's deltas (seq from 1 again) fold onto its own snapshot.
    const after = (await rec.stateAt(ZONE, T + 6500))!;
    expect(after.run).toBe(2);
    expect(after.snapshot.sensors.map((r) => r.value)).toEqual([62]);
    expect((await rec.stateAt(ZONE, T + 4500))!.run).toBe(1);
    expect((await rec.stateAt(ZONE, T + 4500))!.snapshot.sensors.map((r) => [r.id, r.value])).toEqual([['wl-1', 20], ['ns-1', 95]]);
  });

  it('ignores another zone and deltas before the first snapshot; empty answers nothing', async () => {
    const rec = new MemoryRecording({ zone: ZONE });
    expect(rec.rangeNow()).toBeNull();
    expect(await rec.range()).toBeNull();
    expect(await rec.stateAt(ZONE, T)).toBeNull();
    rec.observe('delta', deltaAt(T + 1000, 1, { vehicles: [{ id: 'x' }] }));
    rec.observe('snapshot', { ...snapshotAt(T + 1500), zone: 'westbund' } as SnapshotEnvelope);
    expect(rec.frameCount).toBe(0);
    rec.observe('snapshot', snapshotAt(T + 2000));
    rec.observe('delta', { ...deltaAt(T + 3000, 1), zone: 'westbund' });
    expect(rec.frameCount).toBe(1);
    rec.clear();
    expect(rec.frameCount).toBe(0);
    expect(rec.rangeNow()).toBeNull();
  });
});
