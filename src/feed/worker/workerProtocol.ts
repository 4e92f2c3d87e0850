/** Messages between the main thread and the simulator worker (validated on both sides). */
import { z } from 'zod';
import { SCENARIOS } from '../../sim/types';

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
});

export const mainToWorkerSchema = z.discriminatedUnion('type', [
  startSchema,
  z.object({ type: z.literal('snapshot') }),
  z.object({
    type: z.literal('control'),
    timeScale: z.number().min(1).max(60).optional(),
    scenario: z.enum(SCENARIOS).optional(),
    params: z.object({ sensorId: z.string().optional(), edgeId: z.number().int().optional(), reverse: z.boolean().optional(), durationS: z.number().min(1).max(86_400).optional() }).optional(),
  }),
  z.object({ type: z.literal('stop') }),
]);

export type StartMessage = z.infer<typeof startSchema>;
export type MainToWorker = z.infer<typeof mainToWorkerSchema>;

export type WorkerToMain =
  | { type: 'frame'; text: string }
  | { type: 'state'; state: 'connected' | 'failed'; detail?: string };
