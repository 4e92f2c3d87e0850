/**
 * Message envelopes. Entity arrays are typed `unknown[]` at this level on purpose: each entity is
 * validated on its own by the ingest, so one bad vehicle costs one vehicle, not the whole delta.
 */
import { z } from 'zod';
import { SCENARIOS } from '../../sim/types';
import { catalogueSchema, idSchema, tsSchema, type WireCatalogue, type WireIncident, type WireSegment, type WireSensorReading, type WireSignal, type WireVehicle } from './entities';
import { MAX_ENTITIES_PER_MESSAGE, PROTOCOL_VERSION } from './limits';

const zoneSchema = z.string().min(1).max(32).regex(/^[a-z0-9-]+$/, 'lower-case zone id');
const entities = z.array(z.unknown()).max(MAX_ENTITIES_PER_MESSAGE);
const version = z.number().int().min(1).max(1000);
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const timeScale = z.number().min(1).max(60);

export const helloSchema = z.object({
  v: version, type: z.literal('hello'), server: z.string().max(100), ts: tsSchema,
  heartbeatMs: z.number().int().min(50).max(120_000), zones: z.array(zoneSchema).max(100),
  /** True when the server runs with --auth: the client must present a token (auth-ok follows). */
  authRequired: z.boolean().optional(),
  /**
   * Live-data encodings the server can send (docs/feed-protocol.md): 1 = JSON text frames, 2 = the
   * binary columnar v2 frames (src/feed/protocol/v2). Absent: a server that predates v2 (1 only).
   */
  protocols: z.array(z.number().int().min(1).max(1000)).max(16).optional(),
});

export const snapshotSchema = z.object({
  v: version, type: z.literal('snapshot'), zone: zoneSchema, ts: tsSchema, seq,
  simMs: tsSchema.optional(), timeScale: timeScale.optional(),
  catalogue: catalogueSchema.optional(),
  vehicles: entities, sensors: entities, signals: entities, segments: entities, incidents: entities,
});

export const deltaSchema = z.object({
  v: version, type: z.literal('delta'), zone: zoneSchema, ts: tsSchema, seq,
  simMs: tsSchema.optional(), timeScale: timeScale.optional(),
  vehicles: entities.optional(),
  removed: z.object({ vehicles: z.array(idSchema).max(MAX_ENTITIES_PER_MESSAGE).optional() }).optional(),
  sensors: entities.optional(), signals: entities.optional(), segments: entities.optional(), incidents: entities.optional(),
});

export const heartbeatSchema = z.object({ v: version, type: z.literal('heartbeat'), ts: tsSchema, seq: seq.optional() });
export const pongSchema = z.object({ v: version, type: z.literal('pong'), ts: tsSchema, clientTs: z.number().min(0).max(Number.MAX_SAFE_INTEGER) });
export const errorSchema = z.object({ v: version, type: z.literal('error'), code: z.string().max(64), message: z.string().max(500) });
/** MQTT only: the retained catalogue and the publisher's online/offline status (last will). */
export const catalogueMessageSchema = z.object({ v: version, type: z.literal('catalogue'), zone: zoneSchema, ts: tsSchema, catalogue: catalogueSchema });
export const statusSchema = z.object({ v: version, type: z.literal('status'), state: z.enum(['online', 'offline']), ts: tsSchema });

export const authOkSchema = z.object({ v: version, type: z.literal('auth-ok'), name: z.string().max(64), role: z.string().max(16) });

/** Video wall: what a leader shares so every screen shows one scene (docs/feed-protocol.md). */
const vec = (n: number) => z.array(z.number().finite().min(-1e8).max(1e8)).length(n);
const wallIdSchema = z.string().min(1).max(32).regex(/^[a-z0-9-]+$/, 'lower-case wall id');
export const wallStateSchema = z.object({
  seq: seq,
  zone: zoneSchema,
  /** ENU metres [east, north, up], as the viewer's CameraPose; fovDeg is the whole wall's vertical FOV. */
  camera: z.object({ position: vec(3), target: vec(3), fovDeg: z.number().min(1).max(179) }),
  tour: z.object({ id: z.string().max(64), step: z.number().int().min(0).max(10_000), state: z.enum(['playing', 'paused', 'interrupted']) }).optional(),
  simMs: tsSchema.optional(),
});
export type WallState = z.infer<typeof wallStateSchema>;
export const wallJoinedSchema = z.object({
  v: version, type: z.literal('wall-joined'), wall: wallIdSchema, as: z.enum(['leader', 'follower']),
  leader: z.string().max(64).nullable(), followers: z.number().int().min(0), state: wallStateSchema.nullable(), stateTs: tsSchema.nullable(),
});
export const wallStateMessageSchema = z.object({ v: version, type: z.literal('wall-state'), wall: wallIdSchema, ts: tsSchema, state: wallStateSchema });
export const wallPeersSchema = z.object({
  v: version, type: z.literal('wall-peers'), wall: wallIdSchema, leader: z.string().max(64).nullable(), followers: z.number().int().min(0),
});

/**
 * Time machine (docs/feed-protocol.md "Replay and history"). A replay answers on the same
 * connection: `replay-start`, then a `snapshot` (the state at `from`) and `delta`s paced at
 * `speed`, numbered afresh from 0, then `replay-end`. Live deltas for that zone pause meanwhile.
 */
const rangeSchema = z.object({ fromTs: tsSchema, toTs: tsSchema });
export const REPLAY_END_REASONS = ['reached-to', 'reached-live', 'stopped', 'no-recording', 'error'] as const;
export const replayStartSchema = z.object({
  v: version, type: z.literal('replay-start'), zone: zoneSchema, id: z.number().int().min(0).max(1e9),
  from: tsSchema, to: tsSchema.nullable(), speed: z.number().min(1).max(60), range: rangeSchema,
});
export const replayEndSchema = z.object({
  v: version, type: z.literal('replay-end'), zone: zoneSchema, id: z.number().int().min(0).max(1e9),
  reason: z.enum(REPLAY_END_REASONS), ts: tsSchema.nullable(), message: z.string().max(300).optional(),
});
/** A recorded event: an incident's change, a sensor crossing a threshold band, a control action. */
export const recordedEventSchema = z.object({ ts: tsSchema, kind: z.string().max(32), detail: z.record(z.string(), z.unknown()) });
export const historyResultSchema = z.object({
  v: version, type: z.literal('history-result'), zone: zoneSchema, id: z.number().int().min(0).max(1e9),
  from: tsSchema, to: tsSchema, range: rangeSchema.nullable(),
  events: z.array(recordedEventSchema).max(MAX_ENTITIES_PER_MESSAGE),
  /** Per sensor id: [ts, value] pairs in time order. */
  readings: z.record(idSchema, z.array(z.tuple([tsSchema, z.number().min(-1e6).max(1e6)])).max(20_000)).optional(),
  truncated: z.boolean(),
});
export type ReplayStartMessage = z.infer<typeof replayStartSchema>;
export type ReplayEndMessage = z.infer<typeof replayEndSchema>;
export type ReplayEndReason = (typeof REPLAY_END_REASONS)[number];
export type RecordedEvent = z.infer<typeof recordedEventSchema>;
export type HistoryResultMessage = z.infer<typeof historyResultSchema>;

export const serverMessageSchemas = {
  hello: helloSchema, snapshot: snapshotSchema, delta: deltaSchema, heartbeat: heartbeatSchema, pong: pongSchema, error: errorSchema,
  'auth-ok': authOkSchema, 'wall-joined': wallJoinedSchema, 'wall-state': wallStateMessageSchema, 'wall-peers': wallPeersSchema,
  'replay-start': replayStartSchema, 'replay-end': replayEndSchema, 'history-result': historyResultSchema,
} as const;

export type HelloMessage = z.infer<typeof helloSchema>;
export type SnapshotEnvelope = z.infer<typeof snapshotSchema>;
export type DeltaEnvelope = z.infer<typeof deltaSchema>;
export type HeartbeatMessage = z.infer<typeof heartbeatSchema>;
export type PongMessage = z.infer<typeof pongSchema>;
export type ErrorMessage = z.infer<typeof errorSchema>;
export type StatusMessage = z.infer<typeof statusSchema>;
export type AuthOkMessage = z.infer<typeof authOkSchema>;
export type WallServerMessage = z.infer<typeof wallJoinedSchema> | z.infer<typeof wallStateMessageSchema> | z.infer<typeof wallPeersSchema>;
export type ServerMessage = ReplayStartMessage | ReplayEndMessage | HistoryResultMessage | AuthOkMessage | WallServerMessage | HelloMessage | SnapshotEnvelope | DeltaEnvelope | HeartbeatMessage | PongMessage | ErrorMessage;

/** Typed shapes producers build; receivers validate them back through the schemas above. */
export interface SnapshotMessage {
  v: typeof PROTOCOL_VERSION; type: 'snapshot'; zone: string; ts: number; seq: number; simMs?: number; timeScale?: number;
  catalogue?: WireCatalogue;
  vehicles: WireVehicle[]; sensors: WireSensorReading[]; signals: WireSignal[]; segments: WireSegment[]; incidents: WireIncident[];
}
export interface DeltaMessage {
  v: typeof PROTOCOL_VERSION; type: 'delta'; zone: string; ts: number; seq: number; simMs?: number; timeScale?: number;
  vehicles?: WireVehicle[]; removed?: { vehicles?: string[] };
  sensors?: WireSensorReading[]; signals?: WireSignal[]; segments?: WireSegment[]; incidents?: WireIncident[];
}

/**
 * `encoding: 'v2'` asks for the zone's live snapshots and deltas as binary v2 frames (only when the
 * hello listed protocol 2); control messages, errors and replays stay JSON text either way.
 */
export const SUBSCRIBE_ENCODINGS = ['v1', 'v2'] as const;
export type SubscribeEncoding = (typeof SUBSCRIBE_ENCODINGS)[number];
export const subscribeSchema = z.object({ v: version, type: z.literal('subscribe'), zone: zoneSchema, encoding: z.enum(SUBSCRIBE_ENCODINGS).optional() });
export const unsubscribeSchema = z.object({ v: version, type: z.literal('unsubscribe'), zone: zoneSchema });
export const pingSchema = z.object({ v: version, type: z.literal('ping'), clientTs: z.number().min(0).max(Number.MAX_SAFE_INTEGER) });
export const controlSchema = z.object({
  v: version, type: z.literal('control'), zone: zoneSchema,
  timeScale: timeScale.optional(),
  scenario: z.enum(SCENARIOS).optional(),
  params: z.object({ sensorId: idSchema.optional(), edgeId: z.number().int().optional(), reverse: z.boolean().optional(), durationS: z.number().min(1).max(86_400).optional() }).optional(),
});
/** The token's own pattern is checked by the server, so a malformed one is an auth failure, not a bad request. */
export const authSchema = z.object({ v: version, type: z.literal('auth'), token: z.string().min(1).max(200) });
export const wallJoinSchema = z.object({ v: version, type: z.literal('wall-join'), wall: wallIdSchema, as: z.enum(['leader', 'follower']) });
export const wallLeaveSchema = z.object({ v: version, type: z.literal('wall-leave'), wall: wallIdSchema });
export const wallPublishSchema = z.object({ v: version, type: z.literal('wall-state'), wall: wallIdSchema, state: wallStateSchema });
/** `to` omitted: play on to the live end. `to` equal to `from`: only the state at `from` (a seek while paused). */
export const replaySchema = z.object({
  v: version, type: z.literal('replay'), zone: zoneSchema, id: z.number().int().min(0).max(1e9),
  from: tsSchema, to: tsSchema.optional(), speed: z.number().min(1).max(60),
});
export const replayStopSchema = z.object({ v: version, type: z.literal('replay-stop'), zone: zoneSchema });
export const HISTORY_KINDS = ['events', 'readings'] as const;
/** At most 24 h per request; `readings` needs the sensor ids (at most 20). */
export const MAX_HISTORY_SPAN_MS = 24 * 3_600_000;
export const historySchema = z.object({
  v: version, type: z.literal('history'), zone: zoneSchema, id: z.number().int().min(0).max(1e9),
  from: tsSchema, to: tsSchema, kinds: z.array(z.enum(HISTORY_KINDS)).min(1).max(2),
  sensors: z.array(idSchema).max(20).optional(),
});
export const clientMessageSchema = z.discriminatedUnion('type', [
  subscribeSchema, unsubscribeSchema, pingSchema, controlSchema, authSchema, wallJoinSchema, wallLeaveSchema, wallPublishSchema,
  replaySchema, replayStopSchema, historySchema,
]);
export type ReplayRequest = z.infer<typeof replaySchema>;
export type HistoryRequest = z.infer<typeof historySchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ControlMessage = z.infer<typeof controlSchema>;
