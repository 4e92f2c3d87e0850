/**
 * Messages between the main thread and the simulator worker. The worker validates what it is
 * told; the main thread trusts what its own worker posts (v2 frames were validated by the
 * worker's FrameDecoderV2, replayed frames go through the replay ingest's decoding).
 */
import { z } from 'zod';
import { SCENARIOS } from '../../sim/types';
import type { DropReason } from '../protocol/dropReasons';
import type { HistoryResultMessage } from '../protocol/messages';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import type { EncodedIds } from './IdKeyEncoder';

export const startSchema = z.object({
  type: z.literal('start'),
  zone: z.string().min(1).max(32),
  origin: z.object({ lonDeg: z.number().min(-180).max(180), latDeg: z.number().min(-90).max(90), heightM: z.number().min(-1000).max(10000) }),
  roadGraphUrl: z.string().min(1).max(2000),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  timeScale: z.number().min(1).max(60),
  rateHz: z.number().min(0.2).max(30),
  heartbeatMs: z.number().int().min(100).max(60_000),
  scenarios: z.string().max(500),
  /** Simulated start, epoch ms; default: the worker's wall clock, so time of day is real. */
  startSimMs: z.number().int().optional(),
  fleetScale: z.number().min(0.01).max(10).optional(),
  /**
   * How snapshots and deltas reach the main thread: 'v2' as decoded columns (transferables), 'v1'
   * as JSON text (default, for a host that only takes text).
   */
  encoding: z.enum(['v1', 'v2']).optional(),
});

const ts = z.number().int().min(0).max(8.64e15);

export const mainToWorkerSchema = z.discriminatedUnion('type', [
  startSchema,
  z.object({ type: z.literal('snapshot') }),
  z.object({
    type: z.literal('control'),
    timeScale: z.number().min(1).max(60).optional(),
    scenario: z.enum(SCENARIOS).optional(),
    params: z.object({ sensorId: z.string().optional(), edgeId: z.number().int().optional(), reverse: z.boolean().optional(), durationS: z.number().min(1).max(86_400).optional() }).optional(),
  }),
  /** Replays of the worker's recording (MemoryRecording), answered as replay-frame text. */
  z.object({ type: z.literal('replay'), id: z.number().int().min(0), from: ts, to: ts.optional(), speed: z.number().min(1).max(60) }),
  z.object({ type: z.literal('replay-stop') }),
  z.object({ type: z.literal('history'), id: z.number().int().min(0), from: ts, to: ts }),
  /** The main thread's id table is out of step: start a new key epoch. */
  z.object({ type: z.literal('ids-reset') }),
  z.object({ type: z.literal('stop') }),
]);

export type StartMessage = z.infer<typeof startSchema>;
export type MainToWorker = z.infer<typeof mainToWorkerSchema>;

export type WorkerToMain =
  /** A protocol message as JSON text (hello, heartbeat; snapshots and deltas in v1). */
  | { type: 'frame'; text: string }
  /** A v2 frame, decoded; its arrays are transferred. vehicles.ids is empty: the ids come as keys. */
  | { type: 'v2'; frame: DecodedFrameV2; ids: EncodedIds }
  /** A frame the worker could not hand over (counted by the ingest like any dropped frame). */
  | { type: 'rejected'; reason: DropReason; detail: string }
  /** A replayed protocol message (replay-start, snapshot, deltas, replay-end) for the replay ingest. */
  | { type: 'replay-frame'; text: string }
  | { type: 'history'; msg: HistoryResultMessage }
  | { type: 'state'; state: 'connected' | 'failed'; detail?: string };
