/**
 * The time machine (src/feed/replay/TimeMachine) over the embedded simulator's in-memory recording
 * (MemoryReplayBackend → ReplayStreamer → JSON → the replay ingest), on a virtual clock:
 * - seek while paused: the replay ingest holds the recorded state at t (vehicle ids and positions,
 *   sensor values), the summary says replay at t, and the replayed clock stays frozen;
 * - play at 10×: the replayed time runs ten times the wall time, and the state follows it;
 * - a seek back replaces the state (nothing from later survives); live() goes back to live;
 * - frames and the end of a superseded request are ignored;
 * - the slider's ticks come from the recording's events (a sensor rising into warning and alarm);
 * - while paused for minutes of wall time nothing goes stale or is evicted.
 */
import { describe, expect, it } from 'vitest';
import type { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import type { SnapshotMessage } from '../../../src/feed/protocol/messages';
import { MemoryRecording } from '../../../src/feed/replay/MemoryRecording';
import { MemoryReplayBackend } from '../../../src/feed/replay/MemoryReplayBackend';
import { TimeMachine, type TimeMachineSummary } from '../../../src/feed/replay/TimeMachine';
import { TICK_REPEAT_MS } from '../../../src/feed/replay/timelineTicks';
import {
  CATALOGUE, car, deltaAt, FakeClock, FRAME, ids, level, recordSim, settle, SIM_T0, snapshotAt, ZONE,
} from './timeMachineFixtures';

function machine(recording: MemoryRecording, nowMs: number) {
  const clock = new FakeClock(nowMs);
  const changes: TimeMachineSummary[] = [];
  const tm = new TimeMachine({
    zone: ZONE, frame: FRAME, now: clock.now, timers: clock, liveNow: (t) => t, onChange: (s) => changes.push(s),
    createBackend: (ingest, onHistory) => new MemoryReplayBackend({
      zone: ZONE, recording, deliver: (raw, t) => ingest.enqueue(raw, t), onHistory, now: clock.now, timers: clock,
    }),
  });
  /** Lets the streamer's async work finish, then runs a frame of the app's loop. */
  const frame = async () => {
    await settle();
    tm.flush(clock.now());
  };
  return { tm, clock, changes, frame, ingest: tm.replayIngest };
}

const heldIds = (ing: FeedIngest) => ing.vehicles.idList().sort();

/** The replay ingest holds `s`: the same vehicles where they were, the same sensor readings. */
function expectHolds(ing: FeedIngest, s: SnapshotMessage, what: string): void {
  expect(heldIds(ing), `${what}: vehicle ids`).toEqual(ids(s));
  for (const v of s.vehicles) {
    const slot = ing.vehicles.slot(v.id)!;
    const [e, n] = FRAME.lonLatToEnu(v.lonDeg, v.latDeg);
    expect(Math.hypot(ing.vehicles.positions[slot * 3]! - e, ing.vehicles.positions[slot * 3 + 1]! - n), `${what}: ${v.id} position`).toBeLessThan(0.01);
  }
  expect(s.sensors.length).toBeGreaterThan(0);
  for (const r of s.sensors) expect(ing.sensors.view(r.id)?.value, `${what}: sensor ${r.id}`).toBe(r.value);
}

describe('TimeMachine over the in-memory recording of a real simulator', () => {
  // 3 minutes of wall time at 30×; the viewer's "now" is just after it.
  const sim = recordSim({ ticks: 900 });
  const rec = sim.recording;
  const LIVE = SIM_T0 + 180_000 + 500;

  it('seek while paused shows the recorded state at t, with the replayed clock frozen', async () => {
    const m = machine(rec, LIVE);
    m.tm.flush(m.clock.now());
    expect(m.tm.summary()).toMatchObject({ available: true, source: 'memory', mode: 'live', atMs: null, range: { fromTs: SIM_T0, toTs: LIVE } });

    const t = SIM_T0 + 61_500;
    m.tm.seek(t);
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', loading: true, playing: false, atMs: t });
    await m.frame();
    const want = (await rec.stateAt(ZONE, t))!.snapshot;
    // Kept a second at a time: the state at 61 s, as the stream had it then.
    expect(want.ts).toBe(SIM_T0 + 61_000);
    expect(ids(want)).toEqual(sim.truthAt(want.ts).liveIds);
    const s = m.tm.summary();
    expect(s).toMatchObject({ mode: 'replay', loading: false, playing: false, error: null, range: { fromTs: SIM_T0, toTs: SIM_T0 + 180_000 } });
    expect(s.atMs).toBe(SIM_T0 + 61_000);
    expect(Math.abs(s.atMs! - t)).toBeLessThan(1000);
    expect(m.ingest.vehicles.count).toBeGreaterThan(200);
    expectHolds(m.ingest, want, 'paused at 61 s');

    // Wall time passes; the replayed moment does not.
    await m.clock.advance(30_000);
    m.tm.flush(m.clock.now());
    expect(m.tm.summary().atMs).toBe(SIM_T0 + 61_000);
    expect(m.ingest.clock.serverNow(m.clock.now())).toBe(SIM_T0 + 61_000);
    expectHolds(m.ingest, want, 'after 30 s paused');
    m.tm.dispose();
  });

  it('plays at 10× (replayed time runs ten times the wall time), seeks back, and goes live', async () => {
    const m = machine(rec, LIVE);
    m.tm.flush(m.clock.now());
    m.tm.seek(SIM_T0 + 61_000);
    await m.frame();
    m.tm.setSpeed(10);
    expect(m.tm.summary()).toMatchObject({ speed: 10, playing: false });
    m.tm.play();
    await m.frame();
    const a0 = m.tm.summary().atMs!;
    expect(a0).toBe(SIM_T0 + 61_000);
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', playing: true, speed: 10, loading: false });

    await m.clock.advance(1050);
    m.tm.flush(m.clock.now());
    expect(m.tm.summary().atMs! - a0).toBeGreaterThanOrEqual(10_500 - 200);
    expect(m.tm.summary().atMs! - a0).toBeLessThanOrEqual(10_500 + 200);
    await m.clock.advance(950);
    m.tm.flush(m.clock.now());
    const a1 = m.tm.summary().atMs!;
    expect(a1 - a0).toBeGreaterThanOrEqual(20_000 - 200);
    expect(a1 - a0).toBeLessThanOrEqual(20_000 + 200);
    // The state followed: what was recorded at the replayed moment.
    const at81 = (await rec.stateAt(ZONE, a1))!.snapshot;
    expect(at81.ts).toBe(SIM_T0 + 81_000);
    expectHolds(m.ingest, at81, 'played to 81 s');

    // Back in time: the state at 20 s replaces it, nothing of later survives.
    const at20 = (await rec.stateAt(ZONE, SIM_T0 + 20_000))!.snapshot;
    const later = ids(at81).filter((id) => !ids(at20).includes(id));
    expect(later.length).toBeGreaterThan(0);
    m.tm.seek(SIM_T0 + 20_000, false);
    await m.frame();
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', playing: false, loading: false, atMs: SIM_T0 + 20_000 });
    expectHolds(m.ingest, at20, 'back at 20 s');
    for (const id of later) expect(m.ingest.vehicles.slot(id), id).toBeUndefined();

    m.tm.live();
    await m.frame();
    expect(m.tm.summary()).toMatchObject({ mode: 'live', playing: false, loading: false, atMs: null });
    expect(m.changes[m.changes.length - 1]!.mode).toBe('live');
    m.tm.dispose();
  });

  it('ignores the frames and the end of a superseded request', async () => {
    const m = machine(rec, LIVE);
    m.tm.flush(m.clock.now());
    // Two seeks before a frame runs: both replies are queued, only the second one counts.
    m.tm.seek(SIM_T0 + 150_000);
    await settle();
    m.tm.seek(SIM_T0 + 30_000);
    await m.frame();
    const at30 = (await rec.stateAt(ZONE, SIM_T0 + 30_000))!.snapshot;
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', loading: false, atMs: SIM_T0 + 30_000 });
    expectHolds(m.ingest, at30, 'second of two seeks');

    // A third seek; before its replay-start, a late frame and an error end of the previous request.
    m.tm.seek(SIM_T0 + 100_000);
    const stale = (ts: number) => JSON.stringify(deltaAt(ts, 1, { vehicles: [car('ghost', ts, 10)], sensors: [] }));
    m.ingest.enqueue(stale(SIM_T0 + 30_200), m.clock.now());
    m.ingest.enqueue(JSON.stringify({ v: 1, type: 'replay-end', zone: ZONE, id: 2, reason: 'error', ts: SIM_T0 + 30_200, message: 'late' }), m.clock.now());
    m.tm.flush(m.clock.now());
    expect(m.ingest.vehicles.slot('ghost')).toBeUndefined();
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', loading: true, error: null });
    expect(m.ingest.awaitingReplay).toBe(3);
    await m.frame();
    expect(m.ingest.awaitingReplay).toBeNull();
    expectHolds(m.ingest, (await rec.stateAt(ZONE, SIM_T0 + 100_000))!.snapshot, 'third seek');
    expect(m.ingest.vehicles.slot('ghost')).toBeUndefined();
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', loading: false, error: null, atMs: SIM_T0 + 100_000 });
    m.tm.dispose();
  });

  it('does not let vehicles go stale or be evicted while paused for 2 minutes of wall time', async () => {
    const m = machine(rec, LIVE);
    m.tm.flush(m.clock.now());
    m.tm.seek(SIM_T0 + 90_000);
    await m.frame();
    const want = (await rec.stateAt(ZONE, SIM_T0 + 90_000))!.snapshot;
    expectHolds(m.ingest, want, 'paused');
    const count = m.ingest.vehicles.count;
    const staleVehicles = m.ingest.vehicles.staleCount;
    const sensorStale = want.sensors.map((r) => m.ingest.sensors.view(r.id)!.stale);
    for (let i = 0; i < 120; i++) {
      await m.clock.advance(1000);
      m.tm.flush(m.clock.now());
    }
    expect(m.ingest.vehicles.count).toBe(count);
    expect(m.ingest.vehicles.staleCount).toBe(staleVehicles);
    expect(want.sensors.map((r) => m.ingest.sensors.view(r.id)!.stale)).toEqual(sensorStale);
    expectHolds(m.ingest, want, 'after 2 minutes paused');
    expect(m.tm.summary().atMs).toBe(SIM_T0 + 90_000);

    // Paused after playing: the same.
    m.tm.setSpeed(5);
    m.tm.play();
    await m.frame();
    await m.clock.advance(2000);
    m.tm.pause();
    await m.frame();
    const at = m.tm.summary().atMs!;
    expect(at).toBe(SIM_T0 + 100_000);
    const held = heldIds(m.ingest);
    for (let i = 0; i < 120; i++) {
      await m.clock.advance(1000);
      m.tm.flush(m.clock.now());
    }
    expect(m.tm.summary()).toMatchObject({ mode: 'replay', playing: false, atMs: at });
    expect(heldIds(m.ingest)).toEqual(held);
    expect(held).toEqual(ids((await rec.stateAt(ZONE, at))!.snapshot));
    m.tm.dispose();
  });
});

describe('TimeMachine timeline', () => {
  it('puts a tick where a sensor rose into warning and alarm, from the recording\'s events', async () => {
    const T = Date.UTC(2026, 0, 5, 8, 0, 0);
    const rec = new MemoryRecording({ zone: ZONE, coalesceMs: 1 });
    rec.observe('snapshot', snapshotAt(T, { vehicles: [car('c0', T, 0)], sensors: [level('wl-1', T, 10)] }));
    const values = [12, 35, 55, 20, 12];
    values.forEach((v, i) => rec.observe('delta', deltaAt(T + (i + 1) * 1000, i + 1, { vehicles: [car('c0', T + (i + 1) * 1000, i + 1)], sensors: [level('wl-1', T + (i + 1) * 1000, v)] })));
    const m = machine(rec, T + 6000);
    m.tm.flush(m.clock.now());
    const where = { lonDeg: CATALOGUE.sensors[0]!.lonDeg, latDeg: CATALOGUE.sensors[0]!.latDeg };
    const tick = (ts: number, kind: string) => ({ ts, kind, id: 'wl-1', assetKind: 'sensor', type: 'water_level', ...where });
    // Falling back to normal (at 4 s) is no tick.
    expect(m.tm.summary().ticks).toEqual([tick(T + 2000, 'warning'), tick(T + 3000, 'alarm')]);
    expect(m.tm.summary().range).toEqual({ fromTs: T, toTs: T + 6000 });
    expect(m.changes[m.changes.length - 1]!.ticks).toHaveLength(2);

    // A new alarm recorded later (past TICK_REPEAT_MS of the first) shows at the next poll (every 3 s), beside the earlier ticks.
    const later = T + 3000 + TICK_REPEAT_MS + 1000;
    await m.clock.advance(later - 500 - m.clock.now());
    m.tm.flush(m.clock.now());
    rec.observe('delta', deltaAt(later, 6, { sensors: [level('wl-1', later, 70)] }));
    expect(m.tm.summary().ticks).toHaveLength(2);
    await m.clock.advance(1000);
    m.tm.flush(m.clock.now());
    expect(m.tm.summary().ticks).toHaveLength(2);
    await m.clock.advance(2000);
    m.tm.flush(m.clock.now());
    expect(m.tm.summary().ticks).toEqual([tick(T + 2000, 'warning'), tick(T + 3000, 'alarm'), tick(later, 'alarm')]);
    m.tm.dispose();
  });
});
