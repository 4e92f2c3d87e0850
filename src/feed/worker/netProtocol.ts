/**
 * Messages between the main thread and the network worker (netWorker.ts), which holds a live
 * feed's WebSocket and decodes v2 frames there. The worker validates what it is told; the main
 * thread trusts what its own worker posts (decoded frames were validated by FrameDecoderV2).
 */
import { z } from 'zod';
import { SCENARIOS } from '../../sim/types';
import type { DropReason } from '../protocol/dropReasons';
import { SUBSCRIBE_ENCODINGS, wallStateSchema } from '../protocol/messages';
import type { DecodedFrameV2 } from '../protocol/v2/types';
import type { ConnectionState, FeedAccess } from '../summary';
import type { EncodedIds } from './IdKeyEncoder';

const netStartSchema = z.object({
  type: z.literal('start'),
  url: z.string().min(1).max(2000),
  zone: z.string().min(1).max(32),
  origin: z.object({ lonDeg: z.number().min(-180).max(180), latDeg: z.number().min(-90).max(90), heightM: z.number().min(-1000).max(10000) }),
  encoding: z.enum(SUBSCRIBE_ENCODINGS),
  token: z.string().max(2000).optional(),
  heartbeatTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  backoff: z.object({ baseMs: z.number().min(1).max(600_000), capMs: z.number().min(1).max(3_600_000) }).optional(),
  jitterSeed: z.union([z.string().max(200), z.number()]).optional(),
});

const wallId = z.string().min(1).max(64);

export const mainToNetSchema = z.discriminatedUnion('type', [
  netStartSchema,
  z.object({ type: z.literal('snapshot') }),
  z.object({ type: z.literal('heartbeat'), ms: z.number().int().min(100).max(600_000) }),
  z.object({
    type: z.literal('control'),
    timeScale: z.number().min(1).max(60).optional(),
    scenario: z.enum(SCENARIOS).optional(),
    params: z.object({ sensorId: z.string().optional(), edgeId: z.number().int().optional(), reverse: z.boolean().optional(), durationS: z.number().min(1).max(86_400).optional() }).optional(),
  }),
  z.object({ type: z.literal('token'), token: z.string().max(2000) }),
  /** A client message sent as-is (history, replay requests). */
  z.object({ type: z.literal('request'), msg: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('wall-join'), wall: wallId, as: z.enum(['leader', 'follower']) }),
  z.object({ type: z.literal('wall-leave'), wall: wallId }),
  z.object({ type: z.literal('wall-publish'), wall: wallId, state: wallStateSchema }),
  /** The main thread's id table is out of step: start a new key epoch. */
  z.object({ type: z.literal('ids-reset') }),
  z.object({ type: z.literal('stop') }),
]);

export type NetStartMessage = z.infer<typeof netStartSchema>;
export type MainToNet = z.infer<typeof mainToNetSchema>;

export type NetToMain =
  /** A text frame (v1 JSON, or any control message): decoded on the main thread as before. */
  | { type: 'text'; data: string }
  /**
   * A decoded v2 frame; its typed arrays came over as transferables (transferListV2). Its
   * vehicles.ids is empty: the ids come as keys (IdKeyEncoder), resolved with IdKeyTable.
   */
  | { type: 'frame'; frame: DecodedFrameV2; ids: EncodedIds }
  /** A v2 frame the worker dropped. */
  | { type: 'rejected'; reason: DropReason; detail: string }
  | { type: 'state'; state: ConnectionState; detail: string | null; nextRetryAtMs?: number; attempt?: number }
  | { type: 'access'; access: FeedAccess };
