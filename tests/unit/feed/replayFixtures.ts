/**
 * Pieces for replay tests: a virtual clock with timers (the streamer's ticks run when the test
 * advances it), a synthetic recorded stream with known content, and an archive over an array.
 */
import { FakeClock as BaseFakeClock } from './fakeClock';
import type { WireIncident, WireSensorReading, WireVehicle } from '../../../src/feed/protocol/entities';
import type { DeltaMessage, SnapshotMessage } from '../../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot, type FoldedState } from '../../../src/feed/replay/foldState';
import type { ReplayArchive, ReplayFrame, ReplayRange } from '../../../src/feed/replay/ReplayStreamer';
import type { Timers } from '../../../src/feed/sources/FeedSource';

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
export const ZONE = 'jiading';

export { settle } from './fakeClock';

/** The shared fake clock, starting at T0. */
export class FakeClock extends BaseFakeClock {
  constructor() {
    super(T0);
  }
}

const lon = (i: number) => 121.17 + i * 1e-4;

export function vehicle(id: string, ts: number, i: number, extra: Partial<WireVehicle> = {}): WireVehicle {
  return { id, cls: 'car', lonDeg: lon(i), latDeg: 31.29, headingDeg: 90, speedMps: 5 + (i % 7), ts, ...extra };
}

export function reading(id: string, ts: number, value: number): WireSensorReading {
  return { id, type: 'water_level', value, unit: 'cm', ts, quality: 'good' };
}

export function incident(id: string, ts: number, status: WireIncident['status']): WireIncident {
  return { id, type: 'crash', severity: 3, lonDeg: 121.17, latDeg: 31.29, status, ts };
}

export interface Stream {
  frames: ReplayFrame[];
  /** The fold of everything up to and including each frame, by frame index. */
  truthAt(ts: number): SnapshotMessage;
}

/**
 * A recorded stream: `runs` runs one after another, each a snapshot then a delta every 200 ms for
 * `runMs`, a keyframe every `keyframeMs` (ts one after its delta's, seq equal, as the server's).
 * Vehicles move every delta; every 7th delta one leaves, every 11th one arrives, now and then one
 * leaves and comes back (with all its fields); a sensor reports every 5th; an incident opens,
 * clears and resolves.
 */
export function makeStream(o: { runs?: number; runMs?: number; keyframeMs?: number; gapMs?: number; sameTsKeyframes?: boolean } = {}): Stream {
  const runs = o.runs ?? 1, runMs = o.runMs ?? 60_000, keyframeMs = o.keyframeMs ?? 5000, gapMs = o.gapMs ?? 3000;
  const frames: ReplayFrame[] = [];
  const truths: { ts: number; state: FoldedState }[] = [];
  let ts = T0;
  for (let run = 1; run <= runs; run++) {
    const prefix = `R${run}-`;
    const first: SnapshotMessage = {
      v: 1, type: 'snapshot', zone: ZONE, ts, seq: 0,
      vehicles: Array.from({ length: 8 }, (_, i) => vehicle(`${prefix}${i}`, ts, i, { route: `r${i}`, automation: 4 })),
      sensors: [reading('underpass-01', ts, 2)], signals: [], segments: [], incidents: [],
    };
    const state = fromSnapshot(first);
    frames.push({ kind: 'keyframe', run, ts, msg: first });
    let lastKf = ts;
    let nextId = 8;
    let lastGone: string | null = null;
    for (let seq = 1; seq <= runMs / 200; seq++) {
      ts += 200;
      const ids = [...state.vehicles.keys()];
      const d: DeltaMessage = { v: 1, type: 'delta', zone: ZONE, ts, seq, vehicles: ids.map((id, i) => vehicle(id, ts, seq + i)) };
      const gone = seq % 7 === 0 && ids.length > 3 ? ids[seq % ids.length]! : null;
      if (gone) {
        d.removed = { vehicles: [gone] };
        d.vehicles = d.vehicles!.filter((v) => v.id !== gone);
      }
      if (seq % 11 === 0) d.vehicles!.push(vehicle(`${prefix}${nextId++}`, ts, seq, { route: 'new', automation: 2 }));
      // Back a few deltas after it left, with every field, as a vehicle's first appearance.
      if (seq % 23 === 1 && lastGone && !state.vehicles.has(lastGone)) d.vehicles!.push(vehicle(lastGone, ts, seq, { route: 'again', automation: 3 }));
      if (gone) lastGone = gone;
      if (seq % 5 === 0) d.sensors = [reading('underpass-01', ts, 2 + seq / 5)];
      if (seq === 20) d.incidents = [incident(`${prefix}inc`, ts, 'active')];
      if (seq === 60) d.incidents = [incident(`${prefix}inc`, ts, 'clearing')];
      if (seq === 100) d.incidents = [incident(`${prefix}inc`, ts, 'resolved')];
      applyDelta(state, d);
      frames.push({ kind: 'delta', run, ts, msg: d });
      truths.push({ ts, state: fromSnapshot(toSnapshot(state)) });
      if (ts - lastKf >= keyframeMs) {
        const kfTs = o.sameTsKeyframes ? ts : ts + 1;
        frames.push({ kind: 'keyframe', run, ts: kfTs, msg: { ...toSnapshot(state), ts: kfTs } });
        lastKf = kfTs;
      }
    }
    ts += gapMs;
  }
  return {
    frames,
    truthAt(t) {
      let best: FoldedState | null = null;
      for (const x of truths) if (x.ts <= t) best = x.state;
      if (!best) throw new Error(`no truth at ${t}`);
      return toSnapshot(best);
    },
  };
}

/** An archive over frames in time order; `visibleUpTo` hides what is "not yet committed". */
export class ArrayArchive implements ReplayArchive {
  visibleUpTo = Infinity;

  constructor(readonly all: ReplayFrame[]) {}

  private get frames(): ReplayFrame[] {
    return this.all.filter((f) => f.ts <= this.visibleUpTo);
  }

  async range(): Promise<ReplayRange | null> {
    const f = this.frames;
    return f.length ? { fromTs: f[0]!.ts, toTs: f[f.length - 1]!.ts } : null;
  }

  async stateAt(_zone: string, ts: number): Promise<{ snapshot: SnapshotMessage; run: number } | null> {
    const f = this.frames;
    let k = -1;
    for (let i = 0; i < f.length && f[i]!.ts <= ts; i++) if (f[i]!.kind === 'keyframe') k = i;
    if (k < 0) return null;
    const kf = f[k]!;
    const state = fromSnapshot(kf.msg as SnapshotMessage);
    for (let i = k + 1; i < f.length && f[i]!.ts <= ts; i++) if (f[i]!.kind === 'delta' && f[i]!.run === kf.run) applyDelta(state, f[i]!.msg as DeltaMessage);
    return { snapshot: toSnapshot(state), run: kf.run };
  }

  async framesAfter(_zone: string, afterTs: number, toTs: number, limit: number): Promise<ReplayFrame[]> {
    return this.frames.filter((f) => f.ts > afterTs && f.ts <= toTs).slice(0, limit);
  }
}

/** A state in a comparable form: entities sorted by id, message bookkeeping left out. */
export function comparable(s: SnapshotMessage) {
  const by = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return { vehicles: by(s.vehicles), sensors: by(s.sensors), signals: by(s.signals), segments: by(s.segments), incidents: by(s.incidents) };
}

/** What a client holds after a replayed message sequence: snapshots reset, deltas fold. */
export function foldReplay(msgs: { type: string }[]): FoldedState | null {
  let state: FoldedState | null = null;
  for (const m of msgs) {
    if (m.type === 'snapshot') state = fromSnapshot(m as SnapshotMessage);
    else if (m.type === 'delta' && state) applyDelta(state, m as DeltaMessage);
  }
  return state;
}
