/**
 * First line of defence for everything that arrives from a feed: size before parsing, JSON, then
 * the envelope schema. Entity arrays stay unvalidated here; the ingest checks each entity itself.
 */
import type { z } from 'zod';
import { tsSchema } from './entities';
import type { DropReason } from './dropReasons';
import { MAX_MESSAGE_CHARS, PROTOCOL_VERSION } from './limits';
import {
  catalogueMessageSchema, serverMessageSchemas, statusSchema,
  type AuthOkMessage, type DeltaEnvelope, type ErrorMessage, type HeartbeatMessage, type HelloMessage, type PongMessage, type SnapshotEnvelope,
  type StatusMessage, type WallServerMessage, type ReplayStartMessage, type ReplayEndMessage, type HistoryResultMessage,
} from './messages';
import type { WireCatalogue } from './entities';
import { parseTopic } from './topics';

export type Decoded =
  | { kind: 'hello'; msg: HelloMessage }
  | { kind: 'snapshot'; msg: SnapshotEnvelope }
  /** `sequenced` is false for MQTT, where per-entity messages carry no stream sequence. */
  | { kind: 'delta'; msg: DeltaEnvelope; sequenced: boolean }
  | { kind: 'heartbeat'; msg: HeartbeatMessage }
  | { kind: 'pong'; msg: PongMessage }
  | { kind: 'error'; msg: ErrorMessage }
  | { kind: 'auth-ok'; msg: AuthOkMessage }
  /** Video-wall sync messages (wall-joined, wall-state, wall-peers). */
  | { kind: 'wall'; msg: WallServerMessage }
  | { kind: 'catalogue'; zone: string; ts: number; catalogue: WireCatalogue }
  | { kind: 'status'; msg: StatusMessage }
  /** Time machine: replay-start, replay-end (the replayed stream's bounds) and history-result. */
  | { kind: 'replay'; msg: ReplayStartMessage | ReplayEndMessage }
  | { kind: 'history'; msg: HistoryResultMessage }
  | { kind: 'ignored' };

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; reason: DropReason; detail: string };

const fail = (reason: DropReason, detail: string): DecodeResult => ({ ok: false, reason, detail });

function zodDetail(err: z.ZodError): string {
  const i = err.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/** Size check and JSON parse; never throws. */
export function parseJsonText(raw: unknown, maxChars = MAX_MESSAGE_CHARS): { ok: true; value: unknown } | { ok: false; reason: DropReason; detail: string } {
  if (typeof raw !== 'string') return { ok: false, reason: 'not-text', detail: typeof raw };
  if (raw.length > maxChars) return { ok: false, reason: 'too-large', detail: `${raw.length} chars > ${maxChars}` };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (e) {
    return { ok: false, reason: 'not-json', detail: (e as Error).message.slice(0, 120) };
  }
}

function checkVersion(obj: Record<string, unknown>): DecodeResult | null {
  if (typeof obj.v === 'number' && obj.v !== PROTOCOL_VERSION) return fail('version', `v=${String(obj.v)}`);
  return null;
}

/** Decodes a WebSocket / worker text frame. */
export function decodeServerText(raw: unknown, maxChars = MAX_MESSAGE_CHARS): DecodeResult {
  const parsed = parseJsonText(raw, maxChars);
  if (!parsed.ok) return parsed;
  const obj = parsed.value;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return fail('schema', 'not an object');
  const rec = obj as Record<string, unknown>;
  const bad = checkVersion(rec);
  if (bad) return bad;
  const type = rec.type;
  if (typeof type !== 'string' || !(type in serverMessageSchemas)) return fail('schema', `unknown type ${JSON.stringify(type)?.slice(0, 40)}`);
  const schema = serverMessageSchemas[type as keyof typeof serverMessageSchemas];
  const r = schema.safeParse(rec);
  if (!r.success) return fail('schema', `${type}: ${zodDetail(r.error)}`);
  const msg = r.data;
  switch (msg.type) {
    case 'delta':
      return { ok: true, value: { kind: 'delta', msg, sequenced: true } };
    case 'hello':
      return { ok: true, value: { kind: 'hello', msg } };
    case 'snapshot':
      return { ok: true, value: { kind: 'snapshot', msg } };
    case 'heartbeat':
      return { ok: true, value: { kind: 'heartbeat', msg } };
    case 'pong':
      return { ok: true, value: { kind: 'pong', msg } };
    case 'error':
      return { ok: true, value: { kind: 'error', msg } };
    case 'auth-ok':
      return { ok: true, value: { kind: 'auth-ok', msg } };
    case 'wall-joined':
    case 'wall-state':
    case 'wall-peers':
      return { ok: true, value: { kind: 'wall', msg } };
    case 'replay-start':
    case 'replay-end':
      return { ok: true, value: { kind: 'replay', msg } };
    case 'history-result':
      return { ok: true, value: { kind: 'history', msg } };
  }
}

/**
 * Decodes one MQTT message. Entity payloads are wrapped into an unsequenced delta so the ingest
 * applies every transport the same way.
 */
export function decodeMqtt(topic: string, raw: unknown, prefix: string, maxChars = MAX_MESSAGE_CHARS): DecodeResult {
  const t = parseTopic(topic, prefix);
  if (!t) return fail('unknown-topic', topic.slice(0, 120));
  // An empty payload clears a retained message; it carries no data.
  if (raw === '') return { ok: true, value: { kind: 'ignored' } };
  const parsed = parseJsonText(raw, maxChars);
  if (!parsed.ok) return parsed;
  const obj = parsed.value;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return fail('schema', 'not an object');
  const rec = obj as Record<string, unknown>;
  const bad = checkVersion(rec);
  if (bad) return bad;
  switch (t.kind) {
    case 'hello':
    case 'heartbeat': {
      const r = serverMessageSchemas[t.kind].safeParse(rec);
      if (!r.success) return fail('schema', `${t.kind}: ${zodDetail(r.error)}`);
      return { ok: true, value: t.kind === 'hello' ? { kind: 'hello', msg: r.data as HelloMessage } : { kind: 'heartbeat', msg: r.data as HeartbeatMessage } };
    }
    case 'status': {
      const r = statusSchema.safeParse(rec);
      return r.success ? { ok: true, value: { kind: 'status', msg: r.data } } : fail('schema', `status: ${zodDetail(r.error)}`);
    }
    case 'catalogue': {
      const r = catalogueMessageSchema.safeParse(rec);
      if (!r.success) return fail('schema', `catalogue: ${zodDetail(r.error)}`);
      return { ok: true, value: { kind: 'catalogue', zone: t.zone, ts: r.data.ts, catalogue: r.data.catalogue } };
    }
    default: {
      if (rec.id !== t.id) return fail('schema', `${t.kind}: payload id does not match topic`);
      const ts = tsSchema.safeParse(rec.ts);
      if (!ts.success) return fail('schema', `${t.kind}: ts missing or invalid`);
      const msg: DeltaEnvelope = { v: PROTOCOL_VERSION, type: 'delta', zone: t.zone, ts: ts.data, seq: 0 };
      if (t.kind === 'vehicle' && rec.removed === true) msg.removed = { vehicles: [t.id] };
      else if (t.kind === 'vehicle') msg.vehicles = [rec];
      else if (t.kind === 'sensor') msg.sensors = [rec];
      else if (t.kind === 'signal') msg.signals = [rec];
      else if (t.kind === 'segment') msg.segments = [rec];
      else msg.incidents = [rec];
      return { ok: true, value: { kind: 'delta', msg, sequenced: false } };
    }
  }
}
