/**
 * What every RecordingStore must answer alike, whatever is behind it (SQLite, PostgreSQL): one
 * suite, called once per store by the test files. `open` gives a fresh, empty store each time and a
 * way to open the same recording again (bytes() must survive a reopen).
 *
 * The seek check runs the real Recorder over a real simulator and compares `stateAt` with the
 * same fold done in memory over exactly the frames the Recorder appended, so any difference is the
 * store's (a wrong keyframe, a missing, extra or misordered delta, another run's delta).
 */
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../src/core/geodesy';
import { SimDriver } from '../../src/feed/producer/SimDriver';
import type { DeltaMessage, SnapshotMessage } from '../../src/feed/protocol/messages';
import { applyDelta, fromSnapshot, toSnapshot } from '../../src/feed/replay/foldState';
import type { Timers } from '../../src/feed/sources/FeedSource';
import { packBody } from '../../src/server/recorder/bodyCodec';
import { Recorder } from '../../src/server/recorder/Recorder';
import type { EventRow, FrameRow, ReadingRow, RecordingStore } from '../../src/server/recorder/RecordingStore';
import { prune } from '../../src/server/recorder/retention';
import { stateAt } from '../../src/server/recorder/seek';
import { ZoneHost } from '../../src/server/ZoneHost';
import { Simulation } from '../../src/sim/Simulation';
import { grid, JIADING_ORIGIN, weekdayAt } from '../unit/sim/fixtures';

export interface OpenedStore {
  store: RecordingStore;
  /** Opens the same recording again, beside the first. */
  reopen(): Promise<RecordingStore>;
}

const T = Date.UTC(2026, 0, 5, 0, 0, 0);
const idleTimers: Timers = { setTimeout: () => 0, clearTimeout: () => {}, setInterval: () => 0, clearInterval: () => {} };
const frame = (run: number, kind: FrameRow['kind'], ts: number, seq: number, zone = 'z'): FrameRow => ({ zone, run, kind, ts, seq, body: Buffer.from(`{"ts":${ts},"seq":${seq}}`) });
const key = (f: FrameRow) => `${f.run}${f.kind[0]}${f.ts}`;
/** What bytes() counts: bodies as stored (deflated, bodyCodec.ts), event details' UTF-8, 16 bytes plus the id per reading. */
const bytesOf = (frames: readonly FrameRow[], events: readonly EventRow[] = [], readings: readonly ReadingRow[] = []) =>
  frames.reduce((a, f) => a + packBody(f.body).length, 0) + events.reduce((a, e) => a + Buffer.byteLength(e.detail), 0) + readings.reduce((a, r) => a + 16 + Buffer.byteLength(r.sensor), 0);

export function recordingStoreConformance(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: RecordingStore conformance`, () => {
    it('an empty store: runs numbered upward, no zones, no range, no keyframe, no cut, 0 bytes', async () => {
      const { store } = await open();
      try {
        const a = await store.beginRun(T);
        const b = await store.beginRun(T + 1);
        expect(b).toBeGreaterThan(a);
        expect(await store.zones()).toEqual([]);
        expect(await store.range('z')).toBeNull();
        expect(await store.keyframeAtOrBefore('z', T)).toBeNull();
        expect(await store.nextCut()).toBeNull();
        expect(await store.bytes()).toBe(0);
        expect(await store.pruneBefore('z', T)).toBe(0);
        await store.append([], [], []);
        expect(await store.bytes()).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('range, zones, keyframeAtOrBefore, deltasAfter and deltasBetween over two zones and two runs', async () => {
      const { store } = await open();
      try {
        await store.append([
          frame(1, 'keyframe', T, 0), frame(1, 'delta', T + 200, 1), frame(1, 'delta', T + 400, 2), frame(1, 'keyframe', T + 400, 2),
          frame(1, 'delta', T + 600, 3), frame(2, 'keyframe', T + 800, 0), frame(2, 'delta', T + 1000, 1), frame(2, 'delta', T + 1200, 2),
          frame(1, 'keyframe', T + 100, 0, 'b-zone'), frame(1, 'delta', T + 5000, 1, 'b-zone'), frame(1, 'delta', T + 50, 1, 'B-zone'),
        ], []);
        // Byte order, as SQLite compares text: upper case first.
        expect(await store.zones()).toEqual(['B-zone', 'b-zone', 'z']);
        expect(await store.range('z')).toEqual({ fromTs: T, toTs: T + 1200 });
        expect(await store.range('b-zone')).toEqual({ fromTs: T + 100, toTs: T + 5000 });
        expect(await store.keyframeAtOrBefore('z', T - 1)).toBeNull();
        expect(key((await store.keyframeAtOrBefore('z', T + 399))!)).toBe(`1k${T}`);
        // A keyframe and a delta sharing a moment: the keyframe is there, at its seq.
        expect(await store.keyframeAtOrBefore('z', T + 400)).toMatchObject({ run: 1, kind: 'keyframe', ts: T + 400, seq: 2 });
        expect(await store.keyframeAtOrBefore('z', T + 9999)).toMatchObject({ run: 2, ts: T + 800, seq: 0 });
        const kf = (await store.keyframeAtOrBefore('z', T + 9999))!;
        expect(kf.body.toString()).toBe(`{"ts":${T + 800},"seq":0}`);
        expect(Buffer.isBuffer(kf.body)).toBe(true);
        expect((await store.deltasAfter('z', 1, 0, T + 9999)).map(key)).toEqual([`1d${T + 200}`, `1d${T + 400}`, `1d${T + 600}`]);
        expect((await store.deltasAfter('z', 1, 2, T + 9999)).map(key)).toEqual([`1d${T + 600}`]);
        expect((await store.deltasAfter('z', 1, 0, T + 399)).map(key)).toEqual([`1d${T + 200}`]);
        expect((await store.deltasAfter('z', 2, 0, T + 1100)).map(key)).toEqual([`2d${T + 1000}`]);
        expect(await store.deltasAfter('z', 3, 0, T + 9999)).toEqual([]);
        expect((await store.deltasBetween('z', T + 200, T + 1000, 100)).map(key)).toEqual([`1d${T + 200}`, `1d${T + 400}`, `1d${T + 600}`, `2d${T + 1000}`]);
        expect((await store.deltasBetween('z', T, T + 9999, 2)).map(key)).toEqual([`1d${T + 200}`, `1d${T + 400}`]);
        expect(await store.deltasBetween('z', T + 1201, T + 9999, 10)).toEqual([]);
        // Bounds that are not whole milliseconds (a slider's time) or infinite mean what they say.
        expect((await store.keyframeAtOrBefore('z', T + 400.5))!.ts).toBe(T + 400);
        expect((await store.keyframeAtOrBefore('z', T + 399.5))!.ts).toBe(T);
        expect((await store.deltasAfter('z', 1, 0, T + 399.9)).map(key)).toEqual([`1d${T + 200}`]);
        expect((await store.deltasAfter('z', 1, 1.5, Infinity)).map(key)).toEqual([`1d${T + 400}`, `1d${T + 600}`]);
        expect((await store.deltasBetween('z', T + 199.5, T + 400.5, 100)).map(key)).toEqual([`1d${T + 200}`, `1d${T + 400}`]);
        expect((await store.deltasBetween('z', T + 200.5, Infinity, 100)).map(key)).toEqual([`1d${T + 400}`, `1d${T + 600}`, `2d${T + 1000}`, `2d${T + 1200}`]);
        expect((await store.framesAfter('z', T + 199.5, T + 400.5, 100)).map(key)).toEqual([`1d${T + 200}`, `1k${T + 400}`, `1d${T + 400}`]);
        expect((await store.framesAfter('z', T + 200.5, T + 599.5, 100)).map(key)).toEqual([`1k${T + 400}`, `1d${T + 400}`]);
        expect((await store.framesAfter('z', -Infinity, Infinity, 100)).length).toBe(8);
        // Numbers come back as numbers, not strings (PostgreSQL's int8).
        const d = (await store.deltasAfter('z', 2, 0, T + 9999))[0]!;
        expect([typeof d.ts, typeof d.seq, typeof d.run]).toEqual(['number', 'number', 'number']);
      } finally {
        await store.close();
      }
    });

    it('framesAfter: afterTs < ts <= toTs, limit, and a run boundary in order', async () => {
      const { store } = await open();
      try {
        await store.append([
          frame(1, 'keyframe', 100, 0), frame(1, 'delta', 200, 1), frame(1, 'keyframe', 201, 1), frame(1, 'delta', 300, 2),
          // A second run whose start shares a millisecond with the first's last delta.
          frame(2, 'delta', 400, 1), frame(2, 'keyframe', 400, 0), frame(1, 'delta', 400, 3), frame(2, 'delta', 500, 2),
          frame(1, 'delta', 250, 9, 'other'),
        ], []);
        expect((await store.framesAfter('z', 100, 500, 100)).map(key)).toEqual(['1d200', '1k201', '1d300', '1d400', '2k400', '2d400', '2d500']);
        expect((await store.framesAfter('z', 200, 400, 3)).map(key)).toEqual(['1k201', '1d300', '1d400']);
        expect(await store.framesAfter('z', 500, 900, 10)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('readings per sensor with a per-sensor limit, events with a limit; prune drops readings and events and keeps bytes exact, also on reopen', async () => {
      const opened = await open();
      const store = opened.store;
      try {
        const frames = [frame(1, 'keyframe', T, 0), frame(1, 'delta', T + 500, 1), frame(1, 'keyframe', T + 1000, 1), frame(1, 'delta', T + 1500, 2)];
        const events: EventRow[] = [
          { zone: 'z', ts: T + 500, kind: 'incident', detail: JSON.stringify({ id: 'i', description: { zh: '博园路 交通事故' } }) },
          { zone: 'z', ts: T + 1500, kind: 'sensor-level', detail: JSON.stringify({ id: 'underpass-01', level: 'alarm' }) },
          { zone: 'z', ts: T + 1500, kind: 'control', detail: '{"scenario":"crash"}' },
        ];
        const readings: ReadingRow[] = [
          ...Array.from({ length: 10 }, (_, i) => ({ zone: 'z', ts: T + i * 200, sensor: 'underpass-01', value: i })),
          { zone: 'z', ts: T + 300, sensor: 'noise-01', value: 55.5 }, { zone: 'z', ts: T + 1300, sensor: 'noise-01', value: 61 },
          { zone: 'y', ts: T + 300, sensor: 'noise-01', value: 1 }, { zone: 'z', ts: T + 1700, sensor: '水位-02', value: -0.25 },
        ];
        await store.append(frames, events, readings);
        expect(await store.readings('z', ['underpass-01', 'noise-01', 'nothing', 'noise-01'], T + 100, T + 1500, 4)).toEqual({
          'underpass-01': [[T + 200, 1], [T + 400, 2], [T + 600, 3], [T + 800, 4]], 'noise-01': [[T + 300, 55.5], [T + 1300, 61]], nothing: [],
        });
        expect(await store.readings('z', ['水位-02'], 0, T + 9999, 10)).toEqual({ '水位-02': [[T + 1700, -0.25]] });
        expect(await store.readings('z', [], 0, T + 9999, 10)).toEqual({});
        expect((await store.events('z', T, T + 2000, 1)).map((e) => e.kind)).toEqual(['incident']);
        // Two events at one moment stay in the order they were written.
        expect(await store.events('z', T, T + 2000)).toEqual(events);
        expect((await store.events('z', T + 501, T + 1499)).length).toBe(0);
        expect((await store.events('z', T + 499.5, T + 500.5)).map((e) => e.kind)).toEqual(['incident']);
        expect((await store.events('z', T + 500.5, T + 1500.5)).map((e) => e.kind)).toEqual(['sensor-level', 'control']);
        expect(await store.events('z', -Infinity, Infinity)).toEqual(events);
        expect(await store.readings('z', ['noise-01'], T + 300.5, Infinity, 10)).toEqual({ 'noise-01': [[T + 1300, 61]] });
        expect(await store.readings('z', ['noise-01'], -Infinity, T + 1299.5, 10)).toEqual({ 'noise-01': [[T + 300, 55.5]] });
        const total = bytesOf(frames, events, readings);
        expect(await store.bytes()).toBe(total);
        const again = await opened.reopen();
        expect(await again.bytes()).toBe(total);
        await again.close();

        // Cut at the second keyframe: everything of zone z before T + 1000 goes, zone y stays.
        const deleted = await store.pruneBefore('z', T + 1200);
        expect(deleted).toBe(2 + 1 + 5 + 1);
        expect(await store.readings('z', ['underpass-01', 'noise-01'], 0, T + 9999, 100)).toEqual({
          'underpass-01': [[T + 1000, 5], [T + 1200, 6], [T + 1400, 7], [T + 1600, 8], [T + 1800, 9]], 'noise-01': [[T + 1300, 61]],
        });
        expect((await store.events('z', 0, T + 9999)).map((e) => e.kind)).toEqual(['sensor-level', 'control']);
        expect(await store.readings('y', ['noise-01'], 0, T + 9999, 10)).toEqual({ 'noise-01': [[T + 300, 1]] });
        const left = total - bytesOf(frames.slice(0, 2), events.slice(0, 1), [...readings.slice(0, 5), readings[10]!]);
        expect(await store.bytes()).toBe(left);
        const reopened = await opened.reopen();
        expect(await reopened.bytes()).toBe(left);
        expect(await reopened.range('z')).toEqual({ fromTs: T + 1000, toTs: T + 1500 });
        await reopened.close();
      } finally {
        await store.close();
      }
    });

    it('append is all or nothing: a batch with one bad row rejects and leaves nothing behind', async () => {
      const { store } = await open();
      try {
        await store.append([frame(1, 'keyframe', T, 0)], []);
        const before = await store.bytes();
        // The last row of the batch is one the database refuses (NOT NULL), after every other row went in.
        const bad = { zone: 'z', ts: T + 400, sensor: null as unknown as string, value: 2 };
        await expect(store.append([frame(1, 'delta', T + 200, 1), frame(1, 'delta', T + 400, 2)], [{ zone: 'z', ts: T + 200, kind: 'control', detail: '{}' }],
          [{ zone: 'z', ts: T + 200, sensor: 's', value: 1 }, bad])).rejects.toThrow();
        expect(await store.bytes()).toBe(before);
        expect(await store.range('z')).toEqual({ fromTs: T, toTs: T });
        expect(await store.events('z', 0, T + 9999)).toEqual([]);
        expect(await store.readings('z', ['s'], 0, T + 9999, 10)).toEqual({ s: [] });
        // The store goes on working after the failure, and a batch larger than one INSERT statement is whole.
        const many = Array.from({ length: 2500 }, (_, i) => ({ zone: 'z', ts: T + i, sensor: `s${i % 3}`, value: i }));
        await store.append([frame(1, 'delta', T + 200, 1)], [], many);
        expect(await store.range('z')).toEqual({ fromTs: T, toTs: T + 200 });
        const got = await store.readings('z', ['s0', 's1', 's2'], 0, T + 9999, 10_000);
        expect(Object.values(got).map((r) => r.length)).toEqual([834, 833, 833]);
        expect(got.s2!.at(-1)).toEqual([T + 2498, 2498]);
        expect(await store.bytes()).toBe(before + bytesOf([frame(1, 'delta', T + 200, 1)], [], many));
      } finally {
        await store.close();
      }
    });

    it('nextCut is the oldest second keyframe of any zone; a size prune cuts whole intervals and keeps each zone seekable', async () => {
      const { store } = await open();
      try {
        // Bodies that do not deflate, one per kind: every keyframe interval then holds the same bytes.
        const noise = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (Math.imul(i + seed, 2_654_435_761) >>> 24) & 0xff));
        const body = { keyframe: noise(500, 1), delta: noise(100, 2) };
        const frames: FrameRow[] = [];
        for (const [zone, start] of [['a', 0], ['b', 5000]] as const) {
          for (let i = 0; i < 40; i++) {
            const kind = i % 10 === 0 ? 'keyframe' : 'delta';
            frames.push({ ...frame(1, kind, T + start + i * 1000, i, zone), body: body[kind] });
          }
        }
        await store.append(frames, []);
        expect(await store.nextCut()).toEqual({ zone: 'a', ts: T + 10_000 });
        const all = await store.bytes();
        expect(all).toBe(bytesOf(frames));
        const r = await prune(store, { maxAgeMs: 86_400_000, maxBytes: all / 2 }, T + 60_000);
        expect(r.byAge).toBe(0);
        expect(await store.bytes()).toBeLessThanOrEqual(all / 2);
        // Eight equal intervals, the oldest second keyframe first: a, b, a, b — then half is left.
        expect(await store.range('a')).toEqual({ fromTs: T + 20_000, toTs: T + 39_000 });
        expect(await store.range('b')).toEqual({ fromTs: T + 25_000, toTs: T + 44_000 });
        for (const zone of ['a', 'b']) {
          const range = (await store.range(zone))!;
          expect((await store.keyframeAtOrBefore(zone, range.fromTs))!.ts, `${zone} starts at a keyframe`).toBe(range.fromTs);
        }
        const held = () => bytesOf(frames.filter((f) => f.ts >= (f.zone === 'a' ? cut.a : cut.b)));
        const cut = { a: T + 20_000, b: T + 25_000 };
        expect(await store.bytes()).toBe(held());
        // Age: each zone keeps what follows its last keyframe at or before now − maxAge; the last interval stays.
        const age = await prune(store, { maxAgeMs: 1000, maxBytes: 1 << 30 }, T + 45_000);
        expect(age.byAge).toBe(2 * 10);
        cut.a = T + 30_000;
        cut.b = T + 35_000;
        expect((await store.range('a'))!.fromTs).toBe(cut.a);
        expect((await store.range('b'))!.fromTs).toBe(cut.b);
        expect(await store.bytes()).toBe(held());
        expect(await store.nextCut()).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('stateAt between keyframes, over two runs of the real Recorder, folds exactly the frames it wrote', async () => {
      const opened = await open();
      const appended: FrameRow[] = [];
      // The Recorder closes its store on stop; the spy keeps a copy of every frame it appends.
      const spy = (s: RecordingStore): RecordingStore => new Proxy(s, {
        get: (target, p) => {
          if (p === 'append') return (f: readonly FrameRow[], e: readonly EventRow[], r?: readonly ReadingRow[]) => target.append(f, e, r).then(() => void appended.push(...f));
          const v = Reflect.get(target, p) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      let nowMs = T;
      const sim = new Simulation({ graph: grid(6, 5, 250), zoneId: 'jiading', seed: 3, startSimMs: weekdayAt(8) });
      const host = new ZoneHost('jiading', new SimDriver(sim, new EnuFrame(JIADING_ORIGIN), () => nowMs, 30), 5, () => nowMs);
      const recordRun = async (store: RecordingStore, rounds: number) => {
        const rec = new Recorder({ store: spy(store), zones: [host], retention: { maxAgeMs: 86_400_000, maxBytes: 1 << 30 }, now: () => nowMs, timers: idleTimers, keyframeEveryMs: 5000 });
        await rec.start();
        for (let k = 0; k < rounds; k++) {
          for (let i = 0; i < 10; i++) {
            nowMs += 200;
            host.tick();
          }
          await rec.flush();
        }
        const h = rec.health();
        await rec.stop();
        expect(h.writeErrors).toBe(0);
        return h.run;
      };
      sim.trigger('crash');
      const run1 = await recordRun(opened.store, 8); // 16 s: keyframes at 0, 5, 10, 15 s
      nowMs += 3000; // a restart: the new run's seq starts again at 0
      const store = await opened.reopen();
      const run2 = await recordRun(store, 6);
      const reader = await opened.reopen();
      try {
        expect(run2).toBeGreaterThan(run1);
        const keyframes = appended.filter((f) => f.kind === 'keyframe');
        expect(keyframes.length).toBeGreaterThanOrEqual(4 + 3);
        const expected = (t: number) => {
          const kf = keyframes.filter((f) => f.ts <= t).sort((a, b) => a.ts - b.ts || a.seq - b.seq).at(-1);
          if (!kf) return null;
          const state = fromSnapshot(JSON.parse(kf.body.toString()) as SnapshotMessage);
          const ds = appended.filter((f) => f.kind === 'delta' && f.run === kf.run && f.seq > kf.seq && f.ts <= t).sort((a, b) => a.seq - b.seq);
          for (const d of ds) applyDelta(state, JSON.parse(d.body.toString()) as DeltaMessage);
          return { snapshot: toSnapshot(state), folded: ds.length, keyframeTs: kf.ts, run: kf.run };
        };
        const range = (await reader.range('jiading'))!;
        expect(range.fromTs).toBe(appended[0]!.ts);
        const deltas = appended.filter((f) => f.kind === 'delta');
        const times = [
          range.fromTs, range.toTs, range.toTs + 60_000,
          ...keyframes.flatMap((k) => [k.ts, k.ts - 1, k.ts + 2100]),
          ...[0.1, 0.33, 0.5, 0.77, 0.95].map((q) => deltas[Math.floor(q * deltas.length)]!.ts),
        ];
        for (const t of times) {
          const got = await stateAt(reader, 'jiading', t);
          expect(got, `seek to +${t - range.fromTs} ms`).toEqual(expected(t));
        }
        expect(await stateAt(reader, 'jiading', range.fromTs - 1)).toBeNull();
        // A seek into the gap between the runs is the old run's end; one after the restart, the new run.
        const firstOf2 = keyframes.find((k) => k.run === run2)!;
        expect((await stateAt(reader, 'jiading', firstOf2.ts - 1))!.run).toBe(run1);
        const at2 = (await stateAt(reader, 'jiading', firstOf2.ts + 1000))!;
        expect(at2.run).toBe(run2);
        expect(at2.folded).toBeGreaterThan(0);
        expect(at2.snapshot.vehicles.length).toBeGreaterThan(0);
      } finally {
        await reader.close();
      }
    }, 60_000);
  });
}
