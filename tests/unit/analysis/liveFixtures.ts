/** A FeedIngest filled through real protocol messages, for KPI and alert tests end to end. */
import { FRAME, T0, hello, makeIngest } from '../feed/fixtures';
import type { FeedIngest } from '../../../src/feed/ingest/FeedIngest';

export { T0 };

export function lonLat(e: number, n: number): { lonDeg: number; latDeg: number } {
  const g = FRAME.enuToLonLat(e, n, 0);
  return { lonDeg: g.lonDeg, latDeg: g.latDeg };
}

export function sensorInfo(id: string, type: string, e: number, n: number, extra: Record<string, unknown> = {}) {
  return { id, type, name: { zh: id, en: id }, ...lonLat(e, n), unit: type === 'parking' ? 'spaces' : 'u', reportEveryS: 60, ...extra };
}

/** An ingest that has applied the given snapshot body (catalogue, vehicles, sensors, …) at T0. */
export function ingestWith(body: Record<string, unknown>, ts = T0): FeedIngest {
  const ing = makeIngest();
  ing.enqueue(hello(ts), ts);
  ing.enqueue(JSON.stringify({ v: 1, type: 'snapshot', zone: 'jiading', ts, seq: 0, vehicles: [], sensors: [], signals: [], segments: [], incidents: [], ...body }), ts);
  ing.flush(ts);
  return ing;
}
