/**
 * The time machine's shared pieces (src/feed/replay), on a synthetic recorded stream whose state
 * at every moment is known, with a virtual clock:
 * - mergeDeltas: folding the merged delta gives the state that folding each delta gives,
 *   including a vehicle that leaves and comes back, and one that arrives and leaves;
 * - ReplayStreamer: replay-start, a snapshot equal to the state at `from`, deltas numbered on from
 *   0 whose fold at the end equals the state at `to`, paced at `speed` (one merged delta a tick),
 *   a later run's keyframe sent as a snapshot, a seek (to = from), no recording, playing on to the
 *   live end (and at 1× never past what is recorded), stop, backpressure and paging;
 * - StreamEventDetector: a sensor crossing into warning and alarm, an incident appearing,
 *   changing status and resolving; a snapshot is a baseline, not an event.
 */
import { describe, expect, it } from 'vitest';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, mergeDeltas, toSnapshot } from '../../../src/feed/replay/foldState';
import { ReplayStreamer, type ReplayArchive } from '../../../src/feed/replay/ReplayStreamer';
import { StreamEventDetector } from '../../../src/feed/replay/streamEvents';
import { ArrayArchive, comparable, FakeClock, foldReplay, incident, makeStream, reading, T0, ZONE } from './replayFixtures';

type Msg = { type: string; seq?: number; ts?: number; reason?: string; [k: string]: unknown };

function play(archive: ReplayArchive, request: { from: number; to?: number; speed: number }, extra: { tickMs?: number; maxFramesPerTick?: number; canSend?: () => boolean } = {}) {
  const clock = new FakeClock();
  const sent: { atMs: number; msg: Msg }[] = [];
  const ends: string[] = [];
  const streamer = new ReplayStreamer({
    archive, zone: ZONE, request: { id: 7, ...request }, now: clock.now, timers: clock,
    send: (m) => sent.push({ atMs: clock.nowMs, msg: m as Msg }), onEnd: (r) => ends.push(r), ...extra,
  });
  return { clock, sent, ends, streamer, msgs: () => sent.map((s) => s.msg) };
}

describe('mergeDeltas', () => {
  it('folding the merged delta equals folding each one, over every window of a stream', () => {
    const stream = makeStream({ runMs: 30_000 });
    const deltas = stream.frames.filter((f) => f.kind === 'delta').map((f) => f.msg as DeltaMessage);
    const base = stream.frames[0]!.msg as SnapshotMessage;
    // Windows of 2…13 deltas over the whole stream: some hold a removal and a return (seq 21 → 24),
    // arrivals followed by removals, the incident opening, clearing and resolving.
    for (const width of [2, 3, 5, 8, 13]) {
      const one = fromSnapshot(base);
      const merged = fromSnapshot(base);
      for (let i = 0; i < deltas.length; i += width) {
        const win = deltas.slice(i, i + width);
        for (const d of win) applyDelta(one, d);
        applyDelta(merged, mergeDeltas(win)!);
        expect(comparable(toSnapshot(merged)), `width ${width} at ${i}`).toEqual(comparable(toSnapshot(one)));
      }
      expect(merged.seq).toBe(one.seq);
    }
  });

  it('keeps a vehicle removed and seen again, drops one seen and then removed', () => {
    const d = (seq: number, body: Partial<DeltaMessage>): DeltaMessage => ({ v: 1, type: 'delta', zone: ZONE, ts: T0 + seq, seq, ...body });
    const car = (id: string, x: number) => ({ id, cls: 'car' as const, lonDeg: 121 + x, latDeg: 31, headingDeg: 0, speedMps: 1, route: 'r', automation: 2 });
    const m = mergeDeltas([
      d(1, { removed: { vehicles: ['a'] }, vehicles: [car('b', 0)] }),
      d(2, { vehicles: [car('a', 0.5)] }),
      d(3, { removed: { vehicles: ['b'] } }),
    ])!;
    expect(m.vehicles!.map((v) => v.id)).toEqual(['a']);
    expect(m.removed!.vehicles).toEqual(['b']);
    expect(m).toMatchObject({ seq: 3, ts: T0 + 3 });
    expect(mergeDeltas([])).toBeNull();
  });
});

describe('ReplayStreamer', () => {
  const stream = makeStream();
  const archive = new ArrayArchive(stream.frames);

  it('sends the state at from, then paced merged deltas whose fold ends at the state at to', async () => {
    const from = T0 + 12_345, to = T0 + 40_000;
    const p = play(archive, { from, to, speed: 10 }, { tickMs: 100 });
    await p.streamer.start();
    const [start, snap] = p.msgs();
    expect(start).toMatchObject({ type: 'replay-start', zone: ZONE, id: 7, from, to, speed: 10, range: { fromTs: T0 } });
    expect(snap).toMatchObject({ type: 'snapshot', seq: 0 });
    expect(comparable(snap as unknown as SnapshotMessage)).toEqual(comparable((await archive.stateAt(ZONE, from))!.snapshot));
    await p.clock.advance(5000);
    const msgs = p.msgs();
    const end = msgs[msgs.length - 1]!;
    expect(end).toMatchObject({ type: 'replay-end', id: 7, reason: 'reached-to', ts: to });
    expect(p.ends).toEqual(['reached-to']);
    const deltas = p.sent.filter((s) => s.msg.type === 'delta');
    // 27.655 s of recording at 10× in 100 ms ticks: one merged delta per tick, 28 ticks.
    expect(deltas.length).toBe(28);
    expect(msgs.slice(1, -1).map((m) => m.seq)).toEqual(Array.from({ length: msgs.length - 2 }, (_, i) => i));
    const startWall = T0;
    for (const { atMs, msg } of deltas) {
      const cursor = Math.min(to, from + (atMs - startWall) * 10);
      // Each tick advances the cursor 1 s of recording; the newest delta passed is within 200 ms of it.
      expect(msg.ts!).toBeLessThanOrEqual(cursor);
      expect(msg.ts!).toBeGreaterThan(cursor - 200);
    }
    expect(comparable(toSnapshot(foldReplay(msgs.slice(1))!))).toEqual(comparable(stream.truthAt(to)));
    expect(p.clock.pending).toBe(0);
  });

  it('sends a later run\'s keyframe as a snapshot, numbered on, and folds into that run', async () => {
    const two = makeStream({ runs: 2, runMs: 20_000, gapMs: 5000 });
    const arch = new ArrayArchive(two.frames);
    const run2 = two.frames.find((f) => f.run === 2)!;
    const from = run2.ts - 8000, to = run2.ts + 6000;
    const p = play(arch, { from, to, speed: 20 });
    await p.streamer.start();
    await p.clock.advance(2000);
    const msgs = p.msgs();
    const snaps = msgs.filter((m) => m.type === 'snapshot');
    expect(snaps).toHaveLength(2);
    expect(snaps[1]!.ts).toBe(run2.ts);
    expect(snaps[1]!.seq).toBeGreaterThan(0);
    expect(msgs.slice(1, -1).map((m) => m.seq)).toEqual(Array.from({ length: msgs.length - 2 }, (_, i) => i));
    const after = msgs.slice(msgs.indexOf(snaps[1]!));
    expect((after[0] as unknown as SnapshotMessage).vehicles.every((v) => v.id.startsWith('R2-'))).toBe(true);
    expect(comparable(toSnapshot(foldReplay(msgs.slice(1))!))).toEqual(comparable(two.truthAt(to)));
    expect(msgs[msgs.length - 1]).toMatchObject({ type: 'replay-end', reason: 'reached-to' });
  });

  it('a seek (to = from) sends only the snapshot and replay-end reached-to', async () => {
    const at = T0 + 31_000;
    const p = play(archive, { from: at, to: at, speed: 1 });
    await p.streamer.start();
    expect(p.msgs().map((m) => m.type)).toEqual(['replay-start', 'snapshot', 'replay-end']);
    expect(p.msgs()[2]).toMatchObject({ reason: 'reached-to', ts: at });
    expect(comparable(p.msgs()[1] as unknown as SnapshotMessage)).toEqual(comparable(stream.truthAt(at)));
    expect(p.clock.pending).toBe(0);
  });

  it('answers no-recording when nothing is recorded, and clamps a from before the recording', async () => {
    const p = play(new ArrayArchive([]), { from: T0, speed: 5 });
    await p.streamer.start();
    expect(p.msgs()).toEqual([expect.objectContaining({ type: 'replay-end', reason: 'no-recording', ts: null })]);
    const q = play(archive, { from: T0 - 3_600_000, to: T0 + 1000, speed: 60 });
    await q.streamer.start();
    expect(q.msgs()[0]).toMatchObject({ type: 'replay-start', from: T0 });
  });

  it('plays on to the live end and ends reached-live, never past what is recorded', async () => {
    const arch = new ArrayArchive(stream.frames);
    const p = play(arch, { from: T0 + 20_000, speed: 20 });
    await p.streamer.start();
    await p.clock.advance(3000);
    const msgs = p.msgs();
    expect(msgs[msgs.length - 1]).toMatchObject({ type: 'replay-end', reason: 'reached-live', ts: T0 + 60_000 });
    expect(comparable(toSnapshot(foldReplay(msgs.slice(1))!))).toEqual(comparable(stream.truthAt(T0 + 60_000)));
  });

  it('at 1× just behind a recording that is still being written, skips nothing', async () => {
    const arch = new ArrayArchive(stream.frames);
    const p = play(arch, { from: T0 + 10_000, speed: 1 });
    // The recorder commits every 250 ms: what is visible lags the clock by up to that.
    const commit = () => (arch.visibleUpTo = T0 + 10_000 + Math.floor((p.clock.nowMs - T0) / 250) * 250);
    commit();
    await p.streamer.start();
    for (let i = 0; i < 100; i++) {
      await p.clock.advance(50);
      commit();
    }
    expect(p.ends).toEqual([]);
    const last = p.streamer.cursorTs;
    expect(last).toBeGreaterThan(T0 + 14_000);
    expect(comparable(toSnapshot(foldReplay(p.msgs().slice(1))!))).toEqual(comparable(stream.truthAt(last)));
    p.streamer.stop();
    expect(p.msgs().at(-1)).toMatchObject({ type: 'replay-end', reason: 'stopped', ts: last });
    const n = p.sent.length;
    await p.clock.advance(2000);
    expect(p.sent.length).toBe(n);
  });

  it('sends nothing while the client is behind, then catches up in one merged delta', async () => {
    let ready = true;
    const p = play(archive, { from: T0 + 5000, to: T0 + 30_000, speed: 10 }, { canSend: () => ready });
    await p.streamer.start();
    await p.clock.advance(300);
    ready = false;
    const n = p.sent.length;
    await p.clock.advance(1000);
    expect(p.sent.length).toBe(n);
    ready = true;
    await p.clock.advance(100);
    expect(p.sent.length).toBe(n + 1);
    await p.clock.advance(3000);
    expect(comparable(toSnapshot(foldReplay(p.msgs().slice(1))!))).toEqual(comparable(stream.truthAt(T0 + 30_000)));
  });

  it('pages through more frames than a tick reads, keyframes sharing a delta\'s moment included', async () => {
    const same = makeStream({ sameTsKeyframes: true, keyframeMs: 1000 });
    // Keyframe first at a shared moment, as the store orders them: a page that ends on the
    // keyframe must not lose the delta beside it.
    const rank = (k: string) => (k === 'keyframe' ? 0 : 1);
    const arch = new ArrayArchive([...same.frames].sort((x, y) => x.ts - y.ts || rank(x.kind) - rank(y.kind)));
    const p = play(arch, { from: T0 + 1000, to: T0 + 50_000, speed: 60 }, { maxFramesPerTick: 7 });
    await p.streamer.start();
    await p.clock.advance(30_000);
    expect(p.ends).toEqual(['reached-to']);
    expect(comparable(toSnapshot(foldReplay(p.msgs().slice(1))!))).toEqual(comparable(same.truthAt(T0 + 50_000)));
  });
});

describe('StreamEventDetector', () => {
  const catalogue = { sensors: [{ id: 'underpass-01', type: 'water_level', lonDeg: 121.17, latDeg: 31.29, thresholds: { warn: 10, alarm: 25, direction: 'above' } }] };
  const snap = (incidents: unknown[] = []) => ({ catalogue, sensors: [reading('underpass-01', T0, 4)], incidents });
  const d = (ts: number, body: { sensors?: unknown[]; incidents?: unknown[] }) => ({ ts, ...body });

  it('finds a sensor crossing into warning and alarm, once per crossing', () => {
    const det = new StreamEventDetector();
    det.snapshot(snap());
    expect(det.delta(d(T0 + 1, { sensors: [reading('underpass-01', T0 + 1, 8)] }))).toEqual([]);
    const warn = det.delta(d(T0 + 2, { sensors: [reading('underpass-01', T0 + 2, 12)] }));
    expect(warn).toEqual([{ ts: T0 + 2, kind: 'sensor-level', detail: expect.objectContaining({ id: 'underpass-01', type: 'water_level', level: 'warning', from: 'normal', value: 12, unit: 'cm', lonDeg: 121.17 }) }]);
    expect(det.delta(d(T0 + 3, { sensors: [reading('underpass-01', T0 + 3, 26)] }))[0]!.detail).toMatchObject({ level: 'alarm', from: 'warning' });
    expect(det.delta(d(T0 + 4, { sensors: [reading('underpass-01', T0 + 4, 30)] }))).toEqual([]);
    expect(det.delta(d(T0 + 5, { sensors: [reading('underpass-01', T0 + 5, 3)] }))[0]!.detail).toMatchObject({ level: 'normal', from: 'alarm' });
  });

  it('finds an incident appearing, changing status and resolving; a snapshot is a baseline', () => {
    const det = new StreamEventDetector();
    det.snapshot(snap([incident('old', T0, 'active')]));
    expect(det.delta(d(T0 + 1, { incidents: [incident('old', T0 + 1, 'active')] }))).toEqual([]);
    const opened = det.delta(d(T0 + 2, { incidents: [incident('inc-1', T0 + 2, 'active')] }));
    expect(opened).toEqual([{ ts: T0 + 2, kind: 'incident', detail: expect.objectContaining({ id: 'inc-1', type: 'crash', status: 'active', from: null, severity: 3 }) }]);
    expect(det.delta(d(T0 + 3, { incidents: [incident('inc-1', T0 + 3, 'active')] }))).toEqual([]);
    expect(det.delta(d(T0 + 4, { incidents: [incident('inc-1', T0 + 4, 'clearing')] }))[0]!.detail).toMatchObject({ status: 'clearing', from: 'active' });
    expect(det.delta(d(T0 + 5, { incidents: [incident('inc-1', T0 + 5, 'resolved')] }))[0]!.detail).toMatchObject({ status: 'resolved', from: 'clearing' });
    // Garbage is passed over, not thrown on.
    expect(det.delta(d(T0 + 6, { incidents: [null, { id: 5 }], sensors: [{ id: 'x', value: Number.NaN }] }))).toEqual([]);
  });
});
