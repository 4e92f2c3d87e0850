/**
 * A replay ingest's gates: frames before the awaited replay-start belong to an older request, and
 * what the server sends after a replay-end (the live snapshot it resumes that connection with)
 * is not part of the replay, so a paused moment stays that moment.
 */
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../../../src/core/geodesy';
import { FeedIngest } from '../../../src/feed/ingest/FeedIngest';
import { ORIGIN } from './fixtures';

const T = Date.UTC(2026, 11, 2, 0, 0);
const vehicle = (id: string) => ({ id, cls: 'car', lonDeg: ORIGIN.lonDeg, latDeg: ORIGIN.latDeg, headingDeg: 0, speedMps: 0 });
const snapshot = (ts: number, ids: string[]) => JSON.stringify({ v: 1, type: 'snapshot', zone: 'yangpu', ts, seq: 0, vehicles: ids.map(vehicle), sensors: [], signals: [], segments: [], incidents: [] });
const start = (id: number, from: number) => JSON.stringify({ v: 1, type: 'replay-start', zone: 'yangpu', id, from, to: from, speed: 1, range: { fromTs: T - 60_000, toTs: T } });
const end = (id: number, ts: number) => JSON.stringify({ v: 1, type: 'replay-end', zone: 'yangpu', id, reason: 'reached-to', ts });

describe('replay ingest gates', () => {
  it('applies only the awaited replay, and nothing after its end', () => {
    const ing = new FeedIngest({ zone: 'yangpu', frame: new EnuFrame(ORIGIN), replay: true });
    ing.expectReplay(2);
    // A live snapshot on subscribe and an older request's frames: ignored.
    ing.enqueue(snapshot(T, ['LIVE']), 0);
    ing.enqueue(start(1, T - 50_000), 0);
    ing.enqueue(snapshot(T - 50_000, ['OLD']), 0);
    ing.enqueue(start(2, T - 30_000), 0);
    ing.enqueue(snapshot(T - 30_000, ['THEN']), 0);
    ing.enqueue(end(2, T - 30_000), 0);
    // The server resumes live on that connection: not part of the replay.
    ing.enqueue(snapshot(T + 1000, ['LIVE']), 0);
    ing.flush(10);
    expect(ing.vehicles.idList()).toEqual(['THEN']);
    expect(ing.lastDataTs).toBe(T - 30_000);
    expect(ing.clock.serverNow(60_000)).toBe(T - 30_000);
    // The next seek is applied again.
    ing.expectReplay(3);
    ing.enqueue(start(3, T - 10_000), 0);
    ing.enqueue(snapshot(T - 10_000, ['LATER']), 0);
    ing.flush(20);
    expect(ing.vehicles.idList()).toEqual(['LATER']);
  });
});
