/**
 * What FrameDecoderV2 returns. High-rate vehicle data stays columnar; the low-rate kinds come as
 * v1 wire entity objects (already validated), so the rest of the ingest can treat them as v1.
 *
 * Every typed array is a fresh copy with its own ArrayBuffer: the input bytes may be dropped or
 * reused at once, and a worker can transfer the arrays (transferListV2) without copying again.
 */
import type { DropReason } from '../dropReasons';
import type { WireCatalogue, WireIncident, WireSegment, WireSensorReading, WireSignal, WireVehicle } from '../entities';

/** route / line of one vehicle row; only the few vehicles that carry them (buses, robotaxi trips). */
export interface VehicleExtrasV2 {
  /** Row in DecodedVehiclesV2's arrays. */
  row: number;
  route?: string;
  line?: WireVehicle['line'];
}

export interface DecodedVehiclesV2 {
  count: number;
  /** Resolved through the dictionary. */
  ids: string[];
  /** ENU metres in the zone frame (from the frame's origin), as the v1 ingest computes them. */
  east: Float32Array;
  north: Float32Array;
  /** Server epoch ms: the vehicle's own ts, or the frame ts when it had none. */
  ts: Float64Array;
  /** Degrees clockwise from north, [0, 360), 0.01° steps. */
  headingDeg: Float32Array;
  /** m/s, [0, 100], 0.01 m/s steps. */
  speedMps: Float32Array;
  /** Index into VEHICLE_CLASSES (src/sim/types), not VehicleBuffer's class code. */
  cls: Uint8Array;
  /** SAE level 0–5, or AUTOMATION_ABSENT (255). */
  automation: Uint8Array;
  extras: VehicleExtrasV2[];
}

export interface DecodedFrameV2 {
  kind: 'snapshot' | 'delta';
  zone: string;
  ts: number;
  seq: number;
  simMs?: number;
  timeScale?: number;
  /** count 0 when the frame has no vehicles. */
  vehicles: DecodedVehiclesV2;
  /** Vehicles removed at `ts` (v1 removed.vehicles). */
  removedVehicles: string[];
  /** Each with its ts resolved (the frame ts where v1 had none). */
  sensors: WireSensorReading[];
  segments: WireSegment[];
  signals: WireSignal[];
  incidents: WireIncident[];
  catalogue?: WireCatalogue;
  /** Size of the frame, for rate meters. */
  byteLength: number;
}

export type DecodeResultV2 = { ok: true; frame: DecodedFrameV2 } | { ok: false; reason: DropReason; detail: string };

/** The buffers a worker can hand over with postMessage(frame, transferListV2(frame)). */
export function transferListV2(frame: DecodedFrameV2): ArrayBuffer[] {
  const v = frame.vehicles;
  return [v.east, v.north, v.ts, v.headingDeg, v.speedMps, v.cls, v.automation].map((a) => a.buffer as ArrayBuffer);
}
