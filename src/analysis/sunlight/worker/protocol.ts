/**
 * Messages between the main thread and a sunlight worker, and the plain shapes they carry. The
 * receivers and results mirror the engine's (receivers.ts, engine.ts); the caster mesh travels as
 * typed arrays (casters.ts `casterArrays`), so each worker builds its own BVH without the main
 * thread paying for it. Every message carries a job id: a late reply of a cancelled job is dropped.
 */

import type { Profile } from '../profiles';
import type { Receiver, ReceiverResult } from '../types';

export type { Vec3 } from '../../../core/geodesy';
/** A sample point: a window sill on a facade, or a ground grid point (types.ts). */
export type WorkerReceiver = Receiver;
/** One receiver's result (types.ts); `litMask` is never asked for across the worker boundary. */
export type ResultRow = ReceiverResult;

/** The caster mesh of casters.ts, transferable. */
export interface CasterArraysMessage {
  positions: Float32Array;
  index: Uint32Array;
  triBuilding: Uint32Array;
  ids: string[];
}

/** A resolved rule profile (profiles.ts), plain data. */
export type ProfileParamsMessage = Profile;

/** A regular grid of ground points: point (col, row) at (minE + col·stepM, minN + row·stepM). */
export interface GroundGrid {
  minE: number;
  minN: number;
  stepM: number;
  cols: number;
  rows: number;
  heightM: number;
}

export interface RunMessage {
  type: 'run';
  jobId: number;
  receivers: WorkerReceiver[];
  casters: CasterArraysMessage;
  profile: ProfileParamsMessage;
  latDeg: number;
  lonDeg: number;
  year: number;
  /** Receivers per chunk: between chunks the worker yields, so a cancel is seen. */
  chunkSize: number;
}

export interface CancelMessage {
  type: 'cancel';
  jobId: number;
}

export type MainToSunlightWorker = RunMessage | CancelMessage;

export type SunlightWorkerToMain =
  | { type: 'progress'; jobId: number; done: number; total: number }
  | { type: 'result'; jobId: number; rows: ResultRow[]; cancelled: boolean }
  | { type: 'error'; jobId: number; message: string };

/**
 * Receivers per chunk: a cancel is seen within ~100 ms on a slow core at 1-min steps, and the
 * 4 ms a browser adds to nested zero timeouts stays a small share of each chunk's work.
 */
export const DEFAULT_CHUNK_SIZE = 32;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The worker's check of what it is sent. The main thread is ours, but a message that would feed
 * NaN or a missing array into the engine must fail with a message, not deep inside a loop.
 */
export function checkMainMessage(m: unknown): MainToSunlightWorker | string {
  if (!isObj(m) || typeof m.type !== 'string') return 'message must be an object with a type';
  if (!finite(m.jobId)) return 'jobId must be a number';
  if (m.type === 'cancel') return { type: 'cancel', jobId: m.jobId };
  if (m.type !== 'run') return `unknown message type "${String(m.type).slice(0, 20)}"`;
  if (!Array.isArray(m.receivers)) return 'receivers must be an array';
  const c = m.casters;
  if (!isObj(c) || !(c.positions instanceof Float32Array) || !(c.index instanceof Uint32Array) || !(c.triBuilding instanceof Uint32Array) || !Array.isArray(c.ids)) {
    return 'casters must be { positions: Float32Array, index: Uint32Array, triBuilding: Uint32Array, ids }';
  }
  if (!isObj(m.profile)) return 'profile must be an object';
  if (!finite(m.latDeg) || Math.abs(m.latDeg) > 90 || !finite(m.lonDeg) || Math.abs(m.lonDeg) > 180) return 'latDeg/lonDeg out of range';
  if (!finite(m.year) || !finite(m.chunkSize) || m.chunkSize < 1) return 'year and chunkSize must be numbers (chunkSize ≥ 1)';
  return m as unknown as RunMessage;
}
