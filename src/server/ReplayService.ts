/**
 * The feed server's time machine (docs/feed-protocol.md "Replay and history"): `replay` plays a
 * recorded stretch of a zone to one session on a ReplayStreamer over the recording store,
 * `replay-stop` ends it, `history` answers a span's events and sensor readings at once.
 *
 * Per session and zone at most one replay. While it plays, the session gets no live deltas of
 * that zone (ClientSession.offerDelta); when it ends, for whatever reason, a live snapshot follows
 * its `replay-end` and live deltas resume. A replay replaced by a newer one for the same zone ends
 * `stopped` without that snapshot: the new replay's own snapshot follows, and live stays paused.
 */
import { MAX_MESSAGE_CHARS, PROTOCOL_VERSION } from '../feed/protocol/limits';
import {
  MAX_HISTORY_SPAN_MS, REPLAY_END_REASONS,
  type HistoryRequest, type HistoryResultMessage, type RecordedEvent, type ReplayEndReason, type ReplayRequest,
} from '../feed/protocol/messages';
import { ReplayStreamer } from '../feed/replay/ReplayStreamer';
import type { Timers } from '../feed/sources/FeedSource';
import type { ClientSession } from './ClientSession';
import type { RecordingStore } from './recorder/RecordingStore';
import { StoreArchive } from './recorder/StoreArchive';
import type { ZoneHost } from './ZoneHost';

/** Events per history answer; past it `truncated` is set (ask again from the last one's ts). */
export const MAX_HISTORY_EVENTS = 5000;
/**
 * Readings per history answer, shared among the sensors asked for. A reading is about 22
 * characters of JSON, so 80 000 of them and 5000 events (≈ 300 each) stay well inside the
 * viewer's message limit (MAX_MESSAGE_CHARS, 4 M).
 */
export const MAX_HISTORY_READINGS = 80_000;
const MAX_READINGS_PER_SENSOR = 20_000;

export interface ReplayServiceOptions {
  /** null: the server runs without --data-dir, so there is nothing to replay. */
  store: RecordingStore | null;
  zones: ReadonlyMap<string, ZoneHost>;
  /** A replay sends nothing while the session's send buffer is above this (ClientSession's rule). */
  highWaterBytes: number;
  now: () => number;
  timers: Timers;
  log?: (line: string) => void;
}

export class ReplayService {
  private readonly archive: StoreArchive | null;
  private started = 0;
  private historyRequests = 0;
  private readonly endedBy = Object.fromEntries(REPLAY_END_REASONS.map((r) => [r, 0])) as Record<ReplayEndReason, number>;
  private readonly sessions = new Set<ClientSession>();

  constructor(private readonly o: ReplayServiceOptions) {
    this.archive = o.store ? new StoreArchive(o.store) : null;
  }

  replay(s: ClientSession, msg: ReplayRequest): void {
    const host = this.o.zones.get(msg.zone);
    if (!host) return error(s, 'unknown-zone', `no zone "${msg.zone}"`);
    if (!s.zones.has(host.id)) return error(s, 'not-subscribed', `subscribe to "${host.id}" before replaying it`);
    this.started++;
    if (!this.archive) {
      this.endedBy['no-recording']++;
      s.sendJson({
        v: PROTOCOL_VERSION, type: 'replay-end', zone: host.id, id: msg.id, reason: 'no-recording', ts: null,
        message: 'this feed server runs without --data-dir (or --record): nothing is recorded, so there is nothing to replay',
      });
      this.sendLive(s, host);
      return;
    }
    const streamer: ReplayStreamer = new ReplayStreamer({
      archive: this.archive, zone: host.id, request: msg, now: this.o.now, timers: this.o.timers,
      send: (m) => s.sendJson(m),
      canSend: () => s.ws.bufferedAmount <= this.o.highWaterBytes,
      onEnd: (reason) => this.ended(s, host, streamer, reason),
    });
    const previous = s.replays.get(host.id);
    // Set first, so the previous one's end sees it was replaced; its `stopped` still goes out
    // before the new `replay-start` (that waits for the store).
    s.replays.set(host.id, streamer);
    this.sessions.add(s);
    previous?.stop();
    streamer.start().catch((e: unknown) => this.o.log?.(`replay for ${s.displayName} failed: ${(e as Error).message}`));
  }

  /** `replay-stop`; nothing to do when the zone is not replaying. */
  stop(s: ClientSession, zone: string): void {
    s.replays.get(zone)?.stop();
  }

  /** The session left (or unsubscribed from `zone`): its replays end without a live snapshot. */
  drop(s: ClientSession, zone?: string): void {
    for (const [z, r] of [...s.replays]) {
      if (zone !== undefined && z !== zone) continue;
      s.replays.delete(z);
      r.stop();
    }
    if (s.replays.size === 0) this.sessions.delete(s);
  }

  async history(s: ClientSession, msg: HistoryRequest): Promise<void> {
    this.historyRequests++;
    const host = this.o.zones.get(msg.zone);
    if (!host) return error(s, 'unknown-zone', `no zone "${msg.zone}"`);
    if (msg.from > msg.to) return error(s, 'bad-request', 'history: from is after to');
    if (msg.to - msg.from > MAX_HISTORY_SPAN_MS) return error(s, 'bad-request', `history: at most ${MAX_HISTORY_SPAN_MS / 3_600_000} h per request`);
    const wantEvents = msg.kinds.includes('events');
    const sensors = msg.kinds.includes('readings') ? msg.sensors : [];
    if (!sensors) return error(s, 'bad-request', 'history: readings need the sensor ids (sensors: [...])');
    const out: HistoryResultMessage = {
      v: PROTOCOL_VERSION, type: 'history-result', zone: host.id, id: msg.id, from: msg.from, to: msg.to,
      range: null, events: [], truncated: false,
    };
    if (msg.kinds.includes('readings')) out.readings = {};
    const store = this.o.store;
    if (store) {
      try {
        out.range = await store.range(host.id);
        if (wantEvents) {
          const rows = await store.events(host.id, msg.from, msg.to, MAX_HISTORY_EVENTS + 1);
          out.truncated = rows.length > MAX_HISTORY_EVENTS;
          out.events = rows.slice(0, MAX_HISTORY_EVENTS).map((r): RecordedEvent => ({ ts: r.ts, kind: r.kind, detail: parseDetail(r.detail) }));
        }
        if (sensors.length > 0) {
          const perSensor = Math.min(MAX_READINGS_PER_SENSOR, Math.floor(MAX_HISTORY_READINGS / new Set(sensors).size));
          const series = await store.readings(host.id, sensors, msg.from, msg.to, perSensor + 1);
          for (const [id, points] of Object.entries(series)) {
            if (points.length > perSensor) out.truncated = true;
            out.readings![id] = points.slice(0, perSensor);
          }
        }
      } catch (e) {
        return error(s, 'history-failed', `history: the recording could not be read (${(e as Error).message})`);
      }
    }
    const text = JSON.stringify(out);
    if (text.length > MAX_MESSAGE_CHARS) return error(s, 'limit', 'history: the answer is too large; ask for a shorter span or fewer sensors');
    s.sendBytes(Buffer.from(text));
  }

  health(): { active: number; started: number; historyRequests: number; ended: Record<ReplayEndReason, number> } {
    let active = 0;
    for (const s of this.sessions) active += s.replays.size;
    return { active, started: this.started, historyRequests: this.historyRequests, ended: { ...this.endedBy } };
  }

  private ended(s: ClientSession, host: ZoneHost, streamer: ReplayStreamer, reason: ReplayEndReason): void {
    this.endedBy[reason]++;
    // Replaced by a newer replay, or dropped with the session: nothing more to send.
    if (s.replays.get(host.id) !== streamer) return;
    s.replays.delete(host.id);
    if (s.replays.size === 0) this.sessions.delete(s);
    this.sendLive(s, host);
  }

  /** Back to live: the state now (the client's state holds replayed data), then live deltas. */
  private sendLive(s: ClientSession, host: ZoneHost): void {
    if (!s.zones.has(host.id)) return;
    s.behind.delete(host.id);
    // In the zone's encoding: a v2 client's decoder restarts from this binary snapshot.
    s.sendSnapshot(host);
  }
}

function error(s: ClientSession, code: string, message: string): void {
  s.sendJson({ v: PROTOCOL_VERSION, type: 'error', code, message });
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { text: text.slice(0, 200) };
  }
}
