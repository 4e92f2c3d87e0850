/**
 * Pieces for the time machine's tests (MemoryRecording, TimeMachine): a virtual clock whose timers
 * run when the test advances it, a real simulator stream recorded the way the viewer records the
 * embedded simulator (its live ingest's onData feeds the MemoryRecording), with the stream folded
 * directly beside it as the truth at every moment, and hand-made messages with known content.
 */
import { EnuFrame } from '../../../src/core/geodesy';
import { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import { SimDriver } from '../../../src/feed/producer/SimDriver';
import type { DeltaEnvelope, DeltaMessage, SnapshotEnvelope, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot } from '../../../src/feed/replay/foldState';
import { MemoryRecording, type MemoryRecordingOptions } from '../../../src/feed/replay/MemoryRecording';
import type { Timers } from '../../../src/feed/sources/FeedSource';
import { Simulation } from '../../../src/sim/Simulation';
import type { ScenarioName } from '../../../src/sim/types';
import { grid, JIADING_ORIGIN, weekdayAt } from '../sim/fixtures';

export const ZONE = 'jiading';
export const FRAME = new EnuFrame(JIADING_ORIGIN);
/** Wall (and stream) time the simulator's recording starts at. */
export const SIM_T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
export const TICK_MS = 200;

/** Lets every pending promise chain settle (archives answer in microtasks, never on I/O). */
export { FakeClock, settle } from './fakeClock';

export interface Truth {
  ts: number;
  /** The stream folded directly up to and including this message. */
  state: SnapshotMessage;
  /** Vehicle ids the live ingest held right after it. */
  liveIds: string[];
}

export interface SimRecording {
  recording: MemoryRecording;
  truths: Truth[];
  live: FeedIngest;
  now(): number;
  /** The truth at `t`: the newest message at or before it. */
  truthAt(t: number): Truth;
}

/**
 * A real simulator (synthetic 6×5 grid, fixed seed) at `timeScale`, ticked every 200 ms of wall
 * time for `ticks` ticks; its messages go as JSON through a live FeedIngest, whose onData feeds the
 * recording, as FeedRuntime wires it for the embedded simulator.
 */
export function recordSim(o: { ticks: number; timeScale?: number; recording?: Partial<MemoryRecordingOptions>; trigger?: ScenarioName; startMs?: number }): SimRecording {
  let nowMs = o.startMs ?? SIM_T0;
  const sim = new Simulation({ graph: grid(6, 5, 250), zoneId: ZONE, seed: 3, startSimMs: weekdayAt(8) });
  if (o.trigger) sim.trigger(o.trigger);
  const driver = new SimDriver(sim, FRAME, () => nowMs, o.timeScale ?? 30);
  const recording = new MemoryRecording({ zone: ZONE, ...o.recording });
  const live = new FeedIngest({ zone: ZONE, frame: FRAME });
  live.listeners.onData = (kind, msg) => recording.observe(kind, msg);
  const first = driver.snapshot();
  const fold = fromSnapshot(first);
  const truths: Truth[] = [];
  const feed = (m: SnapshotMessage | DeltaMessage) => {
    live.enqueue(JSON.stringify(m), nowMs);
    live.flush(nowMs);
    truths.push({ ts: m.ts, state: toSnapshot(fold), liveIds: live.vehicles.idList().sort() });
  };
  feed(first);
  for (let i = 0; i < o.ticks; i++) {
    nowMs += TICK_MS;
    const d = driver.tick();
    if (!d) continue;
    applyDelta(fold, d);
    feed(d);
  }
  return {
    recording, truths, live, now: () => nowMs,
    truthAt(t) {
      let best: Truth | null = null;
      for (const x of truths) if (x.ts <= t) best = x;
      if (!best) throw new Error(`no truth at ${t}`);
      return best;
    },
  };
}

/** A state in a comparable form: entities sorted by id, message bookkeeping left out. */
export function comparable(s: SnapshotMessage) {
  const by = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return { vehicles: by(s.vehicles), sensors: by(s.sensors), signals: by(s.signals), segments: by(s.segments), incidents: by(s.incidents) };
}

export const ids = (s: { vehicles: { id: string }[] }) => s.vehicles.map((v) => v.id).sort();

// Hand-made messages ---------------------------------------------------------------------------

/** A water-level sensor with bands (warn 30 cm, alarm 50 cm, above) and a noise sensor without. */
export const CATALOGUE = {
  sensors: [
    { id: 'wl-1', type: 'water_level', name: { zh: '下立交积水 1', en: 'Underpass 1' }, lonDeg: 121.1731, latDeg: 31.2911, unit: 'cm', reportEveryS: 10,
      thresholds: { warn: 30, alarm: 50, direction: 'above' as const } },
    { id: 'ns-1', type: 'noise', name: { zh: '噪声 1', en: 'Noise 1' }, lonDeg: 121.1741, latDeg: 31.2901, unit: 'dB(A)', reportEveryS: 10 },
  ],
};

export function car(id: string, ts: number, eastM: number, northM = 0) {
  const g = FRAME.enuToLonLat(eastM, northM, 0);
  return { id, cls: 'car' as const, lonDeg: g.lonDeg, latDeg: g.latDeg, headingDeg: 90, speedMps: 5, ts };
}

export function level(id: string, ts: number, value: number) {
  const type = id.startsWith('wl') ? 'water_level' : 'noise';
  return { id, type, value, unit: type === 'water_level' ? 'cm' : 'dB(A)', ts, quality: 'good' as const };
}

export function crash(id: string, ts: number, status: 'active' | 'clearing' | 'resolved') {
  return { id, type: 'crash' as const, severity: 3, lonDeg: 121.1735, latDeg: 31.2905, status, ts };
}

export function snapshotAt(ts: number, body: Partial<SnapshotEnvelope> = {}): SnapshotEnvelope {
  return { v: 1, type: 'snapshot', zone: ZONE, ts, seq: 0, catalogue: CATALOGUE, vehicles: [], sensors: [], signals: [], segments: [], incidents: [], ...body };
}

export function deltaAt(ts: number, seq: number, body: Partial<DeltaEnvelope> = {}): DeltaEnvelope {
  return { v: 1, type: 'delta', zone: ZONE, ts, seq, ...body };
}

/**
 * A hand-made stream: a snapshot at `t0` with car c0 and wl-1 at 10 cm, then a delta every
 * `everyMs` (seq 1…n) moving c0 east 1 m per delta; delta k adds car c<k> when k is a multiple of
 * 5 and removes c<k-10> when that one exists.
 */
export function handStream(t0: number, n: number, everyMs = 1000): { snapshot: SnapshotEnvelope; deltas: DeltaEnvelope[] } {
  const snapshot = snapshotAt(t0, { vehicles: [car('c0', t0, 0)], sensors: [level('wl-1', t0, 10)] });
  const deltas: DeltaEnvelope[] = [];
  for (let k = 1; k <= n; k++) {
    const ts = t0 + k * everyMs;
    const vehicles: unknown[] = [car('c0', ts, k)];
    if (k % 5 === 0) vehicles.push(car(`c${k}`, ts, 0, k));
    const d = deltaAt(ts, k, { vehicles });
    if (k % 5 === 0 && k > 10) d.removed = { vehicles: [`c${k - 10}`] };
    deltas.push(d);
  }
  return { snapshot, deltas };
}
