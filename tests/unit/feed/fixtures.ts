/** Helpers for feed tests: an ingest on the Jiading frame and valid wire messages to mutate. */
import { EnuFrame } from '../../../src/core/geodesy';
import { FeedIngest, type IngestOptions } from '../../../src/feed/ingest/FeedIngest';
import type { WireSensorReading, WireVehicle } from '../../../src/feed/protocol/entities';

export const ORIGIN = { lonDeg: 121.1725, latDeg: 31.2905, heightM: 4 };
export const FRAME = new EnuFrame(ORIGIN);
/** A fixed "server now" so tests never read the wall clock. */
export const T0 = 1_763_600_000_000;

export function makeIngest(opts: Partial<IngestOptions> = {}): FeedIngest {
  return new FeedIngest({ zone: 'jiading', frame: FRAME, ...opts });
}

export function vehicle(id: string, ts: number, eastM = 100, northM = 50, extra: Partial<WireVehicle> = {}): WireVehicle {
  const g = FRAME.enuToLonLat(eastM, northM, 0);
  return { id, cls: 'robotaxi', lonDeg: g.lonDeg, latDeg: g.latDeg, headingDeg: 90, speedMps: 8, ts, ...extra };
}

export function reading(id: string, ts: number, value = 42): WireSensorReading {
  return { id, type: 'noise', value, unit: 'dB(A)', ts, quality: 'good' };
}

export function delta(ts: number, body: Record<string, unknown>, seq = 1): string {
  return JSON.stringify({ v: 1, type: 'delta', zone: 'jiading', ts, seq, ...body });
}

export function hello(ts: number, heartbeatMs = 2000): string {
  return JSON.stringify({ v: 1, type: 'hello', server: 'test', ts, heartbeatMs, zones: ['jiading'] });
}

/** Every typed array the renderer could read must be free of NaN/Infinity. */
export function assertBuffersFinite(ing: FeedIngest): void {
  const arrays: ArrayLike<number>[] = [ing.vehicles.positions, ing.vehicles.yaw, ing.vehicles.speed, ing.vehicles.updatedAt,
    ing.sensors.values, ing.sensors.lastSeen, ing.sensors.positions];
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) throw new Error(`non-finite at ${i}`);
  for (const s of ing.signals.items.values()) if (!Number.isFinite(s.x + s.y)) throw new Error('signal NaN');
  for (const s of ing.incidents.items.values()) if (!Number.isFinite(s.x + s.y)) throw new Error('incident NaN');
}
