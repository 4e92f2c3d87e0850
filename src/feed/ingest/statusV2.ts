/**
 * The MQTT v2 tree's status document, `<prefix>/<zone>/status` (retained, and the publisher's
 * last will): v1 JSON, `{ v, type: "status", state, ts }`. It sits one level above the v1 topic
 * layout, so decodeMqtt cannot take it.
 */
import { parseJsonText } from '../protocol/decode';
import type { DropReason } from '../protocol/dropReasons';
import { MAX_MESSAGE_CHARS, PROTOCOL_VERSION } from '../protocol/limits';
import { statusSchema, type StatusMessage } from '../protocol/messages';

export type StatusResultV2 = { ok: true; msg: StatusMessage | null } | { ok: false; reason: DropReason; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** `msg` null: an empty payload, which only clears the retained copy. */
export function decodeStatusV2(raw: unknown, maxChars = MAX_MESSAGE_CHARS): StatusResultV2 {
  const text = raw instanceof Uint8Array ? utf8.decode(raw) : raw;
  if (text === '') return { ok: true, msg: null };
  const parsed = parseJsonText(text, maxChars);
  if (!parsed.ok) return parsed;
  const v = (parsed.value as { v?: unknown } | null)?.v;
  if (typeof v === 'number' && v !== PROTOCOL_VERSION) return { ok: false, reason: 'version', detail: `v=${v}` };
  const r = statusSchema.safeParse(parsed.value);
  if (!r.success) return { ok: false, reason: 'schema', detail: `status: ${r.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, msg: r.data };
}
